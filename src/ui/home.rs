//! The first screen: candidates, a new-candidate form, my pending drafts.

use super::home_lists::{CandidateList, PendingDrafts, role_of};
use super::{Command, ViewContext, display_name, file_errors_ui};
use crate::io::{CandidateRecord, WorkspaceSnapshot};
use crate::model::{InterviewerId, Slug, Timestamp, format_age};

/// State of the home screen that only matters while it is shown.
#[derive(Clone, Debug, Default)]
pub struct HomeScreen {
    /// Filter over candidate names and roles.
    pub search: String,
    /// Name typed for a new candidate.
    pub new_name: String,
    /// Template picked for a new candidate.
    pub new_template: Option<Slug>,
    /// Why the last "Add candidate" did nothing.
    pub problem: Option<String>,
    /// Days of inactivity after which candidates may be purged.
    pub purge_days: String,
    /// Candidates a purge would erase, while its confirmation is open.
    pub purge_confirm: Option<Vec<Slug>>,
    /// The candidates matching the search, kept until something changes.
    candidates: CandidateList,
    /// The pending drafts, kept until something changes.
    drafts: PendingDrafts,
}

impl HomeScreen {
    /// Draws the screen into the central area.
    pub fn ui(&mut self, ui: &mut egui::Ui, cx: &mut ViewContext<'_>) {
        egui::Panel::right("home_side")
            .resizable(true)
            .default_size(320.0)
            .show(ui, |ui| {
                egui::ScrollArea::vertical().show(ui, |ui| {
                    self.new_candidate_ui(ui, cx);
                    ui.separator();
                    self.pending_drafts_ui(ui, cx);
                    ui.separator();
                    self.purge_ui(ui, cx);
                });
            });
        egui::CentralPanel::default().show(ui, |ui| {
            // Problems first, in a bounded area, so the table below keeps
            // its own scrolling.
            if !cx.snapshot.errors.is_empty() || !cx.snapshot.conflicts.is_empty() {
                egui::ScrollArea::vertical()
                    .id_salt("problems")
                    .max_height(160.0)
                    .show(ui, |ui| {
                        file_errors_ui(ui, &cx.snapshot.errors);
                        conflict_copies_ui(ui, &cx.snapshot.conflicts);
                    });
                ui.separator();
            }
            self.candidates_ui(ui, cx);
        });
    }

    fn candidates_ui(&mut self, ui: &mut egui::Ui, cx: &mut ViewContext<'_>) {
        super::first_run::sample_banner_ui(ui, cx);
        ui.heading("Candidates");
        ui.horizontal(|ui| {
            let label = ui.label("Search");
            ui.add(
                egui::TextEdit::singleline(&mut self.search)
                    .hint_text("name or role")
                    .desired_width(260.0),
            )
            .labelled_by(label.id);
        });
        ui.add_space(6.0);
        let matching = self.candidates.matching(cx, &self.search);
        if cx.snapshot.candidates.is_empty() {
            super::first_run::first_run_ui(ui, cx);
            return;
        }
        if matching.is_empty() {
            ui.weak("No candidate matches the search");
            return;
        }
        // Only the rows on screen are laid out: thousands of candidates
        // cost no more per frame than a screenful.
        egui_extras::TableBuilder::new(ui)
            .id_salt("candidates")
            .striped(true)
            .column(egui_extras::Column::auto().at_least(160.0))
            .column(egui_extras::Column::auto().at_least(200.0))
            .column(egui_extras::Column::auto().at_least(160.0))
            .column(egui_extras::Column::remainder())
            .header(22.0, |mut header| {
                for title in ["Name", "Role", "Scorecards", "Added"] {
                    header.col(|ui| {
                        ui.strong(title);
                    });
                }
            })
            .body(|body| {
                body.rows(24.0, matching.len(), |mut row| {
                    let Some(record) = matching
                        .get(row.index())
                        .and_then(|&at| cx.snapshot.candidates.get(at))
                    else {
                        return;
                    };
                    let candidate = &record.candidate;
                    row.col(|ui| {
                        if ui.link(display_name(candidate, cx.settings)).clicked() {
                            cx.commands
                                .push(Command::OpenCandidate(candidate.id.clone()));
                        }
                    });
                    row.col(|ui| {
                        ui.label(role_of(cx.snapshot, record));
                    });
                    row.col(|ui| {
                        ui.label(scorecard_counts(record, cx.snapshot));
                    });
                    row.col(|ui| {
                        ui.label(candidate.created_at.as_utc().format("%Y-%m-%d").to_string());
                    });
                });
            });
    }

    fn new_candidate_ui(&mut self, ui: &mut egui::Ui, cx: &mut ViewContext<'_>) {
        ui.heading("New candidate");
        let templates: Vec<_> = cx.snapshot.templates.iter().collect();
        if self.new_template.is_none() {
            self.new_template = templates.first().map(|e| e.template.id.clone());
        }
        egui::Grid::new("new_candidate")
            .num_columns(2)
            .show(ui, |ui| {
                let label = ui.label("Candidate name");
                ui.text_edit_singleline(&mut self.new_name)
                    .labelled_by(label.id);
                ui.end_row();
                let label = ui.label("Template");
                super::template_picker_ui(
                    ui,
                    "new_candidate_template",
                    &mut self.new_template,
                    &cx.snapshot.templates,
                    200.0,
                )
                .labelled_by(label.id);
                ui.end_row();
            });
        if ui.button("Add candidate").clicked() {
            self.problem = None;
            match (self.new_name.trim(), &self.new_template) {
                ("", _) => self.problem = Some("Type the candidate's name first".to_owned()),
                (_, None) => self.problem = Some("Pick a template first".to_owned()),
                (name, Some(template)) => {
                    cx.commands.push(Command::CreateCandidate {
                        name: name.to_owned(),
                        template: template.clone(),
                    });
                    self.new_name.clear();
                }
            }
        }
        if let Some(problem) = &self.problem {
            ui.colored_label(ui.visuals().warn_fg_color, problem);
        }
    }
}

impl HomeScreen {
    /// Retention: erase candidates with no activity for a number of days.
    fn purge_ui(&mut self, ui: &mut egui::Ui, cx: &mut ViewContext<'_>) {
        ui.heading("Retention");
        ui.horizontal(|ui| {
            let label = ui.label("Erase candidates inactive for more than");
            ui.add(egui::TextEdit::singleline(&mut self.purge_days).desired_width(40.0))
                .labelled_by(label.id);
            ui.label("days");
        });
        if ui.button("Purge…").clicked() {
            match self.purge_days.trim().parse::<i64>() {
                Ok(days) if days >= 0 => {
                    // The rule `scorecard purge` follows too.
                    let cutoff = chrono::Duration::try_days(days)
                        .and_then(|age| cx.now.as_utc().checked_sub_signed(age));
                    let ids = cutoff.map_or_else(Vec::new, |cutoff| {
                        cx.snapshot.inactive_since(Timestamp::from_utc(cutoff))
                    });
                    self.purge_confirm = Some(ids);
                }
                _ => self.problem = Some("Type a number of days to purge".to_owned()),
            }
        }
        let Some(ids) = self.purge_confirm.clone() else {
            return;
        };
        let modal = egui::Modal::new(egui::Id::unique("confirm_purge")).show(ui.ctx(), |ui| {
            if ids.is_empty() {
                ui.label("No candidate is inactive that long");
                return ui.button("Close").clicked();
            }
            ui.heading(format!("Erase {} candidate(s)?", ids.len()));
            for id in &ids {
                if let Some(record) = cx.snapshot.candidate(id.as_str()) {
                    ui.label(format!(
                        "• {}",
                        display_name(&record.candidate, cx.settings)
                    ));
                }
            }
            ui.label("Every file of each is erased. This cannot be undone here");
            ui.horizontal(|ui| {
                if ui.button("Erase them").clicked() {
                    cx.commands.push(Command::EraseCandidates(ids.clone()));
                    return true;
                }
                ui.button("Cancel").clicked()
            })
            .inner
        });
        if modal.inner || modal.should_close() {
            self.purge_confirm = None;
        }
    }

    /// Drafts still unsubmitted: the interviewer's own, or everyone's while
    /// the app does not know who is using it.
    fn pending_drafts_ui(&mut self, ui: &mut egui::Ui, cx: &mut ViewContext<'_>) {
        let everyone = InterviewerId::typed(&cx.settings.interviewer).is_none();
        ui.heading(if everyone {
            "Pending drafts"
        } else {
            "My pending drafts"
        });
        let (shown, count) = self.drafts.find(cx);
        for &(c, s) in shown {
            let Some(record) = cx.snapshot.candidates.get(c) else {
                continue;
            };
            let Some(scorecard_record) = record.scorecards.get(s) else {
                continue;
            };
            let card = &scorecard_record.scorecard;
            let stage = stage_name(cx.snapshot, record, &card.stage);
            let age = draft_age(card.started_at, card.amended_at, cx.now);
            let who = if everyone {
                format!(" by {}", card.interviewer)
            } else {
                String::new()
            };
            let name = display_name(&record.candidate, cx.settings);
            let text = format!("{name}: {stage}{who}, started {age}");
            if ui.button(text).clicked() {
                cx.commands
                    .push(Command::OpenScorecard(scorecard_record.path.clone()));
            }
        }
        if count == 0 {
            ui.weak("None: every scorecard is submitted");
        } else if count > PendingDrafts::SHOWN {
            ui.weak(format!("and {} more", count - PendingDrafts::SHOWN));
        }
    }
}

/// "3 submitted, 1 draft, 1 unreadable".
fn scorecard_counts(record: &CandidateRecord, snapshot: &WorkspaceSnapshot) -> String {
    let submitted = record
        .scorecards
        .iter()
        .filter(|s| s.scorecard.is_submitted())
        .count();
    let drafts = record.scorecards.len() - submitted;
    let unreadable = snapshot
        .errors
        .iter()
        .filter(|e| e.path.starts_with(&record.dir))
        .count();
    let mut counts = format!("{submitted} submitted, {drafts} draft");
    if unreadable > 0 {
        counts.push_str(&format!(", {unreadable} unreadable"));
    }
    counts
}

fn draft_age(started: Timestamp, amended: Option<Timestamp>, now: Timestamp) -> String {
    let since = amended.map_or(started, |a| a.max(started));
    format_age(now.unix_seconds() - since.unix_seconds())
}

/// A stage's display name: the exercise's, or "General interview".
pub(crate) fn stage_name(
    snapshot: &WorkspaceSnapshot,
    record: &CandidateRecord,
    stage: &str,
) -> String {
    if stage.is_empty() {
        return "General interview".to_owned();
    }
    snapshot
        .templates
        .get(record.candidate.template.as_str())
        .and_then(|e| e.template.exercise(stage))
        .map_or_else(|| stage.to_owned(), |e| e.name.clone())
}

/// Sync conflict copies: shown so a person reconciles them; never counted,
/// never deleted.
fn conflict_copies_ui(ui: &mut egui::Ui, conflicts: &[crate::io::ConflictCopy]) {
    if conflicts.is_empty() {
        return;
    }
    ui.add_space(8.0);
    ui.colored_label(
        ui.visuals().warn_fg_color,
        format!(
            "{} sync conflict copy(ies): not counted; merge each into its original by hand, then delete it",
            conflicts.len()
        ),
    );
    for copy in conflicts.iter().take(super::MAX_PROBLEMS_SHOWN) {
        ui.label(
            egui::RichText::new(format!("{}: {}", copy.path.display(), copy.reason)).monospace(),
        );
    }
    super::more_not_shown_ui(ui, conflicts.len());
}
