# walklib.sh: helpers shared by walkthrough.sh and soak.sh (sourced, not run).
# They drive the real Copydesk window in a private Xvfb with xdotool and
# check it after every step: the process is alive, its stderr holds no
# panic, fatal error or goroutine dump, and the window fits the screen.
#
# The caller sets: bin (the binary), work (a temp dir), shots (where failure
# screenshots go). Helpers set: DISPLAY, SW/SH (screen), app (pid), wid
# (window), applog, X/Y/WIDTH/HEIGHT (the window's geometry), failures.

failures=0
fails=()
notes=()
xpid=""
app=""
startn=0

# start_x WxH: a private X server on a free display (Xvfb picks it:
# -displayfd), no window manager.
start_x() {
  local size=$1
  SW=${size%x*} SH=${size#*x}
  rm -f "$work/displayfd"
  Xvfb -displayfd 3 -screen 0 "${size}x24" -nolisten tcp 3>"$work/displayfd" >"$work/xvfb.log" 2>&1 &
  xpid=$!
  for _ in $(seq 100); do [ -s "$work/displayfd" ] && break; sleep 0.1; done
  [ -s "$work/displayfd" ] || { echo "walk: Xvfb did not start: $(cat "$work/xvfb.log")" >&2; exit 2; }
  export DISPLAY=:$(tr -d '\n ' <"$work/displayfd")
}

stop_x() {
  [ -n "$xpid" ] && { kill "$xpid" 2>/dev/null; wait "$xpid" 2>/dev/null; }
  xpid=""
}

# start_app DB: the window on DB; waits for it (found by pid: another
# program's window on this display must not be taken for ours).
start_app() {
  startn=$((startn + 1))
  applog=$work/app-$startn.log
  "$bin" --db "$1" --author "Walker" >"$applog" 2>&1 &
  app=$!
  wid=$(timeout 60 xdotool search --sync --onlyvisible --pid "$app" 2>/dev/null | head -1)
  [ -n "$wid" ] || { note_fail "start" "no window within 60 s"; return 1; }
  sleep 1.5 # the first frame
  # A person on a large screen makes the window fill it (no window
  # manager here to maximise it); on a small one it must already fit.
  geom
  if [ "$WIDTH" -lt "$SW" ] && [ "$HEIGHT" -lt "$SH" ] && [ "$SW" -gt 1600 ]; then
    xdotool windowsize "$wid" "$SW" "$SH"
    sleep 1
    geom
  fi
}

stop_app() {
  [ -n "$app" ] && kill -0 "$app" 2>/dev/null && { kill "$app"; timeout 20 tail --pid="$app" -f /dev/null; }
  [ -n "$app" ] && wait "$app" 2>/dev/null
  app=""
}

geom() { eval "$(xdotool getwindowgeometry --shell "$wid" 2>/dev/null)"; }

shot() { import -window root "$shots/$1.png" 2>/dev/null; }

# note_fail STEP WHY: reports a failure with the stderr tail and a screenshot.
note_fail() {
  failures=$((failures + 1))
  local name
  name=$(printf '%s-%02d-%s' "${size:-x}" "$failures" "$1" | tr -c 'A-Za-z0-9._-' '_')
  fails+=("${size:-?} $1: $2")
  echo "walk: FAIL at step '$1' (${size:-?}): $2" >&2
  if [ -n "${applog:-}" ] && [ -f "$applog" ]; then
    if grep -qE '^panic:|fatal error|SIGSEGV' "$applog"; then
      echo "--- stderr: the panic ($applog)" >&2
      grep -m1 -A16 -E '^panic:|fatal error|SIGSEGV' "$applog" >&2
    else
      echo "--- stderr tail ($applog)" >&2
      tail -15 "$applog" >&2
    fi
    echo "---" >&2
  fi
  shot "$name" && echo "walk: screenshot $shots/$name.png" >&2
}

# check STEP: the window survived STEP. Returns 1 if the process is gone
# (the caller restarts it); a window wider than the screen is a failure
# reported once per run of the app.
geomfailed=""
check() {
  local step=$1
  if ! kill -0 "$app" 2>/dev/null; then
    note_fail "$step" "the process died"
    wait "$app" 2>/dev/null
    app=""
    return 1
  fi
  if grep -qE '^panic:|fatal error|^goroutine [0-9]+ \[|SIGSEGV' "$applog"; then
    note_fail "$step" "stderr holds a panic or goroutine dump"
    stop_app
    return 1
  fi
  geom
  if [ $((X + WIDTH)) -gt "$SW" ] || [ $((Y + HEIGHT)) -gt "$SH" ]; then
    if [ "$geomfailed" != "$startn" ]; then
      note_fail "$step" "the window is ${WIDTH}x${HEIGHT} at $X,$Y on a ${SW}x${SH} screen"
      geomfailed=$startn
    fi
  fi
  return 0
}

# vw / vh: the visible part of the window (a window wider than the screen
# is drawn for its own width: positions are computed from it).
vw() { echo $((WIDTH < SW ? WIDTH : SW)); }
vh() { echo $((HEIGHT < SH ? HEIGHT : SH)); }

# at FX FY: a point of the window as fractions (awk does the float maths).
at() { awk -v w="$WIDTH" -v h="$HEIGHT" -v fx="$1" -v fy="$2" 'BEGIN { printf "%d %d", w * fx, h * fy }'; }

click() { xdotool mousemove "$1" "$2" click 1; sleep 0.15; }

# Menu bar labels (Fyne draws the bar itself, at fixed positions).
declare -A MENUX=([File]=27 [Edit]=70 [Article]=123 [View]=180 [Help]=231)

# menu NAME N [M]: opens menu NAME and picks its Nth item with the keyboard
# (separators are skipped), or the Mth item of its Nth item's submenu.
menu() {
  click "${MENUX[$1]}" 14
  sleep 0.2
  local i
  for ((i = 0; i < $2; i++)); do xdotool key Down; done
  if [ -n "${3:-}" ]; then
    xdotool key Right
    sleep 0.15
    for ((i = 1; i < $3; i++)); do xdotool key Down; done
  fi
  xdotool key Return
}

# The dim behind a modal dialog shows at the menu bar's left end and the
# status bar's left end (either: a tall dialog's dim has been seen to leave
# the status bar bright).
pixel() {
  import -window root "$work/px.png" 2>/dev/null
  convert "$work/px.png" -format "%[pixel:p{3,3}] %[pixel:p{5,$(($(vh) - 5))}]" info: 2>/dev/null
}
baseline() { base=$(pixel); }
overlay_open() { [ "$(pixel)" != "$base" ]; }

# wait_overlay open|closed SECONDS: polls until the dialog is open (closed).
wait_overlay() {
  local end=$((SECONDS + $2))
  while :; do
    if overlay_open; then [ "$1" = open ] && return 0; else [ "$1" = closed ] && return 0; fi
    [ $SECONDS -lt $end ] || return 1
    sleep 0.3
  done
}

# dcx: the window's centre, where Fyne centres its dialogs (on screen).
dcx() { local c=$((WIDTH / 2)); echo $((c < SW ? c : SW - 1)); }

# dialog_edges: the bottom (DBOT) and right (DRIGHT) edges of the dialog
# centred in the window, found in a screenshot by the dialog's background
# colour (Fyne's overlay colour in the dark and light themes).
dialog_edges() {
  import -window root "$work/dlg.png" 2>/dev/null
  local cx h
  cx=$(dcx)
  h=$(vh)
  DBOT=$(convert "$work/dlg.png" -crop "1x${h}+${cx}+0" +repage txt:- 2>/dev/null |
    awk -F'[,:]' '/#181D25|#F5F5F5|#FFFFFF/ { y = $2 } END { print y + 0 }')
  # The bottom padding row is the dialog's colour from the centre to its edge.
  DRIGHT=$(convert "$work/dlg.png" -crop "$((SW - cx))x1+${cx}+$((DBOT - 1))" +repage txt:- 2>/dev/null |
    awk -F'[,:]' -v cx="$cx" '!/#181D25|#F5F5F5|#FFFFFF/ && $1 !~ /^#/ { print cx + $1 - 1; found = 1; exit } END { if (!found) print cx }')
}

# dismiss HOW: closes the open dialog: escape (Escape), cancel (the left of
# two equal buttons, Fyne's dismiss), ok (a single centred button), confirm
# (the right button), file (a file dialog's Cancel, at its bottom right).
dismiss() {
  local cx
  cx=$(dcx)
  case $1 in
  escape) xdotool key Escape ;;
  cancel | ok | confirm)
    dialog_edges
    [ "$DBOT" -gt 40 ] || return 1
    case $1 in
    cancel) click $((cx - 30)) $((DBOT - 34)) ;;
    ok) click "$cx" $((DBOT - 34)) ;;
    confirm) click $((cx + 30)) $((DBOT - 34)) ;;
    esac
    ;;
  file)
    dialog_edges
    [ "$DBOT" -gt 40 ] || return 1
    click $((DRIGHT - 102)) $((DBOT - 22))
    ;;
  esac
  sleep 0.4
}

# dialog STEP HOW ACTION...: ACTION must open a modal dialog; HOW closes it.
# A dialog that does not open, or stays open, is a failure.
dialog() {
  local step=$1 how=$2
  shift 2
  "$@"
  sleep 0.3
  check "$step" || return 1
  if ! wait_overlay open 8; then
    check "$step" || return 1
    note_fail "$step" "no dialog opened"
    return 0
  fi
  sleep 0.3
  [ -n "${WALK_SHOTS_ALL:-}" ] && shot "$size-$step"
  if [ "$how" != escape ]; then
    # Escape first, as a person would; the dialog's own button if it stays.
    # Up to 2 s: with 1 (bash's whole SECONDS) the first look came at once
    # and the last could be within the same second, so a busy machine's
    # slower redraw read as "Escape does not close it".
    xdotool key Escape
    sleep 0.3
    if wait_overlay closed 2; then
      check "$step (closed by Escape)"
      return
    fi
    notes+=("$size $step: Escape does not close it; closed with its $how button")
  fi
  dismiss "$how"
  if ! wait_overlay closed 3; then
    note_fail "$step" "the dialog did not close ($how)"
    dismiss cancel
    wait_overlay closed 3 || { dismiss ok; wait_overlay closed 3; }
  fi
  check "$step (closed)"
}

# maybe_dialog STEP ACTION...: a menu item that opens a dialog or not,
# depending on the story (Review changes…, Comments…): a dialog it opens
# must close, with Escape or else its Cancel or OK button.
maybe_dialog() {
  local s=$1
  shift
  step "$s" "$@" || return 1
  sleep 0.5
  if overlay_open; then
    xdotool key Escape
    wait_overlay closed 1 || { dismiss cancel; wait_overlay closed 3; } || { dismiss ok; wait_overlay closed 3; } ||
      note_fail "$s" "the dialog did not close"
  fi
  check "$s (closed)"
}

# step STEP ACTION...: runs ACTION, then checks the window.
step() {
  local s=$1
  shift
  "$@"
  sleep "${pause:-0.3}"
  check "$s"
}

keys() { xdotool key --delay 60 "$@"; }
typ() { xdotool type --delay "${typedelay:-40}" -- "$1"; }
