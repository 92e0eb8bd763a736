#!/bin/bash
# usage: fosampler.sh run-output-file  -> prints NS fan-out producer counters at the start and end of the measured fan-out rounds
out=$1
until grep -q "deliveries visible on" $out 2>/dev/null; do sleep 0.5; done
ns=$(pgrep -f '^[^ ]*java .*parceltrack.jar.*notification-service' | head -1)
port=$(ss -ltnp | grep "pid=$ns," | awk '{print $4}' | sed 's/.*://' | head -1)
scrape() { curl -s -m 3 http://127.0.0.1:$port/metrics | grep -E '^kafka_producer_(request_total|record_send_total|batch_size_avg|records_per_request_avg|request_size_avg|request_rate|outgoing_byte_total|batch_split_total|record_size_avg|compression_rate_avg)\{' | grep -v dead-letters | sed 's/{.*client_id="\([^"]*\)".*} / \1 /'; }
echo "== start $(date +%T)"; scrape
until grep -q "^.* fan-out: producer" $out 2>/dev/null; do sleep 0.5; done
echo "== end $(date +%T)"; scrape
