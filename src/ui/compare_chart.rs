//! Owns the compare screen's chart: grouped bars, one group per dimension and
//! one bar per ticked candidate, the rating scale's words on the value
//! axis. Dimensions are categories, so nothing joins them with lines.

use std::collections::BTreeSet;

use egui_plot::{Bar, BarChart, GridMark, Legend, Plot};

use super::compare_rows::CompareRow;
use super::theme::series_color;
use crate::model::{Rating, Slug, Template, escape_line};

/// The height of the chart with its axes.
pub const CHART_HEIGHT: f32 = 260.0;

/// Draws the means of the ticked candidates' dimensions as grouped bars.
pub fn chart_ui<'a>(
    ui: &mut egui::Ui,
    template: &Template,
    rows: impl Iterator<Item = &'a CompareRow>,
    charted: &BTreeSet<Slug>,
) {
    let ticked: Vec<&CompareRow> = rows.filter(|r| charted.contains(&r.id)).collect();
    let names: Vec<String> = template
        .dimensions
        .iter()
        .map(|d| axis_name(&escape_line(&d.name)))
        .collect();
    let full_names: Vec<String> = template
        .dimensions
        .iter()
        .map(|d| escape_line(&d.name).into_owned())
        .collect();
    let groups = template.dimensions.len();
    let count = ticked.len().max(1);
    let width = 0.8 / count as f64;
    let charts: Vec<BarChart> = ticked
        .iter()
        .enumerate()
        .map(|(j, row)| {
            let offset = (j as f64 - (count as f64 - 1.0) / 2.0) * width;
            let bars = row
                .dimension_means()
                .iter()
                .enumerate()
                .filter_map(|(i, mean)| {
                    let mean = (*mean)?;
                    let name = full_names.get(i).cloned().unwrap_or_default();
                    Some(
                        Bar::new(i as f64 + offset, mean)
                            .width(width * 0.92)
                            .name(format!("{}\n{name}: {mean:.2}", row.name)),
                    )
                })
                .collect();
            BarChart::new(row.name.clone(), bars)
                .color(series_color(j))
                .element_formatter(Box::new(|bar, _| bar.name.clone()))
        })
        .collect();
    Plot::new("dimension_means")
        .legend(Legend::default().position(egui_plot::Corner::RightTop))
        .height(CHART_HEIGHT - 20.0)
        .include_y(0.0)
        .include_y(4.9)
        .include_x(-0.5)
        .include_x(groups as f64 - 0.5)
        .allow_scroll(false)
        .allow_drag(false)
        .allow_zoom(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
        .show_x(false)
        .y_axis_min_width(96.0)
        .x_grid_spacer(|input| {
            let (low, high) = input.bounds;
            let first = low.ceil().max(0.0) as i64;
            let last = high.floor() as i64;
            (first..=last)
                .map(|i| GridMark {
                    value: i as f64,
                    step_size: 1.0,
                })
                .collect()
        })
        .y_grid_spacer(|_| {
            (1..=4)
                .map(|i| GridMark {
                    value: f64::from(i),
                    step_size: 1.0,
                })
                .collect()
        })
        .x_axis_formatter(move |mark, _| {
            let i = mark.value.round();
            if (mark.value - i).abs() < 1e-6 && i >= 0.0 {
                names.get(i as usize).cloned().unwrap_or_default()
            } else {
                String::new()
            }
        })
        .y_axis_formatter(|mark, _| scale_word(mark.value))
        .show(ui, |plot| {
            for chart in charts {
                plot.bar_chart(chart);
            }
        });
}

/// The rating word of a whole score on the axis, lower case.
fn scale_word(value: f64) -> String {
    let score = value.round();
    if (value - score).abs() > 1e-6 || !(1.0..=4.0).contains(&score) {
        return String::new();
    }
    Rating::from_score(score as u8).map_or_else(String::new, |r| r.label().to_lowercase())
}

/// A dimension's name short enough for the axis: whole words up to about
/// 16 characters, then `…` (the bar's hover shows the full name).
fn axis_name(name: &str) -> String {
    let mut out = String::new();
    for word in name.split_whitespace() {
        if !out.is_empty() && out.len() + 1 + word.len() > 16 {
            out.push('…');
            return out;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_axis_reads_the_rating_words() {
        assert_eq!(scale_word(1.0), "does not meet");
        assert_eq!(scale_word(4.0), "exceeds");
        assert_eq!(scale_word(2.5), "");
        assert_eq!(scale_word(0.0), "");
    }

    #[test]
    fn long_names_are_cut_at_a_word() {
        assert_eq!(axis_name("Security"), "Security");
        assert_eq!(axis_name("Cloud & infrastructure fundamentals"), "Cloud &…");
        assert_eq!(axis_name("Infrastructure as code"), "Infrastructure…");
    }
}
