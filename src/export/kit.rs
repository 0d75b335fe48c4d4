//! The interview kit: one stage's printable prep sheet (shared DESIGN.md,
//! "Interview kit"). Role, level, stage, time box and brief, then each of
//! the stage's dimensions with must-have, weight, the Below / Meets /
//! Exceeds anchors, questions and signals, then the red flags, with room
//! for notes. Markdown, or one self-contained HTML page that prints to A4.

use std::fmt::{self, Write};

use super::escape::{escape_html, escape_markdown};
use super::page::{close_page, open_page};
use crate::model::{Dimension, Template};

/// The stage a kit is for, as the template names it.
#[derive(Clone, Debug, PartialEq)]
pub struct KitStage<'a> {
    /// The stage's name ("General interview" when no exercise is chosen).
    pub name: String,
    /// The time box in minutes, if the stage has one.
    pub minutes: Option<u32>,
    /// What the interviewer sets up or reads out.
    pub brief: &'a str,
    /// The dimensions rated at the stage, in the exercise's order.
    pub dimensions: Vec<&'a Dimension>,
}

/// Why no kit can be made.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum KitError {
    /// The template has no exercise with that id.
    #[error("template {template} has no stage {stage:?}; its stages: {known}")]
    UnknownStage {
        /// The template id.
        template: String,
        /// The stage asked for.
        stage: String,
        /// The ids it has, separated by commas (or "none").
        known: String,
    },
}

/// The stage `stage` of `template`: an exercise id, or `""` for a general
/// interview that rates every dimension.
pub fn kit_stage<'a>(template: &'a Template, stage: &str) -> Result<KitStage<'a>, KitError> {
    if stage.is_empty() {
        return Ok(KitStage {
            name: "General interview".to_owned(),
            minutes: None,
            brief: "",
            dimensions: template.dimensions.iter().collect(),
        });
    }
    let Some(exercise) = template.exercise(stage) else {
        let known: Vec<&str> = template.exercises.iter().map(|e| e.id.as_str()).collect();
        return Err(KitError::UnknownStage {
            template: template.id.to_string(),
            stage: stage.to_owned(),
            known: if known.is_empty() {
                "none".to_owned()
            } else {
                known.join(", ")
            },
        });
    };
    Ok(KitStage {
        name: exercise.name.clone(),
        minutes: Some(exercise.minutes),
        brief: &exercise.brief,
        dimensions: template.dimensions_for_stage(stage),
    })
}

/// A weight as people write it: `1`, `1.5`.
fn weight(w: f64) -> String {
    let text = format!("{w:.2}");
    text.trim_end_matches('0').trim_end_matches('.').to_owned()
}

fn time_box(minutes: Option<u32>) -> String {
    minutes.map_or_else(|| "no time box".to_owned(), |m| format!("{m} minutes"))
}

/// The kit as Markdown: headings, the anchors as a list, questions and
/// signals as lists, a notes line per dimension. User text is escaped.
pub fn kit_markdown(template: &Template, stage: &KitStage<'_>) -> String {
    let mut out = String::new();
    // Writing into a String cannot fail.
    let _infallible = write_markdown(&mut out, template, stage);
    out
}

fn write_markdown(out: &mut String, t: &Template, s: &KitStage<'_>) -> fmt::Result {
    let md = |text: &str| escape_markdown(text);
    writeln!(out, "# Interview kit: {}", md(&t.role))?;
    writeln!(out)?;
    writeln!(out, "- Level: {}", md(&t.level))?;
    writeln!(out, "- Stage: {}", md(&s.name))?;
    writeln!(out, "- Time box: {}", time_box(s.minutes))?;
    writeln!(out, "- Template: {} v{}", md(t.id.as_str()), t.version)?;
    writeln!(out)?;
    if !s.brief.is_empty() {
        writeln!(out, "## Brief")?;
        writeln!(out)?;
        writeln!(out, "{}", md(s.brief))?;
        writeln!(out)?;
    }
    writeln!(out, "## Dimensions")?;
    for d in &s.dimensions {
        writeln!(out)?;
        let must = if d.must_have { ", must-have" } else { "" };
        writeln!(
            out,
            "### {} (weight {}{must})",
            md(&d.name),
            weight(d.weight)
        )?;
        writeln!(out)?;
        for (title, text) in [
            ("Below", &d.below),
            ("Meets", &d.meets),
            ("Exceeds", &d.exceeds),
        ] {
            if !text.is_empty() {
                writeln!(out, "- **{title}**: {}", md(text))?;
            }
        }
        for (title, items) in [
            ("Questions", &d.questions),
            ("Strong signals", &d.strong_signals),
            ("Weak signals", &d.weak_signals),
        ] {
            if items.is_empty() {
                continue;
            }
            writeln!(out)?;
            writeln!(out, "{title}:")?;
            writeln!(out)?;
            for item in items {
                writeln!(out, "- {}", md(item))?;
            }
        }
        writeln!(out)?;
        writeln!(out, "Notes: ____________________________________________")?;
    }
    if !t.red_flags.is_empty() {
        writeln!(out)?;
        writeln!(out, "## Red flags")?;
        writeln!(out)?;
        for flag in &t.red_flags {
            writeln!(out, "- [ ] {}", md(flag))?;
        }
    }
    writeln!(out)?;
    writeln!(out, "## Notes")?;
    writeln!(out)?;
    writeln!(out, "____________________________________________")?;
    Ok(())
}

/// The page's stylesheet: compact on paper (A4, 9 pt), a dimension never
/// split across pages when it fits on one, and ruled space for notes.
const STYLE: &str = r#"
body { max-width: 56rem; line-height: 1.4; }
h1 { font-size: 1.6rem; margin: 0 0 .2rem; line-height: 1.2; }
h2 { font-size: 1.1rem; margin: 1.2rem 0 .4rem; padding-bottom: .15rem;
  border-bottom: 2px solid var(--line); break-after: avoid; page-break-after: avoid; }
h3 { font-size: 1rem; margin: 0 0 .3rem; }
h3 .meta { font-weight: normal; color: var(--muted); font-size: .85rem; }
p { margin: .25rem 0; }
.facts { display: flex; flex-wrap: wrap; gap: .3rem 1.5rem; color: var(--muted); margin: 0; }
.facts b { color: var(--ink); }
.brief { background: var(--soft); border: 1px solid var(--line); border-radius: 6px;
  padding: .5rem .75rem; }
.dimension { border: 1px solid var(--line); border-radius: 6px; padding: .5rem .75rem;
  margin: .55rem 0; break-inside: avoid; page-break-inside: avoid; }
.tag { display: inline-block; padding: 0 .4rem; border-radius: 999px; font-size: .7rem;
  font-weight: 600; line-height: 1.5; vertical-align: .1em; background: var(--soft);
  border: 1px solid var(--line); color: var(--muted); }
table.anchors { border-collapse: collapse; width: 100%; font-size: .88rem; margin: .2rem 0; }
table.anchors th, table.anchors td { border: 1px solid var(--line); padding: .25rem .4rem;
  text-align: left; vertical-align: top; width: 33.3%; }
table.anchors th { font-weight: 600; }
.r1 { background: var(--r1); } .r3 { background: var(--r3); } .r4 { background: var(--r4); }
.lists { display: grid; grid-template-columns: 1.4fr 1fr 1fr; gap: .6rem; font-size: .88rem; }
.lists h4 { margin: .3rem 0 .1rem; font-size: .78rem; text-transform: uppercase;
  letter-spacing: .04em; color: var(--muted); }
.lists ul { margin: 0; padding-left: 1rem; }
.lists li { margin: .05rem 0; }
.notes { margin-top: .35rem; height: 3.2rem; border: 1px dashed var(--line); border-radius: 4px;
  padding: .15rem .4rem; color: var(--muted); font-size: .75rem; }
.flags { columns: 2; column-gap: 1.5rem; padding-left: 0; list-style: none; }
.flags li { margin: .1rem 0; break-inside: avoid; }
.flags li::before { content: "\2610\00a0"; }
.notes.final { height: 6rem; }
@page { size: A4; margin: 12mm 12mm 13mm; }
@media print {
  html { font-size: 8.5pt; }
  body { margin: 0; padding: 0; max-width: none; font-size: 1rem; line-height: 1.3; }
  h1 { font-size: 1.6rem; }
  h2 { font-size: 1.2rem; margin-top: .8rem; }
  .dimension { margin: .4rem 0; padding: .35rem .6rem; }
  .notes { height: 2.6rem; }
}
"#;

/// The kit as one self-contained HTML page (inline CSS, no script) that
/// prints to A4: a dimension is never cut in two, the anchors sit side by
/// side in the debrief's rating colours. User text is escaped.
pub fn kit_html(template: &Template, stage: &KitStage<'_>) -> String {
    let mut out = String::new();
    // Writing into a String cannot fail.
    let _infallible = write_html(&mut out, template, stage);
    out
}

fn write_html(out: &mut String, t: &Template, s: &KitStage<'_>) -> fmt::Result {
    let h = |text: &str| escape_html(text);
    let title = format!("Interview kit: {}, {}", h(&t.role), h(&s.name));
    open_page(out, &title, STYLE)?;
    writeln!(out, "<header>")?;
    writeln!(out, "<h1>Interview kit: {}</h1>", h(&t.role))?;
    writeln!(
        out,
        "<p class=\"facts\"><span>Level <b>{}</b></span><span>Stage <b>{}</b></span>\
         <span>Time box <b>{}</b></span><span>Template <b>{}</b> v{}</span></p>",
        h(&t.level),
        h(&s.name),
        time_box(s.minutes),
        h(t.id.as_str()),
        t.version
    )?;
    writeln!(out, "</header>")?;
    if !s.brief.is_empty() {
        writeln!(out, "<h2>Brief</h2>")?;
        writeln!(out, "<p class=\"brief\">{}</p>", h(s.brief))?;
    }
    writeln!(out, "<h2>Dimensions</h2>")?;
    for d in &s.dimensions {
        writeln!(out, "<section class=\"dimension\">")?;
        let must = if d.must_have {
            " <span class=\"tag\">must-have</span>"
        } else {
            ""
        };
        writeln!(
            out,
            "<h3>{} <span class=\"meta\">weight {}</span>{must}</h3>",
            h(&d.name),
            weight(d.weight)
        )?;
        writeln!(
            out,
            "<table class=\"anchors\"><tr><th class=\"r1\">Below</th>\
             <th class=\"r3\">Meets</th><th class=\"r4\">Exceeds</th></tr>"
        )?;
        writeln!(
            out,
            "<tr><td>{}</td><td>{}</td><td>{}</td></tr></table>",
            h(&d.below),
            h(&d.meets),
            h(&d.exceeds)
        )?;
        writeln!(out, "<div class=\"lists\">")?;
        for (title, items) in [
            ("Questions", &d.questions),
            ("Strong signals", &d.strong_signals),
            ("Weak signals", &d.weak_signals),
        ] {
            write!(out, "<div><h4>{title}</h4>")?;
            if items.is_empty() {
                write!(out, "<p>none listed</p>")?;
            } else {
                write!(out, "<ul>")?;
                for item in items {
                    write!(out, "<li>{}</li>", h(item))?;
                }
                write!(out, "</ul>")?;
            }
            writeln!(out, "</div>")?;
        }
        writeln!(out, "</div>")?;
        writeln!(out, "<div class=\"notes\">Notes</div>")?;
        writeln!(out, "</section>")?;
    }
    if !t.red_flags.is_empty() {
        writeln!(out, "<h2>Red flags</h2>")?;
        writeln!(out, "<ul class=\"flags\">")?;
        for flag in &t.red_flags {
            writeln!(out, "<li>{}</li>", h(flag))?;
        }
        writeln!(out, "</ul>")?;
    }
    writeln!(out, "<h2>Notes</h2>")?;
    writeln!(out, "<div class=\"notes final\"></div>")?;
    close_page(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weights_print_as_people_write_them() {
        assert_eq!(weight(1.0), "1");
        assert_eq!(weight(1.5), "1.5");
        assert_eq!(weight(0.25), "0.25");
    }
}
