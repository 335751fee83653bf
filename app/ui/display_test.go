package ui

import (
	"errors"
	"testing"
)

func TestCheckDisplay(t *testing.T) {
	tests := []struct {
		goos    string
		env     map[string]string
		wantErr bool
	}{
		{"linux", nil, true},
		{"linux", map[string]string{"DISPLAY": ":0"}, false},
		{"linux", map[string]string{"WAYLAND_DISPLAY": "wayland-0"}, false},
		{"freebsd", map[string]string{"DISPLAY": ""}, true},
		{"darwin", nil, false},
		{"windows", nil, false},
	}
	for _, tt := range tests {
		err := checkDisplay(tt.goos, func(k string) string { return tt.env[k] })
		if (err != nil) != tt.wantErr || err != nil && !errors.Is(err, errNoDisplay) {
			t.Errorf("%s %v: err %v, want error %v", tt.goos, tt.env, err, tt.wantErr)
		}
	}
}
