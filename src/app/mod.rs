//! The desktop app: the event loop, and the workers that do its I/O.

use std::process::ExitCode;
use std::sync::mpsc;

use crate::io::{Workspace, WorkspaceSnapshot};
use crate::ui::file_errors_ui;

/// Opens the window on `workspace` and returns when it closes.
pub fn run(workspace: Workspace) -> anyhow::Result<ExitCode> {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Scorecard")
            .with_app_id("scorecard")
            .with_inner_size([1100.0, 720.0])
            .with_min_inner_size([640.0, 420.0]),
        ..Default::default()
    };
    eframe::run_native(
        "scorecard",
        options,
        Box::new(move |cc| Ok(Box::new(ScorecardApp::new(&cc.egui_ctx, workspace)))),
    )
    .map_err(|e| anyhow::anyhow!("cannot open the window: {e}"))?;
    Ok(ExitCode::SUCCESS)
}

/// The app's state.
pub struct ScorecardApp {
    workspace: Workspace,
    snapshot: Option<WorkspaceSnapshot>,
    loading: Option<mpsc::Receiver<WorkspaceSnapshot>>,
}

impl ScorecardApp {
    /// Starts reading `workspace` on a worker thread; the first frame does
    /// not wait for it.
    pub fn new(ctx: &egui::Context, workspace: Workspace) -> Self {
        let (sender, receiver) = mpsc::channel();
        let worker_ctx = ctx.clone();
        let worker_workspace = workspace.clone();
        std::thread::spawn(move || {
            let snapshot = worker_workspace.load();
            let _receiver_gone = sender.send(snapshot);
            worker_ctx.request_repaint();
        });
        Self {
            workspace,
            snapshot: None,
            loading: Some(receiver),
        }
    }

    /// What was read, once reading finished.
    pub fn snapshot(&self) -> Option<&WorkspaceSnapshot> {
        self.snapshot.as_ref()
    }
}

impl eframe::App for ScorecardApp {
    fn logic(&mut self, _ctx: &egui::Context, _frame: &mut eframe::Frame) {
        if let Some(receiver) = &self.loading
            && let Ok(snapshot) = receiver.try_recv()
        {
            self.snapshot = Some(snapshot);
            self.loading = None;
        }
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        egui::Panel::top("top_bar").show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.heading("Scorecard");
                ui.label(format!("workspace {}", self.workspace.root().display()));
            });
        });
        egui::CentralPanel::default().show(ui, |ui| {
            let Some(snapshot) = &self.snapshot else {
                ui.spinner();
                return;
            };
            ui.heading("Templates");
            for entry in snapshot.templates.iter() {
                let t = &entry.template;
                ui.label(format!(
                    "{} — {} ({} dimensions, {})",
                    t.role,
                    t.level,
                    t.dimensions.len(),
                    entry.source.describe()
                ));
            }
            ui.add_space(8.0);
            ui.label(format!("{} candidate(s)", snapshot.candidates.len()));
            file_errors_ui(ui, &snapshot.errors);
        });
    }
}
