#!/bin/bash
# usage: fo-run.sh NAME JARDIR extra-args...   (fan-out only, per-thread CPU of NS, broker, harness over the measured rounds)
name=$1; jars=$2; shift 2
out=/tmp/runs/$name.txt
flock /tmp/heavy.lock bash -c "
java -cp $jars/benchmarks.jar io.parceltrack.bench.fleet.FleetBenchmark --jar $jars/parceltrack.jar --output /tmp/runs/$name --phases fan-out --warmup-seconds 120 --fan-out-rounds 60 $* > $out 2>&1 &
while ! grep -q 'Checkpoint 201 → 10' $out 2>/dev/null; do sleep 0.5; done
NS=\$(pgrep -f '^[^ ]*java .*parceltrack.jar.*notification-service' | head -1); BR=\$(pgrep -f '^[^ ]*java .*kafka.Kafka' | head -1); H=\$(pgrep -f '^[^ ]*java .*FleetBenchmark' | head -1)
for p in NS BR H; do eval pid=\\\$\$p; /tmp/threads.sh \$pid > /tmp/runs/$name-\$p-a.tsv 2>/dev/null; done
while ! grep -q 'fan-out: producer' $out; do sleep 0.2; done
for p in NS BR H; do eval pid=\\\$\$p; /tmp/threads.sh \$pid > /tmp/runs/$name-\$p-b.tsv 2>/dev/null; done
wait
"
for p in NS BR H; do echo "== $p"; python3 /tmp/threaddiff.py /tmp/runs/$name-$p-a.tsv /tmp/runs/$name-$p-b.tsv 60 | head -6; done > /tmp/runs/$name-threads.txt
