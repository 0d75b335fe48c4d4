//! Making user text safe in each export format: HTML escaping, Markdown
//! escaping, and the neutralising of CSV cells a spreadsheet would run as a
//! formula (DESIGN.md "What never happens").

use std::borrow::Cow;

/// `text` with `&`, `<`, `>`, `"` and `'` replaced by character references,
/// safe inside HTML text and inside a quoted attribute value.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// The characters a spreadsheet reads as the start of a formula.
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// A text cell a spreadsheet will show as text: a cell starting with `=`,
/// `+`, `-`, `@`, a tab or a carriage return gets a leading apostrophe `'`
/// (the spreadsheets' own "this is text" mark), everything else is as is.
///
/// Only text cells go through this; numbers the export writes itself (a
/// negative leniency, say) stay numbers.
pub fn neutralize_cell(text: &str) -> Cow<'_, str> {
    if text.starts_with(FORMULA_STARTS) {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

/// `text` as literal Markdown inline text on one line: what CommonMark would
/// read as markup (emphasis, code, HTML, autolinks, links, table pipes, a
/// list or heading marker at the start) is backslash-escaped and line
/// breaks become spaces, so user text can neither format the page, break a
/// table, nor smuggle HTML into a rendered file.
///
/// For readability, an underscore inside a word (`snake_case`) is left
/// alone, and a bracket is escaped only where it could close a link (`](`,
/// `][`, `]:`), so the `[12:34]` time stamps of evidence stay as they are.
pub fn escape_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let block_marker = block_marker_at(text);
    let mut chars = text.chars().enumerate().peekable();
    let mut previous = None;
    while let Some((at, c)) = chars.next() {
        if block_marker == Some(at) {
            out.push('\\');
        }
        let next = chars.peek().map(|&(_, n)| n);
        match c {
            // Inside a word (`snake_case`) an underscore is never emphasis.
            '_' if previous.is_some_and(char::is_alphanumeric)
                && next.is_some_and(char::is_alphanumeric) =>
            {
                out.push('_');
            }
            '\\' | '`' | '*' | '_' | '~' | '<' | '>' | '|' | '#' => {
                out.push('\\');
                out.push(c);
            }
            ']' if matches!(next, Some('(' | '[' | ':')) => out.push_str("\\]"),
            '\r' => {
                if next != Some('\n') {
                    out.push(' ');
                }
            }
            '\n' => out.push(' '),
            _ => out.push(c),
        }
        previous = Some(c);
    }
    out
}

/// Where (in characters) the punctuation lies that would make `text`, at
/// the start of a line, open a list, a setext heading underline or a
/// thematic break (`-`, `+`, `=`, the `.` of `1.`, the `)` of `1)`); the
/// other block markers (`#`, `>`, `*`, `_`, `` ` ``, `~`) are always escaped.
fn block_marker_at(text: &str) -> Option<usize> {
    if text.starts_with(['-', '+', '=']) {
        return Some(0);
    }
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    let ordered = digits > 0
        && text
            .get(digits..)
            .is_some_and(|rest| rest.starts_with(['.', ')']));
    ordered.then_some(digits)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_escapes_the_five_characters() {
        assert_eq!(
            escape_html(r#"<script>alert("x" & 'y')</script>"#),
            "&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt;"
        );
        assert_eq!(escape_html("Zoë"), "Zoë");
    }

    #[test]
    fn formula_cells_get_an_apostrophe() {
        for hostile in ["=1+1", "+1", "-2", "@SUM(A1)", "\tx", "\rx"] {
            assert_eq!(neutralize_cell(hostile), format!("'{hostile}"));
        }
        for fine in ["Alex", " =1", "1-2", "", "'quoted"] {
            assert_eq!(neutralize_cell(fine), fine);
        }
    }

    #[test]
    fn markdown_is_literal_and_one_line() {
        assert_eq!(
            escape_markdown("<b>*x*</b> | [a](javascript:y)\r\nnext"),
            r"\<b\>\*x\*\</b\> \| [a\](javascript:y) next"
        );
        assert_eq!(escape_markdown("[04:10] traced DNS"), "[04:10] traced DNS");
        assert_eq!(escape_markdown("snake_case _em_"), r"snake_case \_em\_");
        assert_eq!(escape_markdown("-2 points"), r"\-2 points");
        assert_eq!(escape_markdown("12. item"), r"12\. item");
        assert_eq!(escape_markdown("12 items"), "12 items");
        assert_eq!(escape_markdown("[x][y] [z]: u"), r"[x\][y] [z\]: u");
    }
}
