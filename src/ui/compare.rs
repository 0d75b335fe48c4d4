//! Owns the compare screen: candidates of one template (or opening) side
//! by side, as a sortable, filterable table (rows from `compare_rows.rs`,
//! drawn by `compare_table.rs`) and a chart of dimension means
//! (`compare_chart.rs`).

use super::ViewContext;
use super::busy::busy_ui;
use super::compare_chart::{CHART_HEIGHT, chart_ui};
use super::compare_rows::{CompareTable, RowFilter, TableKey};
use super::compare_table::{TableView, filter_ui};
use super::evidence::Evidence;
use super::reliability_chart::reliability_ui;
use crate::model::stats::Summary;
use crate::model::{Slug, Template, escape_line};

/// The aggregates the screen shows (they may trail the snapshot while new
/// ones are computed).
#[derive(Clone, Copy)]
pub struct Aggregates<'a> {
    /// Which result of the aggregates thread `summary` is: it moves on with
    /// every new result, so what is built from them is built again.
    pub revision: u64,
    /// The workspace's aggregates.
    pub summary: &'a Summary,
}

/// State of the compare screen.
#[derive(Clone, Debug, Default)]
pub struct CompareScreen {
    /// The template compared.
    pub template: Option<Slug>,
    /// The table's sort, the candidates ticked for the chart.
    pub view: TableView,
    /// Which rows are shown.
    pub filter: RowFilter,
    /// The rows as last built, kept until something they show changes.
    table: Option<CompareTable>,
    /// The opening compared (its template's candidates of that opening
    /// only); `None`: every candidate of the template.
    pub opening: Option<Slug>,
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
        evidence: Option<&Evidence>,
    ) {
        egui::CentralPanel::default().show(ui, |ui| {
            ui.heading("Compare candidates");
            ui.horizontal(|ui| {
                let label = ui.label("Template");
                let selected = template.map_or_else(String::new, |t| escape_line(&format!("{} ({})", t.role, t.level)).into_owned());
                egui::ComboBox::from_id_salt("compare_template")
                    .selected_text(selected)
                    .width(320.0)
                    .show_ui(ui, |ui| {
                        for entry in cx.snapshot.templates().iter() {
                            let t = &entry.template;
                            ui.selectable_value(&mut self.template, Some(t.id.clone()), escape_line(&format!("{} ({})", t.role, t.level)));
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
            if aggregates.is_none() {
                busy_ui(ui, "Computing the panel's numbers…");
                return;
            }
            // The rows are built by the app (off the UI thread on a big
            // workspace); until those of this template are in, say so. A
            // table of an older change, or sort, stays until the new one
            // is handed over.
            let built = self
                .table
                .as_ref()
                .is_some_and(|t| t.key.template == template.id && t.key.opening == self.opening);
            if !built {
                busy_ui(ui, "Building the table…");
                return;
            }
            // Drawn from a table moved out of `self`, so the header buttons
            // may change the sort (the app builds the rows again).
            let Some(mut table) = self.table.take() else {
                return;
            };
            filter_ui(ui, &mut self.filter);
            table.apply_filter(&self.filter);
            if table.hidden > 0 {
                ui.weak(format!(
                    "{} candidate(s) hidden: you have not submitted for them (coordinator view shows all)",
                    table.hidden
                ));
            }
            if table.rows.is_empty() {
                ui.label("No candidate of this template to compare yet");
            } else if table.shown.is_empty() {
                ui.label("No candidate matches the filter");
            } else {
                let charted = table.shown_rows().any(|r| self.view.charted.contains(&r.id));
                let chart_height = if charted { CHART_HEIGHT } else { 0.0 };
                let table_height = (ui.available_height() - chart_height - 52.0).max(120.0);
                self.view.ui(ui, cx, template, &table, table_height);
                if charted {
                    ui.separator();
                    chart_ui(ui, template, table.shown_rows(), &self.view.charted);
                } else {
                    ui.weak("Tick candidates to chart their dimension means");
                }
            }
            self.table = Some(table);
            egui::CollapsingHeader::new("Panel reliability of this template")
                .id_salt("compare_reliability")
                .show(ui, |ui| {
                    match evidence.map(|e| e.reliability.template(template.id.as_str())) {
                        None => busy_ui(ui, "Computing the panel's reliability…"),
                        Some(Some(figures)) => reliability_ui(ui, figures, "compare"),
                        Some(None) => {
                            ui.label("No candidate of this template has a submitted scorecard yet");
                        }
                    }
                });
        });
    }

    /// What the rows are wanted for now, on `template`, from the
    /// aggregates' result number `revision`.
    pub fn wanted_table(
        &self,
        generation: u64,
        settings: &super::Settings,
        template: &Slug,
        revision: u64,
    ) -> TableKey {
        TableKey {
            generation,
            summary_revision: revision,
            template: template.clone(),
            sort: self.view.order.column,
            descending: self.view.order.descending,
            blind: settings.blind,
            coordinator: settings.coordinator,
            interviewer: settings.interviewer.clone(),
            opening: self.opening.clone(),
        }
    }

    /// Whether the rows shown were built for `key`.
    pub fn table_is(&self, key: &TableKey) -> bool {
        self.table.as_ref().is_some_and(|t| t.key == *key)
    }

    /// Shows these rows from now on (built for the key they carry); the
    /// filter applies to them afresh.
    pub fn install(&mut self, table: CompareTable) {
        self.table = Some(table);
    }

    /// Picks an opening: its template, and only its candidates.
    fn opening_picker_ui(&mut self, ui: &mut egui::Ui, cx: &ViewContext<'_>) {
        if cx.snapshot.openings().is_empty() {
            return;
        }
        let label = ui.label("Opening");
        let selected = self
            .opening
            .as_ref()
            .and_then(|id| cx.snapshot.opening(id.as_str()))
            .map_or_else(
                || "Any (the whole template)".to_owned(),
                |o| escape_line(&o.title).into_owned(),
            );
        let before = self.opening.clone();
        egui::ComboBox::from_id_salt("compare_opening")
            .selected_text(selected)
            .width(260.0)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut self.opening, None, "Any (the whole template)");
                for record in cx.snapshot.openings() {
                    let o = &record.opening;
                    ui.selectable_value(
                        &mut self.opening,
                        Some(o.id.clone()),
                        escape_line(&o.title),
                    );
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
}
