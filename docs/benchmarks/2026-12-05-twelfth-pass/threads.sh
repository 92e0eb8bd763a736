#!/bin/bash
# usage: threads.sh PID > file ; prints "tid comm ns"
for t in /proc/$1/task/*; do
  printf "%s\t%s\t%s\n" "${t##*/}" "$(tr ' ' '_' < $t/comm)" "$(cut -d' ' -f1 $t/schedstat 2>/dev/null)"
done
