import sys,re,collections
def load(f):
    d={}
    for l in open(f):
        p=l.rstrip('\n').split('\t')
        if len(p)==3 and p[2]: d[p[0]]=(p[1],int(p[2]))
    return d
a,b,n=load(sys.argv[1]),load(sys.argv[2]),float(sys.argv[3])
agg=collections.Counter()
for tid,(c,ns) in b.items():
    base=a.get(tid,(c,0))[1]
    agg[re.sub(r'\d','#',c)]+= (ns-base)
tot=sum(agg.values())
print("total %.1f ms/round"%(tot/1e6/n))
for k,v in agg.most_common(14): print("%9.2f %s"%(v/1e6/n,k))
