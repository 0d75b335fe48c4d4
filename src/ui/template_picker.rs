//! Picking a template among thirty-odd: type to filter, grouped by family
//! (the id without its level: `junior-cloud-engineer` is a *cloud
//! engineer*), each family from junior to distinguished, the engineering
//! leaders last, and the level on every line.

use egui::PopupCloseBehavior;

use crate::io::{TemplateEntry, TemplateSet};
use crate::model::{Slug, Template};

/// Level words that start an id, taken off to find its family.
const LEVEL_PREFIXES: [&str; 6] = [
    "junior-",
    "senior-",
    "staff-",
    "lead-",
    "principal-",
    "distinguished-",
];

/// The family of a leadership template.
const LEADERS: &str = "Engineering leaders";

/// Where a level sorts: junior first, then mid-level, senior, staff, lead,
/// principal, distinguished, leaders; anything else last.
pub fn level_rank(level: &str) -> u8 {
    let level = level.to_lowercase();
    let ranks = [
        ("junior", 0),
        ("mid", 1),
        ("senior", 2),
        ("staff", 3),
        ("lead", 4),
        ("principal", 5),
        ("distinguished", 6),
        ("leader", 7),
        ("manager", 7),
        ("director", 8),
    ];
    ranks
        .iter()
        .find(|(word, _)| level.contains(word))
        .map_or(9, |(_, rank)| *rank)
}

fn is_leader(t: &Template) -> bool {
    let level = t.level.to_lowercase();
    level.contains("leader") || level.contains("manager") || t.id.as_str().contains("leader")
}

/// The family a template belongs to, in words ("Cloud engineer").
pub fn family_of(t: &Template) -> String {
    if is_leader(t) {
        return LEADERS.to_owned();
    }
    let mut id = t.id.as_str();
    for prefix in LEVEL_PREFIXES {
        if let Some(rest) = id.strip_prefix(prefix) {
            id = rest;
            break;
        }
    }
    let words = id.replace('-', " ");
    let mut chars = words.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// How a template reads in a picker: role, then level.
pub fn template_label(t: &Template) -> String {
    crate::model::escape_line(&format!("{} ({})", t.role, t.level)).into_owned()
}

/// The templates `filter` matches (role, level, id or family, any case),
/// grouped by family in name order with the leaders last, each group from
/// junior to distinguished.
pub fn grouped<'a>(set: &'a TemplateSet, filter: &str) -> Vec<(String, Vec<&'a TemplateEntry>)> {
    let needle = filter.trim().to_lowercase();
    let mut groups: Vec<(String, Vec<&TemplateEntry>)> = Vec::new();
    for entry in set.iter() {
        let t = &entry.template;
        let family = family_of(t);
        let matches = needle.is_empty()
            || [&t.role, &t.level, &family, &t.id.to_string()]
                .iter()
                .any(|text| text.to_lowercase().contains(&needle));
        if !matches {
            continue;
        }
        match groups.iter_mut().find(|(name, _)| *name == family) {
            Some((_, entries)) => entries.push(entry),
            None => groups.push((family, vec![entry])),
        }
    }
    groups.sort_by(|a, b| (a.0 == LEADERS, &a.0).cmp(&(b.0 == LEADERS, &b.0)));
    for (_, entries) in &mut groups {
        entries.sort_by(|a, b| {
            (level_rank(&a.template.level), &a.template.role)
                .cmp(&(level_rank(&b.template.level), &b.template.role))
        });
    }
    groups
}

/// A filter field, labelled *Filter templates*.
pub fn filter_field_ui(ui: &mut egui::Ui, filter: &mut String) -> egui::Response {
    ui.horizontal(|ui| {
        let label = ui.label("Filter templates");
        ui.add(
            egui::TextEdit::singleline(filter)
                .hint_text("role, level or family")
                .desired_width(180.0),
        )
        .labelled_by(label.id)
    })
    .inner
}

/// A drop-down of the templates in `set` that sets `selected`; its popup
/// has a filter field and the groups. The filter lives in egui's memory
/// while the app runs (it is not persisted).
pub fn template_picker_ui(
    ui: &mut egui::Ui,
    id_salt: &str,
    selected: &mut Option<Slug>,
    set: &TemplateSet,
    width: f32,
) -> egui::Response {
    let filter_id = ui.make_persistent_id((id_salt, "filter"));
    let open_id = filter_id.with("open");
    let was_open: bool = ui.data(|d| d.get_temp(open_id).unwrap_or(false));
    let mut filter: String = ui.data_mut(|d| d.get_temp(filter_id).unwrap_or_default());
    let shown = selected
        .as_ref()
        .and_then(|id| set.get(id.as_str()))
        .map_or_else(String::new, |e| template_label(&e.template));
    let combo = egui::ComboBox::from_id_salt(id_salt)
        .selected_text(shown)
        .width(width)
        // Thirty-odd roles: show most of them without scrolling.
        .height(640.0)
        .close_behavior(PopupCloseBehavior::CloseOnClickOutside)
        .show_ui(ui, |ui| {
            let field = filter_field_ui(ui, &mut filter);
            // Typing goes to the filter as soon as the list opens.
            if !was_open {
                field.request_focus();
            }
            let groups = grouped(set, &filter);
            if groups.is_empty() {
                ui.weak("No template matches");
            }
            for (family, entries) in groups {
                ui.add_space(4.0);
                ui.label(egui::RichText::new(family).small().strong());
                for entry in entries {
                    let t = &entry.template;
                    let chosen = selected.as_ref() == Some(&t.id);
                    if ui.selectable_label(chosen, template_label(t)).clicked() {
                        *selected = Some(t.id.clone());
                        ui.close();
                    }
                }
            }
        });
    let open = combo.inner.is_some();
    ui.data_mut(|d| {
        d.insert_temp(filter_id, filter);
        d.insert_temp(open_id, open);
    });
    combo.response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_templates_group_by_family_junior_first_leaders_last() {
        let (set, _) = TemplateSet::shipped();
        let groups = grouped(&set, "");
        let names: Vec<&str> = groups.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names.last(), Some(&LEADERS));
        let cloud = groups.iter().find(|(n, _)| n == "Cloud engineer").unwrap();
        let ids: Vec<&str> = cloud.1.iter().map(|e| e.template.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "junior-cloud-engineer",
                "cloud-engineer",
                "lead-cloud-engineer",
                "distinguished-cloud-engineer"
            ]
        );
        let total: usize = groups.iter().map(|(_, e)| e.len()).sum();
        assert_eq!(total, set.len());
    }

    #[test]
    fn the_filter_matches_role_level_or_family_in_any_case() {
        let (set, _) = TemplateSet::shipped();
        let kube = grouped(&set, "KUBERNETES");
        assert_eq!(kube.len(), 1);
        assert!(kube[0].1.len() >= 2);
        let junior = grouped(&set, "junior ic");
        assert!(
            junior
                .iter()
                .all(|(_, e)| e.iter().all(|e| e.template.level == "Junior IC"))
        );
        assert!(grouped(&set, "no such role").is_empty());
    }
}
