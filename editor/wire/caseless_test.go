package wire

import (
	"strings"
	"testing"

	"copydesk/editor"
)

// TestCaselessScripts: the layout rules asked for a capital first letter,
// so Arabic and Chinese copy lost its structure (issue 16, class 7): the
// section line became the headline, headline and standfirst merged, the
// credit was lost, the language was "en", and "By 王小明" joined the
// standfirst without a word.
func TestCaselessScripts(t *testing.T) {
	tests := []struct {
		name string
		copy string
		want editor.Article // the fields compared
		warn string
	}{
		{"arabic tass layout",
			"كل الأخبار\n\nمدير الأمن يحذر من خطر الإرهاب\nتحدث المدير في اجتماع رؤساء الأجهزة الأمنية\nبيتر كوفاليف/تاس\n\nسوتشي, 16 أكتوبر. /تاس/. قال مدير جهاز الأمن الفيدرالي إن التهديد لا يزال قائما.\n\nوأضاف أن التعاون مستمر.\n",
			editor.Article{Section: "كل الأخبار", Headline: "مدير الأمن يحذر من خطر الإرهاب", Language: "ar",
				Dateline: editor.Dateline{Place: "سوتشي", Source: "تاس", Date: "2019-10-16", DateAssumed: true},
				Photo:    editor.Photo{Caption: "تحدث المدير في اجتماع رؤساء الأجهزة الأمنية", Credit: "بيتر كوفاليف/تاس"}}, ""},
		{"chinese byline",
			"习近平会见外国领导人\n双方就双边关系交换了意见\nBy 王小明\n\n北京, 10月16日. /新华社/. 国家主席习近平周三在北京会见了来访的外国领导人。\n",
			editor.Article{Headline: "习近平会见外国领导人", Standfirst: "双方就双边关系交换了意见", Language: "zh",
				Bylines:  []editor.Byline{{Name: "王小明", Role: editor.RoleWriter}},
				Dateline: editor.Dateline{Place: "北京", Source: "新华社", Date: "2019-10-16", DateAssumed: true}}, ""},
		{"arabic byline",
			"عنوان الخبر الرئيسي\nBy محمد علي\n\nسوتشي, 16 أكتوبر. /تاس/. نص الخبر هنا.\n",
			editor.Article{Headline: "عنوان الخبر الرئيسي", Language: "ar",
				Bylines:  []editor.Byline{{Name: "محمد علي", Role: editor.RoleWriter}},
				Dateline: editor.Dateline{Place: "سوتشي", Source: "تاس", Date: "2019-10-16", DateAssumed: true}}, ""},
		{"byline that is no name warns",
			"Headline of the story\nBy the end of the year, prices rose\n\nSOCHI, October 16. /TASS/. Text.\n",
			editor.Article{Headline: "Headline of the story", Standfirst: "By the end of the year, prices rose", Language: "en",
				Dateline: editor.Dateline{Place: "SOCHI", Source: "TASS", Date: "2019-10-16", DateAssumed: true}}, "starts like a byline"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a, warns := mustParse(t, "in.txt", []byte(tc.copy), opts())
			got := editor.Article{Section: a.Section, Headline: a.Headline, Standfirst: a.Standfirst, Language: a.Language,
				Dateline: a.Dateline, Photo: a.Photo, Bylines: a.Bylines}
			if !equalFields(got, tc.want) {
				t.Errorf("got  %+v\nwant %+v", got, tc.want)
			}
			if tc.warn != "" && !strings.Contains(joinWarnings(warns), tc.warn) {
				t.Errorf("no warning %q in %v", tc.warn, warns)
			}
		})
	}
}

func equalFields(a, b editor.Article) bool {
	if len(a.Bylines) != len(b.Bylines) {
		return false
	}
	for i := range a.Bylines {
		if a.Bylines[i] != b.Bylines[i] {
			return false
		}
	}
	a.Bylines, b.Bylines = nil, nil
	return a.Section == b.Section && a.Headline == b.Headline && a.Standfirst == b.Standfirst &&
		a.Language == b.Language && a.Dateline == b.Dateline && a.Photo == b.Photo
}

func joinWarnings(ws []editor.Warning) string {
	var s []string
	for _, w := range ws {
		s = append(s, w.String())
	}
	return strings.Join(s, "\n")
}
