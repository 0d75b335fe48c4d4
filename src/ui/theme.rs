//! Colours with a meaning, kept in one place.

use egui::Color32;

use crate::model::Rating;

/// The colour of a rating, readable in dark and light mode.
pub fn rating_color(rating: Rating, dark_mode: bool) -> Color32 {
    match (rating, dark_mode) {
        (Rating::DoesNotMeet, true) => Color32::from_rgb(0xf0, 0x70, 0x70),
        (Rating::DoesNotMeet, false) => Color32::from_rgb(0xb0, 0x20, 0x20),
        (Rating::PartiallyMeets, true) => Color32::from_rgb(0xf0, 0xb0, 0x50),
        (Rating::PartiallyMeets, false) => Color32::from_rgb(0xa0, 0x60, 0x00),
        (Rating::Meets, true) => Color32::from_rgb(0x80, 0xd0, 0x80),
        (Rating::Meets, false) => Color32::from_rgb(0x20, 0x80, 0x30),
        (Rating::Exceeds, true) => Color32::from_rgb(0x70, 0xb0, 0xf0),
        (Rating::Exceeds, false) => Color32::from_rgb(0x10, 0x50, 0xb0),
        (Rating::NoSignal, _) => Color32::GRAY,
    }
}

/// The colour of time running over its box.
pub fn overtime_color(dark_mode: bool) -> Color32 {
    rating_color(Rating::DoesNotMeet, dark_mode)
}

/// Distinct colours for chart series, in order; they repeat after eight.
pub fn series_color(index: usize) -> Color32 {
    const PALETTE: [Color32; 8] = [
        Color32::from_rgb(0x4e, 0x9a, 0xf0),
        Color32::from_rgb(0xf0, 0x8c, 0x3c),
        Color32::from_rgb(0x5c, 0xc0, 0x6c),
        Color32::from_rgb(0xe0, 0x5c, 0x8c),
        Color32::from_rgb(0xa8, 0x7c, 0xe0),
        Color32::from_rgb(0xd8, 0xc0, 0x40),
        Color32::from_rgb(0x40, 0xc0, 0xc8),
        Color32::from_rgb(0xb0, 0xb0, 0xb0),
    ];
    PALETTE[index % PALETTE.len()]
}

/// The background of a cell holding a rating: the HTML debrief's scale
/// (`--r1` … `--r4` in `export/html.rs`) in light mode, the same hues
/// darkened in dark mode, so the text colour of the theme reads on both.
pub fn rating_fill(rating: Rating, dark_mode: bool) -> Color32 {
    match (rating, dark_mode) {
        (Rating::DoesNotMeet, false) => Color32::from_rgb(0xf9, 0xd7, 0xd3),
        (Rating::PartiallyMeets, false) => Color32::from_rgb(0xfd, 0xe9, 0xc8),
        (Rating::Meets, false) => Color32::from_rgb(0xdc, 0xef, 0xe2),
        (Rating::Exceeds, false) => Color32::from_rgb(0xb9, 0xe2, 0xc6),
        (Rating::NoSignal, false) => Color32::from_rgb(0xec, 0xee, 0xf2),
        (Rating::DoesNotMeet, true) => Color32::from_rgb(0x6a, 0x2c, 0x28),
        (Rating::PartiallyMeets, true) => Color32::from_rgb(0x62, 0x4a, 0x1c),
        (Rating::Meets, true) => Color32::from_rgb(0x27, 0x4d, 0x35),
        (Rating::Exceeds, true) => Color32::from_rgb(0x1b, 0x66, 0x3a),
        (Rating::NoSignal, true) => Color32::from_rgb(0x3a, 0x3d, 0x44),
    }
}

/// The text colour on a [`rating_fill`]: dark ink on the light scale,
/// near-white on the dark one.
pub fn on_rating_fill(dark_mode: bool) -> Color32 {
    if dark_mode {
        Color32::from_rgb(0xf2, 0xf4, 0xf7)
    } else {
        Color32::from_rgb(0x1c, 0x23, 0x30)
    }
}

/// The rating a mean rounds to (1.5 and up is *Partially meets*, and so
/// on), for colouring a mean by the scale of single ratings.
pub fn mean_rating(mean: f64) -> Rating {
    if mean < 1.5 {
        Rating::DoesNotMeet
    } else if mean < 2.5 {
        Rating::PartiallyMeets
    } else if mean < 3.5 {
        Rating::Meets
    } else {
        Rating::Exceeds
    }
}

/// The background of a mean's cell.
pub fn mean_fill(mean: f64, dark_mode: bool) -> Color32 {
    rating_fill(mean_rating(mean), dark_mode)
}
