//! Owns the compare screen's rows: found, named, formatted and sorted once
//! per change, then kept between frames (drawn by `compare_table.rs`). At
//! 1,000 candidates, building them takes milliseconds; a frame only draws
//! the rows in view.

use super::sort::{SortValue, column_order};
use super::{Settings, display_name, panel_visible};
use crate::io::WorkspaceSnapshot;
use crate::model::stats::{CandidateSummary, Summary};
use crate::model::{Slug, Template, Verdict};

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

/// The value that counts hires ("3 of 4"), among the leading ones.
const HIRES_COLUMN: usize = 3;

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
    /// Name, or alias in blind mode; with the decision status after it
    /// when the candidate is in an opening or decided.
    pub name: String,
    /// How much of `name` is the name itself (the rest is the status).
    pub plain_len: usize,
    /// The numbers: weighted, adjusted, alpha, hires, then each of the
    /// template's dimension means, in template order.
    pub values: Vec<Option<f64>>,
    /// How many ratings each value is the mean of (the weighted scores:
    /// submitted scorecards); `None` where that means nothing.
    pub counts: Vec<Option<usize>>,
    /// Hires among the recommendations: (hires, recommendations).
    pub hires: (usize, usize),
    /// The name in lower case, for the filter.
    pub folded_name: String,
    /// The decision status said after the row's numbers, if any.
    pub status: Option<&'static str>,
    /// The panel's decision on the candidate, if recorded.
    pub decision: Option<Verdict>,
    /// The row's words, made when it is first drawn: a table of 5,000
    /// rows shows thirty at a time.
    text: std::cell::OnceCell<RowText>,
}

/// What a row says: on screen, and to a screen reader.
#[derive(Clone, Debug, PartialEq)]
pub struct RowText {
    /// The label of the row's debrief button.
    pub debrief_label: String,
    /// The values, as shown.
    pub cells: Vec<String>,
    /// The row in words, for screen readers: the name, then each column's
    /// title and value, then the decision status.
    pub spoken: String,
}

impl CompareRow {
    /// The name without the status.
    pub fn plain_name(&self) -> &str {
        self.name.get(..self.plain_len).unwrap_or(&self.name)
    }

    /// The row's words; `titles`: the columns' titles as spoken
    /// ([`CompareTable::titles`]).
    pub fn text(&self, titles: &[String]) -> &RowText {
        self.text.get_or_init(|| {
            let (hires, recommended) = self.hires;
            let cells: Vec<String> = self
                .values
                .iter()
                .enumerate()
                .map(|(i, value)| {
                    if i == HIRES_COLUMN {
                        format!("{hires} of {recommended}")
                    } else {
                        number(*value)
                    }
                })
                .collect();
            let name = self.plain_name();
            let mut spoken = std::iter::once(name.to_owned())
                .chain(
                    titles
                        .iter()
                        .zip(&cells)
                        .zip(&self.counts)
                        .map(|((t, c), n)| match n {
                            Some(n) if c != "-" => format!("{t} {c} (n {n})"),
                            _ => format!("{t} {c}"),
                        }),
                )
                .collect::<Vec<_>>()
                .join(", ");
            if let Some(status) = self.status {
                spoken = format!("{spoken}, decision: {status}");
            }
            RowText {
                debrief_label: format!("Debrief {name}"),
                cells,
                spoken,
            }
        })
    }

    /// What the row is sorted by in `key`'s column.
    fn sort_value(&self, key: SortKey) -> SortValue<'_> {
        match key.column() {
            None => SortValue::Text(&self.name),
            Some(c) => SortValue::Number(self.values.get(c).copied().flatten()),
        }
    }

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
    /// Which result of the aggregates thread the rows were built from.
    pub summary_revision: u64,
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
    /// The opening compared (its candidates only); `None`: the template's.
    pub opening: Option<Slug>,
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
    /// Indexes into `rows` of those the filter lets through, in order.
    pub shown: Vec<usize>,
    /// The filter `shown` was made with.
    shown_for: Option<RowFilter>,
    /// The columns' titles as spoken ([`CompareRow::text`]).
    pub titles: Vec<String>,
}

/// Which rows the table shows: by name and by decision status.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RowFilter {
    /// Part of the name (or alias), any case; empty lets every row through.
    pub name: String,
    /// Which decisions to show.
    pub decision: DecisionFilter,
}

/// The decision-status filter of the compare table.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum DecisionFilter {
    /// Every candidate.
    #[default]
    Any,
    /// Candidates without a decision yet.
    Undecided,
    /// Candidates decided *hire*.
    Hire,
    /// Candidates decided *no hire*.
    NoHire,
}

impl DecisionFilter {
    /// Every choice, in the order offered.
    pub(super) const ALL: [Self; 4] = [Self::Any, Self::Undecided, Self::Hire, Self::NoHire];

    /// The choice in words.
    pub(super) fn label(self) -> &'static str {
        match self {
            Self::Any => "any decision",
            Self::Undecided => "no decision yet",
            Self::Hire => "decided hire",
            Self::NoHire => "decided no hire",
        }
    }

    fn matches(self, decision: Option<Verdict>) -> bool {
        match self {
            Self::Any => true,
            Self::Undecided => decision.is_none(),
            Self::Hire => decision == Some(Verdict::Hire),
            Self::NoHire => decision == Some(Verdict::NoHire),
        }
    }
}

impl RowFilter {
    /// Whether `row` is shown.
    pub fn matches(&self, row: &CompareRow) -> bool {
        let name = self.name.trim();
        (name.is_empty() || row.folded_name.contains(&name.to_lowercase()))
            && self.decision.matches(row.decision)
    }
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
            if !panel_visible(snapshot, record, settings) {
                hidden += 1;
                continue;
            }
            let name = display_name(&record.candidate, settings);
            rows.push(row(s, name, template));
        }
        sort_rows(&mut rows, key.sort, key.descending);
        let mut table = Self {
            key,
            rows,
            hidden,
            shown: Vec::new(),
            shown_for: None,
            titles: spoken_titles(template),
        };
        table.narrow_to_opening(snapshot, settings);
        table
    }

    /// Keeps the rows of the key's opening's candidates (if it names one),
    /// and names each row's decision ("Alex Doe · Hire", "· no decision").
    fn narrow_to_opening(&mut self, snapshot: &WorkspaceSnapshot, settings: &Settings) {
        if let Some(opening) = &self.key.opening {
            self.rows.retain(|row| {
                snapshot
                    .candidate(row.id.as_str())
                    .is_some_and(|r| r.candidate.opening.as_ref() == Some(opening))
            });
            // Hidden among the opening's candidates, not the template's.
            self.hidden = snapshot
                .candidates()
                .iter()
                .filter(|r| {
                    r.candidate.template == self.key.template
                        && r.candidate.opening.as_ref() == Some(opening)
                        && !panel_visible(snapshot, r, settings)
                })
                .count();
        }
        for row in &mut self.rows {
            let Some(record) = snapshot.candidate(row.id.as_str()) else {
                continue;
            };
            row.decision = record.decision.as_ref().map(|d| d.decision);
            if record.candidate.opening.is_none() && record.decision.is_none() {
                continue;
            }
            let status = record
                .decision
                .as_ref()
                .map_or("no decision", |d| d.decision.label());
            row.name = format!("{} · {status}", row.name);
            row.status = Some(status);
        }
    }

    /// Finds the rows `filter` lets through, unless it is the filter they
    /// were found with.
    pub fn apply_filter(&mut self, filter: &RowFilter) {
        if self.shown_for.as_ref() == Some(filter) {
            return;
        }
        self.shown = (0..self.rows.len())
            .filter(|&i| filter.matches(&self.rows[i]))
            .collect();
        self.shown_for = Some(filter.clone());
    }

    /// The rows shown, in order.
    pub fn shown_rows(&self) -> impl Iterator<Item = &CompareRow> {
        self.shown.iter().filter_map(|&i| self.rows.get(i))
    }
}

fn row(s: &CandidateSummary, name: String, template: &Template) -> CompareRow {
    let r = &s.recommendations;
    let hires = r.hire + r.strong_hire;
    let recommended = r.strong_no_hire + r.no_hire + hires;
    let mut values = Vec::with_capacity(LEADING_COLUMNS + template.dimensions.len());
    values.extend([
        s.weighted_score,
        s.adjusted_weighted_score,
        s.agreement_alpha,
        Some(hires as f64),
    ]);
    let mut counts = Vec::with_capacity(values.capacity());
    counts.extend([Some(s.submitted), Some(s.submitted), None, None]);
    for dimension in &template.dimensions {
        let summary = s.dimensions.iter().find(|d| d.id == dimension.id);
        values.push(summary.and_then(|d| d.mean()));
        counts.push(Some(summary.map_or(0, |d| d.n())));
    }
    CompareRow {
        id: s.id.clone(),
        folded_name: name.to_lowercase(),
        plain_len: name.len(),
        name,
        values,
        counts,
        hires: (hires, recommended),
        status: None,
        decision: None,
        text: std::cell::OnceCell::new(),
    }
}

/// The columns' titles as a screen reader says them, in the order of a
/// row's values.
fn spoken_titles(template: &Template) -> Vec<String> {
    ["weighted", "adjusted", "alpha", "hires"]
        .into_iter()
        .map(str::to_owned)
        .chain(template.dimensions.iter().map(|d| d.name.clone()))
        .collect()
}

pub(super) fn number(value: Option<f64>) -> String {
    value.map_or_else(|| "-".to_owned(), |v| format!("{v:.2}"))
}

fn sort_rows(rows: &mut [CompareRow], key: SortKey, descending: bool) {
    // Ties keep a stable order by id, whichever way the column runs.
    rows.sort_by(|a, b| {
        column_order(a.sort_value(key), b.sort_value(key), descending).then_with(|| a.id.cmp(&b.id))
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(id: &str, name: &str, weighted: Option<f64>) -> CompareRow {
        CompareRow {
            id: Slug::new(id).unwrap(),
            name: name.to_owned(),
            plain_len: name.len(),
            values: vec![weighted, None, None, Some(0.0)],
            counts: Vec::new(),
            hires: (0, 0),
            folded_name: name.to_lowercase(),
            status: None,
            decision: None,
            text: std::cell::OnceCell::new(),
        }
    }

    fn ids(rows: &[CompareRow]) -> Vec<&str> {
        rows.iter().map(|r| r.id.as_str()).collect()
    }

    #[test]
    fn the_decision_filter_keeps_the_rows_of_that_status() {
        let mut hired = row("c-1", "Alex Doe", None);
        hired.decision = Some(Verdict::Hire);
        let mut declined = row("c-2", "Bea Stone", None);
        declined.decision = Some(Verdict::NoHire);
        let open = row("c-3", "Cy Lane", None);
        let rows = [hired, declined, open];
        let shown = |decision: DecisionFilter, name: &str| -> Vec<&str> {
            let filter = RowFilter {
                name: name.to_owned(),
                decision,
            };
            rows.iter()
                .filter(|r| filter.matches(r))
                .map(|r| r.id.as_str())
                .collect()
        };
        assert_eq!(shown(DecisionFilter::Any, ""), ["c-1", "c-2", "c-3"]);
        assert_eq!(shown(DecisionFilter::Undecided, ""), ["c-3"]);
        assert_eq!(shown(DecisionFilter::Hire, ""), ["c-1"]);
        assert_eq!(shown(DecisionFilter::NoHire, ""), ["c-2"]);
        assert_eq!(shown(DecisionFilter::Hire, "bea"), Vec::<&str>::new());
        assert_eq!(shown(DecisionFilter::NoHire, "BEA"), ["c-2"]);
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
    fn the_name_filter_ignores_case_and_keeps_the_order() {
        let rows = vec![
            row("a", "Ann Lee", Some(1.0)),
            row("b", "Bo", Some(2.0)),
            row("c", "Leona", Some(3.0)),
        ];
        let key = TableKey {
            generation: 0,
            summary_revision: 0,
            template: Slug::new("t").unwrap(),
            sort: SortKey::Name,
            descending: false,
            blind: false,
            coordinator: false,
            interviewer: String::new(),
            opening: None,
        };
        let mut table = CompareTable {
            key,
            rows,
            hidden: 0,
            shown: Vec::new(),
            shown_for: None,
            titles: Vec::new(),
        };
        table.apply_filter(&RowFilter {
            name: " LEe".to_owned(),
            ..RowFilter::default()
        });
        assert_eq!(table.shown, [0]);
        table.apply_filter(&RowFilter {
            name: "le".to_owned(),
            ..RowFilter::default()
        });
        assert_eq!(table.shown, [0, 2]);
        table.apply_filter(&RowFilter::default());
        assert_eq!(table.shown, [0, 1, 2]);
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
