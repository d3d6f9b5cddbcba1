package inline

import (
	"net/url"
	"strings"
	"unicode"
)

// safeSchemes are the only link schemes an exported story may carry.
// Anything else (javascript:, vbscript:, data:, file:, tel: …) could run
// or read something in the reader's browser or mail client, and a
// relative reference would resolve against wherever the story is
// published; such a link is written as its text.
var safeSchemes = map[string]bool{"http": true, "https": true, "mailto": true}

// SafeHref returns the link target as an exporter may write it: an
// absolute http, https or mailto URL, percent-encoded where URLs need it.
// ok is false for any other scheme (in any letter case, with white space,
// control characters or character references inside it), for relative
// references and for text that is not a URL; every exporter then drops
// the link and keeps its text.
func SafeHref(href string) (string, bool) {
	h := strings.TrimSpace(href)
	if h == "" {
		return "", false
	}
	for _, r := range h {
		if unicode.IsControl(r) || r == '\u2028' || r == '\u2029' {
			return "", false
		}
	}
	u, err := url.Parse(h)
	if err != nil {
		return "", false
	}
	scheme := strings.ToLower(u.Scheme)
	if !safeSchemes[scheme] {
		return "", false
	}
	if scheme == "mailto" && strings.TrimPrefix(strings.ToLower(h), "mailto:") == "" {
		return "", false
	}
	if !validHost(u.Host) {
		return "", false
	}
	if (scheme == "http" || scheme == "https") && u.Host == "" {
		return "", false
	}
	// The target as written, with the characters URL parsers refuse
	// percent-encoded (url.URL.String would also encode an IDN host).
	// Brackets are legal only around an IPv6 host; anywhere else the Nu
	// checker (rightly) refuses them, so they are encoded after the host.
	head, rest := "", h
	if u.Host != "" {
		if i := strings.Index(h, u.Host); i >= 0 {
			head, rest = h[:i+len(u.Host)], h[i+len(u.Host):]
		}
	}
	return hrefEscaper.Replace(head) + bracketEscaper.Replace(hrefEscaper.Replace(rest)), true
}

var bracketEscaper = strings.NewReplacer("[", "%5B", "]", "%5D")

var hrefEscaper = strings.NewReplacer(" ", "%20", `"`, "%22", "<", "%3C", ">", "%3E", `\`, "%5C", "^", "%5E", "`", "%60", "{", "%7B", "|", "%7C", "}", "%7D")

// validHost accepts a DNS or IDN name, an IPv4 address or a bracketed IPv6
// address, with an optional port.
func validHost(host string) bool {
	if host == "" {
		return true
	}
	if strings.HasPrefix(host, "[") {
		return validIPv6Host(host)
	}
	name, port := host, ""
	if i := strings.LastIndex(host, ":"); i >= 0 {
		name, port = host[:i], host[i:]
	}
	if name == "" || !validPort(port) {
		return false
	}
	for _, label := range strings.Split(name, ".") {
		if label == "" && name != label {
			continue
		}
		if !validLabel(label) {
			return false
		}
	}
	return true
}

// validIPv6Host accepts "[hex digits, colons and points]" and a port.
func validIPv6Host(host string) bool {
	end := strings.Index(host, "]")
	if end < 0 {
		return false
	}
	for _, r := range host[1:end] {
		if !(r == ':' || r == '.' || unicode.Is(unicode.ASCII_Hex_Digit, r)) {
			return false
		}
	}
	return validPort(host[end+1:])
}

// validLabel accepts a DNS label of letters, digits and inner hyphens.
func validLabel(label string) bool {
	if label == "" || strings.HasPrefix(label, "-") || strings.HasSuffix(label, "-") {
		return false
	}
	for _, r := range label {
		if !(r == '-' || unicode.IsLetter(r) || unicode.IsDigit(r)) {
			return false
		}
	}
	return true
}

func validPort(p string) bool {
	if p == "" {
		return true
	}
	if p[0] != ':' || len(p) > 6 {
		return false
	}
	for _, r := range p[1:] {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}
