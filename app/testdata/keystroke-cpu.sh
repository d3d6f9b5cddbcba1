#!/usr/bin/env bash
# keystroke-cpu.sh BIN: CPU time per typed character in the real window.
# Starts BIN under a throwaway Xvfb with the TASS fixture open, clicks into
# the body, types 60 characters with xdotool and reads the process's CPU
# ticks before and after; the idle cost of the same span (the caret's
# animation) is measured first and taken off. Prints both figures.
# Run `perf record -p PID` beside it to see where the time goes.
set -euo pipefail
bin=$(realpath "${1:?usage: keystroke-cpu.sh PATH-TO-COPYDESK}")
here=$(cd "$(dirname "$0")" && pwd)
fixture=$here/../../editor/testfixture/testdata/fixtures/wire-tass-2019-10-16.txt
work=$(mktemp -d)
export HOME=$work
d=77
while [ -e /tmp/.X$d-lock ]; do d=$((d - 1)); done
Xvfb :$d -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xpid=$!
apid=""
trap '[ -n "$apid" ] && kill $apid 2>/dev/null && sleep 0.5; kill $xpid 2>/dev/null; rm -rf "$work" 2>/dev/null || true' EXIT
export DISPLAY=:$d
sleep 1
"$bin" --db "$work/db" import --year 2019 "$fixture" >/dev/null 2>&1
"$bin" --db "$work/db" >"$work/app.log" 2>&1 &
apid=$!
xdotool search --sync --onlyvisible --name Copydesk >/dev/null
sleep 3
ticks() { awk '{print $14+$15}' "/proc/$apid/stat"; }
hz=$(getconf CLK_TCK)
xdotool mousemove 640 300 click 1
sleep 1
t0=$(ticks); sleep 5; t1=$(ticks)
idle=$((t1 - t0))
n=60
t0=$(ticks); s0=$(date +%s%N)
xdotool type --delay 80 "$(printf 'a%.0s' $(seq $n))"
s1=$(date +%s%N); t1=$(ticks)
busy=$((t1 - t0))
awk -v b=$busy -v i=$idle -v hz=$hz -v n=$n -v ns=$((s1 - s0)) 'BEGIN {
  secs = ns / 1e9
  printf "per character: %.1f ms CPU (%.1f ms after the idle cost of %.0f%% CPU)\n", b*1000/hz/n, (b - i*secs/5)*1000/hz/n, i*100/hz/5 }'
