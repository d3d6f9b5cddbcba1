package transmit

import (
	"fmt"
	"path"
	"strings"
)

// freeName is dir/name, or dir/stem-N.ext for the first N the server does
// not hold: a send never writes over a file already there. exists asks
// the server about one path.
func freeName(dir, name string, exists func(p string) (bool, error)) (string, error) {
	ext := path.Ext(name)
	stem := strings.TrimSuffix(name, ext)
	for i := 1; i <= 1000; i++ {
		p := path.Join(dir, name)
		if i > 1 {
			p = path.Join(dir, fmt.Sprintf("%s-%d%s", stem, i, ext))
		}
		taken, err := exists(p)
		if err != nil {
			return "", err
		}
		if !taken {
			return p, nil
		}
	}
	return "", fmt.Errorf("folder %s already holds 1000 files named %s…: clear it", dir, stem)
}
