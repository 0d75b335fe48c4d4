//! Watching a folder tree with notify's watcher, where the app keeps no
//! watches of its own (every system but Linux).

use std::path::{Path, PathBuf};

use notify::{RecursiveMode, Watcher};

/// Notify's watcher, until dropped.
pub struct NotifyWatcher {
    _watcher: notify::RecommendedWatcher,
}

impl NotifyWatcher {
    /// Watches `root` and everything in it; `on_change` gets the paths of
    /// each event but an access.
    pub fn start(
        root: &Path,
        on_change: Box<dyn Fn(Vec<PathBuf>) + Send>,
    ) -> std::io::Result<Self> {
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
                // Empty batches are left out by the caller.
                if !event.kind.is_access() {
                    on_change(event.paths);
                }
            },
            config,
        )
        .map_err(std::io::Error::other)?;
        watcher
            .watch(root, RecursiveMode::Recursive)
            .map_err(std::io::Error::other)?;
        Ok(Self { _watcher: watcher })
    }
}
