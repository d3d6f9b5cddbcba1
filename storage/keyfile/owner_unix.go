//go:build unix

package keyfile

import (
	"os"
	"os/user"
	"path/filepath"
	"strconv"
	"syscall"
)

// ownerOf names the user who owns path, or the nearest folder above it
// that can be read: "user alice (uid 1001)"; "" when unknown.
func ownerOf(path string) string {
	for p := path; ; p = filepath.Dir(p) {
		if st, err := os.Stat(p); err == nil {
			sys, ok := st.Sys().(*syscall.Stat_t)
			if !ok {
				return ""
			}
			uid := strconv.FormatUint(uint64(sys.Uid), 10)
			if u, err := user.LookupId(uid); err == nil {
				return "user " + u.Username + " (uid " + uid + ")"
			}
			return "uid " + uid
		}
		if parent := filepath.Dir(p); parent == p {
			return ""
		}
	}
}
