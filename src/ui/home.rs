//! The first screen: candidates, a new-candidate form, my pending drafts.

use super::home_lists::{HomeLists, HomeListsKey, role_of};
use super::{Command, ViewContext, display_name, file_errors_ui};
use crate::io::{CandidateRecord, WorkspaceSnapshot};
use crate::model::{InterviewerId, Slug, Timestamp, escape_line, format_age};

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
    /// The lists shown: the newest found ([`HomeScreen::install`]).
    lists: HomeLists,
    /// Which opening's candidates the list shows.
    pub opening_filter: OpeningFilter,
    /// The opening a new candidate is added to (`None`: pick a template).
    pub new_opening: Option<Slug>,
}

/// Which candidates Home lists, by opening.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum OpeningFilter {
    /// Everyone.
    #[default]
    All,
    /// Candidates of no opening.
    NoOpening,
    /// Candidates of this opening.
    Opening(Slug),
}

impl HomeScreen {
    /// What the lists are wanted for now.
    pub fn wanted_lists(
        &self,
        snapshot: &WorkspaceSnapshot,
        settings: &super::Settings,
        now: Timestamp,
    ) -> HomeListsKey {
        HomeListsKey::new(snapshot, &self.search, settings, now)
    }

    /// Whether the lists shown were found for `key`.
    pub fn lists_are(&self, key: &HomeListsKey) -> bool {
        self.lists.key.as_ref() == Some(key)
    }

    /// Shows these lists from now on (found for the key they carry).
    pub fn install(&mut self, lists: HomeLists) {
        self.lists = lists;
    }

    /// Draws the screen into the central area.
    pub fn ui(&mut self, ui: &mut egui::Ui, cx: &mut ViewContext<'_>) {
        egui::Panel::right("home_side")
            .resizable(true)
            .default_size(320.0)
            .show(ui, |ui| {
                egui::ScrollArea::vertical().show(ui, |ui| {
                    self.owed_ui(ui, cx);
                    self.new_candidate_ui(ui, cx);
                    ui.separator();
                    import_buttons_ui(ui, cx);
                    ui.separator();
                    self.pending_drafts_ui(ui, cx);
                    ui.separator();
                    self.purge_ui(ui, cx);
                });
            });
        egui::CentralPanel::default().show(ui, |ui| {
            // Problems first, in a bounded area, so the table below keeps
            // its own scrolling.
            if !cx.snapshot.errors().is_empty() || !cx.snapshot.conflicts().is_empty() {
                egui::ScrollArea::vertical()
                    .id_salt("problems")
                    .max_height(160.0)
                    .show(ui, |ui| {
                        file_errors_ui(
                            ui,
                            cx.snapshot.errors(),
                            cx.snapshot.reference_errors().len(),
                        );
                        conflict_copies_ui(ui, cx.snapshot.conflicts());
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
        self.opening_filter_ui(ui, cx);
        ui.add_space(6.0);
        let filter = self.opening_filter.clone();
        let matching: Vec<&CandidateRecord> = self
            .lists
            .candidates
            .iter()
            .map(|r| r.as_ref())
            .filter(|r| {
                let opening = r.candidate.opening.as_ref();
                match &filter {
                    OpeningFilter::All => true,
                    OpeningFilter::NoOpening => opening.is_none(),
                    OpeningFilter::Opening(id) => opening == Some(id),
                }
            })
            .collect();
        if cx.snapshot.candidates().is_empty() {
            super::first_run::first_run_ui(ui, cx);
            return;
        }
        if self.lists.key.is_none() {
            super::busy_ui(ui, "Finding the candidates…");
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
                    let Some(&record) = matching.get(row.index()) else {
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
                        ui.label(cx.zone.day(candidate.created_at, cx.now));
                    });
                });
            });
    }

    fn new_candidate_ui(&mut self, ui: &mut egui::Ui, cx: &mut ViewContext<'_>) {
        ui.heading("New candidate");
        if self.new_opening_ui(ui, cx) {
            return;
        }
        let templates: Vec<_> = cx.snapshot.templates().iter().collect();
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
                    cx.snapshot.templates(),
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
        let count = self.lists.draft_count;
        for (record, s) in &self.lists.drafts {
            let Some(scorecard_record) = record.scorecards.get(*s) else {
                continue;
            };
            let card = &scorecard_record.scorecard;
            let stage = cx.snapshot.stage_name(&record.candidate, &card.stage);
            let stage = escape_line(&stage);
            let age = draft_age(card.started_at, card.amended_at, cx.now);
            let who = if everyone {
                format!(" by {}", escape_line(&card.interviewer))
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
        } else if count > HomeLists::DRAFTS_SHOWN {
            ui.weak(format!("and {} more", count - HomeLists::DRAFTS_SHOWN));
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
    let unreadable = snapshot.unreadable_in(&record.dir);
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

/// A stage's display name in `template` (if in effect): the exercise's,
/// or "General interview".
pub(crate) fn stage_name_in(template: Option<&crate::model::Template>, stage: &str) -> String {
    if stage.is_empty() {
        return "General interview".to_owned();
    }
    template.and_then(|t| t.exercise(stage)).map_or_else(
        || escape_line(stage).into_owned(),
        |e| escape_line(&e.name).into_owned(),
    )
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
            egui::RichText::new(escape_line(&format!(
                "{}: {}",
                copy.path.display(),
                copy.reason
            )))
            .monospace(),
        );
    }
    super::more_not_shown_ui(ui, conflicts.len());
}

/// At most this many owed scorecards are listed on Home.
const OWED_SHOWN: usize = 50;

impl HomeScreen {
    /// "You owe N scorecards" for the person the app knows, and in
    /// coordinator view every owed scorecard, overdue first.
    fn owed_ui(&mut self, ui: &mut egui::Ui, cx: &mut ViewContext<'_>) {
        let me = InterviewerId::typed(&cx.settings.interviewer);
        let coordinator = cx.settings.coordinator;
        if me.is_none() && !coordinator {
            return;
        }
        let rows = &self.lists.owed;
        let overdue = rows.iter().filter(|r| r.overdue).count();
        if coordinator {
            ui.heading(format!(
                "Owed scorecards: {}, {overdue} overdue",
                rows.len()
            ));
        }
        if let Some(me) = &me {
            let mine = rows.iter().filter(|r| me.is(&r.interviewer)).count();
            let text = match mine {
                0 => "You owe no scorecards".to_owned(),
                1 => "You owe 1 scorecard".to_owned(),
                n => format!("You owe {n} scorecards"),
            };
            if coordinator {
                ui.label(text);
            } else {
                ui.heading(text);
            }
        }
        for row in rows.iter().take(OWED_SHOWN) {
            let Some(record) = cx.snapshot.candidate(row.candidate.as_str()) else {
                continue;
            };
            let name = display_name(&record.candidate, cx.settings);
            let state = cx.zone.due(row.due, cx.now);
            let who = if coordinator {
                format!("{}, ", escape_line(&row.interviewer))
            } else {
                String::new()
            };
            let draft = if row.draft { ", draft started" } else { "" };
            let text = format!(
                "{name}: {}, {who}{state}{draft}",
                escape_line(&row.stage_name)
            );
            let text = if row.overdue {
                egui::RichText::new(text).color(ui.visuals().error_fg_color)
            } else {
                egui::RichText::new(text)
            };
            let mine = me.as_ref().is_some_and(|me| me.is(&row.interviewer));
            ui.horizontal(|ui| {
                if ui.button(text).clicked() {
                    cx.commands.push(if mine {
                        Command::StartInterview {
                            candidate: row.candidate.clone(),
                            stage: row.stage.clone(),
                        }
                    } else {
                        Command::OpenCandidate(row.candidate.clone())
                    });
                }
                if coordinator
                    && !mine
                    && ui
                        .small_button("Remind")
                        .on_hover_text(format!(
                            "Write {} a reminder mail: candidate, stage and due time filled in",
                            escape_line(&row.interviewer)
                        ))
                        .clicked()
                {
                    cx.commands.push(Command::Remind {
                        interviewer: row.interviewer.clone(),
                        candidate_name: record.candidate.name.clone(),
                        stage_name: row.stage_name.clone(),
                        at: row.at,
                        due: row.due,
                    });
                }
            });
        }
        if rows.len() > OWED_SHOWN {
            ui.weak(format!("and {} more", rows.len() - OWED_SHOWN));
        }
        ui.separator();
    }

    /// The list's opening filter.
    fn opening_filter_ui(&mut self, ui: &mut egui::Ui, cx: &ViewContext<'_>) {
        if cx.snapshot.openings().is_empty() {
            return;
        }
        let title = |filter: &OpeningFilter| match filter {
            OpeningFilter::All => "All openings".to_owned(),
            OpeningFilter::NoOpening => "No opening".to_owned(),
            OpeningFilter::Opening(id) => cx
                .snapshot
                .opening(id.as_str())
                .map_or_else(|| id.to_string(), |o| escape_line(&o.title).into_owned()),
        };
        ui.horizontal(|ui| {
            let label = ui.label("Opening");
            egui::ComboBox::from_id_salt("home_opening_filter")
                .selected_text(title(&self.opening_filter))
                .width(260.0)
                .show_ui(ui, |ui| {
                    let mut choices = vec![OpeningFilter::All, OpeningFilter::NoOpening];
                    choices.extend(
                        cx.snapshot
                            .openings()
                            .iter()
                            .map(|o| OpeningFilter::Opening(o.opening.id.clone())),
                    );
                    for choice in choices {
                        let text = title(&choice);
                        ui.selectable_value(&mut self.opening_filter, choice, text);
                    }
                })
                .response
                .labelled_by(label.id);
        });
    }

    /// The opening a new candidate is added to; returns whether the form
    /// was drawn for an opening (then the template form is not shown).
    fn new_opening_ui(&mut self, ui: &mut egui::Ui, cx: &mut ViewContext<'_>) -> bool {
        let open: Vec<_> = cx
            .snapshot
            .openings()
            .iter()
            .filter(|o| o.opening.status == crate::model::OpeningStatus::Open)
            .map(|o| &o.opening)
            .collect();
        if open.is_empty() {
            return false;
        }
        ui.horizontal(|ui| {
            let label = ui.label("For opening");
            let selected = self
                .new_opening
                .as_ref()
                .and_then(|id| cx.snapshot.opening(id.as_str()))
                .map_or_else(
                    || "None (pick a template)".to_owned(),
                    |o| escape_line(&o.title).into_owned(),
                );
            egui::ComboBox::from_id_salt("new_candidate_opening")
                .selected_text(selected)
                .width(220.0)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.new_opening, None, "None (pick a template)");
                    for opening in &open {
                        ui.selectable_value(
                            &mut self.new_opening,
                            Some(opening.id.clone()),
                            escape_line(&opening.title),
                        );
                    }
                })
                .response
                .labelled_by(label.id);
        });
        let Some(opening) = self
            .new_opening
            .as_ref()
            .and_then(|id| cx.snapshot.opening(id.as_str()))
        else {
            return false;
        };
        let opening_id = opening.id.clone();
        ui.weak(format!(
            "Interviewed against {}; the opening's default panel becomes their plan",
            cx.snapshot
                .templates()
                .get(opening.template.as_str())
                .map_or_else(
                    || opening.template.to_string(),
                    |e| escape_line(&e.template.role).into_owned()
                )
        ));
        ui.horizontal(|ui| {
            let label = ui.label("Candidate name");
            ui.text_edit_singleline(&mut self.new_name)
                .labelled_by(label.id);
        });
        if ui.button("Add candidate").clicked() {
            self.problem = None;
            match self.new_name.trim() {
                "" => self.problem = Some("Type the candidate's name first".to_owned()),
                name => {
                    cx.commands.push(Command::CreateCandidateForOpening {
                        name: name.to_owned(),
                        opening: opening_id,
                    });
                    self.new_name.clear();
                }
            }
        }
        if let Some(problem) = &self.problem {
            ui.colored_label(ui.visuals().warn_fg_color, problem);
        }
        true
    }
}

/// Where the calendar's invites and the ATS's candidates come in.
fn import_buttons_ui(ui: &mut egui::Ui, cx: &mut ViewContext<'_>) {
    ui.strong("From your calendar and your ATS");
    ui.horizontal_wrapped(|ui| {
        if ui
            .button("Import invites…")
            .on_hover_text("Interview invites (.ics) become each candidate's plan")
            .clicked()
        {
            cx.commands
                .push(Command::OpenImport(super::ImportKind::Invites));
        }
        if ui
            .button("Import candidates…")
            .on_hover_text("An ATS export (.csv) adds its candidates to an opening")
            .clicked()
        {
            cx.commands
                .push(Command::OpenImport(super::ImportKind::Candidates));
        }
    });
}
