package fetch

import (
	"fmt"
	"io"
	"net/http"
)

// readBody reads the body into out.Body, or into to when set, refusing
// more than MaxBytes.
func (f *Fetcher) readBody(resp *http.Response, to io.Writer, out *Response) error {
	max := f.maxBytes()
	if resp.ContentLength > max {
		return fmt.Errorf("%d bytes announced: %w", resp.ContentLength, ErrTooLarge)
	}
	if to != nil {
		n, err := copyCapped(to, resp.Body, max)
		out.Size = n
		return err
	}
	b, err := readCapped(resp.Body, max)
	out.Body, out.Size = b, int64(len(b))
	return err
}

// readCapped reads at most max bytes, failing with ErrTooLarge as soon as
// the body proves longer; it never holds more than max+1 bytes.
func readCapped(r io.Reader, max int64) ([]byte, error) {
	b, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, err
	}
	if int64(len(b)) > max {
		return nil, ErrTooLarge
	}
	return b, nil
}

// copyCapped copies at most max bytes of r into w, failing with
// ErrTooLarge as soon as r proves longer.
func copyCapped(w io.Writer, r io.Reader, max int64) (int64, error) {
	cw := &countingWriter{w: w}
	_, err := io.Copy(cw, io.LimitReader(r, max))
	if cw.err != nil {
		return cw.n, fmt.Errorf("write body: %w", cw.err)
	}
	if err != nil {
		return cw.n, err
	}
	var one [1]byte
	if k, _ := io.ReadFull(r, one[:]); k > 0 {
		return cw.n, ErrTooLarge
	}
	return cw.n, nil
}

// countingWriter counts what it passes on and keeps the writer's own
// error apart from the reader's.
type countingWriter struct {
	w   io.Writer
	n   int64
	err error
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	if err != nil {
		c.err = err
	}
	return n, err
}
