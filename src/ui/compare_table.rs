//! The compare screen's rows: found, named, formatted and sorted once per
//! change, then kept between frames. At 1,000 candidates, building them
//! takes milliseconds; a frame only draws the rows in view.

use std::cmp::Ordering;

use super::{Settings, display_name, panel_visible};
use crate::io::WorkspaceSnapshot;
use crate::model::stats::{CandidateSummary, Summary};
use crate::model::{Slug, Template};

/// What the table is sorted by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SortKey {
    /// The name (or alias).
    Name,
    /// The weighted score.
    Weighted,
    /// The leniency-adjusted weighted score.
    Adjusted,
    /// Agreement between the interviewers.
    Alpha,
    /// Hire and strong hire recommendations.
    Hires,
    /// The mean of the template's n-th dimension.
    Dimension(usize),
}

/// Columns before the dimensions' means: weighted, adjusted, alpha, hires.
const LEADING_COLUMNS: usize = 4;

impl SortKey {
    /// The index into [`CompareRow::values`], or `None` for the name.
    fn column(self) -> Option<usize> {
        match self {
            SortKey::Name => None,
            SortKey::Weighted => Some(0),
            SortKey::Adjusted => Some(1),
            SortKey::Alpha => Some(2),
            SortKey::Hires => Some(3),
            SortKey::Dimension(i) => Some(LEADING_COLUMNS + i),
        }
    }
}

/// A candidate row, ready to draw.
#[derive(Clone, Debug, PartialEq)]
pub struct CompareRow {
    /// Id.
    pub id: Slug,
    /// Name, or alias in blind mode.
    pub name: String,
    /// The label of the row's debrief button.
    pub debrief_label: String,
    /// The numbers: weighted, adjusted, alpha, hires, then each of the
    /// template's dimension means, in template order.
    pub values: Vec<Option<f64>>,
    /// The same, as shown.
    pub cells: Vec<String>,
    /// The row in words, for screen readers: the name, then each column's
    /// title and value.
    pub spoken: String,
}

impl CompareRow {
    /// The means of the template's dimensions, in template order.
    pub fn dimension_means(&self) -> &[Option<f64>] {
        self.values.get(LEADING_COLUMNS..).unwrap_or_default()
    }
}

/// Everything the rows depend on; when it changes, they are built again.
#[derive(Clone, Debug, PartialEq)]
pub struct TableKey {
    /// The snapshot generation (names, panels).
    pub generation: u64,
    /// The generation of the snapshot the aggregates were computed from.
    pub summary_generation: u64,
    /// The template compared.
    pub template: Slug,
    /// The sort column.
    pub sort: SortKey,
    /// Highest first.
    pub descending: bool,
    /// Aliases instead of names.
    pub blind: bool,
    /// Every panel visible.
    pub coordinator: bool,
    /// Who is looking (decides which panels are visible).
    pub interviewer: String,
}

/// The rows of one template, sorted, and how many candidates are hidden.
#[derive(Clone, Debug)]
pub struct CompareTable {
    /// What they were built for.
    pub key: TableKey,
    /// Visible candidates, in display order.
    pub rows: Vec<CompareRow>,
    /// Candidates of the template whose panel this user may not see.
    pub hidden: usize,
}

impl CompareTable {
    /// The rows for `key`: candidates of `template` whose panel this user
    /// may see, sorted. Missing values sort last either way.
    pub fn build(
        key: TableKey,
        snapshot: &WorkspaceSnapshot,
        settings: &Settings,
        summary: &Summary,
        template: &Template,
    ) -> Self {
        let mut rows = Vec::new();
        let mut hidden = 0;
        for s in summary
            .candidates
            .iter()
            .filter(|s| s.template == key.template)
        {
            let Some(record) = snapshot.candidate(s.id.as_str()) else {
                continue;
            };
            if !panel_visible(record, settings) {
                hidden += 1;
                continue;
            }
            let name = display_name(&record.candidate, settings);
            rows.push(row(s, name, template));
        }
        sort_rows(&mut rows, key.sort, key.descending);
        Self { key, rows, hidden }
    }
}

fn row(s: &CandidateSummary, name: String, template: &Template) -> CompareRow {
    let r = &s.recommendations;
    let hires = r.hire + r.strong_hire;
    let recommended = r.strong_no_hire + r.no_hire + hires;
    let mut values = vec![
        s.weighted_score,
        s.adjusted_weighted_score,
        s.agreement_alpha,
        Some(hires as f64),
    ];
    let mut cells = vec![
        number(s.weighted_score),
        number(s.adjusted_weighted_score),
        number(s.agreement_alpha),
        format!("{hires} of {recommended}"),
    ];
    let mut titles = vec!["weighted", "adjusted", "alpha", "hires"];
    for dimension in &template.dimensions {
        let mean = s
            .dimensions
            .iter()
            .find(|d| d.id == dimension.id)
            .and_then(|d| d.mean);
        values.push(mean);
        cells.push(number(mean));
        titles.push(dimension.name.as_str());
    }
    let spoken = std::iter::once(name.clone())
        .chain(titles.iter().zip(&cells).map(|(t, c)| format!("{t} {c}")))
        .collect::<Vec<_>>()
        .join(", ");
    CompareRow {
        id: s.id.clone(),
        debrief_label: format!("Debrief {name}"),
        name,
        values,
        cells,
        spoken,
    }
}

fn number(value: Option<f64>) -> String {
    value.map_or_else(|| "-".to_owned(), |v| format!("{v:.2}"))
}

fn sort_rows(rows: &mut [CompareRow], key: SortKey, descending: bool) {
    let value = |r: &CompareRow| {
        key.column()
            .and_then(|c| r.values.get(c).copied().flatten())
    };
    rows.sort_by(|a, b| {
        let order = match key {
            SortKey::Name => a.name.cmp(&b.name),
            _ => match (value(a), value(b)) {
                (Some(x), Some(y)) => x.partial_cmp(&y).unwrap_or(Ordering::Equal),
                (Some(_), None) => return Ordering::Less,
                (None, Some(_)) => return Ordering::Greater,
                (None, None) => Ordering::Equal,
            },
        };
        // Ties keep a stable order by id, whichever way the column runs.
        let order = if descending { order.reverse() } else { order };
        order.then_with(|| a.id.cmp(&b.id))
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(id: &str, name: &str, weighted: Option<f64>) -> CompareRow {
        CompareRow {
            id: Slug::new(id).unwrap(),
            name: name.to_owned(),
            debrief_label: String::new(),
            values: vec![weighted, None, None, Some(0.0)],
            cells: Vec::new(),
            spoken: String::new(),
        }
    }

    fn ids(rows: &[CompareRow]) -> Vec<&str> {
        rows.iter().map(|r| r.id.as_str()).collect()
    }

    #[test]
    fn missing_values_sort_last_both_ways() {
        let mut rows = vec![
            row("a", "Ann", None),
            row("b", "Bo", Some(2.0)),
            row("c", "Cy", Some(3.5)),
        ];
        sort_rows(&mut rows, SortKey::Weighted, true);
        assert_eq!(ids(&rows), ["c", "b", "a"]);
        sort_rows(&mut rows, SortKey::Weighted, false);
        assert_eq!(ids(&rows), ["b", "c", "a"]);
    }

    #[test]
    fn ties_are_ordered_by_id() {
        let mut rows = vec![row("b", "Same", Some(3.0)), row("a", "Same", Some(3.0))];
        sort_rows(&mut rows, SortKey::Weighted, true);
        assert_eq!(ids(&rows), ["a", "b"]);
        sort_rows(&mut rows, SortKey::Name, false);
        assert_eq!(ids(&rows), ["a", "b"]);
    }
}
