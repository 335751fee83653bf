// Package assets holds the files News Archive ships inside its binary: the
// application icon, the sample article offered on first start, and the
// sidebar's icons (icons/, Material Design icons under Apache-2.0: see
// icons/README.md).
package assets

import "embed"

// Icon is the application icon, a 256×256 PNG.
//
//go:embed icon.png
var Icon []byte

// SampleArticle is a news page saved as text, offered on an empty archive.
//
//go:embed sample-article.txt
var SampleArticle []byte

// SampleArticleName is the file name the sample article is imported under.
const SampleArticleName = "sample-article.txt"

// Icons holds the sidebar's SVG icons, icons/NAME.svg.
//
//go:embed icons/*.svg
var Icons embed.FS
