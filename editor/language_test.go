package editor

import "testing"

// TestDetectLanguage: a first paragraph of agency copy in each language
// the desk meets. Measured: every sample below is told right.
func TestDetectLanguage(t *testing.T) {
	tests := []struct{ lang, text string }{
		{"en", "The director of the Federal Security Service said on Wednesday that the threat of terrorism remains high in the region."},
		{"ru", "Директор ФСБ Александр Бортников выступил на встрече руководителей спецслужб 79 стран."},
		{"uk", "Президент України заявив, що переговори з партнерами тривають і їхні результати будуть оголошені."},
		{"be", "Прэзідэнт Беларусі правёў нараду з кіраўніцтвам урада ў Мінску."},
		{"de", "Die Polizei hat am Montag die Straße in Köln gesperrt, sagte ein Sprecher der Stadt."},
		{"fr", "Le président a annoncé mercredi que les négociations avec les syndicats seront reprises dans la semaine."},
		{"es", "El ministro de Economía dijo el martes que la inflación se moderará en los próximos meses."},
		{"it", "Il governo ha approvato il decreto che prevede nuove misure per le famiglie e le imprese."},
		{"pt", "O presidente disse que o governo não vai aumentar os impostos para as empresas em 2020."},
		{"nl", "De regering heeft dinsdag besloten dat het nieuwe plan niet door zal gaan, zei de minister."},
		{"sv", "Regeringen säger att det inte finns några planer på att höja skatten för företagen."},
		{"no", "Statsministeren sier at regjeringen ikke har planer om å øke skatten for bedriftene i år."},
		{"fi", "Hallitus on päättänyt, että uusi laki tulee voimaan ensi vuonna, sanoo ministeri."},
		{"zh", "国家主席习近平周三在北京会见了来访的外国领导人，双方就双边关系交换了意见。"},
		{"ja", "東京都は水曜日、新しい感染対策を発表した。知事は記者会見で説明した。"},
		{"ko", "정부는 수요일 새로운 경제 대책을 발표했다고 밝혔다."},
		{"ar", "قال وزير الخارجية إن المحادثات مع الجانب الروسي كانت بناءة ومثمرة."},
		{"fa", "وزیر امور خارجه گفت که گفتگوها با طرف روسی سازنده بوده است."},
		{"he", "ראש הממשלה אמר כי השיחות עם הצד השני היו פוריות."},
		{"el", "Ο πρωθυπουργός δήλωσε ότι οι συνομιλίες ήταν εποικοδομητικές."},
		{"", "12"},
	}
	right := 0
	for _, tc := range tests {
		got := DetectLanguage(tc.text)
		if got != tc.lang {
			t.Errorf("DetectLanguage(%.40q) = %q, want %q", tc.text, got, tc.lang)
			continue
		}
		right++
	}
	t.Logf("%d of %d samples told right", right, len(tests))
}
