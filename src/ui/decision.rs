//! The panel's decision on the debrief: Hire or No hire with a rationale
//! (required: the button is blocked while it is blank), recorded by the
//! hiring manager or in coordinator view. If scorecards are still owed,
//! the app says which and asks to confirm.

use super::{Command, NewNames, ViewContext, your_name_field};
use crate::model::{
    Debrief, Decision, Escape, FormatVersion, InterviewerId, Slug, Verdict, escape, escape_line,
};

/// The decision form of one debrief.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DecisionForm {
    /// Whether the form is open (it opens at once when nothing is decided).
    pub open: bool,
    /// The verdict picked.
    pub verdict: Option<Verdict>,
    /// Why, as typed.
    pub rationale: String,
    /// Why the last "Record decision" did nothing.
    pub problem: Option<String>,
    /// The decision waiting for "record anyway" (scorecards still owed).
    pub confirm: Option<Decision>,
    /// Your name kept as new though it resembles a known one.
    pub new_names: NewNames,
}

impl DecisionForm {
    /// Draws the decision part of the debrief of `candidate`.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        cx: &mut ViewContext<'_>,
        candidate: &Slug,
        d: &Debrief,
    ) {
        ui.strong("Decision");
        if let Some(decision) = &d.decision {
            ui.label(format!(
                "{}, decided by {} on {}",
                decision.verdict.label(),
                escape_line(&decision.decided_by),
                cx.zone.moment(decision.decided_at, cx.now)
            ));
            ui.label(escape(
                &format!("Rationale: {}", decision.rationale),
                Escape::Text,
            ));
            if decision.changed_after > 0 {
                ui.colored_label(
                    ui.visuals().warn_fg_color,
                    format!(
                        "{} scorecard(s) submitted after the decision",
                        decision.changed_after
                    ),
                );
            }
        } else {
            ui.weak("No decision yet");
        }
        if !d.owed.is_empty() {
            ui.label(format!("Scorecards still owed: {}", d.owed.len()));
            for owed in &d.owed {
                let state = cx.zone.due(owed.due, cx.now);
                ui.label(escape_line(&format!(
                    "• {} ({}), {state}",
                    owed.interviewer, owed.stage
                )));
            }
        }
        let record = cx.snapshot.candidate(candidate.as_str());
        let hiring_manager = record
            .and_then(|r| cx.snapshot.opening_of(&r.candidate))
            .map(|o| o.hiring_manager.clone());
        let me = InterviewerId::typed(&cx.settings.interviewer);
        let may_decide = cx.settings.coordinator
            || hiring_manager
                .as_deref()
                .is_some_and(|hm| me.as_ref().is_some_and(|me| me.is(hm)));
        if !may_decide {
            ui.weak(match &hiring_manager {
                Some(hm) => {
                    format!("{hm} (the hiring manager) or a coordinator records the decision")
                }
                None => "A coordinator records the decision (coordinator view)".to_owned(),
            });
            return;
        }
        if !self.open {
            let text = if d.decision.is_some() {
                "Change the decision…"
            } else {
                "Record a decision…"
            };
            if ui.button(text).clicked() {
                self.open = true;
            }
            return;
        }
        ui.horizontal(|ui| {
            for verdict in Verdict::ALL {
                ui.radio_value(&mut self.verdict, Some(verdict), verdict.label());
            }
        });
        ui.horizontal(|ui| {
            let label = ui.label("Your name");
            your_name_field(ui, label.id, cx, &mut self.new_names);
        });
        let label = ui.label("Rationale");
        ui.add(
            egui::TextEdit::multiline(&mut self.rationale)
                .hint_text("why, in a few sentences: the evidence the panel weighed")
                .desired_rows(3)
                .desired_width(480.0),
        )
        .labelled_by(label.id);
        ui.horizontal(|ui| {
            if ui.button("Record decision").clicked() {
                self.problem = None;
                match self.decision(cx, candidate) {
                    Err(problem) => self.problem = Some(problem),
                    Ok(decision) if !d.owed.is_empty() => self.confirm = Some(decision),
                    Ok(decision) => self.record(cx, decision),
                }
            }
            if ui.button("Cancel").clicked() {
                *self = Self::default();
            }
        });
        if let Some(problem) = &self.problem {
            ui.colored_label(ui.visuals().error_fg_color, problem);
        }
        self.confirm_ui(ui, cx, d);
    }

    /// The decision the form holds, or why it cannot be recorded.
    fn decision(&self, cx: &ViewContext<'_>, candidate: &Slug) -> Result<Decision, String> {
        let Some(verdict) = self.verdict else {
            return Err("Pick Hire or No hire first".to_owned());
        };
        if self.rationale.trim().is_empty() {
            return Err("Write the rationale first: a decision needs one".to_owned());
        }
        if InterviewerId::typed(&cx.settings.interviewer).is_none() {
            return Err("Type your name first: it goes into the decision".to_owned());
        }
        Ok(Decision {
            format: FormatVersion::CURRENT,
            candidate: candidate.clone(),
            decision: verdict,
            decided_by: cx.settings.interviewer.trim().to_owned(),
            decided_at: cx.now,
            rationale: self.rationale.trim().to_owned(),
        })
    }

    fn record(&mut self, cx: &mut ViewContext<'_>, decision: Decision) {
        cx.commands
            .push(Command::RecordDecision(Box::new(decision)));
        *self = Self::default();
    }

    fn confirm_ui(&mut self, ui: &mut egui::Ui, cx: &mut ViewContext<'_>, d: &Debrief) {
        let Some(decision) = self.confirm.clone() else {
            return;
        };
        let modal = egui::Modal::new(egui::Id::unique("confirm_decision")).show(ui.ctx(), |ui| {
            ui.heading("Scorecards are still owed");
            ui.label(format!(
                "{} scorecard(s) of this candidate's plan are not submitted:",
                d.owed.len()
            ));
            for owed in &d.owed {
                ui.label(escape_line(&format!(
                    "• {} ({})",
                    owed.interviewer, owed.stage
                )));
            }
            ui.label("Record the decision anyway?");
            ui.horizontal(|ui| {
                if ui.button("Record anyway").clicked() {
                    return Some(true);
                }
                ui.button("Wait for them").clicked().then_some(false)
            })
            .inner
        });
        match modal.inner {
            Some(true) => self.record(cx, decision),
            Some(false) => self.confirm = None,
            None if modal.should_close() => self.confirm = None,
            None => {}
        }
    }
}
