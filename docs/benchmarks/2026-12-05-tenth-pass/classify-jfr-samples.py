# Classifies parcels-manager-service's JFR execution samples by what their stack was doing.
import re, collections, sys
txt = open(sys.argv[1]).read()
events = txt.split('jdk.ExecutionSample')[1:]
def frames(e): return [re.sub(r'\(.*', '', l.strip()) for l in e.splitlines() if 'line:' in l]
rules = [  # first match over the whole stack, in this order
    ('outbox relay (read, publish, delete)', ['OutboxRelayWorker', 'PostgresOutbox.drain']),
    ('Kafka producer I/O thread', ['producer.internals.Sender']),
    ('access log line', ['AccessLog.log']),
    ('checkpoint unit of work: recorder, JDBC, JDBI', ['PostgresCheckpointRecorder']),
    ('token check (cache, rate limit by address)', ['ApiTokenAuthentication.authenticate']),
    ('request body read + JSON parse', ['JsonRequestBody.read', 'ApiJson.read']),
    ('domain + service outside the unit of work', ['ManagerParcelService', 'CheckpointEndpoints']),
    ('response JSON + write', ['ManagerRequestPipeline.render', 'ManagerRequestPipeline.write']),
    ('trace + correlation ids', ['RequestTrace', 'CorrelationId']),
    ('Javalin around our handlers', ['io.javalin.']),
    ('Jetty (HTTP parsing, dispatch, response)', ['org.eclipse.jetty.']),
    ('gRPC / Netty', ['io.grpc.']),
    ('metrics', ['micrometer', 'metrics']),
]
counts = collections.Counter()
for e in events:
    s = '\n'.join(frames(e))
    for name, keys in rules:
        if any(k in s for k in keys):
            counts[name] += 1
            break
    else:
        counts['other'] += 1
total = sum(counts.values())
print(f'{total} samples of parcels-manager-service (jdk.ExecutionSample, JFR settings "profile", whole recording)')
for name, n in counts.most_common():
    print(f'{100*n/total:5.1f}%  {name}')
