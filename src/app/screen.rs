//! Which screen the app shows, with the state each screen keeps.

use crate::ui::{
    CompareScreen, DebriefScreen, ImportScreen, InterviewScreen, InterviewersScreen,
    OpeningsScreen, PracticeScreen, SetupScreen, TemplatesScreen, ValidityScreen,
};

/// Which screen is shown.
pub enum Screen {
    /// Candidates and drafts.
    Home,
    /// A candidate's page.
    Setup(SetupScreen),
    /// Scoring.
    Interview(Box<InterviewScreen>),
    /// A candidate's debrief.
    Debrief(DebriefScreen),
    /// Candidates side by side.
    Compare(CompareScreen),
    /// Templates: list, preview, edit.
    Templates(TemplatesScreen),
    /// Frame-of-reference practice.
    Practice(PracticeScreen),
    /// The interviewer view: calibration figures.
    Interviewers(InterviewersScreen),
    /// Openings: list, create, edit, put on hold, close.
    Openings(OpeningsScreen),
    /// Invites or candidates from a file: preview, then apply.
    Import(ImportScreen),
    /// The local validity study.
    Validity(ValidityScreen),
}

impl Screen {
    /// The screen's name, as the frame stats write it.
    pub fn name(&self) -> &'static str {
        match self {
            Screen::Home => "home",
            Screen::Setup(_) => "setup",
            Screen::Interview(_) => "interview",
            Screen::Debrief(_) => "debrief",
            Screen::Compare(_) => "compare",
            Screen::Templates(_) => "templates",
            Screen::Practice(_) => "practice",
            Screen::Interviewers(_) => "interviewers",
            Screen::Openings(_) => "openings",
            Screen::Import(_) => "import",
            Screen::Validity(_) => "validity",
        }
    }
}
