//! Watching a folder tree on Linux: one inotify watch per folder, kept in
//! a [`WatchedTree`], read on a thread of its own.
//!
//! Only changes are asked for: no event for a file opened or read (the
//! app's own reads of the workspace made an event each through notify,
//! which cannot leave them out). A folder created (or moved in) is watched
//! at once, and what it already holds is reported with it, since files
//! may be written into it before its watch is set. When the kernel's queue
//! overflows, events were lost: every watched folder is reported, so the
//! app reads everything again rather than miss a file.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use inotify::{EventMask, Inotify, WatchDescriptor, WatchMask, Watches};

use super::watched_tree::WatchedTree;

/// What each folder's watch reports: files and folders created, written,
/// changed, removed or moved, and the folder itself removed or moved.
/// Only folders are watched, and links in the tree are not followed; the
/// root is, as the user named it (a workspace may live behind a link,
/// such as a synced folder's).
fn mask(root: bool) -> WatchMask {
    let mask = WatchMask::CREATE
        | WatchMask::DELETE
        | WatchMask::MODIFY
        | WatchMask::CLOSE_WRITE
        | WatchMask::ATTRIB
        | WatchMask::MOVED_FROM
        | WatchMask::MOVED_TO
        | WatchMask::DELETE_SELF
        | WatchMask::MOVE_SELF
        | WatchMask::ONLYDIR;
    if root {
        mask
    } else {
        mask | WatchMask::DONT_FOLLOW
    }
}

/// The watching thread, until dropped.
pub struct TreeWatcher {
    watches: Watches,
    root: WatchDescriptor,
    root_path: PathBuf,
    stop: Arc<AtomicBool>,
}

impl TreeWatcher {
    /// Watches every folder under `root` (links not followed), then calls
    /// `on_change` on a thread of its own with the paths of each batch of
    /// events read (empty when none names a path: the caller leaves those
    /// out).
    pub fn start(
        root: &Path,
        on_change: Box<dyn Fn(Vec<PathBuf>) + Send>,
    ) -> std::io::Result<Self> {
        let mut inotify = Inotify::init()?;
        let mut tree = WatchedTree::new(root);
        let mut watches = inotify.watches();
        let Some(root_wd) = watch_folder(
            &mut watches,
            &mut tree,
            root,
            None,
            Walk::Start,
            &mut Vec::new(),
        )?
        else {
            return Err(std::io::Error::other("the folder is not watched"));
        };
        tree.shrink_to_fit();
        log::debug!("watching {} folders under {}", tree.len(), root.display());
        let stop = Arc::new(AtomicBool::new(false));
        let stopped = Arc::clone(&stop);
        std::thread::Builder::new()
            .name("folder-events".to_owned())
            .spawn(move || read_events(&mut inotify, &mut tree, &stopped, &*on_change))?;
        Ok(Self {
            watches,
            root: root_wd,
            root_path: root.to_path_buf(),
            stop,
        })
    }
}

impl Drop for TreeWatcher {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        // Ending the root's watch makes an event, which wakes the thread
        // out of its read; it then sees `stop`. If that watch is gone
        // already (the root removed, its last event lost in an overflow),
        // a watch set and ended at once makes the event instead.
        if self.watches.remove(self.root.clone()).is_err()
            && let Ok(wd) = self.watches.add(&self.root_path, mask(true))
        {
            let _ = self.watches.remove(wd);
        }
    }
}

/// Why a folder tree is walked.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Walk {
    /// The first walk: the root must be watched, and the kernel's limit
    /// reached is an error (live updates would miss folders); a folder
    /// gone or unreadable meanwhile is left out.
    Start,
    /// A folder made or moved in, or everything again after an overflow:
    /// what cannot be watched is left out, with a log line; every file
    /// and folder seen is reported.
    Later,
}

/// Watches `dir` (of the folder of watch `parent`; `None`: the root) and
/// every folder under it; with [`Walk::Later`], `found` gets the path of
/// each file and folder seen, since they may have been written before
/// their folder's watch was set. Returns the watch of `dir` itself, if it
/// could be watched.
fn watch_folder(
    watches: &mut Watches,
    tree: &mut WatchedTree<WatchDescriptor>,
    dir: &Path,
    parent: Option<i32>,
    walk: Walk,
    found: &mut Vec<PathBuf>,
) -> std::io::Result<Option<WatchDescriptor>> {
    let mut first = None;
    let mut pending = vec![(dir.to_path_buf(), parent)];
    while let Some((dir, parent)) = pending.pop() {
        let wd = match watches.add(&dir, mask(parent.is_none())) {
            Ok(wd) => wd,
            Err(err) => {
                let fatal = walk == Walk::Start
                    && (first.is_none() || err.raw_os_error() == Some(libc::ENOSPC));
                if fatal {
                    return Err(std::io::Error::new(
                        err.kind(),
                        format!("cannot watch {}: {err}", dir.display()),
                    ));
                }
                log::warn!("cannot watch {}: {err}", dir.display());
                continue;
            }
        };
        let id = wd.get_watch_descriptor_id();
        first.get_or_insert_with(|| wd.clone());
        let name = dir.file_name().unwrap_or_else(|| OsStr::new(""));
        tree.insert(id, wd, parent, name);
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            // The entry's own type: a link to a folder is not a folder.
            if entry.file_type().is_ok_and(|t| t.is_dir()) {
                pending.push((path.clone(), Some(id)));
            }
            if walk == Walk::Later {
                found.push(path);
            }
        }
    }
    Ok(first)
}

/// The thread: reads events until `stop`, or until the root is gone.
fn read_events(
    inotify: &mut Inotify,
    tree: &mut WatchedTree<WatchDescriptor>,
    stop: &AtomicBool,
    on_change: &dyn Fn(Vec<PathBuf>),
) {
    let mut watches = inotify.watches();
    let mut buffer = vec![0; 64 * 1024];
    loop {
        let events = match inotify.read_events_blocking(&mut buffer) {
            Ok(events) => events,
            Err(err) if err.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(err) => {
                log::warn!("live updates end: cannot read the folder's events: {err}");
                return;
            }
        };
        if stop.load(Ordering::Relaxed) {
            return;
        }
        let mut paths = Vec::new();
        for event in events {
            let id = event.wd.get_watch_descriptor_id();
            if event.mask.contains(EventMask::Q_OVERFLOW) {
                log::warn!(
                    "the folder's events came too fast for the kernel's queue; reading it all again"
                );
                // Folders made while events were lost are watched now, and
                // every file and folder is reported, so the app reads it
                // all again.
                let root = tree.root().to_path_buf();
                let _ = watch_folder(&mut watches, tree, &root, None, Walk::Later, &mut paths);
                continue;
            }
            if event.mask.contains(EventMask::IGNORED) {
                let was_root = tree.is_root(id);
                tree.remove(id);
                // Folders whose ends were lost in an overflow may linger:
                // the root's end is the watch's.
                if was_root || tree.is_empty() {
                    // The root itself is gone.
                    on_change(paths);
                    return;
                }
                continue;
            }
            let Some(dir) = tree.path(id) else {
                continue;
            };
            if event.mask.contains(EventMask::MOVE_SELF) && tree.is_root(id) {
                // Every path from now on would name the old place: stop,
                // and the app says live updates stopped.
                log::warn!(
                    "live updates end: the workspace folder {} was moved or renamed",
                    dir.display()
                );
                on_change(paths);
                return;
            }
            let Some(name) = event.name else {
                paths.push(dir);
                continue;
            };
            let path = dir.join(name);
            if event.mask.contains(EventMask::ISDIR) {
                if event.mask.contains(EventMask::MOVED_FROM) {
                    // Moved away: its watches go; moved within the tree,
                    // its new place is watched again below.
                    if let Some(child) = tree.child(id, name) {
                        for gone in tree.subtree(child) {
                            if let Some(wd) = tree.remove(gone) {
                                let _ = watches.remove(wd);
                            }
                        }
                    }
                } else if event
                    .mask
                    .intersects(EventMask::CREATE | EventMask::MOVED_TO)
                {
                    let _ =
                        watch_folder(&mut watches, tree, &path, Some(id), Walk::Later, &mut paths);
                }
            }
            paths.push(path);
        }
        on_change(paths);
    }
}
