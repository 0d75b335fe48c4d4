//! Points in time as written in files: RFC 3339, in UTC.

use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, SecondsFormat, Utc};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A moment in UTC, written as RFC 3339 (`2026-11-21T10:00:00Z`).
///
/// Any RFC 3339 offset is accepted on reading and normalised to UTC, so two
/// interviewers in different time zones write comparable files.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp(DateTime<Utc>);

/// A string that is not an RFC 3339 timestamp.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("invalid timestamp {text:?}: expected RFC 3339 such as \"2026-11-21T10:00:00Z\"")]
pub struct TimestampError {
    text: String,
}

impl Timestamp {
    /// Wraps a UTC time.
    pub fn from_utc(time: DateTime<Utc>) -> Self {
        Self(time)
    }

    /// The time as chrono's type, for arithmetic.
    pub fn as_utc(self) -> DateTime<Utc> {
        self.0
    }

    /// Whole seconds since the Unix epoch.
    pub fn unix_seconds(self) -> i64 {
        self.0.timestamp()
    }
}

impl FromStr for Timestamp {
    type Err = TimestampError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        DateTime::parse_from_rfc3339(text)
            .map(|time| Self(time.with_timezone(&Utc)))
            .map_err(|_| TimestampError {
                text: text.to_owned(),
            })
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0.to_rfc3339_opts(SecondsFormat::AutoSi, true))
    }
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_utc_and_offsets_and_writes_utc() {
        let t: Timestamp = "2026-11-21T12:00:00+02:00".parse().unwrap();
        assert_eq!(t.to_string(), "2026-11-21T10:00:00Z");
        let t: Timestamp = "2026-11-21T10:00:00.250Z".parse().unwrap();
        assert_eq!(t.to_string(), "2026-11-21T10:00:00.250Z");
    }

    #[test]
    fn rejects_other_shapes() {
        for bad in [
            "",
            "2026-11-21",
            "yesterday",
            "2026-13-01T00:00:00Z",
            "2026-11-21 10:00",
        ] {
            assert!(bad.parse::<Timestamp>().is_err(), "{bad}");
        }
    }
}
