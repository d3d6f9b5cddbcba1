#!/usr/bin/env bash
# End-to-end test of the Copydesk window: the real binary (GLFW driver) in a
# throwaway X server, driven with xdotool, checked with the CLI.
#
#   app/testdata/e2e.sh ./copydesk          (the Makefile's `e2e` target)
#
# Run 1: an empty database; New story, type a headline and two paragraphs,
#        Ctrl+S; `history` must show a save revision holding the text. Then
#        more copy and SIGTERM: the window closes as File › Quit does, and a
#        checkpoint revision holds the change.
# Run 2: the TASS fixture imported with the CLI; a screenshot of the window
#        with it open; a second Copydesk on the same database must show a
#        dialog naming the database and the pid, and exit 1 once closed.
#
# Screenshots go to $E2E_SHOTS (default: a temp dir that is removed). Needs
# Xvfb, xdotool and ImageMagick (make deps-test installs them).
set -euo pipefail

bin=$(realpath "${1:?usage: e2e.sh PATH-TO-COPYDESK}")
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
fixture=$repo/editor/testfixture/testdata/fixtures/wire-tass-2019-10-16.txt
for t in Xvfb xdotool import; do
  command -v $t >/dev/null || { echo "e2e: $t is missing (apt-get install xvfb xdotool imagemagick)" >&2; exit 2; }
done
[ -f "$fixture" ] || { echo "e2e: fixture $fixture is missing" >&2; exit 2; }

work=$(mktemp -d)
shots=${E2E_SHOTS:-$work/shots}
mkdir -p "$shots" "$work/home/.config" "$work/home/.cache"
pids=()
xpid=""
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  [ -n "$xpid" ] && kill "$xpid" 2>/dev/null || true
  [ -n "$xpid" ] && wait "$xpid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

fail() {
  echo "e2e: FAIL: $*" >&2
  for f in "$work"/*.log; do [ -f "$f" ] && { echo "--- $f" >&2; tail -20 "$f" >&2; }; done
  exit 1
}

# A free display number and a private X server, no window manager.
d=99
while [ -e /tmp/.X$d-lock ] || [ -e /tmp/.X11-unix/X$d ]; do d=$((d - 1)); [ $d -gt 10 ] || fail "no free X display"; done
Xvfb :$d -screen 0 1280x800x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
xpid=$!
export DISPLAY=:$d LANG=C.UTF-8 HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" XDG_CACHE_HOME="$work/home/.cache"
for _ in $(seq 50); do xdotool getmouselocation >/dev/null 2>&1 && break; sleep 0.1; done
xdotool getmouselocation >/dev/null 2>&1 || fail "Xvfb did not start"

# start_app LOG ARGS...: starts copydesk, waits for its window; sets $app.
start_app() {
  local log=$1; shift
  "$bin" "$@" >"$log" 2>&1 &
  app=$!
  pids+=("$app")
  timeout 40 xdotool search --sync --onlyvisible --name 'Copydesk' >/dev/null 2>&1 || fail "no Copydesk window within 40 s"
  sleep 2 # the first frame
}

# quit_app: File › Quit by its shortcut; the process must end with status 0.
quit_app() {
  xdotool mousemove 640 400 click 1
  xdotool key ctrl+shift+q
  local code=0
  if ! timeout 20 tail --pid="$app" -f /dev/null; then
    # Say whether it hung or never got the key: the screen, and where
    # each of its goroutines stood (SIGQUIT makes the Go runtime print
    # them; the GLFW driver catches only SIGINT and SIGTERM).
    import -window root "$shots/e2e-quit-timeout.png" 2>/dev/null || true
    kill -QUIT "$app" 2>/dev/null || true
    sleep 2
    echo "--- the window's goroutines in copydesk code (screen: $shots/e2e-quit-timeout.png)" >&2
    awk -v RS= '/copydesk\/(app|cmd)/ { print; print "" }' "$work"/run*.log >&2 || true
    fail "Copydesk did not quit within 20 s of Ctrl+Shift+Q"
  fi
  wait "$app" || code=$?
  [ "$code" -eq 0 ] || fail "Copydesk exited with status $code"
}

# json_field FILE NAME: the first string value of "NAME" in pretty-printed JSON.
json_field() { grep -m1 "\"$2\":" "$1" | sed 's/^[^:]*: *"\(.*\)",\{0,1\}$/\1/'; }

echo "e2e: run 1: type a story and save a revision"
db1=$work/db1
mkdir -p "$db1" # an existing (empty) desk: a missing one opens the first-run window
start_app "$work/run1.log" --db "$db1" --author "E2E Tester"
xdotool mousemove 640 400 click 1      # no window manager: click before typing
xdotool key ctrl+n
sleep 0.5
xdotool type --delay 40 'Storm closes port of Novorossiysk'
xdotool key Return                      # headline → standfirst
xdotool type --delay 40 'Ships wait offshore as winds reach 30 metres a second.'
xdotool key Return                      # standfirst → body
xdotool type --delay 40 'The port stopped loading tankers on Tuesday.'
xdotool key Return                      # a new paragraph
xdotool type --delay 40 'Forecasters expect the storm to ease by Thursday.'
xdotool key ctrl+s
sleep 1.5
import -window root "$shots/e2e-typed.png"
# More copy, then SIGTERM before autosave: the window must close as File ›
# Quit does, keeping the change as a checkpoint revision.
xdotool type --delay 40 ' Ferries run.'
sleep 1 # let the window take the keys (under load it lags; autosave or not, a checkpoint follows)
import -window root "$shots/e2e-before-term.png"
kill -TERM "$app"
code=0
timeout 20 tail --pid="$app" -f /dev/null || fail "Copydesk did not stop within 20 s of SIGTERM"
wait "$app" || code=$?
[ "$code" -eq 0 ] || fail "Copydesk exited with status $code on SIGTERM"

"$bin" --db "$db1" list --json >"$work/list.json" || fail "list failed"
id=$(json_field "$work/list.json" id)
[ -n "$id" ] || fail "the library is empty after typing and Ctrl+S"
"$bin" --db "$db1" show "$id" --json >"$work/show.json" || fail "show failed"
[ "$(json_field "$work/show.json" headline)" = 'Storm closes port of Novorossiysk' ] ||
  fail "headline is '$(json_field "$work/show.json" headline)'"
[ "$(json_field "$work/show.json" standfirst)" = 'Ships wait offshore as winds reach 30 metres a second.' ] ||
  fail "standfirst is '$(json_field "$work/show.json" standfirst)'"
want='The port stopped loading tankers on Tuesday.\n\nForecasters expect the storm to ease by Thursday.'
grep -q '"name": "E2E Tester"' "$work/show.json" || fail "no default byline for the author"
"$bin" --db "$db1" history "$id" --json >"$work/history.json" || fail "history failed"
grep -q '"kind": "save"' "$work/history.json" || fail "no save revision in the history: $(cat "$work/history.json")"
seq=$(awk '/"seq":/ { gsub(/[^0-9]/, ""); s = $0 } /"kind": "save"/ { print s; exit }' "$work/history.json")
[ -n "$seq" ] || fail "cannot read the number of the save revision"
"$bin" --db "$db1" show "$id" --rev "$seq" --json >"$work/rev.json" || fail "show --rev $seq failed"
[ "$(json_field "$work/rev.json" body)" = "$want" ] || fail "revision $seq holds '$(json_field "$work/rev.json" body)'"
grep -q '"author": "E2E Tester"' "$work/history.json" || fail "the revision's author is not the --author"
grep -q '"kind": "checkpoint"' "$work/history.json" || fail "no checkpoint revision after SIGTERM with changes: draft body '$(json_field "$work/show.json" body)'; history: $(grep -c seq "$work/history.json") revisions"
[ "$(json_field "$work/show.json" body)" = "$want Ferries run." ] || fail "the draft lacks the copy typed before SIGTERM"
"$bin" --db "$db1" verify >/dev/null || fail "verify found a broken chain"
echo "e2e: run 1 ok: story $id, save revision $seq"

echo "e2e: run 2: the fixture open, and a second Copydesk on the same database"
db2=$work/db2
"$bin" --db "$db2" import --year 2019 "$fixture" >"$work/import.out" 2>"$work/import.log" || fail "import of the fixture failed"
fid=$(head -1 "$work/import.out")
start_app "$work/run2.log" --db "$db2" --author "E2E Tester"
main=$app
import -window root "$shots/e2e-fixture.png"
# The shot must show a window, not a blank screen.
sd=$(convert "$shots/e2e-fixture.png" -colorspace gray -format '%[fx:standard_deviation]' info:)
awk -v s="$sd" 'BEGIN { exit !(s > 0.05) }' || fail "the screenshot is blank (standard deviation $sd)"

"$bin" --db "$db2" >"$work/second.log" 2>&1 &
second=$!
pids+=("$second")
timeout 30 xdotool search --sync --onlyvisible --name 'already open' >/dev/null 2>&1 ||
  fail "the second Copydesk showed no 'already open' window"
sleep 1
import -window root "$shots/e2e-locked.png"
grep -q "already open (pid $main)" "$work/second.log" || fail "the second Copydesk does not name pid $main: $(cat "$work/second.log")"
grep -qF "$db2" "$work/second.log" || fail "the second Copydesk does not name the database"
# Return closes its dialog, which quits it (pointer in it: no window manager).
lock_win=$(xdotool search --onlyvisible --name 'already open' | head -1)
eval "$(xdotool getwindowgeometry --shell "$lock_win")"
xdotool mousemove $((X + WIDTH / 2)) $((Y + HEIGHT / 2)) click 1
xdotool key Return
code=0
timeout 20 tail --pid="$second" -f /dev/null || fail "the second Copydesk did not exit after its dialog closed"
wait "$second" || code=$?
[ "$code" -eq 1 ] || fail "the second Copydesk exited with status $code, want 1"
kill -0 "$main" 2>/dev/null || fail "the first Copydesk died"
app=$main
quit_app
"$bin" --db "$db2" show "$fid" --json >"$work/fixture.json" || fail "the fixture is gone after run 2"
"$bin" --db "$db2" verify >/dev/null || fail "verify found a broken chain after run 2"
if [ -n "${E2E_SHOTS:-}" ]; then echo "e2e: run 2 ok; screenshots in $shots"; else echo "e2e: run 2 ok (set E2E_SHOTS=DIR to keep the screenshots)"; fi
echo "e2e: PASS"
