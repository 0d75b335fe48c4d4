//! Turns a [`FieldPath`] into a line and column in RON source text.
//!
//! ron reports positions for syntax errors itself; semantic problems (a
//! duplicate id, an unknown dimension) are found on the parsed value, which
//! has no positions. This module walks the text again, structurally, to find
//! where the value at a path starts. It only ever runs on text that ron has
//! already accepted, and never panics on anything else: it gives up with
//! `None` instead.

use crate::model::{FieldPath, PathSegment};

/// Deeper than ron's own recursion limit, so valid files always fit.
const MAX_DEPTH: usize = 256;

/// A 1-based line and column (in characters), as ron counts them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LineCol {
    /// 1-based line.
    pub line: usize,
    /// 1-based column in characters.
    pub column: usize,
}

/// Where the value at `path` starts, or the deepest enclosing value found.
pub fn locate(text: &str, path: &FieldPath) -> LineCol {
    let segments = &path.0;
    for len in (0..=segments.len()).rev() {
        let mut walker = Walker::new(text);
        if let Some(offset) = walker.find(segments.get(..len).unwrap_or_default(), 0) {
            return line_col(text, offset);
        }
    }
    LineCol { line: 1, column: 1 }
}

/// The identifier a RON document opens with (`Template` in `Template(…)`),
/// after whitespace and comments, with its position.
pub fn first_identifier(text: &str) -> (Option<&str>, LineCol) {
    let mut walker = Walker::new(text);
    walker.skip_trivia();
    let start = walker.pos;
    let ident = walker.identifier();
    (ident, line_col(text, start))
}

/// Converts a byte offset into a line and a character column.
pub fn line_col(text: &str, offset: usize) -> LineCol {
    let before = text.get(..offset).unwrap_or(text);
    let line = 1 + before.matches('\n').count();
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = 1 + before.get(line_start..).map_or(0, |s| s.chars().count());
    LineCol { line, column }
}

struct Walker<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Walker<'a> {
    fn new(text: &'a str) -> Self {
        Self {
            bytes: text.as_bytes(),
            pos: 0,
        }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn peek_at(&self, ahead: usize) -> Option<u8> {
        self.bytes.get(self.pos + ahead).copied()
    }

    fn eat(&mut self, byte: u8) -> bool {
        if self.peek() == Some(byte) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    /// Skips whitespace, line comments and (nested) block comments.
    fn skip_trivia(&mut self) {
        loop {
            match (self.peek(), self.peek_at(1)) {
                (Some(b' ' | b'\t' | b'\n' | b'\r'), _) => self.pos += 1,
                (Some(b'/'), Some(b'/')) => {
                    while let Some(b) = self.peek() {
                        if b == b'\n' {
                            break;
                        }
                        self.pos += 1;
                    }
                }
                (Some(b'/'), Some(b'*')) => {
                    self.pos += 2;
                    let mut depth = 1usize;
                    while depth > 0 {
                        match (self.peek(), self.peek_at(1)) {
                            (None, _) => return,
                            (Some(b'/'), Some(b'*')) => {
                                depth += 1;
                                self.pos += 2;
                            }
                            (Some(b'*'), Some(b'/')) => {
                                depth -= 1;
                                self.pos += 2;
                            }
                            _ => self.pos += 1,
                        }
                    }
                }
                _ => return,
            }
        }
    }

    /// Skips a string, raw string, byte string or char literal if one starts
    /// here; returns whether it did.
    fn skip_literal(&mut self) -> bool {
        let start = self.pos;
        if self.peek() == Some(b'b') && matches!(self.peek_at(1), Some(b'"' | b'\'' | b'r')) {
            self.pos += 1;
        }
        match self.peek() {
            Some(quote @ (b'"' | b'\'')) => {
                self.pos += 1;
                while let Some(b) = self.peek() {
                    self.pos += 1;
                    if b == b'\\' {
                        self.pos += 1;
                    } else if b == quote {
                        return true;
                    }
                }
                true
            }
            Some(b'r') if matches!(self.peek_at(1), Some(b'"' | b'#')) => {
                self.pos += 1;
                let mut hashes = 0;
                while self.eat(b'#') {
                    hashes += 1;
                }
                if !self.eat(b'"') {
                    // `r#ident`: a raw identifier, not a string.
                    self.pos = start;
                    return false;
                }
                loop {
                    match self.peek() {
                        None => return true,
                        Some(b'"') => {
                            self.pos += 1;
                            let closing = (0..hashes).all(|i| self.peek_at(i) == Some(b'#'));
                            if closing {
                                self.pos += hashes;
                                return true;
                            }
                        }
                        Some(_) => self.pos += 1,
                    }
                }
            }
            _ => {
                self.pos = start;
                false
            }
        }
    }

    /// Reads an identifier (`Template`, `r#type`) if one starts here.
    fn identifier(&mut self) -> Option<&'a str> {
        let start = self.pos;
        if self.peek() == Some(b'r') && self.peek_at(1) == Some(b'#') {
            self.pos += 2;
        }
        let body = self.pos;
        while let Some(b) = self.peek() {
            if b.is_ascii_alphanumeric() || b == b'_' || b >= 0x80 {
                self.pos += 1;
            } else {
                break;
            }
        }
        let first = self.bytes.get(body).copied();
        if self.pos == body || first.is_some_and(|b| b.is_ascii_digit()) {
            self.pos = start;
            return None;
        }
        std::str::from_utf8(self.bytes.get(body..self.pos)?).ok()
    }

    /// Skips one complete value of any kind.
    fn skip_value(&mut self) {
        self.skip_trivia();
        if self.skip_literal() {
            return;
        }
        match self.peek() {
            Some(b'(' | b'[' | b'{') => self.skip_group(),
            Some(_) => {
                while let Some(b) = self.peek() {
                    if b.is_ascii_whitespace() || b"()[]{},:\"'".contains(&b) {
                        break;
                    }
                    self.pos += 1;
                }
                let after_atom = self.pos;
                self.skip_trivia();
                if self.peek() == Some(b'(') {
                    self.skip_group();
                } else {
                    self.pos = after_atom;
                }
            }
            None => {}
        }
    }

    /// Skips a bracketed group, including everything nested in it.
    fn skip_group(&mut self) {
        let mut depth = 0usize;
        loop {
            self.skip_trivia();
            if self.skip_literal() {
                continue;
            }
            match self.peek() {
                None => return,
                Some(b'(' | b'[' | b'{') => depth += 1,
                Some(b')' | b']' | b'}') => {
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        self.pos += 1;
                        return;
                    }
                }
                Some(_) => {}
            }
            self.pos += 1;
        }
    }

    /// Skips a separating comma, if any, and tells whether the group closed.
    fn next_item(&mut self, close: u8) -> bool {
        self.skip_trivia();
        self.eat(b',');
        self.skip_trivia();
        self.peek() != Some(close) && self.peek().is_some()
    }

    /// Byte offset where the value at `path` starts.
    fn find(&mut self, path: &[PathSegment], depth: usize) -> Option<usize> {
        if depth > MAX_DEPTH {
            return None;
        }
        self.skip_trivia();
        let Some((segment, rest)) = path.split_first() else {
            return Some(self.pos);
        };
        match self.peek()? {
            b'(' => {
                self.pos += 1;
                self.find_in_parens(segment, rest, depth)
            }
            b'[' => {
                self.pos += 1;
                let PathSegment::Index(index) = segment else {
                    return None;
                };
                self.skip_items(*index, b']')?;
                self.find(rest, depth + 1)
            }
            b'{' => {
                self.pos += 1;
                let PathSegment::Key(key) = segment else {
                    return None;
                };
                self.find_in_map(key, rest, depth)
            }
            _ => {
                let ident = self.identifier()?;
                self.skip_trivia();
                if !self.eat(b'(') {
                    return None;
                }
                if ident == "Some" {
                    // `Some(x)` is transparent: the path goes on inside.
                    self.find(path, depth + 1)
                } else {
                    self.find_in_parens(segment, rest, depth)
                }
            }
        }
    }

    /// Skips `count` items of a list or tuple; `None` if it has fewer.
    fn skip_items(&mut self, count: usize, close: u8) -> Option<()> {
        self.skip_trivia();
        if self.peek() == Some(close) {
            return None;
        }
        for _ in 0..count {
            self.skip_value();
            if !self.next_item(close) {
                return None;
            }
        }
        Some(())
    }

    fn find_in_parens(
        &mut self,
        segment: &PathSegment,
        rest: &[PathSegment],
        depth: usize,
    ) -> Option<usize> {
        match segment {
            PathSegment::Index(index) => {
                self.skip_items(*index, b')')?;
                self.find(rest, depth + 1)
            }
            PathSegment::Field(name) => loop {
                self.skip_trivia();
                let field = self.identifier()?;
                self.skip_trivia();
                if !self.eat(b':') {
                    return None;
                }
                if field == *name {
                    return self.find(rest, depth + 1);
                }
                self.skip_value();
                if !self.next_item(b')') {
                    return None;
                }
            },
            PathSegment::Key(_) => None,
        }
    }

    fn find_in_map(&mut self, key: &str, rest: &[PathSegment], depth: usize) -> Option<usize> {
        loop {
            self.skip_trivia();
            let key_start = self.pos;
            if !self.skip_literal() {
                return None;
            }
            let raw = self.bytes.get(key_start..self.pos)?;
            let matches = raw.len() >= 2 && raw.get(1..raw.len() - 1) == Some(key.as_bytes());
            self.skip_trivia();
            if !self.eat(b':') {
                return None;
            }
            if matches {
                return self.find(rest, depth + 1);
            }
            self.skip_value();
            if !self.next_item(b'}') {
                return None;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "// head\nTemplate(\n  id: \"t\", /* x */ dims: [\n    D(id: \"a\"),\n    (id: \"b\", r: r#\"q\"\"#),\n  ],\n  map: {\"k1\": (v: 1), \"k2\": Some((v: 2))},\n)\n";

    fn at(path: FieldPath) -> (usize, usize) {
        let lc = locate(TEXT, &path);
        (lc.line, lc.column)
    }

    #[test]
    fn finds_fields_indices_and_keys() {
        let root = FieldPath::root();
        assert_eq!(at(root.clone()), (2, 1));
        assert_eq!(at(root.field("id")), (3, 7));
        assert_eq!(at(root.field("dims").index(0).field("id")), (4, 11));
        assert_eq!(at(root.field("dims").index(1).field("id")), (5, 10));
        assert_eq!(at(root.field("dims").index(1).field("r")), (5, 18));
        assert_eq!(at(root.field("map").key("k2").field("v")), (7, 38));
    }

    #[test]
    fn falls_back_to_the_nearest_enclosing_value() {
        let root = FieldPath::root();
        assert_eq!(at(root.field("dims").index(7)), (3, 26));
        assert_eq!(at(root.field("missing")), (2, 1));
    }

    #[test]
    fn never_panics_on_garbage() {
        for text in [
            "",
            "(",
            "[[[",
            "r#",
            "\"",
            "Template(a: {\"x",
            "é(é:",
            "/* open",
        ] {
            let _ = locate(text, &FieldPath::root().field("a").index(3).key("x"));
            let _ = first_identifier(text);
        }
    }
}
