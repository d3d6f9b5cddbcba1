package main

import (
	"bytes"
	"context"
	"os/exec"
	"runtime/debug"
	"strings"
	"testing"
)

func TestVersionText(t *testing.T) {
	vcs := func(rev, modified string) []debug.BuildSetting {
		return []debug.BuildSetting{{Key: "vcs.revision", Value: rev}, {Key: "vcs.modified", Value: modified}}
	}
	for _, tc := range []struct {
		name string
		bi   *debug.BuildInfo
		ok   bool
		want string
	}{
		{"no build info", nil, false, "devel (commit unknown)"},
		{"go run, no checkout", &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "(devel)"}}, true,
			"devel (commit unknown, built with go1.26.8)"},
		{"a clean checkout", &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "v0.0.0-20261204225626-f6b89d49e908"},
			Settings: vcs("f6b89d49e9082855402062a5248699a87fc7266c", "false")}, true,
			"v0.0.0-20261204225626-f6b89d49e908 (commit f6b89d49e908, built with go1.26.8)"},
		{"uncommitted changes", &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "v0.0.0-20261204225626-f6b89d49e908+dirty"},
			Settings: vcs("f6b89d49e9082855402062a5248699a87fc7266c", "true")}, true,
			"v0.0.0-20261204225626-f6b89d49e908+dirty (commit f6b89d49e908 with uncommitted changes, built with go1.26.8)"},
	} {
		if got := versionText(tc.bi, tc.ok); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
	}
}

func TestVersionFlag(t *testing.T) {
	d := newDesk(t)
	code, out, errs := d.run("--version")
	if code != exitOK || out != "copydesk "+buildVersion()+"\n" || errs != "" {
		t.Errorf("--version: exit %d, stdout %q, stderr %q", code, out, errs)
	}
}

// helpOf runs copydesk with args in-process and returns its stdout.
func helpOf(t *testing.T, args ...string) string {
	t.Helper()
	var out, errb bytes.Buffer
	if code := run(context.Background(), args, stdio{in: strings.NewReader(""), out: &out, err: &errb}, func(string) string { return "" }); code != exitOK {
		t.Fatalf("copydesk %s: exit %d: %s", strings.Join(args, " "), code, errb.String())
	}
	return out.String()
}

func TestManPageHasEveryCommandAndOption(t *testing.T) {
	man := helpOf(t, "help", "--man")
	for _, c := range commands {
		if !strings.Contains(man, "\n.SS "+c.name+"\n") {
			t.Errorf("the man page has no section for %s", c.name)
		}
		for _, o := range parseHelp(c.name, helpOf(t, c.name, "--help")).options {
			if !strings.Contains(man, `\fB`+strings.ReplaceAll(o.flag, "-", `\-`)+`\fR`) {
				t.Errorf("the man page lacks %s %s", c.name, o.flag)
			}
		}
	}
	for _, flag := range []string{"db", "store", "style", "author", "version"} {
		if !strings.Contains(man, `\fB\-\-`+flag+`\fR`) {
			t.Errorf("the man page lacks the global --%s", flag)
		}
	}
	for i, line := range strings.Split(man, "\n") {
		if strings.HasPrefix(line, "'") {
			t.Errorf("line %d starts with a quote, a roff control line: %q", i+1, line)
		}
		if macro, _, _ := strings.Cut(line, " "); strings.HasPrefix(line, ".") && !strings.Contains(".TH .SH .SS .TP .PP .nf .fi .B", macro) {
			t.Errorf("line %d is an unknown request %q", i+1, line)
		}
		for _, r := range line {
			if r > 0x7f {
				t.Errorf("line %d has %q unescaped (groff without preconv warns)", i+1, r)
			}
		}
	}
}

func TestRoff(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"export --all [--status S]", `export \-\-all [\-\-status S]`},
		{"a well-known word", "a well-known word"},
		{`C:\path`, `C:\epath`},
		{".hidden file", `\&.hidden file`},
		{"'quoted'", `\&'quoted'`},
		{"Copydesk — news", `Copydesk \[u2014] news`},
	} {
		if got := roff(tc.in); got != tc.want {
			t.Errorf("roff(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestBashCompletion(t *testing.T) {
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("no bash")
	}
	script := helpOf(t, "help", "--bash-completion")
	for _, tc := range []struct {
		words []string
		want  string
	}{
		{[]string{"copydesk", "exp"}, "export"},
		{[]string{"copydesk", "--db", "x", "re"}, "revise restore review"},
		{[]string{"copydesk", "--ver"}, "--version"},
		{[]string{"copydesk", "export", "ID", "--fo"}, "--force --format"},
		{[]string{"copydesk", "--style", "ap", "diff", "--f"}, "--files --force --format"},
		{[]string{"copydesk", "help", "ba"}, "backup"},
		{[]string{"copydesk", "show", "fi"}, ""}, // a file name: bash's default completion
	} {
		cmd := exec.Command(bash, "-c", script+`
COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _copydesk; echo "${COMPREPLY[*]}"`, "_")
		cmd.Args = append(cmd.Args, tc.words...)
		out, err := cmd.CombinedOutput()
		if got := strings.TrimSpace(string(out)); err != nil || got != tc.want {
			t.Errorf("completing %q: %q (%v), want %q", tc.words, got, err, tc.want)
		}
	}
}
