package scan

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// LoadDict reads a translation file: each key with its translation, or
// with its plural forms for keys that have them.
func LoadDict(path string) (map[string]any, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var d map[string]any
	if err := json.Unmarshal(b, &d); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return d, nil
}

// KeepPath is the list of text shown the same in every language (product
// and format names), beside the dictionary.
func KeepPath(dictPath string) string {
	return filepath.Join(filepath.Dir(dictPath), "keep.txt")
}

// LoadKeep reads the keep list: one string a line; # starts a comment.
func LoadKeep(path string) (map[string]bool, error) {
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return map[string]bool{}, nil
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	keep := map[string]bool{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		keep[line] = true
	}
	return keep, sc.Err()
}
