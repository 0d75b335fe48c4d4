//! The time zone of the computer: `TZ` when it names an IANA zone (so
//! `TZ=Asia/Tokyo scorecard …` shows Tokyo times), else the system's
//! setting, else UTC.

use crate::model::LocalZone;

/// The zone times are shown in unless the user picks another, and why it
/// is not the one asked for, if it is not (for one log line).
pub fn system_zone() -> (LocalZone, Option<String>) {
    zone_from(std::env::var("TZ").ok().as_deref(), || {
        iana_time_zone::get_timezone().map_err(|err| err.to_string())
    })
}

/// [`system_zone`] with `TZ`'s value and the system's answer given.
fn zone_from(
    tz: Option<&str>,
    system: impl FnOnce() -> Result<String, String>,
) -> (LocalZone, Option<String>) {
    let mut note = None;
    if let Some(tz) = tz {
        // POSIX: an empty TZ is UTC; `:Europe/Berlin` and a path into the
        // zone database name a zone.
        let name = tz.trim().trim_start_matches(':');
        let name = name.rsplit_once("zoneinfo/").map_or(name, |(_, n)| n);
        if name.is_empty() {
            return (LocalZone::UTC, None);
        }
        match LocalZone::named(name) {
            Ok(zone) => return (zone, None),
            Err(err) => note = Some(format!("TZ={tz}: {err}; using the system's zone")),
        }
    }
    match system() {
        Ok(name) => match LocalZone::named(&name) {
            Ok(zone) => (zone, note),
            Err(err) => (
                LocalZone::UTC,
                Some(format!("the system's time zone: {err}; showing UTC")),
            ),
        },
        Err(err) => (
            LocalZone::UTC,
            Some(format!(
                "cannot tell the system's time zone ({err}); showing UTC"
            )),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(tz: Option<&str>, system: &str) -> (&'static str, bool) {
        let system = system.to_owned();
        let (zone, note) = zone_from(tz, move || {
            if system.is_empty() {
                Err("no zone".to_owned())
            } else {
                Ok(system)
            }
        });
        (zone.name(), note.is_some())
    }

    #[test]
    fn tz_first_then_the_system_then_utc() {
        assert_eq!(
            name(Some("Asia/Tokyo"), "Europe/Berlin"),
            ("Asia/Tokyo", false)
        );
        assert_eq!(
            name(Some(":America/New_York"), "Europe/Berlin"),
            ("America/New_York", false)
        );
        assert_eq!(
            name(Some("/usr/share/zoneinfo/Asia/Kolkata"), "Europe/Berlin"),
            ("Asia/Kolkata", false)
        );
        assert_eq!(name(Some(""), "Europe/Berlin"), ("UTC", false));
        assert_eq!(name(None, "Europe/Berlin"), ("Europe/Berlin", false));
        // A POSIX rule string is not a zone name: the system's, noted.
        assert_eq!(
            name(Some("CET-1CEST"), "Europe/Berlin"),
            ("Europe/Berlin", true)
        );
        assert_eq!(name(None, ""), ("UTC", true));
        assert_eq!(name(None, "Nowhere/Atlantis"), ("UTC", true));
    }
}
