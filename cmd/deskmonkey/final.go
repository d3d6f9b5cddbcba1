package main

import (
	"encoding/json"
	"fmt"
	"os/exec"
	"strings"
	"time"
)

// closeDialogs closes a modal dialog left open (the dim behind it shows at
// the menu bar): Escape, else its dismiss button (the left of two equal
// buttons), a file dialog's Cancel (bottom right), a lone OK.
func (s *session) closeDialogs(step string) {
	for try := 0; try < 5; try++ {
		img, err := s.x.screenshot()
		if err != nil || sameColour(img.At(3, 3), s.base) {
			return
		}
		g, _ := s.x.geometry(s.win)
		cx := min(g.W/2, s.o.sw-1)
		bottom, right, err := dialogEdges(img, cx)
		switch {
		case try == 0 || err != nil:
			s.key("Escape")
		case try == 1 || try == 4:
			_ = s.x.click(cx-30, bottom-34)
		case try == 2:
			_ = s.x.click(right-102, bottom-22)
		default:
			_ = s.x.click(cx, bottom-34)
		}
		time.Sleep(400 * time.Millisecond)
	}
	img, err := s.x.screenshot()
	if err == nil && !sameColour(img.At(3, 3), s.base) {
		s.fail(step + ": a dialog could not be closed (Escape, Cancel, Close, OK)")
	}
}

// finish types a marker at the end of the body, copies the whole body from
// the window, quits, and compares the stored draft with the copy.
func (s *session) finish() {
	marker := fmt.Sprintf(" MONKEY%dEND", s.o.seed)
	s.closeDialogs("the end")
	s.key("Escape")
	_ = s.x.xdo("windowsize", s.win, fmt.Sprint(s.o.sw), fmt.Sprint(s.o.sh))
	s.w, s.h = s.o.sw, s.o.sh
	time.Sleep(500 * time.Millisecond)
	s.key("ctrl+shift+e")
	shown := ""
	for try := 0; try < 2 && !strings.Contains(shown, strings.TrimSpace(marker)); try++ {
		if try == 1 { // the body had no story or no keyboard: open the newest story
			fmt.Println("deskmonkey: the marker did not reach the body; opening the library's first story")
			_ = s.x.click(s.w/10, 180)
			time.Sleep(time.Second)
		}
		_ = s.x.click(s.w/2, s.h*55/100)
		s.key("ctrl+End")
		s.typeText(marker, 40)
		time.Sleep(2500 * time.Millisecond) // past the autosave delay
		s.key("ctrl+a ctrl+a ctrl+c")
		time.Sleep(300 * time.Millisecond)
		out, err := s.x.run("xclip", "-o", "-selection", "clipboard")
		if err != nil {
			s.fail(fmt.Sprintf("cannot read the clipboard (apt-get install xclip): %v", err))
			return
		}
		shown = out
	}
	if !s.check("the end") {
		return
	}
	s.key("ctrl+shift+q")
	select {
	case <-s.exited:
	case <-time.After(30 * time.Second):
		s.fail("File › Quit (Ctrl+Shift+Q) did not end the program within 30 s")
		s.kill()
		return
	}
	if s.exitErr != nil {
		s.fail(fmt.Sprintf("Quit: exit status: %v", s.exitErr))
	}
	if crashRE.MatchString(s.stderrTail(1 << 20)) {
		s.fail("Quit: stderr holds a panic or goroutine dump")
	}
	s.compare(strings.TrimSpace(marker), shown)
	if out, err := exec.Command(s.o.bin, "--db", s.db, "verify").CombinedOutput(); err != nil || !strings.Contains(string(out), "OK") {
		s.fail(fmt.Sprintf("copydesk verify: %v: %s", err, strings.TrimSpace(string(out))))
	}
}

// compare finds the stored draft holding marker and checks it equals the
// body copied from the window.
func (s *session) compare(marker, shown string) {
	out, err := exec.Command(s.o.bin, "--db", s.db, "list", "--json").Output()
	if err != nil {
		s.fail(fmt.Sprintf("copydesk list: %v", err))
		return
	}
	var list []struct {
		ID string `json:"id"`
	}
	if err := json.Unmarshal(out, &list); err != nil {
		s.fail(fmt.Sprintf("copydesk list --json: %v", err))
		return
	}
	for _, a := range list {
		out, err := exec.Command(s.o.bin, "--db", s.db, "show", a.ID, "--json").Output()
		if err != nil {
			s.fail(fmt.Sprintf("copydesk show %s: %v", a.ID, err))
			continue
		}
		var art struct {
			Body string `json:"body"`
		}
		if err := json.Unmarshal(out, &art); err != nil {
			s.fail(fmt.Sprintf("copydesk show %s --json: %v", a.ID, err))
			continue
		}
		if !strings.Contains(art.Body, marker) {
			continue
		}
		if art.Body != shown {
			s.fail(fmt.Sprintf("story %s: the stored draft differs from the body copied from the window: %s", a.ID, firstDifference(art.Body, shown)))
		} else {
			fmt.Printf("deskmonkey: story %s: the stored draft equals the window's body (%d bytes)\n", a.ID, len(shown))
		}
		return
	}
	s.fail(fmt.Sprintf("no stored draft holds the marker %q typed at the end (window's body: %q)", marker, clip(shown, 200)))
}

func firstDifference(stored, shown string) string {
	i := 0
	for i < len(stored) && i < len(shown) && stored[i] == shown[i] {
		i++
	}
	lo := max(0, i-40)
	return fmt.Sprintf("at byte %d: stored %q, window %q (lengths %d, %d)", i, clip(stored[lo:], 100), clip(shown[lo:], 100), len(stored), len(shown))
}

func clip(s string, n int) string {
	if len(s) > n {
		return s[:n] + "…"
	}
	return s
}
