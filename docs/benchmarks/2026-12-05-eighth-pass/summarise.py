#!/usr/bin/env python3
import re, sys
for f in sys.argv[1:]:
    s = open(f).read()
    health = re.search(r'live at 16 clients: ([\d,]+) req/s', s)
    rows = re.findall(r'^\| (\d+) \| ([\d,]+) \(.*?\) \| ([\d,]+) \(.*?\) \| ([\d.]+) \(', s, re.M)
    cpu = re.findall(r'CPU ms per checkpoint at (\d+) clients.*?parcels-manager-service ([\d.]+).*?notification-service ([\d.]+).*?kafka broker ([\d.]+), postgresql \(our databases\) ([\d.]+), total ([\d.]+); pgbench client \+ backends ([\d.]+)', s)
    listen = re.findall(r'outbox-listen ([\d.]+)', s)
    out = [f.split('/')[-1].replace('.log',''), 'health ' + (health.group(1) if health else '?')]
    for c, pg, api, r in rows: out.append(f"{c}c {r} ({api}/{pg})")
    for c, pms, ns, br, pgc, tot, anc in cpu: out.append(f"cpu{c}: pms {pms} ns {ns} broker {br} pg {pgc} total {tot} anchor {anc}")
    out.append('listen-pg ' + '/'.join(listen))
    print(' | '.join(out))
