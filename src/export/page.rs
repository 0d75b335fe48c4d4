//! Owns the frame every HTML export shares: the document head (charset,
//! viewport, title), the rules common to all its stylesheets (palette,
//! colours kept in print, box model, the page's font), and the close.

use std::fmt::{self, Write};

/// The rules every HTML export starts with; each export's own stylesheet
/// follows (its width, line height, layout). The palette is the rating
/// scale's, as the app's theme paints it.
const BASE_STYLE: &str = r#"
:root {
  --ink: #1c2330; --muted: #5d6675; --line: #d5dae1; --soft: #f3f5f8;
  --r1: #f9d7d3; --r2: #fde9c8; --r3: #dcefe2; --r4: #b9e2c6; --ns: #eceef2;
  --bad: #a4221a; --bad-soft: #fbe4e1; --warn: #9a4a05; --warn-soft: #fdf0dc;
  --good: #13653a; --good-soft: #dcefe2;
}
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body {
  margin: 2rem auto; padding: 0 1.5rem; color: var(--ink); font-size: 15px;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans",
    "Liberation Sans", Arial, sans-serif;
}
"#;

/// Writes everything up to and including `<body>`: `title` (already
/// escaped) in the head, then the shared rules and `style`.
pub(super) fn open_page(out: &mut String, title: &str, style: &str) -> fmt::Result {
    writeln!(out, "<!DOCTYPE html>")?;
    writeln!(out, "<html lang=\"en\">")?;
    writeln!(out, "<head>")?;
    writeln!(out, "<meta charset=\"utf-8\">")?;
    writeln!(
        out,
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
    )?;
    writeln!(out, "<title>{title}</title>")?;
    writeln!(out, "<style>{BASE_STYLE}{style}</style>")?;
    writeln!(out, "</head>")?;
    writeln!(out, "<body>")
}

/// Closes what [`open_page`] opened.
pub(super) fn close_page(out: &mut String) -> fmt::Result {
    writeln!(out, "</body>")?;
    writeln!(out, "</html>")
}
