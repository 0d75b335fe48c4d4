//! One candidate's debrief as one self-contained HTML page: inline CSS, no
//! script, no external asset, readable on screen and printable to A4 PDF.

use std::fmt::{self, Write};

use super::debrief::{
    NUDGES_LEGEND, RATING_LEGEND, drafts_pending, must_have_failures, nudge_line, rating_mark,
    recommendation_text, statistic_texts, subtitle, tally, template_order,
};
use super::escape::escape_html;
use super::numbers::two_decimals;
use super::page::{close_page, open_page};
use crate::model::{Debrief, DebriefDimension, Rating, Recommendation};

/// The page's stylesheet: screen first, then what printing changes (A4
/// pages, no table row or evidence note cut in two, repeated table headers,
/// the dimension table kept whole).
const STYLE: &str = r#"
body { max-width: 62rem; line-height: 1.45; }
h1 { font-size: 1.75rem; margin: 0 0 .15rem; line-height: 1.2; }
h2 {
  font-size: 1.15rem; margin: 1.8rem 0 .6rem; padding-bottom: .2rem;
  border-bottom: 2px solid var(--line); break-after: avoid; page-break-after: avoid;
}
h3 { font-size: 1rem; margin: 1.2rem 0 .4rem; break-after: avoid; page-break-after: avoid; }
h3 .meta { font-weight: normal; color: var(--muted); font-size: .85rem; }
p { margin: .3rem 0; }
code { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: .9em; }
.subtitle { color: var(--muted); margin: 0; }
.blind {
  display: inline-block; margin-top: .5rem; padding: .15rem .55rem; border-radius: 4px;
  background: var(--soft); border: 1px solid var(--line); font-size: .85rem;
}
.facts {
  display: grid; grid-template-columns: 1fr 1fr 1fr 1.6fr; gap: .6rem; margin-top: 1.2rem;
}
.fact {
  border: 1px solid var(--line); border-radius: 6px; padding: .5rem .75rem;
  background: var(--soft); break-inside: avoid;
}
.label { font-size: .72rem; text-transform: uppercase; letter-spacing: .05em; color: var(--muted); }
.value { font-size: 1.5rem; font-weight: 650; line-height: 1.25; }
.value small { font-size: .8rem; font-weight: normal; color: var(--muted); }
.note { font-size: .8rem; color: var(--muted); }
.tally { display: flex; gap: .3rem; margin-top: .25rem; }
.tally span {
  flex: 1; text-align: center; border-radius: 4px; padding: .1rem 0; font-size: .72rem;
  line-height: 1.2; background: #fff; border: 1px solid var(--line);
}
.tally b { display: block; font-size: 1.05rem; }
.tally .snh b, .tally .nh b { color: var(--bad); }
.tally .h b, .tally .sh b { color: var(--good); }
.alerts { display: grid; grid-template-columns: 1fr 1fr; gap: 0 1.5rem; }
.alerts ul { margin: 0; padding-left: 1.1rem; }
.alerts li { margin: .15rem 0; break-inside: avoid; }
.none { color: var(--muted); }
.failure { color: var(--bad); font-weight: 600; }
table { border-collapse: collapse; width: 100%; margin: .3rem 0 .4rem; font-size: .88rem; }
th, td { border: 1px solid var(--line); padding: .28rem .45rem; text-align: left; vertical-align: top; }
thead th { background: var(--soft); font-weight: 600; }
table.matrix { width: auto; min-width: 55%; }
table.matrix thead th:not(:first-child) { width: 8.5rem; }
th .stage { display: block; font-weight: normal; color: var(--muted); font-size: .78rem; }
tr { break-inside: avoid; page-break-inside: avoid; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.score { text-align: center; font-weight: 650; font-variant-numeric: tabular-nums; }
.r1 { background: var(--r1); } .r2 { background: var(--r2); }
.r3 { background: var(--r3); } .r4 { background: var(--r4); }
.ns { background: var(--ns); color: var(--muted); font-weight: normal; }
.unrated { color: var(--muted); font-weight: normal; }
tfoot td { background: var(--soft); font-weight: 600; text-align: center; }
tfoot td:first-child { text-align: left; }
.tag {
  display: inline-block; padding: 0 .4rem; border-radius: 999px; font-size: .7rem;
  font-weight: 600; line-height: 1.5; vertical-align: .1em; white-space: nowrap;
}
.tag.must { background: var(--soft); border: 1px solid var(--line); color: var(--muted); }
.tag.fail { background: var(--bad-soft); color: var(--bad); }
.tag.split { background: var(--warn-soft); color: var(--warn); }
tr.split td:first-child { box-shadow: inset 4px 0 0 var(--warn); }
.legend { font-size: .78rem; color: var(--muted); }
ul.evidence { list-style: none; margin: 0; padding: 0; }
ul.evidence li {
  margin: 0 0 .45rem; padding: .35rem .6rem; border-left: 4px solid var(--line);
  background: #fafbfc; break-inside: avoid; page-break-inside: avoid;
}
ul.evidence li.r1 { border-left-color: #d4574b; } ul.evidence li.r2 { border-left-color: #e0a040; }
ul.evidence li.r3 { border-left-color: #5fae7d; } ul.evidence li.r4 { border-left-color: #23834b; }
ul.evidence li.ns { border-left-color: #a8afba; }
.who { font-weight: 600; }
.meta { color: var(--muted); font-size: .82rem; }
.text { white-space: pre-wrap; overflow-wrap: anywhere; margin-top: .1rem; }
footer { margin-top: 2rem; padding-top: .5rem; border-top: 1px solid var(--line); }
@media (max-width: 40rem) {
  .facts { grid-template-columns: 1fr 1fr; }
  .alerts { grid-template-columns: 1fr; }
}
@page { size: A4; margin: 14mm 13mm 15mm; }
@media print {
  body { margin: 0; padding: 0; max-width: none; font-size: 9.5pt; }
  h1 { font-size: 18pt; }
  h2 { font-size: 12.5pt; margin-top: 14pt; }
  .value { font-size: 15pt; }
  thead { display: table-header-group; }
  tfoot { display: table-row-group; }
  .dimensions { break-inside: avoid; page-break-inside: avoid; }
  table.matrix th, table.matrix td { padding: .2rem .35rem; }
  footer { break-inside: avoid; }
}
"#;

/// The debrief as one self-contained HTML page (inline CSS, no script or
/// external asset) that reads well in a browser and prints to A4: the
/// numbers, flags and ratings matrix come first, the dimension table is
/// never split across pages (it moves to the next page whole), and no table
/// row or evidence note is cut in two. Every piece of user text is escaped
/// ([`escape_html`]).
pub fn debrief_html(debrief: &Debrief) -> String {
    let mut out = String::new();
    // Writing into a String cannot fail.
    let _infallible = write_html(&mut out, debrief);
    out
}

fn write_html(out: &mut String, d: &Debrief) -> fmt::Result {
    let s = &d.summary;
    let name = escape_html(&d.display_name);
    open_page(out, &format!("Debrief: {name}"), STYLE)?;

    writeln!(out, "<header>")?;
    writeln!(out, "<h1>Debrief: {name}</h1>")?;
    writeln!(
        out,
        "<p class=\"subtitle\">{}</p>",
        subtitle(d, escape_html, "")
    )?;
    if d.blind {
        writeln!(
            out,
            "<p class=\"blind\">Blind mode: the candidate&#39;s name is replaced by an alias, \
             in the evidence too.</p>"
        )?;
    }
    writeln!(out, "</header>")?;

    writeln!(out, "<section class=\"facts\">")?;
    writeln!(
        out,
        "<div class=\"fact\"><div class=\"label\">Weighted score</div>\
         <div class=\"value\">{}<small> / 4</small></div>\
         <div class=\"note\">leniency-adjusted {}</div></div>",
        two_decimals(s.weighted_score),
        two_decimals(s.adjusted_weighted_score)
    )?;
    writeln!(
        out,
        "<div class=\"fact\"><div class=\"label\">Agreement</div>\
         <div class=\"value\">{}</div>\
         <div class=\"note\">{}</div></div>",
        two_decimals(s.agreement_alpha),
        d.alpha_reading
    )?;
    writeln!(
        out,
        "<div class=\"fact\"><div class=\"label\">Scorecards</div>\
         <div class=\"value\">{}<small> submitted</small></div>\
         <div class=\"note\">{}</div></div>",
        s.submitted,
        drafts_pending(s.drafts)
    )?;
    write!(
        out,
        "<div class=\"fact\"><div class=\"label\">Recommendations</div><div class=\"tally\">"
    )?;
    for (recommendation, count) in tally(&s.recommendations) {
        write!(
            out,
            "<span class=\"{}\"><b>{count}</b>{}</span>",
            recommendation_class(recommendation),
            recommendation.label()
        )?;
    }
    writeln!(out, "</div></div>")?;
    writeln!(out, "</section>")?;

    if let Some(decision) = &d.decision {
        writeln!(out, "<section>")?;
        writeln!(out, "<h2>Decision</h2>")?;
        writeln!(
            out,
            "<p><b>{}</b>, decided by {} on {}{}.</p>",
            decision.verdict.label(),
            escape_html(&decision.decided_by),
            decision.decided_at,
            match &d.opening {
                Some(opening) => format!(" for {}", escape_html(opening)),
                None => String::new(),
            }
        )?;
        writeln!(
            out,
            "<blockquote>{}</blockquote>",
            escape_html(&decision.rationale).replace('\n', "<br>")
        )?;
        if decision.changed_after > 0 {
            writeln!(
                out,
                "<p class=\"legend\">{} submitted after the decision (marked in the matrix).</p>",
                super::debrief::scorecards_noun(decision.changed_after)
            )?;
        }
        writeln!(out, "</section>")?;
    }
    if !d.owed.is_empty() {
        writeln!(out, "<section>")?;
        writeln!(out, "<h2>Owed scorecards</h2>")?;
        writeln!(out, "<ul>")?;
        for owed in &d.owed {
            writeln!(
                out,
                "<li>{}</li>",
                super::debrief::owed_line(owed, escape_html)
            )?;
        }
        writeln!(out, "</ul>")?;
        writeln!(out, "</section>")?;
    }

    writeln!(out, "<section class=\"alerts\">")?;
    writeln!(out, "<div>")?;
    writeln!(out, "<h2>Must-have failures</h2>")?;
    let failures = must_have_failures(d);
    if failures.is_empty() {
        writeln!(out, "<p class=\"none\">None.</p>")?;
    } else {
        writeln!(out, "<ul>")?;
        for dimension in failures {
            writeln!(
                out,
                "<li><span class=\"failure\">{}</span> <span class=\"meta\">mean {}, below Meets</span></li>",
                escape_html(&dimension.name),
                two_decimals(dimension.stats.mean())
            )?;
        }
        writeln!(out, "</ul>")?;
    }
    writeln!(out, "</div>")?;
    writeln!(out, "<div>")?;
    writeln!(out, "<h2>Red flags</h2>")?;
    if s.red_flags.is_empty() {
        writeln!(out, "<p class=\"none\">None raised.</p>")?;
    } else {
        writeln!(out, "<ul>")?;
        for flag in &s.red_flags {
            writeln!(
                out,
                "<li><span class=\"failure\">{}</span> <span class=\"meta\">raised by {}</span></li>",
                escape_html(&flag.flag),
                escape_html(&flag.interviewer)
            )?;
        }
        writeln!(out, "</ul>")?;
    }
    writeln!(out, "</div>")?;
    writeln!(out, "</section>")?;

    writeln!(out, "<section>")?;
    writeln!(out, "<h2>Ratings</h2>")?;
    if d.scorecards.is_empty() {
        writeln!(out, "<p class=\"none\">No submitted scorecard yet.</p>")?;
    } else {
        write_matrix(out, d)?;
    }
    writeln!(out, "</section>")?;

    writeln!(out, "<section class=\"dimensions\">")?;
    writeln!(out, "<h2>Dimensions, disagreements first</h2>")?;
    write_dimensions(out, d)?;
    writeln!(out, "</section>")?;

    writeln!(out, "<section>")?;
    writeln!(out, "<h2>Evidence by dimension</h2>")?;
    for dimension in &d.dimensions {
        write_evidence(out, dimension)?;
    }
    writeln!(out, "</section>")?;

    writeln!(out, "<section class=\"nudges\">")?;
    writeln!(out, "<h2>Evidence nudges</h2>")?;
    if d.nudges.is_empty() {
        writeln!(out, "<p class=\"none\">None.</p>")?;
    } else {
        writeln!(
            out,
            "<p class=\"legend\">{NUDGES_LEGEND}: for the panel to weigh, never a verdict.</p>"
        )?;
        writeln!(out, "<ul>")?;
        for nudge in &d.nudges {
            writeln!(out, "<li>{}</li>", nudge_line(d, nudge, escape_html))?;
        }
        writeln!(out, "</ul>")?;
    }
    writeln!(out, "</section>")?;

    writeln!(out, "<section>")?;
    writeln!(out, "<h2>Pending drafts</h2>")?;
    if d.pending.is_empty() {
        writeln!(out, "<p class=\"none\">None.</p>")?;
    } else {
        writeln!(out, "<table>")?;
        writeln!(
            out,
            "<thead><tr><th>Interviewer</th><th>Stage</th><th>Started</th></tr></thead>"
        )?;
        writeln!(out, "<tbody>")?;
        for draft in &d.pending {
            writeln!(
                out,
                "<tr><td>{}</td><td>{}</td><td>{}</td></tr>",
                escape_html(&draft.interviewer),
                escape_html(&draft.stage),
                draft.started_at
            )?;
        }
        writeln!(out, "</tbody>")?;
        writeln!(out, "</table>")?;
        writeln!(
            out,
            "<p class=\"legend\">Drafts are not counted in any number above.</p>"
        )?;
    }
    writeln!(out, "</section>")?;

    writeln!(
        out,
        "<footer class=\"legend\">Only submitted scorecards count; drafts are listed as \
         pending. Scores run from 1 (does not meet) to 4 (exceeds). Agreement is \
         Krippendorff&#39;s alpha (ordinal) between the scorecards: good from 0.80, moderate \
         from 0.667, poor below.</footer>"
    )?;
    close_page(out)
}

/// The ratings matrix: dimensions (template order) × submitted scorecards,
/// with the recommendations as the last row.
fn write_matrix(out: &mut String, d: &Debrief) -> fmt::Result {
    writeln!(out, "<table class=\"matrix\">")?;
    write!(out, "<thead><tr><th>Dimension</th>")?;
    for card in &d.scorecards {
        write!(
            out,
            "<th>{}<span class=\"stage\">{}</span>{}</th>",
            escape_html(&card.interviewer),
            escape_html(&card.stage),
            if card.after_decision {
                "<span class=\"stage\">after the decision</span>"
            } else {
                ""
            }
        )?;
    }
    writeln!(out, "</tr></thead>")?;
    writeln!(out, "<tbody>")?;
    for dimension in template_order(d) {
        write!(
            out,
            "<tr><td>{}{}</td>",
            escape_html(&dimension.name),
            must_have_tag(dimension)
        )?;
        for rating in &dimension.ratings {
            write!(
                out,
                "<td class=\"score {}\" title=\"{}\">{}</td>",
                rating_class(*rating),
                rating.map_or("Not rated", Rating::label),
                rating_mark(*rating)
            )?;
        }
        writeln!(out, "</tr>")?;
    }
    writeln!(out, "</tbody>")?;
    write!(out, "<tfoot><tr><td>Recommendation</td>")?;
    for card in &d.scorecards {
        write!(out, "<td>{}</td>", recommendation_text(card.recommendation))?;
    }
    writeln!(out, "</tr></tfoot>")?;
    writeln!(out, "</table>")?;
    writeln!(
        out,
        "<p class=\"legend\">{}</p>",
        escape_html(RATING_LEGEND)
    )
}

/// The dimensions table, disagreements first.
fn write_dimensions(out: &mut String, d: &Debrief) -> fmt::Result {
    writeln!(out, "<table>")?;
    writeln!(
        out,
        "<thead><tr><th>Dimension</th><th class=\"num\">n</th><th class=\"num\">Mean</th>\
         <th class=\"num\">Median</th><th class=\"num\">Min</th><th class=\"num\">Max</th>\
         <th class=\"num\">Spread</th><th>Disagreement</th></tr></thead>"
    )?;
    writeln!(out, "<tbody>")?;
    for dimension in &d.dimensions {
        let st = &dimension.stats;
        let [n, mean, median, min, max, spread] = statistic_texts(st);
        writeln!(
            out,
            "<tr{}><td>{}{}</td><td class=\"num\">{n}</td><td class=\"num\">{mean}</td>\
             <td class=\"num\">{median}</td><td class=\"num\">{min}</td><td class=\"num\">{max}</td>\
             <td class=\"num\">{spread}</td><td>{}</td></tr>",
            if st.disagreement() {
                " class=\"split\""
            } else {
                ""
            },
            escape_html(&dimension.name),
            must_have_tag(dimension),
            if st.disagreement() {
                "<span class=\"tag split\">disagreement</span>"
            } else {
                ""
            },
        )?;
    }
    writeln!(out, "</tbody>")?;
    writeln!(out, "</table>")
}

/// One dimension's evidence notes.
fn write_evidence(out: &mut String, dimension: &DebriefDimension) -> fmt::Result {
    let st = &dimension.stats;
    let mut meta = vec![format!("mean {}", two_decimals(st.mean()))];
    if let Some(spread) = st.spread() {
        meta.push(format!("spread {spread}"));
    }
    if st.disagreement() {
        meta.push("disagreement".to_owned());
    }
    writeln!(
        out,
        "<h3>{}{} <span class=\"meta\">{}</span></h3>",
        escape_html(&dimension.name),
        must_have_tag(dimension),
        meta.join(" · ")
    )?;
    if dimension.evidence.is_empty() {
        return writeln!(out, "<p class=\"none\">No evidence written.</p>");
    }
    writeln!(out, "<ul class=\"evidence\">")?;
    for line in &dimension.evidence {
        writeln!(
            out,
            "<li class=\"{}\"><div class=\"meta\"><span class=\"who\">{}</span> · {} · {}</div>\
             <div class=\"text\">{}</div></li>",
            rating_class(Some(line.rating)),
            escape_html(&line.interviewer),
            escape_html(&line.stage),
            line.rating.label(),
            escape_html(&line.text)
        )?;
    }
    writeln!(out, "</ul>")
}

/// A "must-have" or "must-have failure" tag after a dimension's name.
fn must_have_tag(dimension: &DebriefDimension) -> &'static str {
    match (dimension.must_have, dimension.must_have_failure) {
        (_, true) => " <span class=\"tag fail\">must-have: below Meets</span>",
        (true, false) => " <span class=\"tag must\">must-have</span>",
        (false, false) => "",
    }
}

/// The CSS class that colours a rating.
fn rating_class(rating: Option<Rating>) -> &'static str {
    match rating {
        Some(Rating::DoesNotMeet) => "r1",
        Some(Rating::PartiallyMeets) => "r2",
        Some(Rating::Meets) => "r3",
        Some(Rating::Exceeds) => "r4",
        Some(Rating::NoSignal) => "ns",
        None => "unrated",
    }
}

/// The CSS class of a recommendation in the tally.
fn recommendation_class(recommendation: Recommendation) -> &'static str {
    match recommendation {
        Recommendation::StrongNoHire => "snh",
        Recommendation::NoHire => "nh",
        Recommendation::Hire => "h",
        Recommendation::StrongHire => "sh",
    }
}
