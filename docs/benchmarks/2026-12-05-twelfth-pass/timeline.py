import json,datetime,re,statistics,sys
name=sys.argv[1]
def ts(s): return datetime.datetime.fromisoformat(s[:26]).replace(tzinfo=datetime.timezone.utc).timestamp()*1000
pms=[ts(json.loads(l)['@timestamp']) for l in open('/tmp/runs/%s/logs/parcels-manager-service.log'%name) if 'POST /api/v1/checkpoints' in l]
tl=[]
for l in open('/tmp/runs/%s-timeline.txt'%name):
    m=re.search(r'relaySend=(\d+) firstDelivery=\+(\d+) lastDelivery=\+(\d+) count=10000',l)
    if m: tl.append(tuple(int(x) for x in m.groups()))
txt=open('/tmp/runs/%s.txt'%name).read().split('## Checkpoint 201 → 10')[1]
ours=[float(m.group(1).replace(',','')) for m in re.finditer(r'^\| \d+ \| [\d.,]+ \| ([\d.,]+) \|',txt,re.M)]
# align: each timeline entry to the nearest preceding 201
rows=[]
for relay,first,last in tl:
    c=[p for p in pms if p<=relay+2 and relay-p<500]
    if not c: continue
    t201=max(c)
    rows.append((relay-t201, first, last-first, None))
# ours rounds: last len(ours) timeline rows
rows=rows[-len(ours):]
vis=[o-(r[0]+r[1]+r[2]) for o,r in zip(ours,rows)]
def med(x): return statistics.median(x)
print("n=%d  201->relay send %.1f | relay send->first delivery sent %.1f | first->last delivery sent %.1f | last sent->visible %.1f | total %.1f"%(
    len(rows),med([r[0] for r in rows]),med([r[1] for r in rows]),med([r[2] for r in rows]),med(vis),med(ours)))
