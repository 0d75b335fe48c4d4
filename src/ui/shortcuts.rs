//! Every keyboard shortcut, in one table ([`UiCommand::ALL`]): the key
//! handling and the F1 overlay both read it, so they cannot disagree
//! (rerun's `re_ui` `UICommand` is the model).

use egui::{Event, Key, KeyboardShortcut, Modifiers};

use crate::model::Rating;

/// A command given from the keyboard.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum UiCommand {
    /// Rate the current dimension *does not meet*.
    RateDoesNotMeet,
    /// Rate the current dimension *partially meets*.
    RatePartiallyMeets,
    /// Rate the current dimension *meets*.
    RateMeets,
    /// Rate the current dimension *exceeds*.
    RateExceeds,
    /// Mark the current dimension *no signal*.
    RateNoSignal,
    /// Go to the next dimension.
    NextDimension,
    /// Go to the previous dimension.
    PreviousDimension,
    /// Put the cursor into the evidence note.
    WriteEvidence,
    /// Insert the elapsed time (`[12:34] `) into the evidence note.
    StampTime,
    /// Leave the evidence note, so keys rate again. The text field lets go
    /// of the focus on Esc by itself; the entry is here for the overlay.
    LeaveEvidence,
    /// Start or pause the exercise timer.
    ToggleTimer,
    /// Show or hide the list of shortcuts. The app handles it, on every
    /// screen: `UiCommand::ToggleHelp.consumed(ctx)`.
    ToggleHelp,
}

/// A shortcut with no modifier.
const fn plain(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::NONE, key)
}

/// A shortcut with `Ctrl` (`Cmd` on macOS).
const fn command(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::COMMAND, key)
}

impl UiCommand {
    /// Every command, in the order the F1 overlay lists them.
    pub const ALL: [Self; 12] = [
        Self::RateDoesNotMeet,
        Self::RatePartiallyMeets,
        Self::RateMeets,
        Self::RateExceeds,
        Self::RateNoSignal,
        Self::NextDimension,
        Self::PreviousDimension,
        Self::WriteEvidence,
        Self::StampTime,
        Self::LeaveEvidence,
        Self::ToggleTimer,
        Self::ToggleHelp,
    ];

    /// The keys that give this command, the main one first.
    pub fn shortcuts(self) -> &'static [KeyboardShortcut] {
        match self {
            Self::RateDoesNotMeet => const { &[plain(Key::Num1)] },
            Self::RatePartiallyMeets => const { &[plain(Key::Num2)] },
            Self::RateMeets => const { &[plain(Key::Num3)] },
            Self::RateExceeds => const { &[plain(Key::Num4)] },
            Self::RateNoSignal => const { &[plain(Key::Num0)] },
            Self::NextDimension => const { &[plain(Key::ArrowDown), plain(Key::J)] },
            Self::PreviousDimension => const { &[plain(Key::ArrowUp), plain(Key::K)] },
            Self::WriteEvidence => const { &[command(Key::E)] },
            Self::StampTime => const { &[command(Key::T)] },
            Self::LeaveEvidence => const { &[plain(Key::Escape)] },
            Self::ToggleTimer => const { &[command(Key::P)] },
            Self::ToggleHelp => const { &[plain(Key::F1)] },
        }
    }

    /// What the command does, for the overlay.
    pub fn text(self) -> &'static str {
        match self {
            Self::RateDoesNotMeet => "rate: does not meet",
            Self::RatePartiallyMeets => "rate: partially meets",
            Self::RateMeets => "rate: meets",
            Self::RateExceeds => "rate: exceeds",
            Self::RateNoSignal => "no signal (not assessed)",
            Self::NextDimension => "next dimension",
            Self::PreviousDimension => "previous dimension",
            Self::WriteEvidence => "write evidence for this dimension",
            Self::StampTime => "insert the elapsed time [mm:ss]",
            Self::LeaveEvidence => "leave the evidence note (keys rate again)",
            Self::ToggleTimer => "start or pause the timer",
            Self::ToggleHelp => "show or hide this list",
        }
    }

    /// The rating this command gives, if it rates.
    pub fn rating(self) -> Option<Rating> {
        match self {
            Self::RateDoesNotMeet => Some(Rating::DoesNotMeet),
            Self::RatePartiallyMeets => Some(Rating::PartiallyMeets),
            Self::RateMeets => Some(Rating::Meets),
            Self::RateExceeds => Some(Rating::Exceeds),
            Self::RateNoSignal => Some(Rating::NoSignal),
            _ => None,
        }
    }

    /// Whether the command works while a text field has the focus. Keys
    /// without a modifier are text there, except Esc and F1.
    pub fn works_while_typing(self) -> bool {
        self.shortcuts()
            .iter()
            .all(|s| !s.modifiers.is_none() || matches!(s.logical_key, Key::Escape | Key::F1))
    }

    /// Whether a key press with `modifiers` gives this command. Extra Shift
    /// and Alt are ignored, as [`egui::InputState::consume_shortcut`] does.
    pub fn matches(self, key: Key, modifiers: Modifiers) -> bool {
        self.shortcuts()
            .iter()
            .any(|s| s.logical_key == key && modifiers.matches_logically(s.modifiers))
    }

    /// The command a key press gives, if any.
    pub fn for_key(key: Key, modifiers: Modifiers) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.matches(key, modifiers))
    }

    /// The keys as the overlay shows them: "Down / J", "Ctrl+E".
    pub fn keys_text(self, ctx: &egui::Context) -> String {
        let keys: Vec<String> = self
            .shortcuts()
            .iter()
            .map(|s| ctx.format_shortcut(s))
            .collect();
        keys.join(" / ")
    }

    /// Whether this command's key was pressed this frame; the presses are
    /// consumed, so nothing else reacts to them. For commands handled in
    /// one place, such as [`Self::ToggleHelp`] in the app.
    pub fn consumed(self, ctx: &egui::Context) -> bool {
        ctx.input_mut(|i| {
            let mut found = false;
            i.events.retain(|event| {
                let hit = key_press(event).is_some_and(|(key, mods)| self.matches(key, mods));
                found |= hit;
                !hit
            });
            found
        })
    }

    /// The commands among `wanted` pressed this frame, in the order they were
    /// pressed (several keys can arrive within one frame: a fast typist's
    /// `3 ↓ 4` is three commands). Their presses are consumed; every other
    /// event stays for the widgets.
    pub fn take_pressed(ctx: &egui::Context, wanted: impl Fn(Self) -> bool) -> Vec<Self> {
        ctx.input_mut(|i| {
            let mut pressed = Vec::new();
            i.events.retain(|event| {
                let command = key_press(event)
                    .and_then(|(key, mods)| Self::for_key(key, mods))
                    .filter(|c| wanted(*c));
                if let Some(command) = command {
                    pressed.push(command);
                }
                command.is_none()
            });
            pressed
        })
    }

    /// Rows of the F1 overlay, one per command: keys, then what they do.
    pub fn help_rows(ctx: &egui::Context) -> Vec<(String, &'static str)> {
        Self::ALL
            .into_iter()
            .map(|c| (c.keys_text(ctx), c.text()))
            .collect()
    }
}

/// The key and modifiers of a key press (repeats included, as egui's
/// `consume_key` counts them), or `None` for any other event.
fn key_press(event: &Event) -> Option<(Key, Modifiers)> {
    match event {
        Event::Key {
            key,
            pressed: true,
            modifiers,
            ..
        } => Some((*key, *modifiers)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_command_is_in_the_overlay() {
        let ctx = egui::Context::default();
        let rows = UiCommand::help_rows(&ctx);
        assert_eq!(rows.len(), UiCommand::ALL.len());
        for command in UiCommand::ALL {
            assert!(
                rows.contains(&(command.keys_text(&ctx), command.text())),
                "{command:?}"
            );
            assert!(!command.shortcuts().is_empty(), "{command:?} has no key");
        }
        assert!(rows.contains(&("Down / J".to_owned(), "next dimension")));
        assert!(rows.contains(&("Ctrl+E".to_owned(), "write evidence for this dimension")));
    }

    #[test]
    fn no_two_commands_share_a_key() {
        let all: Vec<(UiCommand, KeyboardShortcut)> = UiCommand::ALL
            .into_iter()
            .flat_map(|c| c.shortcuts().iter().map(move |s| (c, *s)))
            .collect();
        for (i, (a, sa)) in all.iter().enumerate() {
            for (b, sb) in &all[i + 1..] {
                assert!(sa != sb, "{a:?} and {b:?} share {sa:?}");
                // Nor does one shadow another (Shift and Alt are ignored).
                assert!(
                    !(sa.logical_key == sb.logical_key
                        && (sa.modifiers.matches_logically(sb.modifiers)
                            || sb.modifiers.matches_logically(sa.modifiers))),
                    "{a:?} and {b:?} overlap on {sa:?}"
                );
            }
        }
    }

    #[test]
    fn keys_find_their_command() {
        assert_eq!(
            UiCommand::for_key(Key::Num3, Modifiers::NONE),
            Some(UiCommand::RateMeets)
        );
        assert_eq!(
            UiCommand::for_key(Key::J, Modifiers::NONE),
            Some(UiCommand::NextDimension)
        );
        assert_eq!(
            UiCommand::for_key(Key::E, Modifiers::COMMAND),
            Some(UiCommand::WriteEvidence)
        );
        // Ctrl+3 is not a rating.
        assert_eq!(UiCommand::for_key(Key::Num3, Modifiers::COMMAND), None);
        assert_eq!(UiCommand::RateNoSignal.rating(), Some(Rating::NoSignal));
        assert_eq!(UiCommand::NextDimension.rating(), None);
    }

    #[test]
    fn only_modified_keys_esc_and_f1_work_while_typing() {
        let typing: Vec<UiCommand> = UiCommand::ALL
            .into_iter()
            .filter(|c| c.works_while_typing())
            .collect();
        assert_eq!(
            typing,
            [
                UiCommand::WriteEvidence,
                UiCommand::StampTime,
                UiCommand::LeaveEvidence,
                UiCommand::ToggleTimer,
                UiCommand::ToggleHelp,
            ]
        );
    }
}
