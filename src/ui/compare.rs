//! Candidates of one template side by side: a sortable table and a chart of
//! dimension means.

use std::cmp::Ordering;
use std::collections::BTreeSet;

use egui_extras::{Column, TableBuilder};
use egui_plot::{Legend, Line, Plot, Points};

use super::theme::series_color;
use super::{Command, ViewContext};
use crate::model::stats::CandidateSummary;
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

/// A candidate row: who, and their numbers.
pub struct CompareRow<'a> {
    /// Id.
    pub id: &'a Slug,
    /// Name, or alias in blind mode.
    pub name: String,
    /// Their aggregates.
    pub summary: &'a CandidateSummary,
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
}

impl Default for CompareScreen {
    fn default() -> Self {
        Self {
            template: None,
            sort: SortKey::Weighted,
            descending: true,
            charted: BTreeSet::new(),
        }
    }
}

impl CompareScreen {
    /// Draws the screen over `rows`, the candidates of the chosen template
    /// whose panels this user may see.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        cx: &mut ViewContext<'_>,
        template: Option<&Template>,
        mut rows: Vec<CompareRow<'_>>,
        hidden: usize,
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
            if hidden > 0 {
                ui.weak(format!(
                    "{hidden} candidate(s) hidden: you have not submitted for them (coordinator view shows all)"
                ));
            }
            let Some(template) = template else {
                ui.label("Pick a template");
                return;
            };
            if rows.is_empty() {
                ui.label("No candidate of this template to compare yet");
                return;
            }
            sort_rows(&mut rows, self.sort, self.descending);
            let chart_height = if self.charted.is_empty() { 0.0 } else { 260.0 };
            let table_height = (ui.available_height() - chart_height - 24.0).max(120.0);
            self.table_ui(ui, cx, template, &rows, table_height);
            if !self.charted.is_empty() {
                ui.separator();
                self.chart_ui(ui, template, &rows);
            }
        });
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
        rows: &[CompareRow<'_>],
        height: f32,
    ) {
        let dims = template.dimensions.len();
        TableBuilder::new(ui)
            .id_salt("compare_table")
            .striped(true)
            .max_scroll_height(height)
            .column(Column::auto().at_least(160.0))
            .columns(Column::auto().at_least(70.0), 4)
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
                    let s = r.summary;
                    row.col(|ui| {
                        let mut charted = self.charted.contains(r.id);
                        if ui.checkbox(&mut charted, &r.name).changed() {
                            if charted {
                                self.charted.insert(r.id.clone());
                            } else {
                                self.charted.remove(r.id);
                            }
                        }
                    });
                    row.col(|ui| {
                        ui.label(number(s.weighted_score));
                    });
                    row.col(|ui| {
                        ui.label(number(s.adjusted_weighted_score));
                    });
                    row.col(|ui| {
                        ui.label(number(s.agreement_alpha));
                    });
                    row.col(|ui| {
                        let t = &s.recommendations;
                        ui.label(format!(
                            "{} of {}",
                            t.hire + t.strong_hire,
                            t.strong_no_hire + t.no_hire + t.hire + t.strong_hire
                        ));
                    });
                    for d in &template.dimensions {
                        row.col(|ui| {
                            ui.label(number(dimension_mean(s, d.id.as_str())));
                        });
                    }
                    row.col(|ui| {
                        let button = egui::Button::new(format!("Debrief {}", r.name))
                            .small()
                            .wrap_mode(egui::TextWrapMode::Extend);
                        if ui.add(button).clicked() {
                            cx.commands.push(Command::OpenDebrief(r.id.clone()));
                        }
                    });
                });
            });
    }

    fn chart_ui(&self, ui: &mut egui::Ui, template: &Template, rows: &[CompareRow<'_>]) {
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
                    .filter(|r| self.charted.contains(r.id))
                    .enumerate()
                {
                    let color = series_color(i);
                    let points: Vec<[f64; 2]> = template
                        .dimensions
                        .iter()
                        .enumerate()
                        .filter_map(|(i, d)| {
                            Some([i as f64, dimension_mean(r.summary, d.id.as_str())?])
                        })
                        .collect();
                    plot.line(Line::new(r.name.clone(), points.clone()).color(color));
                    plot.points(Points::new(r.name.clone(), points).radius(3.0).color(color));
                }
            });
    }
}

fn dimension_mean(summary: &CandidateSummary, id: &str) -> Option<f64> {
    summary
        .dimensions
        .iter()
        .find(|d| d.id.as_str() == id)
        .and_then(|d| d.mean)
}

fn number(value: Option<f64>) -> String {
    value.map_or_else(|| "-".to_owned(), |v| format!("{v:.2}"))
}

/// A column title: the first word of a dimension's name.
fn short(name: &str) -> String {
    name.split([' ', '&', '/'])
        .find(|w| !w.is_empty())
        .unwrap_or(name)
        .to_owned()
}

fn sort_rows(rows: &mut [CompareRow<'_>], key: SortKey, descending: bool) {
    let value = |r: &CompareRow<'_>| -> Option<f64> {
        let s = r.summary;
        match key {
            SortKey::Name => None,
            SortKey::Weighted => s.weighted_score,
            SortKey::Adjusted => s.adjusted_weighted_score,
            SortKey::Alpha => s.agreement_alpha,
            SortKey::Hires => Some((s.recommendations.hire + s.recommendations.strong_hire) as f64),
            SortKey::Dimension(i) => s.dimensions.get(i).and_then(|d| d.mean),
        }
    };
    rows.sort_by(|a, b| {
        let order = match key {
            SortKey::Name => a.name.cmp(&b.name),
            // Missing values sort last either way.
            _ => match (value(a), value(b)) {
                (Some(x), Some(y)) => x.partial_cmp(&y).unwrap_or(Ordering::Equal),
                (Some(_), None) => return Ordering::Less,
                (None, Some(_)) => return Ordering::Greater,
                (None, None) => Ordering::Equal,
            },
        };
        if descending { order.reverse() } else { order }
    });
}
