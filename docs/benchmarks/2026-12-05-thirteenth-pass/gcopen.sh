#!/bin/bash
out=$1; pms=$(pgrep -f "^[^ ]*java .*parceltrack.jar.*parcels-manager-service" | head -1)
scrape() {
  for p in $(ss -ltnp | grep "pid=$pms," | awk '{print $4}' | sed 's/.*://'); do
    curl -s -m 3 http://127.0.0.1:$p/metrics | grep -E '^jvm_gc_pause_seconds_(count|sum)' | grep -v "Metadata" ; done | sed 's/{.*} / /' | tr '\n' ' '; echo; }
at() { until grep -q "$1" $out 2>/dev/null; do sleep 0.3; done; echo "$2 $(date +%T) $(scrape)"; }
at "CPU ms per checkpoint at 16" closed-end
at "Open loop at" open-start
at "open-loop p99:" open-end
