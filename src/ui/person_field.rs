//! A field for an interviewer's name: it offers the workspace's known
//! interviewers as the name is typed (buttons under it, reachable by Tab
//! or a click), and asks "Did you mean Priya Raman?" when a name is close
//! to a known one but not it. A new name is allowed once the question is
//! answered; the answers are kept by the form in [`NewNames`].
//!
//! A field may hold one name or a list separated by commas (an opening's
//! panel at a stage); then the offer is for the name being typed last.

use crate::model::{InterviewerId, KnownPeople};

/// Names a user said are new people, not the known ones they resemble.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NewNames(Vec<InterviewerId>);

impl NewNames {
    /// Keeps `name` as a new person.
    pub fn keep(&mut self, name: &str) {
        if let Some(id) = InterviewerId::typed(name)
            && !self.0.contains(&id)
        {
            self.0.push(id);
        }
    }

    /// The known name `name` nearly is, unless it was answered as new.
    pub fn question<'a>(&self, known: &'a KnownPeople, name: &str) -> Option<&'a str> {
        let answered = InterviewerId::typed(name).is_some_and(|id| self.0.contains(&id));
        (!answered).then(|| known.near_miss(name)).flatten()
    }

    /// The first name of `names` still asked about, and what it resembles.
    pub fn first_question<'a, 'n>(
        &self,
        known: &'a KnownPeople,
        names: impl IntoIterator<Item = &'n str>,
    ) -> Option<(&'n str, &'a str)> {
        names
            .into_iter()
            .find_map(|name| self.question(known, name).map(|known| (name, known)))
    }
}

/// The question a save stops on: `did you mean Priya Raman? Use it, or
/// keep "Priya Ramen" as a new person`.
pub fn near_miss_problem(typed: &str, known: &str) -> String {
    format!("did you mean {known}? Use it, or keep {typed:?} as a new person")
}

/// The names of a comma-separated list, trimmed, blanks dropped.
pub fn names_in(list: &str) -> impl Iterator<Item = &str> {
    list.split(',').map(str::trim).filter(|n| !n.is_empty())
}

/// How a name field looks: what labels it, whether it holds a list, its
/// hint and width.
#[derive(Clone, Copy, Debug)]
pub struct PersonField<'a> {
    /// The label that names it for a screen reader.
    pub label: egui::Id,
    /// Whether it holds names separated by commas.
    pub list: bool,
    /// The hint shown while it is empty.
    pub hint: &'a str,
    /// Its width.
    pub width: f32,
}

impl PersonField<'_> {
    /// Draws the field holding `text`; returns whether the text changed.
    pub fn show(
        self,
        ui: &mut egui::Ui,
        text: &mut String,
        known: &KnownPeople,
        answers: &mut NewNames,
    ) -> bool {
        let list = self.list;
        let mut changed = false;
        ui.vertical(|ui| {
            let field = ui
                .add(
                    egui::TextEdit::singleline(text)
                        .hint_text(self.hint)
                        .desired_width(self.width),
                )
                .labelled_by(self.label);
            changed |= field.changed();
            if let Some(name) = offer_ui(ui, &field, text, list, known) {
                set_last(text, list, name);
                changed = true;
            }
            if !field.has_focus() {
                changed |= question_ui(ui, text, list, known, answers);
            }
        });
        changed
    }
}

/// *Your name*: the user's own name (kept in the settings), labelled by
/// `label`, with the team offered and a near miss asked about.
pub fn your_name_field(
    ui: &mut egui::Ui,
    label: egui::Id,
    cx: &mut super::ViewContext<'_>,
    answers: &mut NewNames,
) {
    PersonField {
        label,
        list: false,
        hint: "as your colleagues know you",
        width: 180.0,
    }
    .show(ui, &mut cx.settings.interviewer, cx.people, answers);
}

/// "Did you mean Priya Raman?" for the first name of `text` still asked
/// about, with a button to use the known name and one to keep the typed
/// one; returns whether the text changed.
fn question_ui(
    ui: &mut egui::Ui,
    text: &mut String,
    list: bool,
    known: &KnownPeople,
    answers: &mut NewNames,
) -> bool {
    let typed: Vec<String> = if list {
        names_in(text).map(str::to_owned).collect()
    } else {
        vec![text.trim().to_owned()]
    };
    let Some((typed, known_name)) = answers.first_question(known, typed.iter().map(String::as_str))
    else {
        return false;
    };
    let (typed, known_name) = (typed.to_owned(), known_name.to_owned());
    ui.colored_label(
        ui.visuals().warn_fg_color,
        format!("Did you mean {known_name}?"),
    );
    let mut changed = false;
    ui.horizontal(|ui| {
        if ui.button(format!("Use {known_name}")).clicked() {
            replace_name(text, list, &typed, &known_name);
            changed = true;
        }
        if ui.button(format!("Keep {typed} (a new person)")).clicked() {
            answers.keep(&typed);
        }
    });
    changed
}

/// The known names offered under `field`, kept on screen from when it
/// takes focus until one is picked, Escape, or the user goes elsewhere;
/// returns the one picked.
fn offer_ui<'k>(
    ui: &mut egui::Ui,
    field: &egui::Response,
    text: &str,
    list: bool,
    known: &'k KnownPeople,
) -> Option<&'k str> {
    let id = field.id.with("offering");
    let mut open = field.has_focus() || ui.data(|d| d.get_temp::<bool>(id)).unwrap_or(false);
    let mut picked = None;
    if open {
        let typing = if list {
            text.rsplit(',').next().unwrap_or_default()
        } else {
            text
        };
        let offered = known.suggestions(typing);
        let mut focus_here = field.has_focus();
        if !offered.is_empty() {
            ui.horizontal_wrapped(|ui| {
                ui.weak("Known:");
                for name in offered {
                    let button = ui.small_button(name);
                    let accessible = format!("Suggested: {name}");
                    button.widget_info(|| {
                        egui::WidgetInfo::labeled(egui::Role::Button, true, &accessible)
                    });
                    focus_here |= button.has_focus();
                    if button.clicked() {
                        picked = Some(name);
                    }
                }
            });
        }
        // A click, or focus, somewhere that is neither the field nor
        // one of its names.
        let went_elsewhere = !focus_here
            && (ui.input(|i| i.pointer.any_click()) || ui.memory(|m| m.focused().is_some()));
        let escaped = ui.input(|i| i.key_pressed(egui::Key::Escape));
        if picked.is_some() || went_elsewhere || escaped {
            open = false;
        }
    }
    ui.data_mut(|d| d.insert_temp(id, open));
    picked
}

/// Puts `name` as the field's name, or the list's last one.
fn set_last(text: &mut String, list: bool, name: &str) {
    if !list {
        name.clone_into(text);
        return;
    }
    let mut names: Vec<&str> = text.split(',').map(str::trim).collect();
    names.pop();
    names.push(name);
    *text = names.join(", ");
}

/// Puts `with` in place of the name `typed`.
fn replace_name(text: &mut String, list: bool, typed: &str, with: &str) {
    if !list {
        with.clone_into(text);
        return;
    }
    *text = names_in(text)
        .map(|n| if n == typed { with } else { n })
        .collect::<Vec<_>>()
        .join(", ");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_answered_near_miss_is_not_asked_again() {
        let known = KnownPeople::new(["Priya Raman", "Sam Lee"]);
        let mut answers = NewNames::default();
        assert_eq!(
            answers.first_question(&known, ["Sam Lee", "Priya Ramen"]),
            Some(("Priya Ramen", "Priya Raman"))
        );
        answers.keep("priya ramen");
        assert_eq!(answers.first_question(&known, ["Priya Ramen"]), None);
        assert_eq!(
            near_miss_problem("Priya Ramen", "Priya Raman"),
            "did you mean Priya Raman? Use it, or keep \"Priya Ramen\" as a new person"
        );
    }

    #[test]
    fn a_list_takes_the_pick_as_its_last_name() {
        let mut text = "Sam Lee, pri".to_owned();
        set_last(&mut text, true, "Priya Raman");
        assert_eq!(text, "Sam Lee, Priya Raman");
        replace_name(&mut text, true, "Sam Lee", "Sam Leigh");
        assert_eq!(text, "Sam Leigh, Priya Raman");
        let mut one = "pri".to_owned();
        set_last(&mut one, false, "Priya Raman");
        assert_eq!(one, "Priya Raman");
        assert_eq!(names_in(" a, ,b ").collect::<Vec<_>>(), ["a", "b"]);
    }
}
