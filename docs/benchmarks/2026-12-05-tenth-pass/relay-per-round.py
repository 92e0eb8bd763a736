# The relay's Kafka transactions per closed-loop round: reads a sampler file (every 2 s:
# parcels-manager-service's /metrics counters of the outbox relay's producer and the broker's CPU
# ticks) and the harness's output, and prints, for the API's 10 s of each round, checkpoints per
# second, produce requests per second (one per relay transaction at these batch sizes), events per
# request, the client's commit time per request and the broker's CPU per checkpoint.
# Usage: python3 relay-per-round.py SAMPLER HARNESS_OUTPUT
import datetime, re, sys

def clock(text):
    return datetime.datetime.strptime(text, '%H:%M:%S')

samples = []
for line in open(sys.argv[1]):
    values = dict(re.findall(r'(\w+)=([\d.E]+)', line))
    if re.match(r'\d\d:\d\d:\d\d ', line) and 'parceltrack_checkpoints_recorded_total' in values:
        samples.append((clock(line[:8]), {k: float(v) for k, v in values.items()}))

def nearest(t):
    return min(samples, key=lambda s: abs((s[0] - t).total_seconds()))

print('round clients | checkpoints/s | relay produce requests/s | events per request | commit ms per request | broker CPU ms per checkpoint')
for line in open(sys.argv[2]):
    m = re.match(r'(\d\d:\d\d:\d\d)\s+round (\d) at (\d+) clients', line)
    if not m:
        continue
    end = clock(m.group(1))
    a, b = nearest(end - datetime.timedelta(seconds=9)), nearest(end - datetime.timedelta(seconds=1))
    seconds = (b[0] - a[0]).total_seconds()
    delta = lambda key: b[1][key] - a[1][key]
    checkpoints = delta('parceltrack_checkpoints_recorded_total')
    requests = max(delta('kafka_producer_request_total'), 1)
    print(f"{m.group(2)} {m.group(3)} | {checkpoints / seconds:.0f} | {requests / seconds:.1f} | "
          f"{delta('kafka_producer_record_send_total') / requests:.1f} | "
          f"{delta('kafka_producer_txn_commit_time_ns_total') / 1e6 / requests:.2f} | "
          f"{delta('broker_ticks') * 10 / max(checkpoints, 1):.3f}")
