//! Owns the drift chart of an interviewer's page: their scores through
//! each day, the days side by side, with the mean of the day's earlier
//! scores beside each, then the slope in plain words and what to do about
//! it (DESIGN.md "Evidence that the interview works").

use egui_plot::{Legend, Line, MarkerShape, Plot, PlotPoints, Points};

use super::theme::series_color;
use crate::export::{DRIFT_ADVICE, drift_words};
use crate::model::stats::{DriftDay, Fit, InterviewerDrift};

/// The most recent days with two scores or more the chart draws.
const DAYS_SHOWN: usize = 20;

/// The space between two days on the chart, in interviews.
const DAY_GAP: f64 = 1.5;

/// Draws `person`'s drift: the chart, their slope in words, the team's.
pub fn drift_ui(ui: &mut egui::Ui, person: &InterviewerDrift, team: &Fit) {
    ui.strong("Through the day");
    ui.weak(
        "Does a score fall when the day's earlier candidates scored high? Each group is one \
         day, its interviews in the order they started",
    );
    let days: Vec<&DriftDay> = person
        .day_scores
        .iter()
        .filter(|d| d.scores.len() > 1)
        .collect();
    let shown = &days[days.len().saturating_sub(DAYS_SHOWN)..];
    if shown.is_empty() {
        ui.label("No day with two interviews or more yet");
    } else {
        chart_ui(ui, shown);
        if days.len() > shown.len() {
            ui.weak(format!(
                "The last {} of {} such days",
                shown.len(),
                days.len()
            ));
        }
    }
    let fit = Fit {
        pairs: person.pairs,
        slope: person.slope,
        ci_low: person.ci_low,
        ci_high: person.ci_high,
        flagged: person.flagged,
    };
    ui.label(format!(
        "{} interviews after another on the same day, over {} days",
        person.pairs, person.days
    ));
    let words = drift_words(&fit);
    if person.flagged {
        ui.colored_label(ui.visuals().warn_fg_color, words);
    } else {
        ui.label(words);
    }
    ui.weak(format!(
        "The team ({} pairs): {}",
        team.pairs,
        drift_words(team)
    ));
    ui.weak(
        "Simonsohn and Gino (2013) found about 0.10 lower per point in 9,323 MBA interviews: \
         interviewers even out a day's scores without meaning to",
    );
    if person.slope.is_some_and(|s| s < 0.0) || person.flagged {
        ui.label(DRIFT_ADVICE);
    }
}

/// The days side by side: each score a point, the mean of the day's
/// earlier scores a line.
fn chart_ui(ui: &mut egui::Ui, days: &[&DriftDay]) {
    let mut scores = Vec::new();
    let mut means: Vec<Vec<[f64; 2]>> = Vec::with_capacity(days.len());
    let mut x = 0.0;
    for day in days {
        let mut line = Vec::with_capacity(day.scores.len());
        for (i, (earlier, score)) in std::iter::once((None, day.scores.first().copied()))
            .chain(day.pairs().map(|(m, s)| (Some(m), Some(s))))
            .enumerate()
        {
            let at = x + i as f64;
            if let Some(score) = score {
                scores.push([at, score]);
            }
            if let Some(mean) = earlier {
                line.push([at, mean]);
            }
        }
        means.push(line);
        x += day.scores.len() as f64 + DAY_GAP;
    }
    Plot::new("drift_chart")
        .legend(Legend::default().position(egui_plot::Corner::RightTop))
        .height(220.0)
        .include_y(1.0)
        .include_y(4.0)
        .allow_scroll(false)
        .allow_drag(false)
        .show_x(false)
        .x_axis_label("interviews, day by day")
        .y_axis_label("score")
        .show(ui, |plot| {
            for line in means {
                // One legend entry: every day's line shares the name.
                plot.line(
                    Line::new("Mean of the day's earlier scores", PlotPoints::from(line))
                        .color(series_color(1))
                        .width(2.0),
                );
            }
            plot.points(
                Points::new("Score", PlotPoints::from(scores))
                    .color(series_color(0))
                    .shape(MarkerShape::Circle)
                    .filled(true)
                    .radius(3.5),
            );
        });
}
