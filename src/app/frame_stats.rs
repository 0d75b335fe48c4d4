//! Owns the frame stats anyone can turn on: with `SCORECARD_FRAME_STATS=FILE`
//! set, one line `cpu_ms,screen` per frame is appended to FILE by a thread
//! of its own, so no frame waits on the disk.

use std::fs::{File, OpenOptions};
use std::io::{BufWriter, Write};
use std::path::Path;
use std::sync::mpsc;
use std::thread::JoinHandle;

/// The variable that names the file.
pub const FRAME_STATS_VAR: &str = "SCORECARD_FRAME_STATS";

/// One frame: its CPU time in milliseconds and the screen it drew.
type Frame = (f32, &'static str);

/// The open stats file and the thread that writes it.
#[derive(Debug)]
pub struct FrameStats {
    frames: Option<mpsc::Sender<Frame>>,
    writer: Option<JoinHandle<()>>,
}

impl FrameStats {
    /// The stats [`FRAME_STATS_VAR`] asks for: none if it is not set; a
    /// file that cannot be opened is one line in the log, and none.
    pub fn from_env() -> Option<Self> {
        let path = std::env::var_os(FRAME_STATS_VAR)?;
        match Self::open(Path::new(&path)) {
            Ok(stats) => {
                log::info!("frame stats go to {}", Path::new(&path).display());
                Some(stats)
            }
            Err(err) => {
                log::warn!(
                    "{FRAME_STATS_VAR}: {} cannot be opened: {err:#}; no frame stats",
                    Path::new(&path).display()
                );
                None
            }
        }
    }

    /// Opens `path` for appending (creating it), now, so a wrong path is
    /// said at start rather than lost in a thread.
    pub fn open(path: &Path) -> std::io::Result<Self> {
        let file = OpenOptions::new().create(true).append(true).open(path)?;
        let (frames, received) = mpsc::channel();
        let writer = std::thread::Builder::new()
            .name("frame-stats".to_owned())
            .spawn(move || write_frames(file, &received))?;
        Ok(Self {
            frames: Some(frames),
            writer: Some(writer),
        })
    }

    /// Notes one frame; never blocks.
    pub fn record(&self, cpu_ms: f32, screen: &'static str) {
        if let Some(frames) = &self.frames {
            // The writer stops only on a write error it has logged.
            let _gone = frames.send((cpu_ms, screen));
        }
    }
}

impl Drop for FrameStats {
    /// Lets the writer write what is left and waits for it.
    fn drop(&mut self) {
        self.frames = None;
        if let Some(writer) = self.writer.take()
            && writer.join().is_err()
        {
            log::warn!("the frame stats writer stopped unexpectedly");
        }
    }
}

/// Appends each frame as it comes, flushing whenever it has caught up.
fn write_frames(file: File, frames: &mpsc::Receiver<Frame>) {
    let mut out = BufWriter::new(file);
    while let Ok(first) = frames.recv() {
        let result = std::iter::once(first)
            .chain(frames.try_iter())
            .try_for_each(|(cpu_ms, screen)| writeln!(out, "{cpu_ms:.3},{screen}"))
            .and_then(|()| out.flush());
        if let Err(err) = result {
            log::warn!("frame stats: cannot write: {err:#}; no more frame stats");
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_frame_is_one_line_appended_to_what_the_file_held() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("frames.csv");
        std::fs::write(&path, "1.000,home\n").unwrap();
        let stats = FrameStats::open(&path).unwrap();
        stats.record(2.5, "compare");
        stats.record(16.25, "home");
        drop(stats);
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            "1.000,home\n2.500,compare\n16.250,home\n"
        );
    }

    #[test]
    fn a_file_that_cannot_be_opened_is_an_error_at_once() {
        let dir = tempfile::tempdir().unwrap();
        assert!(FrameStats::open(&dir.path().join("no-such-folder/frames.csv")).is_err());
    }
}
