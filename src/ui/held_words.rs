//! The prompt for words no write could take (their file would not, and
//! neither would a copy beside it, after every attempt): they are held in
//! memory, the window stays open, and the user says where they go — try
//! again, save them as a file of their choosing, or discard them on
//! purpose. Nothing else drops them.

use std::path::{Path, PathBuf};

use super::Command;
use crate::model::Scorecard;

/// Words no write could put on disk, waiting for the user's choice.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct HeldWords<'a> {
    /// The scorecard's file.
    pub file: &'a Path,
    /// Where the copy was to be written (it names the held words in the
    /// commands that settle them).
    pub copy: &'a Path,
    /// The words.
    pub scorecard: &'a Scorecard,
    /// Why the last write failed.
    pub reason: &'a str,
}

/// What the prompt remembers between frames.
#[derive(Debug, Default)]
pub struct HeldWordsPrompt {
    /// Which held words the fields are for (other words start afresh).
    for_copy: PathBuf,
    /// Where *Save my words as…* writes, as typed (or chosen in the file
    /// dialog).
    pub path: String,
    /// *Discard these words…* was pressed: the choice is asked again.
    confirm_discard: bool,
}

impl HeldWordsPrompt {
    /// Draws the prompt over everything; returns what the user chose.
    /// `candidate` is the candidate's name as shown (an alias in blind
    /// mode).
    pub fn ui(
        &mut self,
        ctx: &egui::Context,
        held: &HeldWords<'_>,
        candidate: &str,
    ) -> Option<Command> {
        if self.for_copy != held.copy {
            *self = Self {
                for_copy: held.copy.to_path_buf(),
                ..Self::default()
            };
        }
        let copy = || held.copy.to_path_buf();
        let mut command = None;
        egui::Modal::new(egui::Id::unique("held_words")).show(ctx, |ui| {
            ui.set_max_width(560.0);
            ui.heading("Your words are not on disk yet");
            ui.label(format!(
                "They could not be saved in {} nor written beside it: {}",
                file_name(held.file),
                held.reason
            ));
            ui.label(summary(held.scorecard, candidate));
            ui.label(
                "The window stays open until they are written somewhere, or you discard them.",
            );
            if ui.button("Try again").clicked() {
                command = Some(Command::RetryHeldWords(copy()));
            }
            ui.separator();
            ui.horizontal(|ui| {
                let label = ui.label("Save them as");
                ui.add(
                    egui::TextEdit::singleline(&mut self.path)
                        .hint_text("a new file, outside the workspace's data folders")
                        .desired_width(300.0),
                )
                .labelled_by(label.id);
                if ui.button("Browse…").clicked() {
                    command = Some(Command::ChooseExportPath {
                        suggested: file_name(held.file),
                    });
                }
            });
            if ui.button("Save my words as…").clicked() {
                command = Some(Command::SaveHeldWordsAs {
                    copy: copy(),
                    path: PathBuf::from(self.path.trim()),
                });
            }
            ui.separator();
            if self.confirm_discard {
                ui.colored_label(
                    ui.visuals().error_fg_color,
                    "Discarded words are gone for good: nothing else holds them.",
                );
                ui.horizontal(|ui| {
                    if ui.button("Discard for good").clicked() {
                        command = Some(Command::DiscardHeldWords(copy()));
                    }
                    if ui.button("Keep them").clicked() {
                        self.confirm_discard = false;
                    }
                });
            } else if ui.button("Discard these words…").clicked() {
                self.confirm_discard = true;
            }
        });
        command
    }
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

/// What the held words hold, in a line: whose, for whom, and how much
/// was written (ratings, and the characters of evidence, red flags and
/// notes together).
fn summary(scorecard: &Scorecard, candidate: &str) -> String {
    let stage = if scorecard.stage.is_empty() {
        "the general interview".to_owned()
    } else {
        format!("stage {}", scorecard.stage)
    };
    let written: usize = scorecard
        .ratings
        .values()
        .map(|r| r.evidence.chars().count())
        .chain(
            scorecard
                .unrated_evidence
                .values()
                .map(|e| e.chars().count()),
        )
        .chain(scorecard.red_flags.iter().map(|f| f.chars().count()))
        .chain(std::iter::once(scorecard.notes.chars().count()))
        .sum();
    format!(
        "{}'s scorecard of {candidate} at {stage}: {} rating(s), {written} character(s) of evidence, red flags and notes.",
        scorecard.interviewer,
        scorecard.ratings.len(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Rating, Slug};

    #[test]
    fn the_summary_counts_every_word_written() {
        let mut scorecard = Scorecard::draft(
            Slug::new("c-1").unwrap(),
            Slug::new("infrastructure-engineer").unwrap(),
            1,
            "Sam Tester",
            "",
            "2026-11-21T10:00:00Z".parse().unwrap(),
        );
        scorecard.set_rating(&Slug::new("fundamentals").unwrap(), Rating::Meets);
        scorecard.notes = "abc".to_owned();
        scorecard.red_flags.push("de".to_owned());
        assert_eq!(
            summary(&scorecard, "Jonas Krüger"),
            "Sam Tester's scorecard of Jonas Krüger at the general interview: 1 rating(s), 5 character(s) of evidence, red flags and notes."
        );
    }
}
