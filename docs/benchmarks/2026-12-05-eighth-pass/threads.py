#!/usr/bin/env python3
"""Samples per-thread CPU (schedstat ns) of the fleet's processes every 2 s, with PMS's checkpoints counter.
usage: threads.py out.jsonl  (runs until no parceltrack.jar process for 30 s)"""
import os, re, sys, time, json, subprocess, urllib.request
out = open(sys.argv[1], 'a')
def procs():
    res = {}
    for pid in os.listdir('/proc'):
        if not pid.isdigit(): continue
        try: cmd = open(f'/proc/{pid}/cmdline','rb').read().replace(b'\0',b' ').decode()
        except Exception: continue
        m = re.search(r'parceltrack\.jar (\S+)', cmd)
        if m: res[pid] = m.group(1)
        elif 'kafka.Kafka' in cmd or 'KafkaTestBroker' in cmd or ('kafka' in cmd and 'server.properties' in cmd): res[pid] = 'broker'
    return res
def port_of(pid):
    s = subprocess.run(['ss','-ltnp'], capture_output=True, text=True).stdout
    ports = [l.split()[3].rsplit(':',1)[1] for l in s.splitlines() if f'pid={pid},' in l]
    return ports
def threads(pid):
    res = {}
    try:
        for tid in os.listdir(f'/proc/{pid}/task'):
            try:
                comm = open(f'/proc/{pid}/task/{tid}/comm').read().strip()
                ns = int(open(f'/proc/{pid}/task/{tid}/schedstat').read().split()[0])
            except Exception: continue
            res[comm + '|' + tid] = ns
    except Exception: pass
    return res
pms_url = None; idle = 0
while True:
    ps = procs()
    if not ps:
        idle += 1
        if idle > 15: break
        time.sleep(2); continue
    idle = 0
    count = None
    pms = [p for p, n in ps.items() if n == 'parcels-manager-service']
    if pms and pms_url is None:
        for port in port_of(pms[0]):
            try:
                urllib.request.urlopen(f'http://127.0.0.1:{port}/metrics', timeout=1).read(); pms_url = f'http://127.0.0.1:{port}/metrics'; break
            except Exception: pass
    if pms_url:
        try:
            for line in urllib.request.urlopen(pms_url, timeout=2).read().decode().splitlines():
                if line.startswith('parceltrack_checkpoints_recorded_total'): count = (count or 0) + float(line.split()[-1])
        except Exception: pms_url = None
    rec = {'t': time.time(), 'checkpoints': count, 'procs': {ps[p] + ':' + p: threads(p) for p in ps}}
    out.write(json.dumps(rec) + '\n'); out.flush()
    time.sleep(2)
