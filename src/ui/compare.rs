//! Candidates of one template side by side: a sortable table and a chart of
//! dimension means.

use std::collections::BTreeSet;

use egui_plot::{Legend, Line, Plot, Points};

use super::compare_table::{CompareRow, CompareTable, SortKey, TableKey};
use super::theme::series_color;
use super::{Command, ViewContext};
use crate::model::stats::Summary;
use crate::model::{Slug, Template};

/// The aggregates the screen shows, with the snapshot generation they were
/// computed from (they may trail the snapshot while new ones are computed).
#[derive(Clone, Copy)]
pub struct Aggregates<'a> {
    /// The snapshot generation of `summary`.
    pub generation: u64,
    /// The workspace's aggregates.
    pub summary: &'a Summary,
}

/// State of the compare screen.
#[derive(Clone, Debug)]
pub struct CompareScreen {
    /// The template compared.
    pub template: Option<Slug>,
    /// The sort column.
    pub sort: SortKey,
    /// Highest first.
    pub descending: bool,
    /// Candidates drawn in the chart.
    pub charted: BTreeSet<Slug>,
    /// The rows as last built, kept until something they show changes.
    table: Option<CompareTable>,
    /// How far the rows are scrolled sideways, for the header to follow.
    columns_offset: f32,
    /// The opening compared (its template's candidates of that opening
    /// only); `None`: every candidate of the template.
    pub opening: Option<Slug>,
    /// The opening `table` was narrowed to.
    table_opening: Option<Slug>,
}

impl Default for CompareScreen {
    fn default() -> Self {
        Self {
            template: None,
            sort: SortKey::Weighted,
            descending: true,
            charted: BTreeSet::new(),
            table: None,
            columns_offset: 0.0,
            opening: None,
            table_opening: None,
        }
    }
}

impl CompareScreen {
    /// The screen on `template`, sorted by weighted score, highest first.
    pub fn new(template: Option<Slug>) -> Self {
        Self {
            template,
            ..Self::default()
        }
    }

    /// Draws the screen: the chosen template's candidates whose panels this
    /// user may see, from `aggregates` (`None` while the first ones are
    /// computed).
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        cx: &mut ViewContext<'_>,
        template: Option<&Template>,
        aggregates: Option<Aggregates<'_>>,
    ) {
        egui::CentralPanel::default().show(ui, |ui| {
            ui.heading("Compare candidates");
            ui.horizontal(|ui| {
                let label = ui.label("Template");
                let selected = template.map_or_else(String::new, |t| format!("{} ({})", t.role, t.level));
                egui::ComboBox::from_id_salt("compare_template")
                    .selected_text(selected)
                    .width(320.0)
                    .show_ui(ui, |ui| {
                        for entry in cx.snapshot.templates.iter() {
                            let t = &entry.template;
                            ui.selectable_value(&mut self.template, Some(t.id.clone()), format!("{} ({})", t.role, t.level));
                        }
                    })
                    .response
                    .labelled_by(label.id);
                self.opening_picker_ui(ui, cx);
            });
            let Some(template) = template else {
                ui.label("Pick a template");
                return;
            };
            let Some(aggregates) = aggregates else {
                ui.horizontal(|ui| {
                    ui.spinner();
                    ui.label("Computing the panel's numbers…");
                });
                return;
            };
            self.refresh_table(cx, template, aggregates);
            // Drawn from a table moved out of `self`, so the header buttons
            // may change the sort (the next frame builds the rows again).
            let Some(table) = self.table.take() else {
                return;
            };
            if table.hidden > 0 {
                ui.weak(format!(
                    "{} candidate(s) hidden: you have not submitted for them (coordinator view shows all)",
                    table.hidden
                ));
            }
            if table.rows.is_empty() {
                ui.label("No candidate of this template to compare yet");
            } else {
                let chart_height = if self.charted.is_empty() { 0.0 } else { 260.0 };
                let table_height = (ui.available_height() - chart_height - 24.0).max(120.0);
                self.table_ui(ui, cx, template, &table.rows, table_height);
                if !self.charted.is_empty() {
                    ui.separator();
                    self.chart_ui(ui, template, &table.rows);
                }
            }
            self.table = Some(table);
        });
    }

    /// Builds the rows again if something they show changed.
    fn refresh_table(
        &mut self,
        cx: &ViewContext<'_>,
        template: &Template,
        aggregates: Aggregates<'_>,
    ) {
        let key = TableKey {
            generation: cx.generation,
            summary_generation: aggregates.generation,
            template: template.id.clone(),
            sort: self.sort,
            descending: self.descending,
            blind: cx.settings.blind,
            coordinator: cx.settings.coordinator,
            interviewer: cx.settings.interviewer.clone(),
        };
        if self.table.as_ref().is_none_or(|table| table.key != key)
            || self.table_opening != self.opening
        {
            let mut table =
                CompareTable::build(key, cx.snapshot, cx.settings, aggregates.summary, template);
            self.narrow_to_opening(cx, &mut table);
            self.table = Some(table);
            self.table_opening = self.opening.clone();
        }
    }

    /// Picks an opening: its template, and only its candidates.
    fn opening_picker_ui(&mut self, ui: &mut egui::Ui, cx: &ViewContext<'_>) {
        if cx.snapshot.openings.is_empty() {
            return;
        }
        let label = ui.label("Opening");
        let selected = self
            .opening
            .as_ref()
            .and_then(|id| cx.snapshot.opening(id.as_str()))
            .map_or_else(
                || "Any (the whole template)".to_owned(),
                |o| o.title.clone(),
            );
        let before = self.opening.clone();
        egui::ComboBox::from_id_salt("compare_opening")
            .selected_text(selected)
            .width(260.0)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut self.opening, None, "Any (the whole template)");
                for record in &cx.snapshot.openings {
                    let o = &record.opening;
                    ui.selectable_value(&mut self.opening, Some(o.id.clone()), &o.title);
                }
            })
            .response
            .labelled_by(label.id);
        if self.opening != before
            && let Some(opening) = self
                .opening
                .as_ref()
                .and_then(|id| cx.snapshot.opening(id.as_str()))
        {
            self.template = Some(opening.template.clone());
        }
        // Another template picked: the opening no longer applies.
        if let Some(opening) = self
            .opening
            .as_ref()
            .and_then(|id| cx.snapshot.opening(id.as_str()))
            && self.template.as_ref() != Some(&opening.template)
            && self.opening == before
        {
            self.opening = None;
        }
    }

    /// Keeps the rows of the opening's candidates, and names each row's
    /// decision ("Alex Doe · Hire", "· no decision").
    fn narrow_to_opening(&self, cx: &ViewContext<'_>, table: &mut CompareTable) {
        table.rows.retain(|row| {
            self.opening.as_ref().is_none_or(|opening| {
                cx.snapshot
                    .candidate(row.id.as_str())
                    .is_some_and(|r| r.candidate.opening.as_ref() == Some(opening))
            })
        });
        for row in &mut table.rows {
            let Some(record) = cx.snapshot.candidate(row.id.as_str()) else {
                continue;
            };
            if record.candidate.opening.is_none() && record.decision.is_none() {
                continue;
            }
            let status = record
                .decision
                .as_ref()
                .map_or("no decision", |d| d.decision.label());
            row.name = format!("{} · {status}", row.name);
            row.spoken = format!("{}, decision: {status}", row.spoken);
        }
    }

    /// A sortable column title, in a cell of `rect`.
    fn header_button(&mut self, ui: &mut egui::Ui, rect: egui::Rect, label: &str, key: SortKey) {
        let arrow = match (self.sort == key, self.descending) {
            (true, true) => " v",
            (true, false) => " ^",
            (false, _) => "",
        };
        let button =
            egui::Button::new(format!("{label}{arrow}")).wrap_mode(egui::TextWrapMode::Extend);
        let response = in_cell(ui, rect, |ui| ui.add(button));
        if response.clicked() {
            if self.sort == key {
                self.descending = !self.descending;
            } else {
                self.sort = key;
                self.descending = key != SortKey::Name;
            }
            // The rows are sorted again on the next frame: ask for it.
            ui.ctx().request_repaint();
        }
    }

    /// The table: a header of sortable titles, then the rows in view.
    ///
    /// Rows are painted, not laid out as a grid of widgets: a row is one
    /// allocation and two widgets (a button, a checkbox), its numbers
    /// painted as text, and only rows in view are drawn, so a frame costs
    /// the same at 30 candidates or 3,000. Each row carries its
    /// numbers as one accessible label for screen readers. The rows scroll
    /// both ways (the scroll bars stay in the window); the header follows
    /// them sideways.
    fn table_ui(
        &mut self,
        ui: &mut egui::Ui,
        cx: &mut ViewContext<'_>,
        template: &Template,
        rows: &[CompareRow],
        height: f32,
    ) {
        const ROW_HEIGHT: f32 = 22.0;
        let mut titles: Vec<(String, SortKey)> = vec![
            ("Candidate".to_owned(), SortKey::Name),
            ("Weighted".to_owned(), SortKey::Weighted),
            ("Adjusted".to_owned(), SortKey::Adjusted),
            ("Alpha".to_owned(), SortKey::Alpha),
            ("Hires".to_owned(), SortKey::Hires),
        ];
        for (i, d) in template.dimensions.iter().enumerate() {
            titles.push((short(&d.name), SortKey::Dimension(i)));
        }
        let widths = column_widths(ui, &titles);
        let total_width = DEBRIEF_WIDTH + widths.iter().sum::<f32>();
        egui::ScrollArea::horizontal()
            .id_salt("compare_header")
            .horizontal_scroll_offset(self.columns_offset)
            .scroll_bar_visibility(egui::scroll_area::ScrollBarVisibility::AlwaysHidden)
            .scroll_source(egui::scroll_area::ScrollSource::NONE)
            .show(ui, |ui| {
                let (header, _) = ui.allocate_exact_size(
                    egui::vec2(total_width, ROW_HEIGHT + 2.0),
                    egui::Sense::hover(),
                );
                let mut x = header.left() + DEBRIEF_WIDTH;
                for ((title, key), width) in titles.iter().zip(&widths) {
                    let cell = egui::Rect::from_min_size(
                        egui::pos2(x, header.top()),
                        egui::vec2(*width, ROW_HEIGHT),
                    );
                    self.header_button(ui, cell, title, *key);
                    x += width;
                }
            });
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
                        self.row_ui(ui, cx, r, first + index, &widths, total_width, ROW_HEIGHT);
                    });
                }
            });
        let offset = body.state.clamped_offset().x;
        if offset != self.columns_offset {
            self.columns_offset = offset;
            ui.ctx().request_repaint();
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn row_ui(
        &mut self,
        ui: &mut egui::Ui,
        cx: &mut ViewContext<'_>,
        r: &CompareRow,
        index: usize,
        widths: &[f32],
        total_width: f32,
        height: f32,
    ) {
        let (rect, response) =
            ui.allocate_exact_size(egui::vec2(total_width, height), egui::Sense::hover());
        response
            .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, r.spoken.as_str()));
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
            egui::WidgetInfo::labeled(egui::Role::Button, true, r.debrief_label.as_str())
        });
        if button.clicked() {
            cx.commands.push(Command::OpenDebrief(r.id.clone()));
        }
        x += DEBRIEF_WIDTH;
        let name_width = widths.first().copied().unwrap_or_default();
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
        let font = egui::TextStyle::Body.resolve(ui.style());
        let color = ui.visuals().text_color();
        x += name_width;
        for (cell, width) in r.cells.iter().zip(widths.iter().skip(1)) {
            ui.painter().text(
                egui::pos2(x + 4.0, rect.center().y),
                egui::Align2::LEFT_CENTER,
                cell,
                font.clone(),
                color,
            );
            x += width;
        }
    }

    fn chart_ui(&self, ui: &mut egui::Ui, template: &Template, rows: &[CompareRow]) {
        let names: Vec<String> = template.dimensions.iter().map(|d| short(&d.name)).collect();
        Plot::new("dimension_means")
            .legend(Legend::default())
            .height(240.0)
            .include_y(1.0)
            .include_y(4.0)
            .allow_scroll(false)
            .x_axis_formatter(move |mark, _| {
                let i = mark.value.round();
                if (mark.value - i).abs() < 1e-6 && i >= 0.0 {
                    names.get(i as usize).cloned().unwrap_or_default()
                } else {
                    String::new()
                }
            })
            .show(ui, |plot| {
                for (i, r) in rows
                    .iter()
                    .filter(|r| self.charted.contains(&r.id))
                    .enumerate()
                {
                    let color = series_color(i);
                    let points: Vec<[f64; 2]> = r
                        .dimension_means()
                        .iter()
                        .enumerate()
                        .filter_map(|(i, mean)| Some([i as f64, (*mean)?]))
                        .collect();
                    plot.line(Line::new(r.name.clone(), points.clone()).color(color));
                    plot.points(Points::new(r.name.clone(), points).radius(3.0).color(color));
                }
            });
    }
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

/// Width of the column of debrief buttons, the first.
const DEBRIEF_WIDTH: f32 = 76.0;

/// Each column's width: wide enough for its title button with a sort
/// arrow, and at least what its contents need (names are cut short to fit;
/// the numbers, at most "10 of 12", fit the least width).
fn column_widths(ui: &egui::Ui, titles: &[(String, SortKey)]) -> Vec<f32> {
    let font = egui::TextStyle::Button.resolve(ui.style());
    let padding = 2.0 * ui.spacing().button_padding.x + 24.0;
    titles
        .iter()
        .enumerate()
        .map(|(i, (title, _))| {
            let text = ui
                .fonts_mut(|f| f.layout_no_wrap(title.clone(), font.clone(), egui::Color32::WHITE))
                .size()
                .x;
            let least = if i == 0 { 180.0 } else { 64.0 };
            (text + padding).max(least)
        })
        .collect()
}

/// A column title: the first word of a dimension's name.
fn short(name: &str) -> String {
    name.split([' ', '&', '/'])
        .find(|w| !w.is_empty())
        .unwrap_or(name)
        .to_owned()
}
