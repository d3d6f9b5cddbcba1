package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"time"

	"copydesk/editor"
	"copydesk/editor/compare/compareload"
	"copydesk/editor/markdown"
	"copydesk/storage"
	"copydesk/storage/badgerstore"
)

// timeCmd runs a whole process and returns its wall time. okCodes are exit
// codes that are not failures (diff tools exit 1 when texts differ).
func timeCmd(dir string, okCodes []int, name string, args ...string) (time.Duration, error) {
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Stdout = nil
	var stderr []byte
	start := time.Now()
	out, err := cmd.Output()
	d := time.Since(start)
	_ = out
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		for _, c := range okCodes {
			if ee.ExitCode() == c {
				return d, nil
			}
		}
		stderr = ee.Stderr
	}
	if err != nil {
		return d, fmt.Errorf("%s: %v %s", name, err, oneLine(string(stderr)))
	}
	return d, nil
}

// copydeskBinary builds the copydesk command from the source tree, once
// per run of deskbench. A binary left in a reused work directory is built
// again, not reused: it may predate the code being measured (go build
// relinks only when something changed, so this costs seconds).
func copydeskBinary(o options) (string, error) {
	bin := filepath.Join(o.work, "copydesk")
	if builtCopydesk {
		return bin, nil
	}
	cmd := exec.Command("go", "build", "-tags", buildTags, "-o", bin, "./cmd/copydesk")
	cmd.Dir = o.repo
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("building copydesk: %v: %s", err, oneLine(string(out)))
	}
	builtCopydesk = true
	return bin, nil
}

// buildTags are the Makefile's TAGS, so that the binary measured is the
// one `make build` makes (a test keeps the two the same).
const buildTags = "migrated_fynedo,no_emoji"

// builtCopydesk says that this run has built the copydesk binary.
var builtCopydesk bool

func measureDiff(o options) ([]row, error) {
	a := compareload.Article(1, 10000)
	b := compareload.Edit(a, 2, 50)
	dir := filepath.Join(o.work, "diff")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	for name, art := range map[string]*editor.Article{"a.md": a, "b.md": b} {
		if err := os.WriteFile(filepath.Join(dir, name), markdown.Format(art), 0o644); err != nil {
			return nil, err
		}
	}
	const what = "diff of two 10k-word revisions (process)"
	bin, err := copydeskBinary(o)
	if err != nil {
		return []row{{what: what, ours: "not measured: " + err.Error()}}, nil
	}
	// Three times the runs: a whole process is a few milliseconds.
	m, err := medians(o.runs*3,
		func() (time.Duration, error) { return timeCmd(dir, []int{1}, bin, "diff", "--files", "a.md", "b.md") },
		func() (time.Duration, error) {
			return timeCmd(dir, []int{1}, "git", "diff", "--no-index", "--word-diff=porcelain", "a.md", "b.md")
		},
		func() (time.Duration, error) { return timeCmd(dir, []int{1}, "wdiff", "a.md", "b.md") })
	if err != nil {
		return []row{{what: what, ours: "not measured: " + err.Error()}}, nil
	}
	ours, git, wdiff := m[0], m[1], m[2]
	return []row{{what: what, ours: ms(ours), peers: fmt.Sprintf("git diff --word-diff %s; wdiff %s", ms(git), ms(wdiff)),
		goal: "≤ git", met: verdict(ours <= git) + fmt.Sprintf(" (%.1f× git)", float64(ours)/float64(git))}}, nil
}

func measureSave(o options) ([]row, error) {
	ctx := context.Background()
	versions := compareload.History(11, 10000, o.runs*3+1)
	dir := filepath.Join(o.work, "save-db")
	os.RemoveAll(dir)
	s, err := badgerstore.Open(dir, badgerstore.Options{})
	if err != nil {
		return nil, err
	}
	if _, err := s.Create(ctx, versions[0], storage.Meta{}); err != nil {
		s.Close()
		return nil, err
	}
	// A desk saves seconds apart, and the store compacts the superseded
	// revision and indexes the body in the background after each save: a
	// pause between saves (the same for git) lets that finish, as it would.
	i := 1
	ours, err := median(o.runs*3, func() (time.Duration, error) {
		time.Sleep(savePause)
		t0 := time.Now()
		_, err := s.SaveRevision(ctx, versions[i], storage.Meta{Author: "desk"})
		i++
		return time.Since(t0), err
	})
	s.Close()
	if err != nil {
		return nil, err
	}
	git, err := gitSaves(o, versions, "save-git")
	if err != nil {
		return nil, err
	}
	// git as it is set up by default does not fsync what it commits; the
	// goal is against that git, and the same git told to fsync everything
	// is shown beside it, to say what durability costs git.
	durable, err := gitSaves(o, versions, "save-git-fsync", []string{"core.fsync", "all"}, []string{"core.fsyncMethod", "fsync"})
	if err != nil {
		return nil, err
	}
	ratio := float64(git) / float64(ours)
	return []row{{what: "durable save, 10k-word story", ours: ms(ours),
		peers: "git add + commit " + ms(git) + "; with core.fsync=all " + ms(durable),
		goal:  "≤ 2 ms and ≥ 20× faster than git",
		met:   verdict(ours <= 2*time.Millisecond && ratio >= 20) + fmt.Sprintf(" (%.0f×; %.0f× git with fsync)", ratio, float64(durable)/float64(ours))}}, nil
}

// gitSaves is the median time of git add and git commit of the versions
// in a new repository named name, set up with the config pairs given.
func gitSaves(o options, versions []*editor.Article, name string, config ...[]string) (time.Duration, error) {
	repo := filepath.Join(o.work, name)
	os.RemoveAll(repo)
	if err := gitInit(repo); err != nil {
		return 0, err
	}
	for _, kv := range config {
		if _, err := timeCmd(repo, nil, "git", append([]string{"config"}, kv...)...); err != nil {
			return 0, err
		}
	}
	j := 0
	return median(o.runs*3, func() (time.Duration, error) {
		if err := os.WriteFile(filepath.Join(repo, "story.md"), markdown.Format(versions[j]), 0o644); err != nil {
			return 0, err
		}
		j++
		time.Sleep(savePause)
		t0 := time.Now()
		if _, err := timeCmd(repo, nil, "git", "add", "story.md"); err != nil {
			return 0, err
		}
		_, err := timeCmd(repo, nil, "git", "commit", "-q", "-m", fmt.Sprint("revision ", j))
		return time.Since(t0), err
	})
}

// savePause is the pause before each measured save.
const savePause = 100 * time.Millisecond

func gitInit(repo string) error {
	if err := os.MkdirAll(repo, 0o755); err != nil {
		return err
	}
	for _, args := range [][]string{{"init", "-q"}, {"config", "user.name", "Desk"}, {"config", "user.email", "desk@example.org"}, {"config", "commit.gpgsign", "false"}} {
		if _, err := timeCmd(repo, nil, "git", args...); err != nil {
			return err
		}
	}
	return nil
}

func measureHistory(o options) ([]row, error) {
	ctx := context.Background()
	versions := compareload.History(7, 1500, 200)
	dir := filepath.Join(o.work, "history-db")
	os.RemoveAll(dir)
	s, err := badgerstore.Open(dir, badgerstore.Options{})
	if err != nil {
		return nil, err
	}
	if _, err := s.Create(ctx, versions[0], storage.Meta{}); err != nil {
		s.Close()
		return nil, err
	}
	for _, v := range versions[1:] {
		if _, err := s.SaveRevision(ctx, v, storage.Meta{Author: "desk"}); err != nil {
			s.Close()
			return nil, err
		}
	}
	if err := s.Close(); err != nil {
		return nil, err
	}
	ours := duBytes(dir)
	// Rebuild every revision; report the slowest's median.
	s, err = badgerstore.Open(dir, badgerstore.Options{})
	if err != nil {
		return nil, err
	}
	var slowest time.Duration
	for seq := uint64(1); seq <= 200; seq++ {
		d, err := median(o.runs, func() (time.Duration, error) {
			t0 := time.Now()
			_, _, err := s.Revision(ctx, versions[0].ID, seq)
			return time.Since(t0), err
		})
		if err != nil {
			s.Close()
			return nil, err
		}
		slowest = max(slowest, d)
	}
	s.Close()

	repo := filepath.Join(o.work, "history-git")
	os.RemoveAll(repo)
	if err := gitInit(repo); err != nil {
		return nil, err
	}
	for i, v := range versions {
		if err := os.WriteFile(filepath.Join(repo, "story.json"), v.Encode(), 0o644); err != nil {
			return nil, err
		}
		if _, err := timeCmd(repo, nil, "git", "add", "story.json"); err != nil {
			return nil, err
		}
		if _, err := timeCmd(repo, nil, "git", "commit", "-q", "-m", fmt.Sprint("revision ", i+1)); err != nil {
			return nil, err
		}
	}
	if _, err := timeCmd(repo, nil, "git", "gc", "-q", "--aggressive"); err != nil {
		return nil, err
	}
	git := duBytes(filepath.Join(repo, ".git"))
	return []row{
		{what: "history: 200 revisions of a 1,500-word story", ours: kib(ours) + " (DB directory)", peers: "git after gc --aggressive " + kib(git) + " (.git)",
			goal: "≤ git", met: verdict(ours <= git)},
		{what: "rebuild any of those revisions (slowest)", ours: ms(slowest), peers: "", goal: "≤ 5 ms", met: verdict(slowest <= 5*time.Millisecond)},
	}, nil
}
