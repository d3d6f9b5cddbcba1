package compare

import (
	"bytes"
	"fmt"
	"strings"

	"copydesk/editor"
)

// TextReport renders the comparison as plain text in the manner of wdiff:
// deleted text as [-…-], inserted text as {+…+}. It lists the revisions,
// the stats, the metadata changes and the changed numbers and quotes, then
// the whole text, every block numbered as in the HTML redline. Subheads
// are written "## …" and quotes "> …", as in the body's Markdown.
func TextReport(r *Result, meta ReportMeta) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "Changes: %s\n", clean(reportTitle(r)))
	if meta.ArticleID != "" {
		fmt.Fprintf(&b, "Article: %s\n", clean(meta.ArticleID))
	}
	fmt.Fprintf(&b, "From:    %s\n", clean(meta.From.String()))
	fmt.Fprintf(&b, "To:      %s\n", clean(meta.To.String()))
	if !meta.Generated.IsZero() {
		fmt.Fprintf(&b, "Made:    %s\n", timeStamp(meta.Generated))
	}
	fmt.Fprintf(&b, "%s\n", StatsLine(r.Stats))

	b.WriteString("\nMETADATA\n")
	n := 0
	for _, f := range r.Fields {
		if f.Internal && !meta.IncludeInternal {
			continue
		}
		n++
		label := f.Label
		if f.Internal {
			label += " (internal)"
		}
		fmt.Fprintf(&b, "  %s: %s\n", clean(label), fieldText(f))
	}
	if n == 0 {
		b.WriteString("  No metadata changed.\n")
	}

	b.WriteString("\nNUMBERS AND QUOTES\n")
	checks := r.Checks()
	for _, c := range checks {
		where := fieldLabel(c.Field)
		if c.Entry >= 0 {
			where = "¶ " + paraNum(c.Entry)
		}
		fmt.Fprintf(&b, "  %-10s %-6s %s\n", where, c.What, valueText(c.ValueChange))
	}
	if len(checks) == 0 {
		b.WriteString("  No numbers or quoted passages changed.\n")
	}

	b.WriteString("\nTEXT\n")
	for k, e := range r.Blocks {
		fmt.Fprintf(&b, "\n[%d] ", k+1)
		switch e.Kind {
		case Moved:
			fmt.Fprintf(&b, "(moved here from [%d]", e.Partner+1)
			if e.Block != e.OldBlock {
				fmt.Fprintf(&b, ", was a %s", e.OldBlock)
			}
			b.WriteString(") ")
		case MovedAway:
			fmt.Fprintf(&b, "(this %s moved to [%d])\n", e.Block, e.Partner+1)
			continue
		case Changed:
			if e.Block != e.OldBlock {
				fmt.Fprintf(&b, "(was a %s) ", e.OldBlock)
			}
		}
		switch e.Block {
		case editor.Subhead:
			b.WriteString("## ")
		case editor.Quote:
			b.WriteString("> ")
		}
		b.WriteString(wdiff(e.Chunks))
		b.WriteString("\n")
	}
	return b.Bytes()
}

func fieldText(f FieldChange) string {
	switch {
	case len(f.Chunks) > 0:
		return wdiff(f.Chunks)
	case len(f.Added)+len(f.Removed) > 0:
		var parts []string
		if len(f.Added) > 0 {
			parts = append(parts, "added "+marked("{+", "+}", f.Added))
		}
		if len(f.Removed) > 0 {
			parts = append(parts, "removed "+marked("[-", "-]", f.Removed))
		}
		return strings.Join(parts, "; ")
	}
	return valueText(ValueChange{Old: f.Old, New: f.New})
}

func valueText(v ValueChange) string {
	old, new := "(none)", "(none)"
	if v.Old != "" {
		old = "[-" + clean(v.Old) + "-]"
	}
	if v.New != "" {
		new = "{+" + clean(v.New) + "+}"
	}
	return old + " → " + new
}

func marked(open, close string, items []string) string {
	out := make([]string, len(items))
	for i, s := range items {
		out[i] = open + clean(s) + close
	}
	return strings.Join(out, ", ")
}

func wdiff(chunks []Chunk) string {
	var b strings.Builder
	for _, c := range chunks {
		switch c.Op {
		case OpDelete:
			b.WriteString("[-" + clean(c.Text) + "-]")
		case OpInsert:
			b.WriteString("{+" + clean(c.Text) + "+}")
		default:
			b.WriteString(clean(c.Text))
		}
	}
	return b.String()
}
