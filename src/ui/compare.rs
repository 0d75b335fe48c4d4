//! Candidates of one template side by side: a sortable table and a chart of
//! dimension means.

use std::collections::BTreeSet;

use egui_extras::{Column, TableBuilder};
use egui_plot::{Legend, Line, Plot, Points};

use super::compare_table::{CompareRow, CompareTable, LEADING_COLUMNS, SortKey, TableKey};
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
}

impl Default for CompareScreen {
    fn default() -> Self {
        Self {
            template: None,
            sort: SortKey::Weighted,
            descending: true,
            charted: BTreeSet::new(),
            table: None,
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
        if self.table.as_ref().is_none_or(|table| table.key != key) {
            self.table = Some(CompareTable::build(
                key,
                cx.snapshot,
                cx.settings,
                aggregates.summary,
                template,
            ));
        }
    }

    fn header_button(&mut self, ui: &mut egui::Ui, label: &str, key: SortKey) {
        let arrow = match (self.sort == key, self.descending) {
            (true, true) => " v",
            (true, false) => " ^",
            (false, _) => "",
        };
        let button =
            egui::Button::new(format!("{label}{arrow}")).wrap_mode(egui::TextWrapMode::Extend);
        if ui.add(button).clicked() {
            if self.sort == key {
                self.descending = !self.descending;
            } else {
                self.sort = key;
                self.descending = key != SortKey::Name;
            }
        }
    }

    fn table_ui(
        &mut self,
        ui: &mut egui::Ui,
        cx: &mut ViewContext<'_>,
        template: &Template,
        rows: &[CompareRow],
        height: f32,
    ) {
        let dims = template.dimensions.len();
        TableBuilder::new(ui)
            .id_salt("compare_table")
            .striped(true)
            .max_scroll_height(height)
            .column(Column::auto().at_least(160.0))
            .columns(Column::auto().at_least(70.0), LEADING_COLUMNS)
            .columns(Column::auto().at_least(60.0), dims)
            .column(Column::remainder().at_least(200.0))
            .header(24.0, |mut header| {
                header.col(|ui| self.header_button(ui, "Candidate", SortKey::Name));
                header.col(|ui| self.header_button(ui, "Weighted", SortKey::Weighted));
                header.col(|ui| self.header_button(ui, "Adjusted", SortKey::Adjusted));
                header.col(|ui| self.header_button(ui, "Alpha", SortKey::Alpha));
                header.col(|ui| self.header_button(ui, "Hires", SortKey::Hires));
                for (i, d) in template.dimensions.iter().enumerate() {
                    header.col(|ui| self.header_button(ui, &short(&d.name), SortKey::Dimension(i)));
                }
                header.col(|_| {});
            })
            .body(|body| {
                // Only the visible rows are laid out, however many there are.
                body.rows(22.0, rows.len(), |mut row| {
                    let Some(r) = rows.get(row.index()) else {
                        return;
                    };
                    row.col(|ui| {
                        let mut charted = self.charted.contains(&r.id);
                        if ui.checkbox(&mut charted, r.name.as_str()).changed() {
                            if charted {
                                self.charted.insert(r.id.clone());
                            } else {
                                self.charted.remove(&r.id);
                            }
                        }
                    });
                    for cell in &r.cells {
                        row.col(|ui| {
                            ui.label(cell.as_str());
                        });
                    }
                    row.col(|ui| {
                        let button = egui::Button::new(r.debrief_label.as_str())
                            .small()
                            .wrap_mode(egui::TextWrapMode::Extend);
                        if ui.add(button).clicked() {
                            cx.commands.push(Command::OpenDebrief(r.id.clone()));
                        }
                    });
                });
            });
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

/// A column title: the first word of a dimension's name.
fn short(name: &str) -> String {
    name.split([' ', '&', '/'])
        .find(|w| !w.is_empty())
        .unwrap_or(name)
        .to_owned()
}
