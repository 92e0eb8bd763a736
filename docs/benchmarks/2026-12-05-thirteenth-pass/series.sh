#!/bin/bash
# usage: series.sh name:jardir:settings ...   whole harness runs, one after another
for spec in "$@"; do
  IFS=: read -r name dir settings <<< "$spec"
  out=/tmp/runs/$name.txt
  extra=()
  [ -n "$settings" ] && extra=(--app-settings "$settings")
  flock /tmp/heavy.lock java -cp $dir/benchmarks.jar io.parceltrack.bench.fleet.FleetBenchmark --jar $dir/parceltrack.jar --output /tmp/runs/$name "${extra[@]}" 2>&1 \
    | grep --line-buffered -v " WARN " | while IFS= read -r l; do echo "$(date +%T) $l"; done > $out
done
