//! The interviewer view: every interviewer's calibration figures (DESIGN.md
//! "Interviewer calibration"), sortable and filtered by template, and one
//! interviewer's page with their rating distribution against everyone's and
//! their leniency per dimension, and how their scores move through a day
//! (day drift, from the evidence figures the app builds off the frame).
//!
//! The figures are the aggregates thread's (`Summary::interviewers`, and
//! `interviewers_by_template` for the filter): nothing is computed here.
//! Independence: without coordinator view, an interviewer sees only their
//! own figures.

use egui_plot::{Bar, BarChart, Legend, Plot};

use super::busy::busy_ui;
use super::drift_chart::drift_ui;
use super::evidence::Evidence;
use super::sort::{SortOrder, SortValue, column_order};
use super::theme::series_color;
use super::{Settings, ViewContext};
use crate::export::{percent, signed_two_decimals, two_decimals};
use crate::model::stats::{Distribution, InterviewerSummary, Summary};
use crate::model::{InterviewerId, Rating, Slug, escape_line};

/// A column the table can be sorted by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InterviewerColumn {
    /// The name.
    Name,
    /// Submitted scorecards.
    Submitted,
    /// Mean rating.
    Mean,
    /// Standard deviation.
    Sd,
    /// Same-rating share.
    SameRating,
    /// Leniency.
    Leniency,
    /// Mean absolute deviation from the panel.
    Deviation,
    /// Hire share.
    HireShare,
    /// Decision agreement.
    Agreement,
    /// Median hours to submit.
    Hours,
}

impl InterviewerColumn {
    /// Every column, in table order, with its header.
    pub const ALL: [(InterviewerColumn, &'static str); 10] = [
        (InterviewerColumn::Name, "Interviewer"),
        (InterviewerColumn::Submitted, "Submitted"),
        (InterviewerColumn::Mean, "Mean"),
        (InterviewerColumn::Sd, "SD"),
        (InterviewerColumn::SameRating, "Same rating"),
        (InterviewerColumn::Leniency, "Leniency"),
        (InterviewerColumn::Deviation, "Deviation"),
        (InterviewerColumn::HireShare, "Hire share"),
        (InterviewerColumn::Agreement, "Decision agreement"),
        (InterviewerColumn::Hours, "Hours to submit"),
    ];

    fn value(self, i: &InterviewerSummary) -> Option<f64> {
        match self {
            InterviewerColumn::Name => None,
            InterviewerColumn::Submitted => Some(i.submitted as f64),
            InterviewerColumn::Mean => i.mean_rating,
            InterviewerColumn::Sd => i.rating_sd,
            InterviewerColumn::SameRating => i.same_rating_share,
            InterviewerColumn::Leniency => i.leniency,
            InterviewerColumn::Deviation => i.mean_abs_deviation,
            InterviewerColumn::HireShare => i.hire_share,
            InterviewerColumn::Agreement => i.decision_agreement,
            InterviewerColumn::Hours => i.median_hours_to_submit,
        }
    }
}

/// The interviewer view.
#[derive(Clone, Debug)]
pub struct InterviewersScreen {
    /// Only this template's candidates; `None`: all.
    pub template: Option<Slug>,
    /// Only this opening's candidates (it wins over `template`); `None`:
    /// all.
    pub opening: Option<Slug>,
    /// The column sorted by, and which way.
    pub order: SortOrder<InterviewerColumn>,
    /// The interviewer whose page is open.
    pub selected: Option<InterviewerId>,
}

impl Default for InterviewersScreen {
    fn default() -> Self {
        Self {
            template: None,
            opening: None,
            order: SortOrder {
                column: InterviewerColumn::Name,
                descending: false,
            },
            selected: None,
        }
    }
}

impl InterviewersScreen {
    /// The figures the filter picks: over one opening's candidates, one
    /// template's, or everyone's.
    fn figures<'a>(&self, summary: &'a Summary) -> &'a [InterviewerSummary] {
        let picked = match (&self.opening, &self.template) {
            (Some(id), _) => summary.interviewers_by_opening.get(id),
            (None, Some(id)) => summary.interviewers_by_template.get(id),
            (None, None) => return summary.interviewers.as_slice(),
        };
        picked.map(Vec::as_slice).unwrap_or_default()
    }

    /// Clicking a header: sort by it, or flip the order if it is already
    /// the sort (numbers start highest first).
    pub fn sort_by(&mut self, column: InterviewerColumn) {
        self.order.click(column, column == InterviewerColumn::Name);
    }

    /// The rows shown, in order: everyone's in coordinator view, else only
    /// the user's own. Missing numbers sort last either way.
    pub fn rows<'a>(
        &self,
        summary: &'a Summary,
        settings: &Settings,
    ) -> Vec<&'a InterviewerSummary> {
        let all = self.figures(summary);
        let me = InterviewerId::typed(&settings.interviewer);
        let mut rows: Vec<&InterviewerSummary> = all
            .iter()
            .filter(|i| settings.coordinator || me.as_ref() == Some(&i.id))
            .collect();
        let column = self.order.column;
        let value = |i: &'a InterviewerSummary| match column {
            InterviewerColumn::Name => SortValue::Text(&i.name),
            _ => SortValue::Number(column.value(i)),
        };
        rows.sort_by(|a, b| {
            column_order(value(a), value(b), self.order.descending).then_with(|| a.id.cmp(&b.id))
        });
        rows
    }

    /// Draws the view from the aggregates and the evidence figures (`None`
    /// while computed).
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        cx: &mut ViewContext<'_>,
        summary: Option<&Summary>,
        evidence: Option<&Evidence>,
    ) {
        egui::CentralPanel::default().show(ui, |ui| {
            // Both ways: on a narrow window the table scrolls sideways
            // rather than lose its last columns.
            egui::ScrollArea::both().show(ui, |ui| {
                ui.heading("Interviewers");
                let Some(summary) = summary else {
                    busy_ui(ui, "Computing the interviewers' figures…");
                    return;
                };
                if !cx.settings.coordinator {
                    ui.weak(
                        "Your own figures only; a coordinator (coordinator view) sees everyone's",
                    );
                }
                self.filter_ui(ui, cx, summary);
                if let Some(id) = self.selected.clone() {
                    self.page_ui(ui, cx, summary, evidence, &id);
                } else {
                    self.table_ui(ui, cx, summary);
                }
            });
        });
    }

    fn filter_ui(&mut self, ui: &mut egui::Ui, cx: &ViewContext<'_>, summary: &Summary) {
        let shown = self
            .template
            .as_ref()
            .map_or_else(|| "Every template".to_owned(), |id| template_name(cx, id));
        ui.horizontal(|ui| {
            let label = ui.label("Template");
            egui::ComboBox::from_id_salt("interviewers_template")
                .selected_text(shown)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.template, None, "Every template");
                    for id in summary.interviewers_by_template.keys() {
                        let name = template_name(cx, id);
                        ui.selectable_value(&mut self.template, Some(id.clone()), name);
                    }
                })
                .response
                .labelled_by(label.id);
            let opening_shown = self.opening.as_ref().map_or_else(
                || "Every opening".to_owned(),
                |id| {
                    cx.snapshot
                        .opening(id.as_str())
                        .map_or_else(|| id.to_string(), |o| escape_line(&o.title).into_owned())
                },
            );
            let label = ui.label("Opening");
            egui::ComboBox::from_id_salt("interviewers_opening")
                .selected_text(opening_shown)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.opening, None, "Every opening");
                    for record in cx.snapshot.openings() {
                        let opening = &record.opening;
                        ui.selectable_value(
                            &mut self.opening,
                            Some(opening.id.clone()),
                            escape_line(&opening.title),
                        );
                    }
                })
                .response
                .labelled_by(label.id);
        });
    }

    fn table_ui(&mut self, ui: &mut egui::Ui, cx: &ViewContext<'_>, summary: &Summary) {
        let rows = self.rows(summary, cx.settings);
        if rows.is_empty() {
            let known = InterviewerId::typed(&cx.settings.interviewer).is_some();
            ui.label(if cx.settings.coordinator || known {
                "No submitted scorecards to count yet"
            } else {
                "Type your name on the home screen to see your own figures"
            });
            practised_ui(ui, cx);
            return;
        }
        let mut clicked = None;
        let mut open = None;
        egui::Grid::new("interviewers_table")
            .striped(true)
            .show(ui, |ui| {
                for (column, header) in InterviewerColumn::ALL {
                    let arrow = self.order.arrow(column);
                    if ui.button(format!("{header}{arrow}")).clicked() {
                        clicked = Some(column);
                    }
                }
                ui.strong("Practice rounds");
                ui.end_row();
                for row in &rows {
                    if ui.link(escape_line(&row.name)).clicked() {
                        open = Some(row.id.clone());
                    }
                    ui.label(row.submitted.to_string());
                    ui.label(two_decimals(row.mean_rating));
                    ui.label(two_decimals(row.rating_sd));
                    ui.label(percent(row.same_rating_share));
                    ui.label(signed_two_decimals(row.leniency));
                    ui.label(two_decimals(row.mean_abs_deviation));
                    ui.label(percent(row.hire_share));
                    ui.label(percent(row.decision_agreement));
                    ui.label(
                        row.median_hours_to_submit
                            .map_or_else(|| "—".to_owned(), |h| format!("{h:.1}")),
                    );
                    ui.label(practice_rounds(cx, &row.id).to_string());
                    ui.end_row();
                }
            });
        if let Some(column) = clicked {
            self.sort_by(column);
        }
        if open.is_some() {
            self.selected = open;
        }
        ui.add_space(6.0);
        ui.weak(
            "Leniency: mean of (their rating − the others' mean) where colleagues rated the \
             same candidate and dimension; deviation: the same without the sign",
        );
        practised_ui(ui, cx);
    }

    fn page_ui(
        &mut self,
        ui: &mut egui::Ui,
        cx: &ViewContext<'_>,
        summary: &Summary,
        evidence: Option<&Evidence>,
        id: &InterviewerId,
    ) {
        if ui.button("All interviewers").clicked() {
            self.selected = None;
            return;
        }
        let rows = self.rows(summary, cx.settings);
        let Some(person) = rows.iter().find(|r| &r.id == id) else {
            ui.label("No figures for this interviewer here");
            return;
        };
        ui.heading(escape_line(&person.name));
        ui.label(format!(
            "{} submitted, {} ratings, mean {}, leniency {}",
            person.submitted,
            person.ratings,
            two_decimals(person.mean_rating),
            signed_two_decimals(person.leniency)
        ));
        // Everyone's distribution is the panel's, whoever may see its rows.
        let all = self.figures(summary);
        let everyone = all
            .iter()
            .fold(Distribution::default(), |sum, i| sum.plus(&i.distribution));
        distribution_chart_ui(
            ui,
            &escape_line(&person.name),
            &person.distribution,
            &everyone,
        );
        ui.add_space(6.0);
        match evidence {
            None => busy_ui(ui, "Reading the interview days…"),
            Some(evidence) => match evidence.drift.of(id) {
                Some(drift) => drift_ui(ui, drift, &evidence.drift.team),
                None => {
                    ui.label("No submitted scorecard of theirs has a score yet");
                }
            },
        }
        ui.add_space(6.0);
        ui.strong("Leniency per dimension");
        if person.dimension_leniency.is_empty() {
            ui.label("Nobody else rated the same candidates and dimensions yet");
        }
        egui::Grid::new("dimension_leniency").show(ui, |ui| {
            for (dimension, lenience, n) in &person.dimension_leniency {
                ui.label(dimension);
                ui.label(signed_two_decimals(Some(*lenience)));
                ui.weak(format!("{n} ratings"));
                ui.end_row();
            }
        });
    }
}

/// The share of each rating, theirs against everyone's, as bars side by side.
fn distribution_chart_ui(
    ui: &mut egui::Ui,
    name: &str,
    theirs: &Distribution,
    everyone: &Distribution,
) {
    let shares = |d: &Distribution| -> Vec<f64> {
        let total = d.total().max(1) as f64;
        d.counts().iter().map(|&c| c as f64 / total).collect()
    };
    let bars = |values: Vec<f64>, offset: f64| -> Vec<Bar> {
        values
            .into_iter()
            .enumerate()
            .map(|(i, v)| Bar::new(i as f64 + 1.0 + offset, v).width(0.35))
            .collect()
    };
    let labels: Vec<String> = [
        Rating::DoesNotMeet,
        Rating::PartiallyMeets,
        Rating::Meets,
        Rating::Exceeds,
    ]
    .iter()
    .map(|r| r.label().to_owned())
    .collect();
    ui.strong("Rating distribution (share of ratings)");
    Plot::new("rating_distribution")
        .legend(Legend::default())
        .height(220.0)
        .include_y(0.0)
        .include_y(1.0)
        .allow_scroll(false)
        .allow_drag(false)
        .x_axis_formatter(move |mark, _| {
            let i = mark.value.round();
            if (mark.value - i).abs() < 1e-6 && (1.0..=4.0).contains(&i) {
                labels.get(i as usize - 1).cloned().unwrap_or_default()
            } else {
                String::new()
            }
        })
        .show(ui, |plot| {
            plot.bar_chart(
                BarChart::new(name.to_owned(), bars(shares(theirs), -0.18)).color(series_color(0)),
            );
            plot.bar_chart(
                BarChart::new("Everyone", bars(shares(everyone), 0.18)).color(series_color(1)),
            );
        });
}

/// How many practice rounds an interviewer has kept.
fn practice_rounds(cx: &ViewContext<'_>, id: &InterviewerId) -> usize {
    cx.snapshot
        .practice_results()
        .iter()
        .find(|r| &r.id() == id)
        .map_or(0, |r| r.rounds.len())
}

/// Who has practised, for a coordinator: including people with no
/// submitted scorecard yet.
fn practised_ui(ui: &mut egui::Ui, cx: &ViewContext<'_>) {
    if !cx.settings.coordinator || cx.snapshot.practice_results().is_empty() {
        return;
    }
    ui.add_space(8.0);
    ui.strong("Who has practised");
    for results in cx.snapshot.practice_results().iter() {
        let last = results
            .rounds
            .last()
            .map(|r| cx.zone.day(r.finished_at, cx.now))
            .unwrap_or_default();
        ui.label(format!(
            "• {}: {} rounds, last {last}",
            escape_line(results.interviewer.trim()),
            results.rounds.len()
        ));
    }
}

fn template_name(cx: &ViewContext<'_>, id: &Slug) -> String {
    cx.snapshot.templates().get(id.as_str()).map_or_else(
        || id.to_string(),
        |e| escape_line(&e.template.role).into_owned(),
    )
}
