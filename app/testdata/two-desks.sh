#!/usr/bin/env bash
# two-desks.sh BIN OUTDIR ACTIONS: two desks on one shared store, for real.
# A throwaway PostgreSQL server, the fixture imported by Anna Petrova, then
# two Copydesk windows side by side on one X screen (2560x800): Anna's on the
# left ($A), Boris Ivanov's on the right ($B). ACTIONS has one line each:
# "shot NAME" (OUTDIR/NAME.png), "sleep N", "type TEXT", or an xdotool
# command. There is no window manager: "windowfocus $A" before typing.
# At the end the story's revision history is printed.
#   app/testdata/two-desks.sh ./copydesk /tmp/two app/testdata/two-desks.steps
set -u
bin=$(realpath "$1"); out=$2; actions=$3
mkdir -p "$out"
pg=$(mktemp -d /tmp/twodesk-pg.XXXX); [ "$(id -u)" = 0 ] && chown postgres "$pg"
P=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
as_pg $P/initdb -D "$pg/data" -U copydesk --auth=trust >/dev/null || exit 1
port=55$((RANDOM % 900 + 100))
as_pg $P/pg_ctl -D "$pg/data" -l "$pg/log" -o "-h 127.0.0.1 -p $port -k $pg" -w start >/dev/null || exit 1
URL="postgres://copydesk@127.0.0.1:$port/postgres?sslmode=disable"
echo "store: $URL"
"$bin" --store "$URL" --author "Anna Petrova" import "$(dirname "$0")/../../editor/testfixture/testdata/fixtures/wire-tass-2019-10-16.txt" --year 2019
d=77; Xvfb :$d -screen 0 2560x800x24 -nolisten tcp >/dev/null 2>&1 & xpid=$!
export DISPLAY=:$d LANG=en_US.UTF-8
cleanup() { kill $apid $bpid 2>/dev/null; sleep 0.5; kill $xpid; as_pg $P/pg_ctl -D "$pg/data" -m fast stop >/dev/null; rm -rf "$pg"; }
trap cleanup EXIT
sleep 1
"$bin" --store "$URL" --author "Anna Petrova" >"$out/a.log" 2>&1 & apid=$!
A=$(timeout 40 xdotool search --sync --onlyvisible --pid $apid 2>/dev/null | head -1)
xdotool windowsize $A 1270 790 windowmove $A 0 0
"$bin" --store "$URL" --author "Boris Ivanov" >"$out/b.log" 2>&1 & bpid=$!
sleep 1
B=""; for i in $(seq 40); do B=$(xdotool search --onlyvisible --pid $bpid 2>/dev/null | head -1); [ -n "$B" ] && break; sleep 1; done
xdotool windowsize $B 1270 790 windowmove $B 1285 0
sleep 3
while IFS= read -r line; do
  case "$line" in
    ""|"#"*) ;;
    "sleep "*) sleep "${line#sleep }" ;;
    "shot "*) import -window root "$out/${line#shot }.png" && echo "$out/${line#shot }.png" ;;
    "type "*) xdotool type --delay 100 -- "${line#type }" ;;
    *) eval "xdotool $line" ;;
  esac
done <"$actions"
"$bin" --store "$URL" history $("$bin" --store "$URL" list 2>/dev/null | awk 'NR==2{print $1}') 2>&1 | tail -8
