package ingest

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestCopyrightHolder(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"© 2017 Spiceworks Inc. All rights reserved.", "Spiceworks"},
		{"Copyright 2006 - 2024 Spiceworks Inc", "Spiceworks"},
		{"© Telegraph Media Group Limited 2017", "Telegraph Media Group"},
		{"Copyright (c) 2012-2014 Andrew Zonenberg", "Andrew Zonenberg"},
		{"© Haki Benita 2016-2020", "Haki Benita"},
		{"Copyright © 2019 The New York Times Company", "The New York Times"},
		{"© 1996-2019 Folha de S.Paulo. Todos os direitos reservados.", "Folha de S.Paulo"},
		{"Copyright Folha de S.Paulo. Todos os direitos reservados.", "Folha de S.Paulo"},
		{"© 2015 by Le Monde | Tous droits réservés", "Le Monde"},
		{"© 2024 Abenteuer Astronomie. Alle Rechte vorbehalten.", "Abenteuer Astronomie"},
		{"Copyright © 2009-2021 Weinkenner.de | Impressum", "Weinkenner.de"},
		{"(c) Der SeglerBlog aus Berlin, 2020", "Der SeglerBlog aus Berlin"},
		{"Text and photos © Jane Doe 2019", "Jane Doe"},
		{"© 2019 100% Noticias", "100% Noticias"},
		{"© 2024 JUNGE FREIHEIT Verlag GmbH & Co.", "JUNGE FREIHEIT Verlag"},
		{"©2013–2023 Example Media", "Example Media"},
		{"Copyright 2010-2014", ""},
		{"© 2015", ""},
		{"(C) 2002", ""},
		{"Copyright Notice", ""},
		{"Copyright infringement is a serious matter", ""},
		{"Photo: AP", ""},
		{"©", ""},
	} {
		if got := CopyrightHolder(c.text); got != c.want {
			t.Errorf("CopyrightHolder(%q) = %q, want %q", c.text, got, c.want)
		}
	}
}

func FuzzCopyrightHolder(f *testing.F) {
	for _, s := range []string{"© 2017 Spiceworks Inc. All rights reserved.", "Copyright Notice", "(c) 2002", "©©©(c)"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		h := CopyrightHolder(s)
		if h == "" {
			return
		}
		if n := utf8.RuneCountInString(h); n < 2 || n > 60 {
			t.Errorf("CopyrightHolder(%q) = %q: %d characters", s, h, n)
		}
		if h != strings.TrimSpace(h) || strings.Contains(h, "©") {
			t.Errorf("CopyrightHolder(%q) = %q", s, h)
		}
	})
}
