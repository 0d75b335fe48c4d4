//! The `format` field every file starts with.

use serde::{Deserialize, Deserializer, Serialize};

/// The file-format version this build reads and writes.
pub const CURRENT_FORMAT: u32 = 1;

/// The `format: 1` field. Reading any other number fails at once, before the
/// rest of the file is looked at, so a file from a newer release says
/// "unsupported format" instead of a confusing "unknown field".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct FormatVersion(u32);

impl FormatVersion {
    /// The version this build writes.
    pub const CURRENT: Self = Self(CURRENT_FORMAT);

    /// The number as written in the file.
    pub fn get(self) -> u32 {
        self.0
    }
}

impl Default for FormatVersion {
    fn default() -> Self {
        Self::CURRENT
    }
}

impl<'de> Deserialize<'de> for FormatVersion {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let number = u32::deserialize(deserializer)?;
        if number == CURRENT_FORMAT {
            Ok(Self(number))
        } else {
            Err(serde::de::Error::custom(format!(
                "unsupported format {number}: this version of Scorecard reads format {CURRENT_FORMAT}"
            )))
        }
    }
}
