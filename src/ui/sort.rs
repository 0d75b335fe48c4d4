//! Owns how the app's tables sort: by one column, either way, missing
//! numbers last whichever way, and the header click that picks or flips it.

use std::cmp::Ordering;

/// A table's sort: the column and the direction.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SortOrder<C> {
    /// The column sorted by.
    pub column: C,
    /// Highest first.
    pub descending: bool,
}

impl<C: Copy + PartialEq> SortOrder<C> {
    /// A click on `column`'s header: flips the order if it is the sort
    /// already, else sorts by it, highest first unless `ascending_first`
    /// (a column of names starts at A).
    pub fn click(&mut self, column: C, ascending_first: bool) {
        if self.column == column {
            self.descending = !self.descending;
        } else {
            self.column = column;
            self.descending = !ascending_first;
        }
    }

    /// The arrow a header shows: `" v"` highest first, `" ^"` lowest
    /// first, nothing on the other columns.
    pub fn arrow(&self, column: C) -> &'static str {
        match (self.column == column, self.descending) {
            (true, true) => " v",
            (true, false) => " ^",
            (false, _) => "",
        }
    }
}

/// What two rows are compared by in the sorted column.
#[derive(Clone, Copy, Debug)]
pub enum SortValue<'a> {
    /// A name.
    Text(&'a str),
    /// A number, `None` where there is none yet.
    Number(Option<f64>),
}

/// The order of two rows' values: a missing number after any number
/// whichever way the column runs; everything else reversed when
/// `descending`. Equal values are left to the caller's tie-break (by id),
/// which does not turn with the column.
pub fn column_order(a: SortValue<'_>, b: SortValue<'_>, descending: bool) -> Ordering {
    let order = match (a, b) {
        (SortValue::Text(x), SortValue::Text(y)) => x.cmp(y),
        (SortValue::Number(Some(x)), SortValue::Number(Some(y))) => x.total_cmp(&y),
        (SortValue::Number(Some(_)), SortValue::Number(None)) => return Ordering::Less,
        (SortValue::Number(None), SortValue::Number(Some(_))) => return Ordering::Greater,
        _ => Ordering::Equal,
    };
    if descending { order.reverse() } else { order }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_click_picks_a_column_then_flips_it() {
        let mut order = SortOrder {
            column: 'a',
            descending: false,
        };
        order.click('b', false);
        assert_eq!((order.column, order.descending), ('b', true));
        assert_eq!((order.arrow('b'), order.arrow('a')), (" v", ""));
        order.click('b', false);
        assert_eq!((order.column, order.descending), ('b', false));
        assert_eq!(order.arrow('b'), " ^");
        order.click('n', true);
        assert_eq!((order.column, order.descending), ('n', false));
    }

    #[test]
    fn missing_numbers_come_last_either_way() {
        let mut values = vec![Some(2.0), None, Some(3.0), Some(1.0)];
        let sorted = |values: &mut Vec<Option<f64>>, descending| {
            values.sort_by(|a, b| {
                column_order(SortValue::Number(*a), SortValue::Number(*b), descending)
            });
            values.clone()
        };
        assert_eq!(
            sorted(&mut values, false),
            [Some(1.0), Some(2.0), Some(3.0), None]
        );
        assert_eq!(
            sorted(&mut values, true),
            [Some(3.0), Some(2.0), Some(1.0), None]
        );
        assert_eq!(
            column_order(SortValue::Text("b"), SortValue::Text("a"), true),
            Ordering::Less
        );
    }
}
