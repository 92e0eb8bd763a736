#!/usr/bin/env python3
"""usage: summary.py run.txt:<the jar's default linger> ...
One line per whole-harness run: the figures the thirteenth pass compares (markdown table rows)."""
import re, sys

def grab(pattern, text, group=1, default='–'):
    m = re.search(pattern, text, re.M)
    return m.group(group) if m else default

print('| run | outbox.linger | `/health/live` req/s | pgbench tps, 8 clients | API ÷ pgbench, 8 / 16 clients | fleet CPU per checkpoint, 8 / 16 (pgbench\'s per transaction) | broker, 8 / 16 | notification-service, 8 / 16 | open-loop p99 ÷ pgbench\'s | chat p50 / p99 | fan-out ÷ producer |')
print('|---|---|---|---|---|---|---|---|---|---|---|')
for arg in sys.argv[1:]:
    path, _, jar_default = arg.partition(':')
    text = open(path).read()
    name = path.split('/')[-1].removesuffix('.txt')
    linger = grab(r'PARCELTRACK_OUTBOX_LINGER=(\w+)', text, default=jar_default + ' (default)')
    health = grab(r'GET /health/live at 16 clients: ([\d,]+) req/s', text)
    row = {}
    for c in ('8', '16'):
        row[c] = re.search(r'^\S+ \| ' + c + r' \| ([\d,]+) \([^)]*\) \| [\d,]+ \([^)]*\) \| ([\d.]+) ', text, re.M)
    cpu = {c: re.search(r'CPU ms per checkpoint at ' + c + r' clients.*?kafka broker ([\d.]+).*?total ([\d.]+); pgbench client \+ backends ([\d.]+)', text) for c in ('8', '16')}
    ns = {c: grab(r'CPU ms per checkpoint at ' + c + r' clients.*?notification-service ([\d.]+)', text) for c in ('8', '16')}
    p99 = grab(r'open-loop p99: .* ratio ([\d.]+)', text)
    chat = re.search(r'p50 ([\d.]+) ms, p99 ([\d.]+) ms', text)
    fan = grab(r'^\S+ fan-out: .* ratio ([\d.]+)', text)
    print(f"| `{name}` | {linger} | {health} | {row['8'].group(1) if row['8'] else '–'} | "
          f"{row['8'].group(2) if row['8'] else '–'} / {row['16'].group(2) if row['16'] else '–'} | "
          f"{cpu['8'].group(2) if cpu['8'] else '–'} / {cpu['16'].group(2) if cpu['16'] else '–'} ms "
          f"({cpu['8'].group(3) if cpu['8'] else '–'} / {cpu['16'].group(3) if cpu['16'] else '–'}) | "
          f"{cpu['8'].group(1) if cpu['8'] else '–'} / {cpu['16'].group(1) if cpu['16'] else '–'} ms | {ns['8']} / {ns['16']} ms | "
          f"{p99} | {chat.group(1) + ' / ' + chat.group(2) + ' ms' if chat else '–'} | {fan} |")
