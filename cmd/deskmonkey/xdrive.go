package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"time"
)

// xserver is a private Xvfb on a display it picks itself (-displayfd), so
// no other program's windows share it.
type xserver struct {
	cmd     *exec.Cmd
	display string
	w, h    int
}

func startX(w, h int) (*xserver, error) {
	r, wr, err := os.Pipe()
	if err != nil {
		return nil, err
	}
	defer r.Close()
	cmd := exec.Command("Xvfb", "-displayfd", "3", "-screen", "0", fmt.Sprintf("%dx%dx24", w, h), "-nolisten", "tcp")
	cmd.ExtraFiles = []*os.File{wr}
	if err := cmd.Start(); err != nil {
		wr.Close()
		return nil, fmt.Errorf("cannot start Xvfb (apt-get install xvfb): %w", err)
	}
	wr.Close()
	line, err := bufio.NewReader(r).ReadString('\n')
	if err != nil {
		_ = cmd.Process.Kill()
		return nil, fmt.Errorf("no display number from Xvfb: %w", err)
	}
	return &xserver{cmd: cmd, display: ":" + strings.TrimSpace(line), w: w, h: h}, nil
}

func (x *xserver) stop() {
	_ = x.cmd.Process.Kill()
	_ = x.cmd.Wait()
}

// run runs a command on the display and returns its output.
func (x *xserver) run(name string, args ...string) (string, error) {
	cmd := exec.Command(name, args...)
	cmd.Env = append(os.Environ(), "DISPLAY="+x.display)
	var out, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &stderr
	err := cmd.Run()
	if err != nil {
		return out.String(), fmt.Errorf("%s %s: %w: %s", name, strings.Join(args, " "), err, strings.TrimSpace(stderr.String()))
	}
	return out.String(), nil
}

func (x *xserver) xdo(args ...string) error {
	_, err := x.run("xdotool", args...)
	return err
}

// windowOf waits for the visible window of process pid.
func (x *xserver) windowOf(pid int, timeout time.Duration) (string, error) {
	end := time.Now().Add(timeout)
	for time.Now().Before(end) {
		out, _ := x.run("xdotool", "search", "--onlyvisible", "--pid", strconv.Itoa(pid))
		if f := strings.Fields(out); len(f) > 0 {
			return f[0], nil
		}
		time.Sleep(200 * time.Millisecond)
	}
	return "", fmt.Errorf("no window of pid %d within %s", pid, timeout)
}

type geometry struct{ X, Y, W, H int }

func (x *xserver) geometry(win string) (geometry, error) {
	out, err := x.run("xdotool", "getwindowgeometry", "--shell", win)
	if err != nil {
		return geometry{}, err
	}
	return parseGeometry(out), nil
}

func (x *xserver) screenshot() (image.Image, error) {
	cmd := exec.Command("import", "-window", "root", "png:-")
	cmd.Env = append(os.Environ(), "DISPLAY="+x.display)
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("import (apt-get install imagemagick): %w", err)
	}
	return png.Decode(bytes.NewReader(out))
}

func (x *xserver) saveShot(path string) {
	cmd := exec.Command("import", "-window", "root", path)
	cmd.Env = append(os.Environ(), "DISPLAY="+x.display)
	_ = cmd.Run()
}

func (x *xserver) click(px, py int) error {
	return x.xdo("mousemove", strconv.Itoa(px), strconv.Itoa(py), "click", "1")
}

// Fyne's dialog background (theme.OverlayBackgroundColor) in the dark and
// light themes: a dialog's edges are found by it.
var dialogColours = []color.RGBA{{0x18, 0x1d, 0x25, 0xff}, {0xf5, 0xf5, 0xf5, 0xff}, {0xff, 0xff, 0xff, 0xff}}

func isDialogColour(c color.Color) bool {
	r, g, b, _ := c.RGBA()
	for _, d := range dialogColours {
		if uint8(r>>8) == d.R && uint8(g>>8) == d.G && uint8(b>>8) == d.B {
			return true
		}
	}
	return false
}

// dialogEdges finds the bottom and right edges of the dialog Fyne centres
// in the window at column cx: the lowest pixel of the dialog's colour.
func dialogEdges(img image.Image, cx int) (bottom, right int, err error) {
	b := img.Bounds()
	bottom = -1
	for y := b.Max.Y - 1; y >= 0; y-- {
		if isDialogColour(img.At(cx, y)) {
			bottom = y
			break
		}
	}
	if bottom < 40 {
		return 0, 0, errors.New("no dialog found")
	}
	// The bottom padding row is the dialog's colour from edge to edge.
	right = cx
	for x := cx; x < b.Max.X && isDialogColour(img.At(x, bottom-1)); x++ {
		right = x
	}
	return bottom, right, nil
}

func sameColour(a, b color.Color) bool {
	r1, g1, b1, _ := a.RGBA()
	r2, g2, b2, _ := b.RGBA()
	return r1 == r2 && g1 == g2 && b1 == b2
}
