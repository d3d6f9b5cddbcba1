package main

import (
	"bytes"
	"fmt"
	"io"
	"strings"
)

// The man page and the bash completion are generated from the command's
// own help (`copydesk --help` and each `copydesk COMMAND --help`), so they
// cannot drift from it: `make install` and `make deb` run the hidden
//
//	copydesk help --man
//	copydesk help --bash-completion
//
// docsCommand answers those two; ok is false for anything else.
func docsCommand(e *env, rest []string) (code int, ok bool) {
	if len(rest) != 2 || rest[0] != "help" {
		return 0, false
	}
	var err error
	switch rest[1] {
	case "--man":
		err = writeMan(e.io.out, helpPages(e))
	case "--bash-completion":
		err = writeBashCompletion(e.io.out, helpPages(e))
	default:
		return 0, false
	}
	if err != nil {
		fmt.Fprintln(e.io.err, "copydesk help:", err)
		return exitUser, true
	}
	return exitOK, true
}

// helpPage is one help text, read back into its parts.
type helpPage struct {
	name    string // the command; "" for copydesk itself
	usage   []string
	text    []string // paragraphs of prose
	list    [][2]string
	options []helpOption
}

type helpOption struct {
	flag  string // "--year" or "-o"
	value string // "int", "NOTE"; "" for a switch
	usage string
}

// helpPages runs copydesk --help and every COMMAND --help in-process and
// parses what they print.
func helpPages(e *env) []helpPage {
	capture := func(args ...string) string {
		var out bytes.Buffer
		run(e.ctx, args, stdio{in: strings.NewReader(""), out: &out, err: io.Discard}, e.getenv)
		return out.String()
	}
	pages := []helpPage{parseHelp("", capture("--help"))}
	for _, c := range commands {
		pages = append(pages, parseHelp(c.name, capture(c.name, "--help")))
	}
	return pages
}

// parseHelp reads the layout mainUsage, commandHelp and printFlags write:
// "usage:" lines, prose, sections ending in ":", two-space indented list
// rows and options whose usage follows on a "    \t" line.
func parseHelp(name, text string) helpPage {
	p := helpPage{name: name}
	section := ""
	for _, line := range strings.Split(text, "\n") {
		trimmed := strings.TrimSpace(line)
		switch {
		case trimmed == "":
			section = ""
		case strings.HasPrefix(line, "usage: "):
			p.usage = append(p.usage, strings.TrimPrefix(line, "usage: "))
			section = "usage"
		case section == "usage" && strings.HasPrefix(line, " "):
			p.usage = append(p.usage, trimmed)
		case !strings.HasPrefix(line, " ") && strings.HasSuffix(line, ":"):
			section = strings.TrimSuffix(line, ":")
		case strings.HasPrefix(line, "    \t") && len(p.options) > 0:
			o := &p.options[len(p.options)-1]
			o.usage = strings.TrimSpace(o.usage + " " + trimmed)
		case strings.HasPrefix(line, "  -") && strings.Contains(section, "options"):
			flag, value, _ := strings.Cut(trimmed, " ")
			p.options = append(p.options, helpOption{flag: flag, value: value})
		case strings.HasPrefix(line, "  ") && section != "":
			k, v, _ := strings.Cut(trimmed, " ")
			p.list = append(p.list, [2]string{k, strings.TrimSpace(v)})
		default:
			p.text = append(p.text, trimmed)
		}
	}
	return p
}

// writeMan writes the pages as a man page, section 1.
func writeMan(w io.Writer, pages []helpPage) error {
	var b strings.Builder
	main := pages[0]
	tagline := "the writing desk of a news agency in one window"
	if len(main.text) > 0 {
		_, after, found := strings.Cut(main.text[0], " — ")
		if found {
			tagline = strings.TrimSuffix(after, ".")
		}
	}
	fmt.Fprintf(&b, ".TH COPYDESK 1 \"\" \"copydesk %s\" \"User Commands\"\n", roff(buildVersion()))
	fmt.Fprintf(&b, ".SH NAME\ncopydesk \\- %s\n.SH SYNOPSIS\n", roff(tagline))
	for _, u := range main.usage {
		synopsis, what := splitColumns(u)
		fmt.Fprintf(&b, ".TP\n%s\n%s\n", boldCommand(synopsis), roff(what))
	}
	b.WriteString(".SH DESCRIPTION\n")
	for i, t := range main.text {
		if i > 0 { // the first is the tagline of NAME
			fmt.Fprintf(&b, ".PP\n%s\n", roff(t))
		}
	}
	b.WriteString(".SH GLOBAL OPTIONS\n")
	writeManOptions(&b, main.options)
	b.WriteString(".SH COMMANDS\n")
	for _, p := range pages[1:] {
		fmt.Fprintf(&b, ".SS %s\n", p.name)
		for _, u := range p.usage {
			fmt.Fprintf(&b, ".nf\n%s\n.fi\n", boldCommand(u))
		}
		for _, t := range p.text {
			fmt.Fprintf(&b, ".PP\n%s\n", roff(t))
		}
		writeManOptions(&b, p.options)
	}
	b.WriteString(".SH EXIT STATUS\n")
	for _, s := range [][2]string{
		{"0", "success"},
		{"1", "a user error (a bad file, an unknown ID, a locked database …): one line on standard error says what and what to do"},
		{"2", "a usage error (an unknown option or command, a missing argument)"},
	} {
		fmt.Fprintf(&b, ".TP\n.B %s\n%s\n", s[0], roff(s[1]))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func writeManOptions(b *strings.Builder, opts []helpOption) {
	for _, o := range opts {
		head := `\fB` + roff(o.flag) + `\fR`
		if o.value != "" {
			head += ` \fI` + roff(o.value) + `\fR`
		}
		fmt.Fprintf(b, ".TP\n%s\n%s\n", head, roff(o.usage))
	}
}

// splitColumns splits "copydesk [global options]   open the window" at its
// run of spaces.
func splitColumns(s string) (string, string) {
	if i := strings.Index(s, "  "); i >= 0 {
		return s[:i], strings.TrimSpace(s[i:])
	}
	return s, ""
}

// boldCommand sets the leading "copydesk" of a synopsis in bold.
func boldCommand(s string) string {
	if rest, ok := strings.CutPrefix(s, "copydesk"); ok {
		return `\fBcopydesk\fR` + roff(rest)
	}
	return roff(s)
}

// roff escapes text for a man page: backslashes, a dot or quote that would
// start a request, the dashes of options (a plain "-" may be set as a
// hyphen, which cannot be copied into a terminal) and anything not ASCII,
// as \[uXXXX], which groff reads without preconv.
func roff(s string) string {
	s = strings.ReplaceAll(s, `\`, `\e`)
	words := strings.Split(s, " ")
	for i, w := range words {
		if strings.HasPrefix(strings.TrimLeft(w, "[(|'\"`"), "-") {
			words[i] = strings.ReplaceAll(w, "-", `\-`)
		}
	}
	s = strings.Join(words, " ")
	var out strings.Builder
	for _, r := range s {
		if r < 0x80 {
			out.WriteRune(r)
		} else {
			fmt.Fprintf(&out, `\[u%04X]`, r)
		}
	}
	s = out.String()
	if strings.HasPrefix(s, ".") || strings.HasPrefix(s, "'") {
		s = `\&` + s
	}
	return s
}

// writeBashCompletion writes a bash completion function: command names and
// global options first, then the options of the command given.
func writeBashCompletion(w io.Writer, pages []helpPage) error {
	flags := func(opts []helpOption, withValue bool) string {
		var f []string
		for _, o := range opts {
			if !withValue || o.value != "" {
				f = append(f, o.flag)
			}
		}
		return strings.Join(f, " ")
	}
	var names []string
	var cases strings.Builder
	for _, p := range pages[1:] {
		names = append(names, p.name)
		fmt.Fprintf(&cases, "\t%s) opts=%q ;;\n", p.name, flags(p.options, false))
	}
	global := pages[0].options
	_, err := fmt.Fprintf(w, `# bash completion for copydesk, generated by "copydesk help --bash-completion"
# from the command's own help.
_copydesk() {
	local cur=${COMP_WORDS[COMP_CWORD]} cmd="" opts="" i
	for ((i = 1; i < COMP_CWORD; i++)); do
		case ${COMP_WORDS[i]} in
		%s) ((i++)) ;;
		-*) ;;
		*) cmd=${COMP_WORDS[i]}; break ;;
		esac
	done
	case $cmd in
	"")
		if [[ $cur == -* ]]; then opts=%q; else opts=%q; fi ;;
	help) opts=%q ;;
%s	esac
	if [[ -z $cmd || $cmd == help || $cur == -* ]]; then
		mapfile -t COMPREPLY < <(compgen -W "$opts" -- "$cur")
	fi
}
complete -o default -F _copydesk copydesk
`, strings.ReplaceAll(flags(global, true), " ", "|"), flags(global, false), strings.Join(append(names, "help"), " "),
		strings.Join(names, " "), cases.String())
	return err
}
