//! The interview screen: anchors and questions on screen while rating, one
//! key per rating, time-stamped evidence, the timer, red flags, the verdict.

use std::path::PathBuf;

use egui::RichText;
use egui::text::{CCursor, CCursorRange};

use super::theme::{overtime_color, rating_color};
use super::{Command, ExerciseTimer, Resolution, Settings, UiCommand, ViewContext, display_name};
use crate::model::{
    Candidate, Dimension, Escape, LocalZone, Missing, Nudge, NudgeKind, NudgeList, Rating,
    Recommendation, Scorecard, Template, Timestamp, amend, escape, escape_line, evidence_stamp,
    format_elapsed, recommendation_unlocked, submit, thin_evidence,
};

/// One interviewer scoring one candidate at one stage.
#[derive(Clone, Debug)]
pub struct InterviewScreen {
    /// Who is interviewed.
    pub candidate: Candidate,
    /// What they are scored against.
    pub template: Template,
    /// The scorecard's file.
    pub path: PathBuf,
    /// The scorecard, edited in place; the app saves it.
    pub scorecard: Scorecard,
    /// Index of the current dimension among the stage's dimensions.
    pub current: usize,
    /// Counts up from the start of scoring.
    pub timer: ExerciseTimer,
    /// Grows with every edit; the app saves when it moves.
    pub edits: u64,
    /// What the last blocked submit was missing.
    pub missing: Vec<Missing>,
    /// The file changed on disk while open; nothing is saved until the
    /// user picks a version.
    pub conflict: bool,
    focus_evidence: bool,
    stamp_requested: bool,
    /// *Copy for ATS* was pressed: say where the text went.
    copied_for_ats: bool,
}

impl InterviewScreen {
    /// Opens a scorecard for scoring, the timer running from `ui_time`.
    pub fn new(
        candidate: Candidate,
        template: Template,
        path: PathBuf,
        scorecard: Scorecard,
        ui_time: f64,
    ) -> Self {
        let timer = if scorecard.is_submitted() {
            ExerciseTimer::default()
        } else {
            ExerciseTimer::started(ui_time)
        };
        Self {
            candidate,
            template,
            path,
            scorecard,
            current: 0,
            timer,
            edits: 0,
            missing: Vec::new(),
            conflict: false,
            focus_evidence: false,
            stamp_requested: false,
            copied_for_ats: false,
        }
    }

    /// Submitted scorecards are read-only until amended.
    pub fn read_only(&self) -> bool {
        self.scorecard.is_submitted()
    }

    /// The dimensions rated at this stage.
    pub fn stage_dimensions(&self) -> Vec<&Dimension> {
        self.template.dimensions_for_stage(&self.scorecard.stage)
    }

    /// The time box of the stage, in seconds, if it is an exercise.
    pub fn time_box(&self) -> Option<f64> {
        self.template
            .exercise(&self.scorecard.stage)
            .map(|e| f64::from(e.minutes) * 60.0)
    }

    /// Rates the current dimension (no-op when read-only).
    pub fn rate_current(&mut self, rating: Rating) {
        if self.read_only() {
            return;
        }
        let Some(id) = self
            .stage_dimensions()
            .get(self.current)
            .map(|d| d.id.clone())
        else {
            return;
        };
        if self.scorecard.rating(id.as_str()) != Some(rating) {
            self.scorecard.set_rating(&id, rating);
            self.edited();
        }
    }

    /// Tries to submit at `now`; on refusal, [`Self::missing`] says why.
    pub fn try_submit(&mut self, now: Timestamp) {
        self.missing.clear();
        match submit(&mut self.scorecard, &self.template, now) {
            Ok(()) => {
                self.timer = ExerciseTimer::default();
                self.edited();
            }
            Err(crate::model::SubmitError::Incomplete(missing)) => self.missing = missing,
            Err(crate::model::SubmitError::AlreadySubmitted) => {}
        }
    }

    /// Reopens a submitted scorecard, recording when.
    pub fn amend(&mut self, now: Timestamp) {
        if self.read_only() {
            amend(&mut self.scorecard, now);
            self.edited();
        }
    }

    fn edited(&mut self) {
        self.edits += 1;
    }

    fn move_by(&mut self, step: isize) {
        let count = self.stage_dimensions().len();
        if count > 0 {
            self.current = self.current.saturating_add_signed(step).min(count - 1);
        }
    }

    /// Draws the screen.
    pub fn ui(&mut self, ui: &mut egui::Ui, cx: &mut ViewContext<'_>) {
        let time = ui.input(|i| i.time);
        let nudges = std::sync::Arc::clone(cx.snapshot.nudges());
        self.handle_keys(ui, time);
        egui::Panel::top("interview_header").show(ui, |ui| self.header_ui(ui, cx.settings, time));
        if self.conflict {
            egui::Panel::top("conflict").show(ui, |ui| conflict_ui(ui, cx));
        }
        egui::Panel::left("dimension_list")
            .resizable(true)
            .default_size(230.0)
            .show(ui, |ui| {
                egui::ScrollArea::vertical().show(ui, |ui| self.dimension_list_ui(ui));
            });
        egui::Panel::right("verdict")
            .resizable(true)
            .default_size(300.0)
            .show(ui, |ui| {
                egui::ScrollArea::vertical()
                    .show(ui, |ui| self.verdict_ui(ui, cx.now, cx.zone, &nudges));
            });
        egui::CentralPanel::default().show(ui, |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| self.dimension_ui(ui, time, &nudges));
        });
        if self.timer.is_running() {
            ui.ctx()
                .request_repaint_after(std::time::Duration::from_millis(500));
        }
    }

    /// Applies the keys pressed since the last frame, each as its own
    /// command and in the order pressed: `3 ↓ 4` within one frame rates,
    /// moves, then rates the next dimension.
    fn handle_keys(&mut self, ui: &egui::Ui, time: f64) {
        // While typing, digits and letters are text, not commands.
        let typing = ui.ctx().text_edit_focused();
        let read_only = self.read_only();
        let commands = UiCommand::take_pressed(ui.ctx(), |command| match command {
            // The app toggles the overlay; the text field leaves on Esc.
            UiCommand::ToggleHelp | UiCommand::LeaveEvidence => false,
            // Taken even when read-only, so it does nothing else.
            UiCommand::ToggleTimer => true,
            _ => !read_only && (!typing || command.works_while_typing()),
        });
        for command in commands {
            self.apply(command, time);
        }
    }

    /// Does what one keyboard command asks.
    fn apply(&mut self, command: UiCommand, time: f64) {
        if let Some(rating) = command.rating() {
            self.rate_current(rating);
            return;
        }
        match command {
            UiCommand::ToggleTimer if !self.read_only() => self.timer.toggle(time),
            UiCommand::StampTime => self.stamp_requested = true,
            UiCommand::WriteEvidence => self.focus_evidence = true,
            UiCommand::NextDimension => self.move_by(1),
            UiCommand::PreviousDimension => self.move_by(-1),
            _ => {}
        }
    }

    fn header_ui(&mut self, ui: &mut egui::Ui, settings: &Settings, time: f64) {
        let stage = match self.template.exercise(&self.scorecard.stage) {
            Some(exercise) => exercise.name.clone(),
            None => "General interview".to_owned(),
        };
        ui.horizontal_wrapped(|ui| {
            ui.heading(display_name(&self.candidate, settings));
            ui.label(escape_line(&format!(
                "{} · {stage} · scored by {}",
                self.template.role, self.scorecard.interviewer
            )));
        });
        ui.horizontal(|ui| {
            let elapsed = self.timer.elapsed(time);
            let dark = ui.visuals().dark_mode;
            match self.time_box() {
                Some(limit) if elapsed > limit => {
                    ui.label(
                        RichText::new(format!(
                            "Timer {} / {}",
                            format_elapsed(elapsed),
                            format_elapsed(limit)
                        ))
                        .monospace(),
                    );
                    ui.colored_label(
                        overtime_color(dark),
                        format!("{} over", format_elapsed(elapsed - limit)),
                    );
                }
                Some(limit) => {
                    ui.label(
                        RichText::new(format!(
                            "Timer {} / {}",
                            format_elapsed(elapsed),
                            format_elapsed(limit)
                        ))
                        .monospace(),
                    );
                }
                None => {
                    ui.label(
                        RichText::new(format!("Timer {}", format_elapsed(elapsed))).monospace(),
                    );
                }
            }
            if !self.read_only() {
                let label = if self.timer.is_running() {
                    "Pause timer"
                } else {
                    "Start timer"
                };
                if ui.button(label).clicked() {
                    self.timer.toggle(time);
                }
                if ui.button("Reset timer").clicked() {
                    self.timer.reset();
                }
            }
            if self.read_only() {
                ui.strong("Submitted: read-only");
            }
        });
    }

    fn dimension_list_ui(&mut self, ui: &mut egui::Ui) {
        ui.strong("Dimensions");
        let dark = ui.visuals().dark_mode;
        let rows: Vec<(String, Option<Rating>)> = self
            .stage_dimensions()
            .iter()
            .map(|d| (d.name.clone(), self.scorecard.rating(d.id.as_str())))
            .collect();
        let rated = rows.iter().filter(|(_, r)| r.is_some()).count();
        ui.weak(format!("{rated} of {} rated", rows.len()));
        for (index, (name, rating)) in rows.into_iter().enumerate() {
            let status = rating.map_or("not rated", Rating::label);
            let mut text = RichText::new(escape_line(&format!("{name}: {status}")));
            if let Some(rating) = rating {
                text = text.color(rating_color(rating, dark));
            }
            if ui.selectable_label(index == self.current, text).clicked() {
                self.current = index;
            }
        }
    }

    fn dimension_ui(&mut self, ui: &mut egui::Ui, time: f64, nudges: &NudgeList) {
        let Some(dimension) = self
            .stage_dimensions()
            .get(self.current)
            .map(|d| (*d).clone())
        else {
            ui.label("This stage has no dimensions to rate");
            return;
        };
        ui.horizontal(|ui| {
            ui.heading(escape_line(&dimension.name));
            if dimension.must_have {
                ui.label(RichText::new("must-have").strong());
            }
        });
        anchors_ui(ui, &dimension);
        ui.add_space(6.0);
        self.rating_buttons_ui(ui, &dimension);
        ui.add_space(6.0);
        self.evidence_ui(ui, &dimension, time);
        if !self.read_only() {
            let evidence = self.scorecard.evidence(dimension.id.as_str());
            let rating = self.scorecard.rating(dimension.id.as_str());
            nudge_hints_ui(ui, nudges, evidence, &dimension.id, rating);
        }
        ui.add_space(8.0);
        list_ui(ui, "Questions", &dimension.questions);
        list_ui(ui, "Strong signals", &dimension.strong_signals);
        list_ui(ui, "Weak signals", &dimension.weak_signals);
    }

    fn rating_buttons_ui(&mut self, ui: &mut egui::Ui, dimension: &Dimension) {
        let current = self.scorecard.rating(dimension.id.as_str());
        let dark = ui.visuals().dark_mode;
        ui.add_enabled_ui(!self.read_only(), |ui| {
            ui.horizontal_wrapped(|ui| {
                for rating in [
                    Rating::DoesNotMeet,
                    Rating::PartiallyMeets,
                    Rating::Meets,
                    Rating::Exceeds,
                    Rating::NoSignal,
                ] {
                    let key = rating.score().unwrap_or(0);
                    let text = RichText::new(format!("{key} {}", rating.label()))
                        .color(rating_color(rating, dark));
                    if ui.selectable_label(current == Some(rating), text).clicked() {
                        self.rate_current(rating);
                    }
                }
            });
        });
    }

    fn evidence_ui(&mut self, ui: &mut egui::Ui, dimension: &Dimension, time: f64) {
        let read_only = self.read_only();
        let label = ui.horizontal(|ui| {
            let label = ui.strong("Evidence");
            if !read_only && ui.button("Insert time").clicked() {
                self.stamp_requested = true;
            }
            if dimension_needs_evidence(&self.scorecard, dimension) {
                ui.colored_label(ui.visuals().warn_fg_color, "required for this rating");
            }
            label
        });
        let id = ui.make_persistent_id(("evidence", dimension.id.as_str()));
        let mut text = self.scorecard.evidence(dimension.id.as_str()).to_owned();
        let output = egui::TextEdit::multiline(&mut text)
            .id(id)
            .hint_text("what the candidate said or did")
            .desired_rows(5)
            .desired_width(f32::INFINITY)
            .interactive(!read_only)
            .show(ui);
        let response = output.response.response.labelled_by(label.inner.id);
        if read_only {
            return;
        }
        if std::mem::take(&mut self.focus_evidence) {
            response.request_focus();
        }
        if std::mem::take(&mut self.stamp_requested) {
            let stamp = evidence_stamp(self.timer.elapsed(time));
            let at = match output.cursor_range.filter(|_| response.has_focus()) {
                Some(range) => range.primary.index.0.min(text.chars().count()),
                None => {
                    // Not typing yet: start a new line at the end.
                    if !text.is_empty() && !text.ends_with('\n') {
                        text.push('\n');
                    }
                    text.chars().count()
                }
            };
            let byte = text.char_indices().nth(at).map_or(text.len(), |(b, _)| b);
            text.insert_str(byte, &stamp);
            let mut state = output.state;
            let cursor = CCursor::new(at + stamp.chars().count());
            state.cursor.set_char_range(Some(CCursorRange::one(cursor)));
            state.store(ui.ctx(), id);
            response.request_focus();
            ui.ctx().request_repaint();
        }
        if text != self.scorecard.evidence(dimension.id.as_str()) {
            self.scorecard.set_evidence(&dimension.id, text);
            self.edited();
        }
    }

    fn verdict_ui(
        &mut self,
        ui: &mut egui::Ui,
        now: Timestamp,
        zone: LocalZone,
        nudges: &NudgeList,
    ) {
        let read_only = self.read_only();
        if !self.template.red_flags.is_empty() {
            ui.strong("Red flags");
            ui.add_enabled_ui(!read_only, |ui| {
                for flag in self.template.red_flags.clone() {
                    let mut raised = self.scorecard.red_flags.contains(&flag);
                    if ui.checkbox(&mut raised, escape_line(&flag)).changed() {
                        self.scorecard.toggle_red_flag(&flag);
                        self.edited();
                    }
                }
            });
            ui.separator();
        }
        ui.strong("Recommendation");
        let unlocked = recommendation_unlocked(&self.scorecard, &self.template);
        if !unlocked {
            let left = self
                .stage_dimensions()
                .iter()
                .filter(|d| self.scorecard.rating(d.id.as_str()).is_none())
                .count();
            ui.weak(format!("Rate every dimension first ({left} left)"));
        }
        ui.add_enabled_ui(unlocked && !read_only, |ui| {
            ui.horizontal_wrapped(|ui| {
                for choice in Recommendation::ALL {
                    let selected = self.scorecard.recommendation == Some(choice);
                    if ui.selectable_label(selected, choice.label()).clicked() && !selected {
                        self.scorecard.recommendation = Some(choice);
                        self.edited();
                    }
                }
            });
        });
        ui.separator();
        let label = ui.strong("Notes");
        let response = ui
            .add(
                egui::TextEdit::multiline(&mut self.scorecard.notes)
                    .desired_rows(3)
                    .desired_width(f32::INFINITY)
                    .interactive(!read_only),
            )
            .labelled_by(label.id);
        if response.changed() {
            self.edited();
        }
        if !read_only {
            notes_hints_ui(ui, nudges, &self.scorecard);
        }
        ui.separator();
        if read_only {
            if let Some(at) = self.scorecard.submitted_at {
                ui.label(format!("Submitted {}", zone.moment(at, now)));
            }
            ui.horizontal(|ui| {
                if ui
                    .button("Copy for ATS")
                    .on_hover_text(
                        "The scorecard as text in the ATS's order and four-point words, to paste into its feedback form",
                    )
                    .clicked()
                {
                    ui.ctx().copy_text(crate::export::ats_text(
                        &self.scorecard,
                        Some(&self.template),
                    ));
                    self.copied_for_ats = true;
                }
                if ui.button("Amend").clicked() {
                    self.amend(now);
                }
            });
            if self.copied_for_ats {
                ui.weak("Copied: paste it into the candidate's scorecard in your ATS.");
            }
        } else {
            if let Some(at) = self.scorecard.amended_at {
                ui.weak(format!("Reopened {}", zone.moment(at, now)));
            }
            if ui.button("Submit").clicked() {
                self.try_submit(now);
            }
            if !self.missing.is_empty() {
                ui.colored_label(
                    ui.visuals().error_fg_color,
                    "Not submitted yet. Still missing:",
                );
                for missing in &self.missing {
                    ui.label(format!("• {missing}"));
                }
            }
        }
    }
}

/// Quiet hints under a dimension's evidence (DESIGN.md "Evidence nudges"):
/// never blocking, never in the way of typing.
fn nudge_hints_ui(
    ui: &mut egui::Ui,
    nudges: &NudgeList,
    evidence: &str,
    dimension: &crate::model::Slug,
    rating: Option<Rating>,
) {
    let mut hints: Vec<Nudge> = nudges
        .find(evidence)
        .into_iter()
        .map(|(topic, term)| Nudge {
            dimension: Some(dimension.clone()),
            kind: NudgeKind::NonJobRelated,
            term: Some(term.to_owned()),
            topic: Some(topic.to_owned()),
        })
        .collect();
    // Empty evidence for an extreme rating is already "required".
    if let Some(rating) = rating
        && !evidence.trim().is_empty()
    {
        hints.extend(thin_evidence(dimension, rating, evidence));
    }
    for hint in hints {
        ui.weak(hint.hint());
    }
}

/// Quiet hints under the notes, for the notes and the red flags raised.
fn notes_hints_ui(ui: &mut egui::Ui, nudges: &NudgeList, scorecard: &Scorecard) {
    let mut seen = Vec::new();
    for text in std::iter::once(&scorecard.notes).chain(&scorecard.red_flags) {
        for (topic, term) in nudges.find(text) {
            if seen.contains(&term) {
                continue;
            }
            seen.push(term);
            let hint = Nudge {
                dimension: None,
                kind: NudgeKind::NonJobRelated,
                term: Some(term.to_owned()),
                topic: Some(topic.to_owned()),
            };
            ui.weak(hint.hint());
        }
    }
}

fn dimension_needs_evidence(scorecard: &Scorecard, dimension: &Dimension) -> bool {
    scorecard
        .ratings
        .get(dimension.id.as_str())
        .is_some_and(|e| e.rating.needs_evidence() && e.evidence.trim().is_empty())
}

pub(super) fn anchors_ui(ui: &mut egui::Ui, dimension: &Dimension) {
    let dark = ui.visuals().dark_mode;
    ui.columns(3, |columns| {
        let anchors = [
            ("Below", Rating::DoesNotMeet, dimension.below.as_str()),
            ("Meets", Rating::Meets, dimension.meets.as_str()),
            ("Exceeds", Rating::Exceeds, dimension.exceeds.as_str()),
        ];
        for (column, (title, rating, text)) in columns.iter_mut().zip(anchors) {
            // Columns lay out justified; anchors read better ragged-right.
            column.with_layout(egui::Layout::top_down(egui::Align::LEFT), |ui| {
                let title = RichText::new(title)
                    .strong()
                    .color(rating_color(rating, dark));
                ui.label(title);
                ui.label(if text.is_empty() {
                    "(not described)".into()
                } else {
                    escape(text, Escape::Text)
                });
            });
        }
    });
}

fn list_ui(ui: &mut egui::Ui, title: &str, items: &[String]) {
    if items.is_empty() {
        return;
    }
    ui.strong(title);
    for item in items {
        ui.label(escape(&format!("• {item}"), Escape::Text));
    }
    ui.add_space(4.0);
}

/// The banner shown while the open scorecard changed on disk.
fn conflict_ui(ui: &mut egui::Ui, cx: &mut ViewContext<'_>) {
    ui.colored_label(
        ui.visuals().error_fg_color,
        "This scorecard changed on disk while open (another device, or a sync tool). \
         Nothing was overwritten, and your version is safe here",
    );
    ui.horizontal(|ui| {
        if ui.button("Keep mine").clicked() {
            cx.commands
                .push(Command::ResolveConflict(Resolution::KeepMine));
        }
        if ui.button("Take theirs").clicked() {
            cx.commands
                .push(Command::ResolveConflict(Resolution::TakeTheirs));
        }
        if ui.button("Keep both").clicked() {
            cx.commands
                .push(Command::ResolveConflict(Resolution::KeepBoth));
        }
    });
}
