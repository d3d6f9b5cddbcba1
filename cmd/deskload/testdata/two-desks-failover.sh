#!/usr/bin/env bash
# two-desks-failover.sh BIN OUTDIR: two real Copydesk windows on a
# replicated store through a failover. `deskload --cluster --quick` starts a
# pg_auto_failover monitor and two nodes (shortened monitor timeouts); the
# fixture is imported; Anna's window (left) edits the story, Boris's (right)
# shows the library. Anna types a sentence, it is autosaved; the primary
# is killed; Anna types another while there is no primary; after the
# failover the story's draft must hold both sentences (autosave resumed,
# nothing typed lost). Screenshots: OUTDIR/before.png, during.png,
# after.png. Exit 1 if a sentence is missing.
#   cmd/deskload/testdata/two-desks-failover.sh ./copydesk /tmp/ha-windows
set -u
bin=$(realpath "$1"); out=$(realpath -m "$2"); mkdir -p "$out"
here=$(cd "$(dirname "$0")" && pwd); root=$(cd "$here/../../.." && pwd)
tmp=$(mktemp -d /tmp/ha-windows.XXXX)
(cd "$root" && go build -o "$tmp/deskload" ./cmd/deskload) || exit 1
coproc CL { "$tmp/deskload" --cluster --quick 2>"$out/cluster.log"; }
clpid=$CL_PID
read -r -t 300 line <&"${CL[0]}" || { echo "the cluster did not start (see $out/cluster.log)"; exit 1; }
URL=${line#url: }
echo "store: $URL"
for d in $(shuf -i 30-60 -n 31); do [ -e /tmp/.X$d-lock ] || break; done
Xvfb :$d -screen 0 2560x800x24 -nolisten tcp >/dev/null 2>&1 & xpid=$!
export DISPLAY=:$d LANG=en_US.UTF-8 HOME=$tmp XDG_CONFIG_HOME=$tmp/config
cleanup() { kill $apid $bpid 2>/dev/null; sleep 0.5; kill $xpid 2>/dev/null; eval "exec ${CL[1]}>&-"; wait $clpid; rm -rf "$tmp"; }
apid=""; bpid=""
trap cleanup EXIT
"$bin" --store "$URL" --author "Anna Petrova" import "$root/editor/testfixture/testdata/fixtures/wire-tass-2019-10-16.txt" --year 2019 || exit 1
id=$("$bin" --store "$URL" list 2>/dev/null | awk 'NR==2{print $1}')
"$bin" --store "$URL" --author "Anna Petrova" >"$out/a.log" 2>&1 & apid=$!
A=$(timeout 60 xdotool search --sync --onlyvisible --pid $apid 2>/dev/null | head -1)
xdotool windowsize $A 1270 790 windowmove $A 0 0
"$bin" --store "$URL" --author "Boris Ivanov" >"$out/b.log" 2>&1 & bpid=$!
B=""; for i in $(seq 60); do B=$(xdotool search --onlyvisible --pid $bpid 2>/dev/null | head -1); [ -n "$B" ] && break; sleep 1; done
xdotool windowsize $B 1270 790 windowmove $B 1285 0
sleep 4
xdotool windowfocus $A mousemove 620 245 click 1; sleep 0.5; xdotool key End
xdotool type --delay 100 -- " Typed before the failover."
sleep 5
import -window root "$out/before.png"
echo fail >&"${CL[1]}"
t0=$(date +%s)
sleep 2
xdotool windowfocus $A mousemove 620 245 click 1; sleep 0.3; xdotool key End
xdotool type --delay 100 -- " Typed while there was no primary."
sleep 2
import -window root "$out/during.png"
read -r -t 300 line <&"${CL[0]}"; echo "$line (window test: $(( $(date +%s) - t0 )) s after the kill)"
sleep 8
import -window root "$out/after.png"
body=$("$bin" --store "$URL" show "$id" 2>/dev/null)
ok=0
for s in "Typed before the failover." "Typed while there was no primary."; do
  if grep -qF "$s" <<<"$body"; then echo "stored draft holds: $s"; else echo "MISSING from the stored draft: $s"; ok=1; fi
done
exit $ok
