#!/bin/bash
name=$1; jars=$2; shift 2
out=/tmp/runs/$name.txt
flock /tmp/heavy.lock bash -c "
java -cp $jars/benchmarks.jar io.parceltrack.bench.fleet.FleetBenchmark --jar $jars/parceltrack.jar --output /tmp/runs/$name --phases fan-out --warmup-seconds 120 $* > $out 2>&1 &
while ! grep -q 'Checkpoint 201 → 10' $out 2>/dev/null; do sleep 0.3; done
BR=\$(pgrep -f '^[^ ]*java .*kafka.Kafka' | head -1)
CONF=\$(tr '\\0' '\\n' < /proc/\$BR/cmdline | grep 'server.properties\$')
BOOT=\$(grep '^advertised.listeners' \$CONF | sed 's/.*PLAINTEXT:\/\///')
echo boot \$BOOT > /tmp/runs/$name-timeline.txt
java -cp /tmp/diag2:$jars/parceltrack.jar FanOutTimeline \$BOOT 45 2>&1 | grep relaySend >> /tmp/runs/$name-timeline.txt
wait
"
