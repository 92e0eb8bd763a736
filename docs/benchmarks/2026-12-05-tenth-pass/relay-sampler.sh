#!/bin/bash
pms=$(pgrep -f "parceltrack.jar parcels-manager-service")
port=$(ss -ltnp | grep "pid=$pms," | grep "127.0.0.1" | awk '{print $4}' | sed 's/.*://')
broker=$(pgrep -f "Xms1g" | head -1)
echo "pms=$pms port=$port broker=$broker"
while kill -0 $pms 2>/dev/null; do
  t=$(date +%T)
  m=$(curl -s -m 2 http://127.0.0.1:$port/metrics | grep -E 'outbox-relay|^parceltrack_checkpoints_recorded_total' | grep -E '^(kafka_producer_(request_total|record_send_total|txn_commit_time_ns_total)|parceltrack_checkpoints_recorded_total)' | awk '{printf "%s=%s ", substr($1,1,index($1,"{")-1), $2}')
  b=$(awk '{print $14+$15}' /proc/$broker/stat 2>/dev/null)
  echo "$t $m broker_ticks=$b"
  sleep 2
done
