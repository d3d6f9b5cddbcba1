#!/usr/bin/env bash
# Walkthrough: the real Copydesk window used the way a person uses it, in a
# private Xvfb (no window manager) at 1024x600, 1280x800 and 1920x1080:
#
#   app/testdata/walkthrough.sh ./copydesk [WxH ...]   (make walkthrough)
#
# At each size, on the TASS fixture and on a generated 10,000-word story:
# every main-menu item (by mouse and keyboard, as Fyne draws the menus in the
# window), every shortcut of Help › Keyboard shortcuts, every dialog opened
# and closed (Escape, or its Cancel/Close), every key of the body's key map,
# History inline and side by side, a revision previewed and restored, and
# File › Quit (exit status 0, then `copydesk verify`).
#
# After EVERY step: the process is alive, its stderr has no panic, fatal
# error or goroutine dump, and the window fits the screen. A failure prints
# the step, the stderr tail and a screenshot's path; a dead window is
# restarted and the walk goes on with the next part, so one run lists every
# crash. Exit 1 if anything failed.
#
# WALK_SHOTS=DIR keeps the screenshots (failures, and key views); with
# WALK_SHOTS_ALL=1 every dialog is shot too. Needs Xvfb, xdotool, ImageMagick.
set -uo pipefail

bin=$(realpath "${1:?usage: walkthrough.sh PATH-TO-COPYDESK [WxH ...]}")
shift
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1024x600 1280x800 1920x1080)
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
fixture=$repo/editor/testfixture/testdata/fixtures/wire-tass-2019-10-16.txt
for t in Xvfb xdotool import convert; do
  command -v $t >/dev/null || { echo "walk: $t is missing (apt-get install xvfb xdotool imagemagick)" >&2; exit 2; }
done

work=$(mktemp -d)
shots=${WALK_SHOTS:-$(mktemp -d /tmp/walkthrough-shots.XXXXXX)}
mkdir -p "$shots"
# shellcheck source=walklib.sh
. "$here/walklib.sh"
cleanup() {
  stop_app
  stop_x
  rm -rf "$work"
}
trap cleanup EXIT
export LANG=C.UTF-8

# long_story FILE: the fixture's body repeated to past 10,000 words, as wire
# copy with a headline of its own.
long_story() {
  {
    sed -n '1,2p' "$fixture"
    echo "Long read: a day of the Sochi security meeting, paragraph by paragraph"
    sed -n '4,11p' "$fixture"
    local n=0
    while [ "$n" -lt 10000 ]; do
      sed -n '12,$p' "$fixture" | grep -v '^$' | sed 's/$/\n/'
      n=$((n + $(sed -n '12,$p' "$fixture" | wc -w)))
    done
  } >"$1"
}

# find_story TEXT: types TEXT in the library's search box and opens the
# first story listed, then clears the search.
find_story() {
  read -r x _ <<<"$(at 0.12 0)"
  click "$x" 48
  keys ctrl+a BackSpace
  typ "$1"
  sleep 0.8
  [ -n "${WALK_SHOTS_ALL:-}" ] && shot "$size-find-$1"
  click "$x" 180
  sleep 1
  click "$x" 48
  keys ctrl+a BackSpace
  sleep 0.3
}

# body: a click into the body (the centre column), so keys go there.
body() {
  read -r x y <<<"$(at 0.5 0.55)"
  click "$x" "$y"
}

part_menus() {
  baseline
  dialog "File>Import…" file menu File 2 || return 1
  dialog "File>Export…" cancel menu File 3 || return 1
  dialog "File>Send…" cancel menu File 4 || return 1
  dialog "File>Send… (Escape)" escape menu File 4 || return 1
  dialog "File>Backup…" file menu File 5 || return 1
  dialog "File>Restore…" file menu File 6 || return 1
  dialog "File>Settings…" cancel menu File 7 || return 1
  step "Edit>Undo" menu Edit 1 || return 1
  step "Edit>Redo" menu Edit 2 || return 1
  step "Edit>Find…" menu Edit 3 || return 1
  step "Escape (find bar)" keys Escape || return 1
  step "Edit>Replace…" menu Edit 4 || return 1
  step "Escape (replace bar)" keys Escape || return 1
  maybe_dialog "Edit>Spelling suggestions" menu Edit 5 || return 1
  step "Article>Save revision" menu Article 1 || return 1
  dialog "Article>Save labelled revision…" cancel menu Article 2 || return 1
  local k
  for k in 2 1; do
    step "Article>Status>$k" menu Article 3 $k || return 1
    if overlay_open; then dismiss cancel; check "Article>Status>$k (closed)" || return 1; fi
  done
  dialog "Article>Spike / unspike…" cancel menu Article 4 || return 1
  dialog "Article>Kill…" cancel menu Article 5 || return 1
  dialog "Article>Withhold…" escape menu Article 6 || return 1
  dialog "Article>Correct…" cancel menu Article 7 || return 1
  maybe_dialog "Article>Review changes…" menu Article 8 || return 1
  maybe_dialog "Article>Comments…" menu Article 9 || return 1
  dialog "View>Preview" escape menu View 1 || return 1
  step "View>History" menu View 2 || return 1
  step "View>Editor" menu View 3 || return 1
  for k in 2 3 1; do
    step "View>Theme>$k" menu View 4 $k || return 1
    sleep 0.5
    baseline
  done
  dialog "Help>Keyboard shortcuts" escape menu Help 1 || return 1
  step "Help>Open the log folder" menu Help 2 || return 1
  dialog "Help>About" escape menu Help 3 || return 1
}

part_shortcuts() {
  baseline
  body
  dialog "Ctrl+O" file keys ctrl+o || return 1
  dialog "Ctrl+E" cancel keys ctrl+e || return 1
  dialog "Ctrl+Shift+T" cancel keys ctrl+shift+t || return 1
  step "Ctrl+S" keys ctrl+s || return 1
  dialog "Ctrl+Shift+S" cancel keys ctrl+shift+s || return 1
  step "Ctrl+F" keys ctrl+f || return 1
  step "Escape (find)" keys Escape || return 1
  step "Ctrl+H" keys ctrl+h || return 1
  step "Escape (replace)" keys Escape || return 1
  dialog "Ctrl+P" escape keys ctrl+p || return 1
  dialog "Ctrl+/" escape keys ctrl+slash || return 1
  pause=1 step "Ctrl+Shift+H" keys ctrl+shift+h || return 1
  step "Alt+Down" keys alt+Down || return 1
  step "Alt+Up" keys alt+Up || return 1
  step "Ctrl+Shift+E" keys ctrl+shift+e || return 1
}

# part_keys NAME: every key of the body's key map, on the open story.
part_keys() {
  local n=${1:-short}
  body
  step "$n Ctrl+Home" keys ctrl+Home || return 1
  step "$n End" keys End || return 1
  step "$n Home" keys Home || return 1
  local i
  for i in 1 2 3 4 5 6; do step "$n PageDown $i" keys Next || return 1; done
  for i in 1 2 3 4 5 6; do step "$n PageUp $i" keys Prior || return 1; done
  step "$n Ctrl+End" keys ctrl+End || return 1
  step "$n PageDown at the end" keys Next || return 1
  step "$n PageUp from the end" keys Prior Prior || return 1
  step "$n arrows" keys Down Down Down Up Left Left Right Right Right || return 1
  step "$n arrows across paragraphs" keys Up Up Up Up Up Down Down Down Down Down Down || return 1
  step "$n Shift+arrows" keys shift+Left shift+Left shift+Right shift+Down shift+Down shift+Up || return 1
  step "$n Shift+Down at the edge" keys shift+Down shift+Down shift+Down || return 1
  step "$n Shift+Up at the edge" keys shift+Up shift+Up shift+Up shift+Up || return 1
  step "$n Right (drop selection)" keys Right || return 1
  step "$n Ctrl+End" keys ctrl+End || return 1
  step "$n Enter" keys Return || return 1
  step "$n type" typ "Walkthrough paragraph." || return 1
  step "$n Home" keys Home || return 1
  step "$n Backspace at the start" keys BackSpace || return 1
  step "$n Enter again" keys Return || return 1
  step "$n Left to the end above" keys Left || return 1
  step "$n Delete at the end" keys Delete || return 1
  step "$n Ctrl+2" keys ctrl+2 || return 1
  step "$n Ctrl+Q" keys ctrl+q || return 1
  step "$n Ctrl+1" keys ctrl+1 || return 1
  step "$n Ctrl+Z x4" keys ctrl+z ctrl+z ctrl+z ctrl+z || return 1
  step "$n Ctrl+Y x2" keys ctrl+y ctrl+y || return 1
  step "$n Ctrl+Home, Backspace" keys ctrl+Home BackSpace || return 1
  step "$n Ctrl+End, Delete" keys ctrl+End Delete || return 1
  step "$n Ctrl+A" keys ctrl+a || return 1
  step "$n Ctrl+A again" keys ctrl+a || return 1
  step "$n Right after select all" keys Right || return 1
  step "$n Cyrillic" xdotool type --delay 130 -- " Москва." || return 1
  step "$n Ctrl+Z" keys ctrl+z || return 1
}

# part_history: the History tab inline and side by side, a revision
# previewed, the older one restored. Positions are fractions of the window
# (measured at the three sizes from screenshots).
part_history() {
  baseline
  body
  typ " History."
  step "Ctrl+S (a revision to compare)" keys ctrl+s || return 1
  sleep 1
  pause=1.5 step "History" keys ctrl+shift+h || return 1
  shot "$size-history-inline"
  local x y inline
  # The Inline radio is the first primary-blue pixel of its row (selected
  # at first); Side by side is 118 px to its right at every size.
  import -window root "$work/hist.png" 2>/dev/null
  inline=$(convert "$work/hist.png" -crop "${SW}x1+0+167" +repage txt:- 2>/dev/null |
    awk -F'[,: ()]+' 'NR > 1 && $3 < 60 && $4 > 100 && $4 < 130 && $5 > 230 { print $1; exit }')
  if [ -z "$inline" ]; then
    note_fail "History: the Inline radio" "not found on its row (y 167)"
  else
    step "History: side by side" click $((inline + 120)) 167 || return 1
    sleep 1
    shot "$size-history-side"
    import -window root "$work/hist.png" 2>/dev/null
    [ "$(convert "$work/hist.png" -format "%[pixel:p{$((inline + 4)),167}]" info:)" != "srgb(41,111,246)" ] ||
      note_fail "History: side by side" "the Inline radio is still selected"
    step "History: next change" keys alt+Down || return 1
    step "History: inline" click $((inline + 4)) 167 || return 1
  fi
  # The revision list takes the keyboard when a row is clicked; Tab then
  # reaches Preview, Restore…, Label… below it.
  read -r x y <<<"$(at 0.25 0)"
  step "History: an older revision" click $((x + 40)) 225 || return 1
  dialog "History: Preview" cancel keys Tab space || return 1
  step "History: the older revision again" click $((x + 40)) 225 || return 1
  step "History: Restore…" keys Tab Tab space || return 1
  if wait_overlay open 5; then
    shot "$size-restore-dialog"
    step "History: Restore confirmed" dismiss confirm || return 1
    if ! wait_overlay closed 5; then
      note_fail "History: Restore" "a dialog is still open after confirming"
      dismiss cancel
    fi
  else
    note_fail "History: Restore…" "no dialog opened"
  fi
  step "Back to the editor" keys ctrl+shift+e || return 1
  shot "$size-after-restore"
}

# part_review: a change typed and saved as a revision, then Article ›
# Review changes… from the keyboard: the card list has the keys at once,
# "r" rejects the changes, Ctrl+Enter finishes (one review revision; the
# copy goes back). check_review_and_comment reads the result after Quit.
part_review() {
  baseline
  body
  keys ctrl+End
  typ " Walkthrough aside."
  step "Ctrl+S (a change to review)" keys ctrl+s || return 1
  sleep 1
  step "Article>Review changes…" menu Article 8 || return 1
  if ! wait_overlay open 8; then
    note_fail "Review changes…" "no dialog opened"
    return 0
  fi
  sleep 0.5
  shot "$size-review"
  # "r" rejects the card in focus and moves to the next: every change
  # rejected, the copy is the revision reviewed from.
  step "Review: reject every card (r)" keys $(printf 'r %.0s' {1..40}) || return 1
  step "Review: finish (Ctrl+Enter)" keys ctrl+Return || return 1
  if ! wait_overlay closed 8; then
    note_fail "Review: Ctrl+Enter" "the review is still open"
    dismiss cancel
    wait_overlay closed 3
  fi
}

# part_comment: the first words of the body selected, Ctrl+Alt+M
# (Article › Comments…): the keyboard is in the new comment, Enter adds
# it, Escape closes the dialog.
part_comment() {
  baseline
  body
  keys ctrl+Home ctrl+shift+Right ctrl+shift+Right
  step "Ctrl+Alt+M (comment)" keys ctrl+alt+m || return 1
  if ! wait_overlay open 8; then
    note_fail "Comments…" "no dialog opened"
    return 0
  fi
  sleep 0.3
  typ "Walkthrough note"
  step "Comments: Enter (add)" keys Return || return 1
  sleep 1
  shot "$size-comment"
  step "Comments: Escape" keys Escape || return 1
  if ! wait_overlay closed 3; then
    note_fail "Comments: Escape" "the dialog did not close"
    dismiss cancel
    wait_overlay closed 3
  fi
}

# check_review_and_comment: after Quit, the fixture's story holds a review
# revision whose copy lacks the rejected words, and the comment.
check_review_and_comment() {
  local id reviewed="" commented=""
  for id in $("$bin" --db "$db" list --json 2>/dev/null | sed -n 's/.*"id": *"\([^"]*\)".*/\1/p'); do
    if "$bin" --db "$db" history "$id" 2>&1 | grep -q review; then
      reviewed=$id
      "$bin" --db "$db" show "$id" 2>&1 | grep -q "Walkthrough aside" &&
        note_fail "review" "the rejected words are still in story $id"
    fi
    "$bin" --db "$db" comments "$id" --json 2>&1 | grep -q "Walkthrough note" && commented=$id
  done
  [ -n "$reviewed" ] || note_fail "review" "no story has a review revision (copydesk history)"
  [ -n "$commented" ] || note_fail "comment" "no story has the comment (copydesk comments --json)"
}

part_new_and_quit() {
  step "Ctrl+N" keys ctrl+n || return 1
  step "type a headline" typ "Walkthrough story" || return 1
  step "File>New story" menu File 1 || return 1
  body
  keys ctrl+shift+q
  local code=0
  timeout 30 tail --pid="$app" -f /dev/null || { note_fail "Quit" "did not quit within 30 s"; stop_app; return 1; }
  wait "$app" || code=$?
  app=""
  [ "$code" -eq 0 ] || note_fail "Quit" "exit status $code"
  grep -qE '^panic:|fatal error|^goroutine [0-9]+ \[' "$applog" && note_fail "Quit" "a panic while quitting"
  "$bin" --db "$db" verify >/dev/null 2>"$work/verify.err" || note_fail "verify" "$(cat "$work/verify.err")"
}

# run PART...: runs each part on the window; a part whose window died is
# cut short, and the window restarted for the next.
run() {
  local p
  for p in "$@"; do
    echo "walk: $size: $p"
    [ -n "$app" ] || start_app "$db" || return
    $p || true
  done
}

long=$work/long.txt
long_story "$long"
for size in "${sizes[@]}"; do
  t0=$SECONDS
  start_x "$size"
  export HOME=$work/home-$size XDG_CONFIG_HOME=$work/home-$size/.config XDG_CACHE_HOME=$work/home-$size/.cache
  mkdir -p "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME"
  db=$work/db-$size
  "$bin" --db "$db" import --year 2019 "$fixture" "$long" >/dev/null 2>"$work/import.log" ||
    { echo "walk: import failed: $(cat "$work/import.log")" >&2; exit 1; }
  startn=0
  start_app "$db" || { stop_x; continue; }
  shot "$size-start"
  find_story "IS terrorists"
  run part_menus part_shortcuts part_keys part_review part_comment
  [ -n "$app" ] || start_app "$db"
  find_story "Long read"
  run "part_keys long" part_history part_new_and_quit
  stop_app
  check_review_and_comment
  stop_x
  echo "walk: $size done in $((SECONDS - t0)) s, $failures failure(s) so far"
done

if [ ${#notes[@]} -gt 0 ]; then
  echo "walk: notes (not failures):"
  printf '  %s\n' "${notes[@]}"
fi
if [ "$failures" -gt 0 ]; then
  echo "walk: FAIL: $failures failure(s):" >&2
  printf '  %s\n' "${fails[@]}" >&2
  echo "walk: screenshots in $shots" >&2
  exit 1
fi
[ -z "${WALK_SHOTS:-}" ] && rm -rf "$shots"
echo "walk: PASS (${sizes[*]})"
