package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

// closeDialogs closes a modal dialog left open (the dim behind it shows at
// the menu bar): Escape, else its dismiss button (the left of two equal
// buttons), a file dialog's Cancel (bottom right), a lone OK.
func (s *session) closeDialogs(step string) {
	for try := 0; try < 6; try++ {
		if !s.dimmed() {
			return
		}
		img, err := s.x.screenshot()
		if err != nil {
			return
		}
		g, _ := s.x.geometry(s.win)
		cx := min(g.W/2, s.o.sw-1)
		bottom, right, err := dialogEdges(img, cx)
		switch {
		case try == 0 || err != nil:
			s.key("Escape")
		case try == 1: // an entry has the keyboard (Escape went to it): Tab reaches Cancel
			s.key("Tab space")
		case try == 2 || try == 5:
			_ = s.x.click(cx-30, bottom-34)
		case try == 3:
			// A file dialog's Cancel is at its bottom right; elsewhere that
			// spot is the dialog's background, or a confirm button (blue).
			// (Read above the button's text.)
			c := img.At(right-102, bottom-36)
			r, g, b, _ := c.RGBA()
			if !isDialogColour(c) && !(b>>8 > 200 && r>>8 < 150 && g>>8 < 200) {
				_ = s.x.click(right-102, bottom-22)
			}
		default:
			_ = s.x.click(cx, bottom-34)
		}
		time.Sleep(400 * time.Millisecond)
	}
	if s.dimmed() {
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
	// A story the store keeps: a new one without a headline is dropped on
	// Quit (the window asks). The library's first row is the newest change,
	// most often the story the run was editing; the search is cleared first.
	_ = s.x.click(s.w/8, 48)
	s.key("ctrl+a BackSpace")
	time.Sleep(500 * time.Millisecond)
	_ = s.x.click(s.w/8, 180)
	time.Sleep(time.Second)
	s.confirmDialog() // "Discard the new story?" (it has no headline): yes
	time.Sleep(time.Second)
	s.closeDialogs("opening the library's first story")
	var shown string
	for try := 0; try < 2; try++ {
		_ = s.x.click(s.w/2, s.h*(55-10*try)/100)
		s.key("ctrl+End")
		s.typeText(marker, 40)
		time.Sleep(2500 * time.Millisecond) // past the autosave delay
		_ = os.MkdirAll(s.o.shots, 0o755)
		s.x.saveShot(filepath.Join(s.o.shots, fmt.Sprintf("final-%d.png", try+1)))
		s.key("ctrl+a ctrl+a ctrl+c")
		time.Sleep(300 * time.Millisecond)
		shown, _ = s.x.run("xclip", "-o", "-selection", "clipboard")
		if strings.Contains(shown, strings.TrimSpace(marker)) {
			break
		}
		fmt.Printf("deskmonkey: the marker is not in the body copied from the window (try %d; %s)\n", try+1, filepath.Join(s.o.shots, fmt.Sprintf("final-%d.png", try+1)))
	}
	if !strings.Contains(shown, strings.TrimSpace(marker)) {
		s.fail(fmt.Sprintf("the marker typed at the end of the body is not in the body copied from the window: %q", clip(shown, 200)))
	}
	g, _ := s.x.geometry(s.win)
	if !s.check("the end", g) {
		return
	}
	s.key("ctrl+shift+q")
	select {
	case <-s.exited:
	case <-time.After(8 * time.Second):
		shot := filepath.Join(s.o.shots, "quit-question.png")
		_ = os.MkdirAll(s.o.shots, 0o755)
		s.x.saveShot(shot)
		// The question that loses copy ("Discard the new story? It has
		// no headline") is answered as a person who typed a body would:
		// No, which puts the caret in the headline; a headline is typed
		// and Quit asked again. A second question is confirmed.
		fmt.Printf("deskmonkey: Quit asked a question (%s); answering No and giving the story a headline\n", shot)
		s.dismissDialog()
		time.Sleep(500 * time.Millisecond)
		s.typeText(fmt.Sprintf("Monkey %d", s.o.seed), 40)
		time.Sleep(2500 * time.Millisecond)
		s.key("ctrl+shift+q")
		select {
		case <-s.exited:
		case <-time.After(8 * time.Second):
			shot := filepath.Join(s.o.shots, "quit-question-2.png")
			s.x.saveShot(shot)
			fmt.Printf("deskmonkey: Quit asked again (%s); answering with its confirm button\n", shot)
			s.confirmDialog()
		}
		select {
		case <-s.exited:
		case <-time.After(30 * time.Second):
			s.fail("File › Quit (Ctrl+Shift+Q) did not end the program within 30 s")
			s.kill()
			return
		}
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

// dismissDialog presses the dismiss button (the left of two) of an open
// dialog, if one is open.
func (s *session) dismissDialog() {
	img, err := s.x.screenshot()
	if err != nil || sameColour(img.At(3, 3), s.base) {
		return
	}
	cx := min(s.w/2, s.o.sw-1)
	if bottom, _, err := dialogEdges(img, cx); err == nil {
		_ = s.x.click(cx-30, bottom-34)
	}
}

// confirmDialog presses the confirm button (the right of two) of an open
// dialog, if one is open.
func (s *session) confirmDialog() {
	img, err := s.x.screenshot()
	if err != nil || sameColour(img.At(3, 3), s.base) {
		return
	}
	cx := min(s.w/2, s.o.sw-1)
	if bottom, _, err := dialogEdges(img, cx); err == nil {
		_ = s.x.click(cx+30, bottom-34)
	}
}

// dimmed: a modal dialog's dim covers the menu bar (one pixel is read: a
// whole screenshot costs twice as much).
func (s *session) dimmed() bool {
	cmd := exec.Command("import", "-window", "root", "-crop", "1x1+3+3", "png:-")
	cmd.Env = append(os.Environ(), "DISPLAY="+s.x.display)
	out, err := cmd.Output()
	if err != nil {
		return false
	}
	img, err := png.Decode(bytes.NewReader(out))
	if err != nil {
		return false
	}
	b := img.Bounds()
	return !sameColour(img.At(b.Min.X, b.Min.Y), s.base)
}
