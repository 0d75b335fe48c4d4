//! Every keyboard shortcut, in one place: the handlers and the F1 overlay
//! read the same table, so the overlay cannot go stale.

use egui::{Key, KeyboardShortcut, Modifiers};

/// Shortcuts with modifiers, which also work while typing evidence.
pub struct Shortcuts;

impl Shortcuts {
    /// Insert the elapsed time (`[12:34] `) into the evidence note.
    pub const STAMP: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::T);
    /// Put the cursor into the evidence note.
    pub const EVIDENCE: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::E);
    /// Start or pause the exercise timer.
    pub const TIMER: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::P);

    /// Keys to rate the current dimension, with their score (0 = no signal).
    pub const RATING_KEYS: [(Key, u8); 5] = [
        (Key::Num0, 0),
        (Key::Num1, 1),
        (Key::Num2, 2),
        (Key::Num3, 3),
        (Key::Num4, 4),
    ];

    /// Rows of the F1 overlay: keys, then what they do.
    pub fn help_rows(ctx: &egui::Context) -> Vec<(String, &'static str)> {
        vec![
            (
                "1 2 3 4".to_owned(),
                "rate: does not meet, partially meets, meets, exceeds",
            ),
            ("0".to_owned(), "no signal (not assessed)"),
            ("Down / J, Up / K".to_owned(), "next, previous dimension"),
            (
                ctx.format_shortcut(&Self::EVIDENCE),
                "write evidence for this dimension",
            ),
            (
                ctx.format_shortcut(&Self::STAMP),
                "insert the elapsed time [mm:ss]",
            ),
            (
                "Esc".to_owned(),
                "leave the evidence note (keys rate again)",
            ),
            (
                ctx.format_shortcut(&Self::TIMER),
                "start or pause the timer",
            ),
            ("F1".to_owned(), "show or hide this list"),
        ]
    }
}
