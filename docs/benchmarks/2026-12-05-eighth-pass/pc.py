#!/usr/bin/env python3
import re, sys, collections
for f in sys.argv[1:]:
    lines = [l for l in open(f) if not l.startswith('{')]
    pat = re.compile(r'^\s*(\d+)\s+(\d+)\s+([%sbn!]*)\s*(\d)\s+(\S+)')
    ev = []
    for l in lines:
        m = pat.match(l)
        if not m: continue
        t, cid, flags, lvl, meth = int(m.group(1)), m.group(2), m.group(3), int(m.group(4)), m.group(5)
        ev.append((t, lvl, meth, 'made not entrant' in l, '%' in flags))
    print(f"== {f.split('/')[-1]}: {len(ev)} events")
    buckets = collections.defaultdict(lambda: [0,0,0,0])
    for t, lvl, meth, nte, osr in ev:
        b = buckets[t // 30000]
        if nte: b[3 if lvl == 4 else 2] += 1
        else: b[1 if lvl == 4 else 0] += 1
    print("  per 30 s: [compiles C1, compiles C2, not-entrant C1, not-entrant C2]")
    for k in sorted(buckets): print(f"  t={k*30:4d}s {buckets[k]}")
    late = [e for e in ev if e[0] > 150000]
    c4 = collections.Counter(e[2] for e in late if e[1] == 4 and not e[3])
    d4 = collections.Counter(e[2] for e in late if e[1] == 4 and e[3])
    print(f"  after 150 s: {sum(c4.values())} C2 compiles of {len(c4)} methods; C2 code made not entrant {sum(d4.values())} times ({len(d4)} methods)")
    print("  most recompiled at C2 after 150 s:", c4.most_common(12))
    print("  most deoptimised C2 after 150 s:", d4.most_common(8))
    pk = collections.Counter('.'.join(e[2].split('::')[0].split('.')[:-1]) for e in late if not e[3])
    print("  compiles after 150 s by package:", pk.most_common(12))
