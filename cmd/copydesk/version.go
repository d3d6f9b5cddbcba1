package main

import (
	"runtime/debug"
	"strings"
)

// versionText is what `copydesk --version` prints after "copydesk " and
// Help › About shows after "Copydesk ": the module version and the commit
// the binary was built from, as the Go toolchain stamped them. A binary
// built outside a checkout (or by `go run`) has neither: "devel" and
// "unknown" say so rather than printing nothing.
func versionText(bi *debug.BuildInfo, ok bool) string {
	version, commit, modified, goVersion := "devel", "unknown", false, ""
	if ok && bi != nil {
		if v := bi.Main.Version; v != "" && v != "(devel)" {
			version = v
		}
		goVersion = bi.GoVersion
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				commit = s.Value
			case "vcs.modified":
				modified = s.Value == "true"
			}
		}
	}
	if len(commit) > 12 {
		commit = commit[:12]
	}
	parts := []string{"commit " + commit}
	if modified {
		parts[0] += " with uncommitted changes"
	}
	if goVersion != "" {
		parts = append(parts, "built with "+goVersion)
	}
	return version + " (" + strings.Join(parts, ", ") + ")"
}

// buildVersion is versionText for this binary.
func buildVersion() string {
	bi, ok := debug.ReadBuildInfo()
	return versionText(bi, ok)
}
