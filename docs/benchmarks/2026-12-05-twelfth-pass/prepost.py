import json,datetime,sys,re,statistics
def ts(s): return datetime.datetime.fromisoformat(s[:26])
for name in sys.argv[1:]:
    d='/tmp/runs/%s/logs/'%name
    pms=[json.loads(l) for l in open(d+'parcels-manager-service.log') if 'POST /api/v1/checkpoints' in l]
    ns=[json.loads(l) for l in open(d+'notification-service.log') if 'FO000000001' in l and 'deliveries' in l]
    byt={x.get('trace_id'):x for x in pms}
    pre=[(ts(x['@timestamp'])-ts(byt[x['trace_id']]['@timestamp'])).total_seconds()*1000 for x in ns if x.get('trace_id') in byt]
    rounds=[]
    txt=open('/tmp/runs/%s.txt'%name).read().split('## Checkpoint 201 → 10')[1]
    for m in re.finditer(r'^\| (\d+) \| ([\d.,]+) \| ([\d.,]+) \|',txt,re.M):
        rounds.append(float(m.group(3).replace(',','')))
    pre=pre[-len(rounds):]
    post=[o-p for o,p in zip(rounds,pre)]
    print("%-8s ours %5.1f  pre(201->sends done) %5.1f  post(->visible) %5.1f   n=%d"%(name,statistics.median(rounds),statistics.median(pre),statistics.median(post),len(rounds)))
