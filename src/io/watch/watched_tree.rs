//! The folders a watcher watches, by the number the kernel gave each
//! watch, as a tree: each folder knows its parent and its own name, so a
//! path is put together when an event needs it instead of being kept
//! whole for every folder. At 100,000 scorecards (52,000 folders) this is
//! 2.0 MiB where notify's map of full paths each way held 11.1 MiB
//! (BENCHMARKS.md §10, `benches/heap_split.rs`).
//!
//! A plain struct: the watcher's thread drives it, and it is tested
//! without the kernel. `H` is what removes a watch again (inotify's
//! descriptor; anything in tests).

use std::ffi::OsStr;
use std::path::{Path, PathBuf};

use std::os::unix::ffi::OsStrExt;

/// A folder's parent and name are this deep at most: a longer chain is
/// not followed (a guard; folders cannot contain themselves).
const MAX_DEPTH: usize = 256;

/// One watched folder.
#[derive(Clone, Debug)]
struct Folder<H> {
    handle: H,
    /// The parent's watch number; `None` for the root.
    parent: Option<i32>,
    /// Where the name is in `names`.
    name_at: u32,
    name_len: u32,
}

/// The watched folders under one root.
#[derive(Debug)]
pub struct WatchedTree<H> {
    root: PathBuf,
    /// By watch number (the kernel counts them up from 1).
    folders: Vec<Option<Folder<H>>>,
    /// Every name, one after the other; a folder let go of leaves its
    /// name here (folders come and go rarely; one watched again in the
    /// same place keeps its name).
    names: Vec<u8>,
    watched: usize,
}

impl<H> WatchedTree<H> {
    /// An empty tree under `root`.
    pub fn new(root: &Path) -> Self {
        Self {
            root: root.to_path_buf(),
            folders: Vec::new(),
            names: Vec::new(),
            watched: 0,
        }
    }

    /// The folder watched.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// How many folders are watched.
    pub fn len(&self) -> usize {
        self.watched
    }

    /// Whether none is.
    pub fn is_empty(&self) -> bool {
        self.watched == 0
    }

    /// Notes watch `id` on the folder `name` in the folder of watch
    /// `parent` (`None`: the root itself, and `name` is not used). The
    /// kernel gives a folder that still has a watch the same number when
    /// it is watched again (after an overflow, say): then its place and
    /// name are updated. A new watch gets a new, higher number.
    pub fn insert(&mut self, id: i32, handle: H, parent: Option<i32>, name: &OsStr) {
        let Ok(index) = usize::try_from(id) else {
            return;
        };
        if self.folders.len() <= index {
            self.folders.resize_with(index + 1, || None);
        }
        let bytes = name_bytes(name);
        // Watched again in the same place (an overflow walks the whole
        // tree again): its name is kept where it is, not added again.
        let same_place = self.folders[index]
            .as_ref()
            .filter(|f| f.parent == parent && self.name(f) == bytes)
            .map(|f| (f.name_at, f.name_len));
        let (name_at, name_len) = match (same_place, parent) {
            (Some(place), _) => place,
            (None, None) => (0, 0),
            (None, Some(_)) => {
                let at = self.names.len();
                self.names.extend_from_slice(bytes);
                (
                    u32::try_from(at).unwrap_or(u32::MAX),
                    u32::try_from(bytes.len()).unwrap_or(0),
                )
            }
        };
        let slot = &mut self.folders[index];
        if slot.is_none() {
            self.watched += 1;
        }
        *slot = Some(Folder {
            handle,
            parent,
            name_at,
            name_len,
        });
    }

    /// Gives back the room kept for more folders (after the first walk).
    pub fn shrink_to_fit(&mut self) {
        self.folders.shrink_to_fit();
        self.names.shrink_to_fit();
    }

    /// Whether watch `id` is the root's.
    pub fn is_root(&self, id: i32) -> bool {
        self.folder(id).is_some_and(|f| f.parent.is_none())
    }

    /// Lets go of watch `id` (the kernel ended it, or it is removed);
    /// returns its handle.
    pub fn remove(&mut self, id: i32) -> Option<H> {
        let slot = self.folders.get_mut(usize::try_from(id).ok()?)?;
        let folder = slot.take()?;
        self.watched -= 1;
        Some(folder.handle)
    }

    /// The path of the folder of watch `id`.
    pub fn path(&self, id: i32) -> Option<PathBuf> {
        let mut names = Vec::new();
        let mut at = self.folder(id)?;
        for _ in 0..MAX_DEPTH {
            let Some(parent) = at.parent else {
                let mut path = self.root.clone();
                path.extend(names.iter().rev().map(|n: &&[u8]| os_str(n)));
                return Some(path);
            };
            names.push(self.name(at));
            at = self.folder(parent)?;
        }
        None
    }

    /// The watch of the folder `name` in the folder of watch `parent`.
    pub fn child(&self, parent: i32, name: &OsStr) -> Option<i32> {
        let bytes = name_bytes(name);
        self.ids().find(|&id| {
            self.folder(id)
                .is_some_and(|f| f.parent == Some(parent) && self.name(f) == bytes)
        })
    }

    /// Watch `id` and the watches of every folder under it.
    pub fn subtree(&self, id: i32) -> Vec<i32> {
        self.ids()
            .filter(|&other| self.is_under(other, id))
            .collect()
    }

    fn ids(&self) -> impl Iterator<Item = i32> + '_ {
        self.folders
            .iter()
            .enumerate()
            .filter(|(_, f)| f.is_some())
            .filter_map(|(i, _)| i32::try_from(i).ok())
    }

    /// Whether watch `id` is `ancestor` or lies under it.
    fn is_under(&self, mut id: i32, ancestor: i32) -> bool {
        for _ in 0..MAX_DEPTH {
            if id == ancestor {
                return true;
            }
            match self.folder(id).and_then(|f| f.parent) {
                Some(parent) => id = parent,
                None => return false,
            }
        }
        false
    }

    fn folder(&self, id: i32) -> Option<&Folder<H>> {
        self.folders.get(usize::try_from(id).ok()?)?.as_ref()
    }

    fn name(&self, folder: &Folder<H>) -> &[u8] {
        let at = folder.name_at as usize;
        self.names
            .get(at..at + folder.name_len as usize)
            .unwrap_or_default()
    }
}

fn name_bytes(name: &OsStr) -> &[u8] {
    name.as_bytes()
}

fn os_str(bytes: &[u8]) -> &OsStr {
    OsStr::from_bytes(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The workspace's shape: root, `candidates`, two candidates, one
    /// with its `scorecards` folder.
    fn tree() -> WatchedTree<&'static str> {
        let mut tree = WatchedTree::new(Path::new("/ws"));
        tree.insert(1, "root", None, OsStr::new(""));
        tree.insert(2, "candidates", Some(1), OsStr::new("candidates"));
        tree.insert(3, "ann", Some(2), OsStr::new("c-ann"));
        tree.insert(4, "ann's cards", Some(3), OsStr::new("scorecards"));
        tree.insert(6, "bob", Some(2), OsStr::new("c-bob"));
        tree
    }

    #[test]
    fn a_folders_path_is_put_together_from_its_parents() {
        let tree = tree();
        assert_eq!(tree.len(), 5);
        assert_eq!(tree.path(1), Some(PathBuf::from("/ws")));
        assert_eq!(
            tree.path(4),
            Some(PathBuf::from("/ws/candidates/c-ann/scorecards"))
        );
        assert_eq!(tree.path(5), None, "never watched");
        assert_eq!(tree.path(-1), None, "the kernel's overflow number");
    }

    #[test]
    fn a_folder_watched_again_in_its_place_keeps_its_name_once() {
        let mut tree = tree();
        let names = tree.names.len();
        // An overflow's walk watches every folder again.
        tree.insert(3, "ann", Some(2), OsStr::new("c-ann"));
        tree.insert(1, "root", None, OsStr::new(""));
        assert_eq!(tree.names.len(), names);
        assert_eq!(tree.len(), 5);
        assert_eq!(
            tree.path(4),
            Some(PathBuf::from("/ws/candidates/c-ann/scorecards"))
        );
        assert!(tree.is_root(1));
        assert!(!tree.is_root(3));
    }

    #[test]
    fn a_folder_is_found_by_its_parent_and_name() {
        let tree = tree();
        assert_eq!(tree.child(2, OsStr::new("c-bob")), Some(6));
        assert_eq!(tree.child(3, OsStr::new("c-bob")), None);
        assert_eq!(tree.child(2, OsStr::new("c-eve")), None);
    }

    #[test]
    fn a_subtree_is_the_folder_and_everything_under_it() {
        let tree = tree();
        let mut under = tree.subtree(3);
        under.sort();
        assert_eq!(under, vec![3, 4]);
        assert_eq!(tree.subtree(2).len(), 4);
    }

    #[test]
    fn a_folder_moved_keeps_its_number_and_its_folders_follow() {
        let mut tree = tree();
        // `c-ann` renamed `c-anna`: the kernel watches it under the same
        // number, and its `scorecards` folder's path follows.
        tree.insert(3, "ann", Some(2), OsStr::new("c-anna"));
        assert_eq!(tree.len(), 5);
        assert_eq!(
            tree.path(4),
            Some(PathBuf::from("/ws/candidates/c-anna/scorecards"))
        );
        assert_eq!(tree.child(2, OsStr::new("c-ann")), None);
    }

    #[test]
    fn a_folder_let_go_of_leaves_no_path_and_hands_its_handle_back() {
        let mut tree = tree();
        assert_eq!(tree.remove(3), Some("ann"));
        assert_eq!(tree.remove(3), None, "only once");
        assert_eq!(tree.len(), 4);
        assert_eq!(tree.path(3), None);
        assert_eq!(tree.path(4), None, "its parent is gone");
        assert!(!tree.is_empty());
    }
}
