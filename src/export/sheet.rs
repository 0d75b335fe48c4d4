//! A CSV table in memory whose text cells are neutralised on the way in.

use super::ExportError;
use super::escape::neutralize_cell;
use super::numbers::{full_precision, whole};
use crate::model::stats::DimensionSummary;

/// One cell: user or product text (neutralised), or a number the export
/// formatted itself (written as is, so `-0.5` stays a number).
pub(crate) enum Cell {
    /// Text: a leading `=`, `+`, `-`, `@`, tab or CR gets an apostrophe.
    Text(String),
    /// A number, already formatted (or empty when missing).
    Number(String),
}

/// A text cell.
pub(crate) fn text(value: impl Into<String>) -> Cell {
    Cell::Text(value.into())
}

/// A number cell.
pub(crate) fn number(value: impl Into<String>) -> Cell {
    Cell::Number(value.into())
}

/// The seven statistic cells of a dimension, in the column order both CSV
/// exports use: n, mean, median, min, max, spread, disagreement.
pub(crate) fn statistic_cells(stats: &DimensionSummary) -> [Cell; 7] {
    let f = stats.figures();
    [
        number(f.n.to_string()),
        number(full_precision(f.mean)),
        number(full_precision(f.median)),
        number(whole(f.min)),
        number(whole(f.max)),
        number(whole(f.spread)),
        text(f.disagreement.to_string()),
    ]
}

/// A CSV document: RFC 4180 (comma, `"` quoting, CRLF line ends), UTF-8
/// without a byte-order mark, one header row.
pub(crate) struct Sheet {
    writer: csv::Writer<Vec<u8>>,
    width: usize,
}

impl Sheet {
    /// A sheet with this header row.
    pub(crate) fn new(header: &[&str]) -> Result<Self, ExportError> {
        let mut writer = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(Vec::new());
        writer.write_record(header.iter().map(|h| neutralize_cell(h).into_owned()))?;
        Ok(Self {
            writer,
            width: header.len(),
        })
    }

    /// Appends a row; missing trailing cells are written empty, so every
    /// row has the header's width.
    pub(crate) fn row(&mut self, cells: Vec<Cell>) -> Result<(), ExportError> {
        let mut record: Vec<String> = cells
            .into_iter()
            .map(|cell| match cell {
                Cell::Text(value) => neutralize_cell(&value).into_owned(),
                Cell::Number(value) => value,
            })
            .collect();
        record.resize(self.width.max(record.len()), String::new());
        self.writer.write_record(&record)?;
        Ok(())
    }

    /// The document.
    pub(crate) fn finish(self) -> Result<String, ExportError> {
        let bytes = self
            .writer
            .into_inner()
            .map_err(|e| ExportError::Csv(e.into_error().into()))?;
        Ok(String::from_utf8(bytes)?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_neutralised_numbers_are_not() -> Result<(), ExportError> {
        let mut sheet = Sheet::new(&["a", "b", "c"])?;
        sheet.row(vec![text("=1+1"), number("-0.5")])?;
        assert_eq!(sheet.finish()?, "a,b,c\r\n'=1+1,-0.5,\r\n");
        Ok(())
    }
}
