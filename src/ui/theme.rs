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
