//! The compare screen's rows: found, named, formatted and sorted once per
//! change, then kept between frames. At 1,000 candidates, building them
//! takes milliseconds; a frame only draws the rows in view. Means are
//! painted on the rating scale's colours (the theme's, as in the HTML
//! debrief) with their n beside them; the dimension titles wrap onto two
//! lines and show the full name on hover.

use std::cmp::Ordering;

use super::compare::CompareScreen;
use super::theme::{mean_fill, on_rating_fill};
use super::{Command, Settings, ViewContext, display_name, panel_visible};
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
    const ALL: [Self; 4] = [Self::Any, Self::Undecided, Self::Hire, Self::NoHire];

    fn label(self) -> &'static str {
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

    /// The filter's widgets, on one line.
    pub fn ui(&mut self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            let label = ui.label("Filter by name");
            ui.add(
                egui::TextEdit::singleline(&mut self.name)
                    .hint_text("part of a name")
                    .desired_width(200.0),
            )
            .labelled_by(label.id);
            if !self.name.is_empty() && ui.small_button("Clear filter").clicked() {
                self.name.clear();
            }
            let label = ui.label("Decision");
            egui::ComboBox::from_id_salt("compare_decision_filter")
                .selected_text(self.decision.label())
                .show_ui(ui, |ui| {
                    for choice in DecisionFilter::ALL {
                        ui.selectable_value(&mut self.decision, choice, choice.label());
                    }
                })
                .response
                .labelled_by(label.id);
        });
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
            if !panel_visible(record, settings) {
                hidden += 1;
                continue;
            }
            let name = display_name(&record.candidate, settings);
            rows.push(row(s, name, template));
        }
        sort_rows(&mut rows, key.sort, key.descending);
        Self {
            key,
            rows,
            hidden,
            shown: Vec::new(),
            shown_for: None,
            titles: spoken_titles(template),
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
        values.push(summary.and_then(|d| d.mean));
        counts.push(Some(summary.map_or(0, |d| d.n)));
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

/// One row's height.
const ROW_HEIGHT: f32 = 24.0;
/// The header's height: two lines of a wrapped title.
const HEADER_HEIGHT: f32 = 40.0;
/// Width of the column of debrief buttons, the first.
const DEBRIEF_WIDTH: f32 = 76.0;
/// Width of a dimension's column: a mean, its n, and two lines of title.
const DIMENSION_WIDTH: f32 = 104.0;

/// A column of the table.
struct Column {
    /// The title as shown (wrapped).
    title: String,
    /// The full title, on hover.
    full: String,
    key: SortKey,
    width: f32,
}

impl CompareScreen {
    /// The table: a header of sortable titles, then the rows in view.
    ///
    /// Rows are painted, not laid out as a grid of widgets: a row is one
    /// allocation and two widgets (a button, a checkbox), its numbers
    /// painted as text on their rating's colour, and only rows in view are
    /// drawn, so a frame costs the same at 30 candidates or 3,000. Each row
    /// carries its numbers as one accessible label for screen readers. The
    /// rows scroll both ways (the scroll bars stay in the window); the
    /// header follows them sideways.
    pub(super) fn table_ui(
        &mut self,
        ui: &mut egui::Ui,
        cx: &mut ViewContext<'_>,
        template: &Template,
        table: &CompareTable,
        height: f32,
    ) {
        let columns = columns(ui, template);
        let total_width = DEBRIEF_WIDTH + columns.iter().map(|c| c.width).sum::<f32>();
        egui::ScrollArea::horizontal()
            .id_salt("compare_header")
            .horizontal_scroll_offset(self.columns_offset)
            .scroll_bar_visibility(egui::scroll_area::ScrollBarVisibility::AlwaysHidden)
            .scroll_source(egui::scroll_area::ScrollSource::NONE)
            .show(ui, |ui| {
                let (header, _) = ui.allocate_exact_size(
                    egui::vec2(total_width, HEADER_HEIGHT + 2.0),
                    egui::Sense::hover(),
                );
                let mut x = header.left() + DEBRIEF_WIDTH;
                for column in &columns {
                    let cell = egui::Rect::from_min_size(
                        egui::pos2(x, header.top()),
                        egui::vec2(column.width - 2.0, HEADER_HEIGHT),
                    );
                    self.header_ui(ui, cell, column);
                    x += column.width;
                }
            });
        let rows: Vec<&CompareRow> = table.shown_rows().collect();
        let body = egui::ScrollArea::both()
            .id_salt("compare_rows")
            .max_height(height)
            .auto_shrink([false, true])
            .show_rows(ui, ROW_HEIGHT, rows.len(), |ui, visible| {
                let first = visible.start;
                for (index, r) in rows.get(visible).unwrap_or_default().iter().enumerate() {
                    // Ids from the candidate, not the scroll position, so
                    // focus stays on the same row as it scrolls.
                    ui.push_id(&r.id, |ui| {
                        let text = r.text(&table.titles);
                        self.row_ui(ui, cx, (r, text), first + index, &columns, total_width);
                    });
                }
            });
        let offset = body.state.clamped_offset().x;
        if offset != self.columns_offset {
            self.columns_offset = offset;
            ui.ctx().request_repaint();
        }
    }

    /// A sortable column title in `cell`: up to two lines, the full title
    /// and what a click does on hover.
    fn header_ui(&mut self, ui: &mut egui::Ui, cell: egui::Rect, column: &Column) {
        let arrow = match (self.sort == column.key, self.descending) {
            (true, true) => " v",
            (true, false) => " ^",
            (false, _) => "",
        };
        let id = ui.scope_id().with(("compare_header", column.full.as_str()));
        let response = ui.interact(cell, id, egui::Sense::click());
        let label = format!("{}{arrow}", column.title);
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &label));
        if ui.is_rect_visible(cell) {
            let visuals = ui.style().interact(&response);
            ui.painter()
                .rect_filled(cell, visuals.corner_radius, visuals.weak_bg_fill);
            let mut job = egui::text::LayoutJob::simple(
                label.clone(),
                egui::TextStyle::Button.resolve(ui.style()),
                visuals.text_color(),
                cell.width() - 8.0,
            );
            job.wrap.max_rows = 2;
            job.wrap.break_anywhere = false;
            let galley = ui.fonts_mut(|f| f.layout_job(job));
            let pos = egui::pos2(cell.left() + 4.0, cell.center().y - galley.size().y / 2.0);
            ui.painter().galley(pos, galley, visuals.text_color());
        }
        let response = response.on_hover_text(format!("{}: click to sort", column.full));
        if response.clicked() {
            if self.sort == column.key {
                self.descending = !self.descending;
            } else {
                self.sort = column.key;
                self.descending = column.key != SortKey::Name;
            }
            // The rows are sorted again on the next frame: ask for it.
            ui.ctx().request_repaint();
        }
    }

    fn row_ui(
        &mut self,
        ui: &mut egui::Ui,
        cx: &mut ViewContext<'_>,
        (r, text): (&CompareRow, &RowText),
        index: usize,
        columns: &[Column],
        total_width: f32,
    ) {
        let height = ROW_HEIGHT;
        let (rect, response) =
            ui.allocate_exact_size(egui::vec2(total_width, height), egui::Sense::hover());
        response.widget_info(|| {
            egui::WidgetInfo::labeled(egui::Role::Label, true, text.spoken.as_str())
        });
        if !ui.is_rect_visible(rect) {
            return;
        }
        if index % 2 == 1 {
            ui.painter()
                .rect_filled(rect, 0.0, ui.visuals().faint_bg_color);
        }
        // The debrief first, where even a narrow window shows it before
        // any scrolling.
        let mut x = rect.left();
        let button_cell = egui::Rect::from_min_size(
            egui::pos2(x, rect.top() + 1.0),
            egui::vec2(DEBRIEF_WIDTH - 8.0, height - 2.0),
        );
        let button = ui.put(button_cell, egui::Button::new("Debrief").small());
        // Every row's button reads "Debrief"; a screen reader (and a test)
        // needs to know whose.
        button.widget_info(|| {
            egui::WidgetInfo::labeled(egui::Role::Button, true, text.debrief_label.as_str())
        });
        if button.clicked() {
            cx.commands.push(Command::OpenDebrief(r.id.clone()));
        }
        x += DEBRIEF_WIDTH;
        let name_width = columns.first().map_or(0.0, |c| c.width);
        let name_cell = egui::Rect::from_min_size(
            egui::pos2(x, rect.top()),
            egui::vec2(name_width - 6.0, height),
        );
        let mut charted = self.charted.contains(&r.id);
        let checkbox = in_cell(ui, name_cell, |ui| {
            // A long name is cut short, not drawn over the numbers.
            ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Truncate);
            ui.set_clip_rect(name_cell.intersect(ui.clip_rect()));
            ui.add(egui::Checkbox::new(&mut charted, r.name.as_str()))
        })
        .on_hover_text(r.name.as_str());
        if checkbox.changed() {
            if charted {
                self.charted.insert(r.id.clone());
            } else {
                self.charted.remove(&r.id);
            }
        }
        x += name_width;
        let dark = ui.visuals().dark_mode;
        let font = egui::TextStyle::Body.resolve(ui.style());
        let small = egui::TextStyle::Small.resolve(ui.style());
        let plain = ui.visuals().text_color();
        let mut hovered = None;
        for (i, column) in columns.iter().enumerate().skip(1) {
            let value = i - 1;
            let cell = egui::Rect::from_min_size(
                egui::pos2(x, rect.top() + 1.0),
                egui::vec2(column.width - 2.0, height - 2.0),
            );
            x += column.width;
            let cell_text = text.cells.get(value).map_or("", String::as_str);
            let mean = r.values.get(value).copied().flatten();
            let count = r.counts.get(value).copied().flatten();
            let is_mean = matches!(
                column.key,
                SortKey::Weighted | SortKey::Adjusted | SortKey::Dimension(_)
            );
            let color = match mean {
                Some(mean) if is_mean => {
                    ui.painter().rect_filled(cell, 3.0, mean_fill(mean, dark));
                    on_rating_fill(dark)
                }
                _ => plain,
            };
            ui.painter().text(
                egui::pos2(cell.left() + 5.0, cell.center().y),
                egui::Align2::LEFT_CENTER,
                cell_text,
                font.clone(),
                color,
            );
            if let Some(n) = count.filter(|_| mean.is_some() && is_mean) {
                ui.painter().text(
                    egui::pos2(cell.right() - 4.0, cell.center().y + 1.0),
                    egui::Align2::RIGHT_CENTER,
                    format!("n {n}"),
                    small.clone(),
                    color.gamma_multiply(0.8),
                );
            }
            if response
                .hover_pos()
                .is_some_and(|p| p.x >= cell.left() && p.x < cell.right() + 2.0)
            {
                hovered = Some(match (mean, count) {
                    (Some(_), Some(n)) if is_mean => {
                        format!("{}: {cell_text}, mean of {n} rating(s)", column.full)
                    }
                    _ => format!("{}: {cell_text}", column.full),
                });
            }
        }
        if let Some(tip) = hovered {
            response.on_hover_text_at_pointer(tip);
        }
    }
}

/// The columns after the debrief buttons: the name, the panel's numbers,
/// then each dimension (title wrapped, full name on hover).
fn columns(ui: &egui::Ui, template: &Template) -> Vec<Column> {
    let font = egui::TextStyle::Button.resolve(ui.style());
    let fixed = [
        (
            "Candidate",
            "Candidate, tick to chart",
            SortKey::Name,
            180.0,
        ),
        ("Weighted", "Weighted score", SortKey::Weighted, 0.0),
        (
            "Adjusted",
            "Leniency-adjusted weighted score",
            SortKey::Adjusted,
            0.0,
        ),
        (
            "Alpha",
            "Agreement (Krippendorff's alpha)",
            SortKey::Alpha,
            0.0,
        ),
        (
            "Hires",
            "Hire and strong hire recommendations",
            SortKey::Hires,
            0.0,
        ),
    ];
    let mut out: Vec<Column> = fixed
        .into_iter()
        .map(|(title, full, key, least)| {
            let text = ui
                .fonts_mut(|f| {
                    f.layout_no_wrap(title.to_owned(), font.clone(), egui::Color32::WHITE)
                })
                .size()
                .x;
            Column {
                title: title.to_owned(),
                full: full.to_owned(),
                key,
                width: (text + 40.0).max(least).max(88.0),
            }
        })
        .collect();
    out.extend(template.dimensions.iter().enumerate().map(|(i, d)| Column {
        title: d.name.clone(),
        full: d.name.clone(),
        key: SortKey::Dimension(i),
        width: DIMENSION_WIDTH,
    }));
    out
}

/// Adds a widget at the left of a table cell, vertically centred.
fn in_cell(
    ui: &mut egui::Ui,
    cell: egui::Rect,
    add: impl FnOnce(&mut egui::Ui) -> egui::Response,
) -> egui::Response {
    let layout = egui::Layout::left_to_right(egui::Align::Center);
    ui.scope_builder(egui::UiBuilder::new().max_rect(cell).layout(layout), add)
        .inner
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
