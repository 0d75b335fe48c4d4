//! Owns drawing the compare table: a header of sortable titles, then the
//! rows in view. Means are painted on the rating scale's colours (the
//! theme's, as in the HTML debrief) with their n beside them; the dimension
//! titles wrap onto two lines and show the full name on hover.

use std::collections::BTreeSet;

use super::compare_rows::{CompareRow, CompareTable, DecisionFilter, RowFilter, RowText, SortKey};
use super::sort::SortOrder;
use super::theme::{mean_fill, on_rating_fill};
use super::{Command, ViewContext};
use crate::model::{Slug, Template, escape_line};

/// What the reader has done to the table: its sort, the rows ticked for
/// the chart, how far it is scrolled sideways.
#[derive(Clone, Debug)]
pub struct TableView {
    /// The column sorted by, and which way.
    pub order: SortOrder<SortKey>,
    /// Candidates drawn in the chart.
    pub charted: BTreeSet<Slug>,
    /// How far the rows are scrolled sideways, for the header to follow.
    columns_offset: f32,
}

impl Default for TableView {
    /// Sorted by weighted score, highest first; nothing charted.
    fn default() -> Self {
        Self {
            order: SortOrder {
                column: SortKey::Weighted,
                descending: true,
            },
            charted: BTreeSet::new(),
            columns_offset: 0.0,
        }
    }
}

/// The filter's widgets, on one line.
pub(super) fn filter_ui(ui: &mut egui::Ui, filter: &mut RowFilter) {
    ui.horizontal(|ui| {
        let label = ui.label("Filter by name");
        ui.add(
            egui::TextEdit::singleline(&mut filter.name)
                .hint_text("part of a name")
                .desired_width(200.0),
        )
        .labelled_by(label.id);
        if !filter.name.is_empty() && ui.small_button("Clear filter").clicked() {
            filter.name.clear();
        }
        let label = ui.label("Decision");
        egui::ComboBox::from_id_salt("compare_decision_filter")
            .selected_text(filter.decision.label())
            .show_ui(ui, |ui| {
                for choice in DecisionFilter::ALL {
                    ui.selectable_value(&mut filter.decision, choice, choice.label());
                }
            })
            .response
            .labelled_by(label.id);
    });
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

impl TableView {
    /// The table: a header of sortable titles, then the rows in view.
    ///
    /// Rows are painted, not laid out as a grid of widgets: a row is one
    /// allocation and two widgets (a button, a checkbox), its numbers
    /// painted as text on their rating's colour, and only rows in view are
    /// drawn, so a frame costs the same at 30 candidates or 3,000. Each row
    /// carries its numbers as one accessible label for screen readers. The
    /// rows scroll both ways (the scroll bars stay in the window); the
    /// header follows them sideways.
    pub(super) fn ui(
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
        let arrow = self.order.arrow(column.key);
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
            self.order.click(column.key, column.key == SortKey::Name);
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
        title: escape_line(&d.name).into_owned(),
        full: escape_line(&d.name).into_owned(),
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
