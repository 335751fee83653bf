package ui

// History is a browser's back and forward list: the places visited, in
// order, and the one shown. Visiting a new place drops the places ahead
// of the one shown (as a browser does after going back); the oldest places
// are forgotten beyond the cap.
type History[T any] struct {
	items []T
	pos   int // index of the place shown; -1 when empty
	limit int
}

// NewHistory makes an empty history that keeps at most limit places
// (at least 1).
func NewHistory[T any](limit int) *History[T] {
	return &History[T]{pos: -1, limit: max(limit, 1)}
}

// Visit records a new place shown, after the current one.
func (h *History[T]) Visit(p T) {
	clear(h.items[h.pos+1:]) // the places ahead are dropped: let them be collected
	h.items = append(h.items[:h.pos+1], p)
	if over := len(h.items) - h.limit; over > 0 {
		clear(h.items[:over]) // let the forgotten places be collected
		h.items = h.items[over:]
	}
	h.pos = len(h.items) - 1
}

// Replace changes the place shown without adding one (what it shows has
// changed, such as the article open in a view).
func (h *History[T]) Replace(p T) {
	if h.pos < 0 {
		h.Visit(p)
		return
	}
	h.items[h.pos] = p
}

// Current returns the place shown.
func (h *History[T]) Current() (T, bool) {
	var zero T
	if h.pos < 0 {
		return zero, false
	}
	return h.items[h.pos], true
}

// Back moves to the place before the current one and returns it.
func (h *History[T]) Back() (T, bool) {
	var zero T
	if !h.CanBack() {
		return zero, false
	}
	h.pos--
	return h.items[h.pos], true
}

// Forward moves to the place after the current one and returns it.
func (h *History[T]) Forward() (T, bool) {
	var zero T
	if !h.CanForward() {
		return zero, false
	}
	h.pos++
	return h.items[h.pos], true
}

// CanBack reports whether there is a place to go back to.
func (h *History[T]) CanBack() bool { return h.pos > 0 }

// CanForward reports whether there is a place to go forward to.
func (h *History[T]) CanForward() bool { return h.pos < len(h.items)-1 }

// Len returns how many places are remembered.
func (h *History[T]) Len() int { return len(h.items) }

// DropForward forgets the places after the current one.
func (h *History[T]) DropForward() {
	clear(h.items[h.pos+1:])
	h.items = h.items[:h.pos+1]
}
