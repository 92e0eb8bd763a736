#!/usr/bin/env python3
"""One line per fleet run: the figures the eleventh pass compares (usage: summarise.py RUN.txt ...)."""
import re
import sys


def cpu(text, clients, part):
    line = re.search(r"CPU ms per checkpoint at %d clients.*" % clients, text).group(0)
    if part == "total":
        return re.search(r"total ([\d.]+)", line).group(1)
    return re.search(re.escape(part) + r" ([\d.]+)", line).group(1)


for path in sys.argv[1:]:
    text = open(path).read()
    name = path.rsplit("/", 1)[-1].removesuffix(".txt")
    live = re.search(r"GET /health/live at 16 clients: ([\d,]+) req/s", text).group(1)
    ratio = {c: re.search(r"\| %d \| [^|]+\| [^|]+\| ([\d.]+)" % c, text).group(1) for c in (8, 16)}
    first_round = re.search(r"round 1 at 1 clients, (\d+) s after the warm-up began", text)
    open_loop = re.search(r"open-loop p99: .* ratio ([\d.]+)", text)
    chat = re.search(r"p50 ([\d.]+) ms, p99 ([\d.]+) ms, max", text)
    fan_out = re.search(r"fan-out: .* ratio ([\d.]+)", text)
    print(f"| `{name}` | {live} | {ratio[8]} / {ratio[16]} | {cpu(text, 8, 'total')} / {cpu(text, 16, 'total')} ms "
          f"(pgbench {cpu(text, 8, 'pgbench client + backends')} / {cpu(text, 16, 'pgbench client + backends')}) | "
          f"{cpu(text, 8, 'parcels-manager-service')} | {cpu(text, 8, 'notification-service')} | "
          f"{cpu(text, 8, 'kafka broker')} | {cpu(text, 8, 'postgresql (our databases)')} | "
          f"{first_round.group(1) if first_round else '-'} s | {open_loop.group(1) if open_loop else '-'} | "
          f"{chat.group(1) + ' / ' + chat.group(2) if chat else '-'} ms | {fan_out.group(1) if fan_out else '-'} |")
