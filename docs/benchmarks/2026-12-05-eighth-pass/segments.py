#!/usr/bin/env python3
"""Per-thread CPU per checkpoint in each API load segment of a threads.py recording.
usage: segments.py file.jsonl            per process: CPU ms per checkpoint outside and inside the JIT's compiler threads
       segments.py file.jsonl --threads  per process and thread name, every thread group above 0.5% of the segment"""
import json, sys, collections, re

def segments(recs):
    """Runs of 2-s samples in which parcels-manager-service recorded more than 100 checkpoints a second."""
    pms = lambda r: next((k for k in r['procs'] if k.startswith('parcels-manager-service')), None)
    found, cur = [], None
    for a, b in zip(recs, recs[1:]):
        if pms(a) != pms(b) or a['checkpoints'] is None or b['checkpoints'] is None:
            cur = None
            continue
        if (b['checkpoints'] - a['checkpoints']) / (b['t'] - a['t']) > 100:
            if cur is None:
                cur = [a, b]
                found.append(cur)
            else:
                cur.append(b)
        else:
            cur = None
    for s in found:
        a, b = (s[1], s[-2]) if len(s) > 3 else (s[0], s[-1])   # the edge samples straddle idle time
        n, dt = b['checkpoints'] - a['checkpoints'], b['t'] - a['t']
        if n > 0 and dt >= 3:
            yield pms(a), a, b, n, dt

def spent(a, b, proc):
    """Nanoseconds per thread name (digits folded) between two samples; threads are keyed name|tid."""
    key = next((k for k in b['procs'] if k.startswith(proc)), None)
    if not key or key not in a['procs']:
        return {}
    groups = collections.Counter()
    for th, v in b['procs'][key].items():
        groups[re.sub(r'\d+', 'N', th.split('|')[0])] += v - a['procs'][key].get(th, 0)
    return groups

recs = [json.loads(l) for l in open(sys.argv[1])]
starts = {}
for p, a, b, n, dt in segments(recs):
    t = a['t'] - starts.setdefault(p, a['t'])
    if '--threads' in sys.argv:
        rows = [(v / n / 1e6, proc.split(':')[0], th) for proc in b['procs'] for th, v in spent(a, b, proc.split(':')[0]).items()]
        total = sum(r[0] for r in rows)
        print(f"\n== {p} t+{t:.0f}s {dt:.0f}s {n/dt:.0f}/s: {total:.3f} ms per checkpoint")
        for v, proc, th in sorted(rows, reverse=True):
            if v >= 0.005 * total:
                print(f"   {v:.4f}  {proc:<26} {th}")
    else:
        cells, tot, jit = [], 0, 0
        for proc in ['parcels-manager-service', 'broker', 'notification-service']:
            g = spent(a, b, proc)
            c = sum(v for th, v in g.items() if th.startswith(('CN ', 'C1 ', 'C2 ')))
            o = sum(g.values()) - c
            tot, jit = tot + c + o, jit + c
            cells.append(f"{proc[:7]} {o/n/1e6:.3f}+jit {c/n/1e6:.3f}")
        print(f"{p} t+{t:4.0f}s {dt:3.0f}s {n/dt:5.0f}/s  " + "  ".join(cells) + f"  | jit share of these {jit/max(tot,1):.0%}")
