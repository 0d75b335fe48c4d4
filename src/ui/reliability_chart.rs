//! Owns the panel reliability of one template as Templates and Compare
//! show it: the dimensions least reliable first, a bar chart of one
//! interviewer's reliability and the usual panel's against the 0.70 line,
//! and each dimension's figures in words (DESIGN.md "Evidence that the
//! interview works").

use egui_plot::{Bar, BarChart, Legend, Plot, VLine};

use super::theme::series_color;
use crate::export::reliability_words;
use crate::model::stats::TemplateReliability;
use crate::model::stats::reliability::ACCEPTABLE;

/// Draws `figures`; `salt` keeps two charts on one screen apart.
pub fn reliability_ui(ui: &mut egui::Ui, figures: &TemplateReliability, salt: &str) {
    ui.strong("Panel reliability, least reliable first");
    ui.weak(
        "How far one interviewer's rating can be trusted (ICC(1)), and the mean of the usual \
         panel (Spearman\u{2013}Brown); 0.70 is the least to act on",
    );
    let sorted = figures.least_reliable_first();
    let rated: Vec<_> = sorted.iter().filter(|f| f.icc1.is_some()).collect();
    if rated.is_empty() {
        ui.label(reliability_words(&figures.overall));
    } else {
        let names: Vec<String> = rated.iter().map(|f| f.name.clone()).collect();
        let count = rated.len();
        // The least reliable at the top: bars from the top down.
        let place = |i: usize| (count - 1 - i) as f64;
        let single: Vec<Bar> = rated
            .iter()
            .enumerate()
            .filter_map(|(i, f)| {
                let icc = f.icc1?;
                Some(
                    Bar::new(place(i) + 0.18, icc.max(0.0))
                        .width(0.34)
                        .name(format!("{}: one interviewer {icc:.2}", f.name)),
                )
            })
            .collect();
        let panel: Vec<Bar> = rated
            .iter()
            .enumerate()
            .filter_map(|(i, f)| {
                let value = f.panel?;
                Some(
                    Bar::new(place(i) - 0.18, value.max(0.0))
                        .width(0.34)
                        .name(format!("{}: the usual panel {value:.2}", f.name)),
                )
            })
            .collect();
        let height = (40.0 + 34.0 * count as f32).clamp(140.0, 360.0);
        Plot::new(("reliability_chart", salt))
            .legend(Legend::default().position(egui_plot::Corner::RightBottom))
            .height(height)
            .include_x(0.0)
            .include_x(1.0)
            .allow_scroll(false)
            .allow_drag(false)
            .allow_zoom(false)
            .y_axis_formatter(move |mark, _| {
                let i = mark.value.round();
                if (mark.value - i).abs() > 1e-6 || i < 0.0 || i as usize >= count {
                    return String::new();
                }
                names
                    .get(count - 1 - i as usize)
                    .cloned()
                    .unwrap_or_default()
            })
            .show(ui, |plot| {
                plot.bar_chart(
                    BarChart::new("One interviewer", single)
                        .horizontal()
                        .color(series_color(0))
                        .element_formatter(Box::new(|bar, _| bar.name.clone())),
                );
                plot.bar_chart(
                    BarChart::new("The usual panel", panel)
                        .horizontal()
                        .color(series_color(1))
                        .element_formatter(Box::new(|bar, _| bar.name.clone())),
                );
                // The bars are horizontal: the 0.70 mark is an upright line.
                plot.vline(VLine::new("0.70", ACCEPTABLE).color(series_color(2)));
            });
    }
    egui::Grid::new(("reliability_words", salt))
        .striped(true)
        .show(ui, |ui| {
            for f in sorted
                .iter()
                .copied()
                .chain(std::iter::once(&figures.overall))
            {
                ui.label(&f.name);
                ui.label(reliability_words(f));
                ui.end_row();
            }
        });
}
