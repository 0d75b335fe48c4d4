//! The desktop app driven headlessly, as an interviewer would use it
//! (egui_kittest: find widgets by their label, click, type, press keys).

// Helpers outside #[test] functions unwrap too: in a test, a panic is a failure.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod calibration;
mod closing;
mod evidence;
mod harness;
mod hiring_loop;
mod home;
mod hygiene;
mod import;
mod interview;
mod panel;
mod plan;
mod reminders;
mod safety;
mod sync;
mod templates;
mod top_bar;
mod validity;
