//! Watching the workspace folder, so a colleague's submission (brought by a
//! sync tool) or a template edited in a text editor shows up by itself.

use std::path::{Path, PathBuf};

use notify::{RecursiveMode, Watcher};

use super::{StoreError, write_private_dir};

/// Watches a folder and everything in it until dropped.
pub struct FolderWatcher {
    _watcher: notify::RecommendedWatcher,
}

impl FolderWatcher {
    /// Calls `on_change` (on notify's thread) with the paths of every batch
    /// of changes under `root`, which is created if missing. Our own
    /// temporary files are left out.
    pub fn start(
        root: &Path,
        on_change: impl Fn(Vec<PathBuf>) + Send + 'static,
    ) -> Result<Self, StoreError> {
        write_private_dir(root)?;
        // Links are not followed here either (DESIGN.md "Workspace
        // hygiene"): notify's default walks into them, so a link to `/` in
        // a candidate folder would have watched the whole disk.
        let config = notify::Config::default().with_follow_symlinks(false);
        let mut watcher = notify::RecommendedWatcher::new(
            move |event: notify::Result<notify::Event>| {
                // A watcher error (too many files for inotify, say) only means
                // no live updates; the app still reads on demand.
                let Ok(event) = event else {
                    return;
                };
                if event.kind.is_access() {
                    return;
                }
                let paths: Vec<PathBuf> = event
                    .paths
                    .into_iter()
                    .filter(|p| {
                        !p.file_name()
                            .and_then(|n| n.to_str())
                            .is_some_and(|n| n.starts_with(".scorecard-"))
                    })
                    .collect();
                if !paths.is_empty() {
                    on_change(paths);
                }
            },
            config,
        )
        .map_err(|e| StoreError::io(root, std::io::Error::other(e)))?;
        watcher
            .watch(root, RecursiveMode::Recursive)
            .map_err(|e| StoreError::io(root, std::io::Error::other(e)))?;
        Ok(Self { _watcher: watcher })
    }
}
