//! A workshop's setup as a document: read (checked, with the path of the first bad field)
//! and written, so that a workshop can start from another.

use std::collections::HashMap;

use kvadrant::{
    Aggregate, AxisLabel, CertaintySettings, Description, Error, Field, Format, Midline, Name, Rule, Scale, Title,
    segment,
};
use kvadrant_api::lang::Lang;
use kvadrant_api::model::{
    CertaintyInput, SETUP_FORMAT, Settings, SettingsInput, Setup, SetupArea, SetupCategory, SetupGroup, Workshop,
};

use kvadrant::limits::{MAX_AREAS, MAX_CATEGORIES, MAX_GROUPS};

use super::within_limit;
use crate::store::{NewLists, WorkshopSettings};

/// A setup that passed every check, ready to become a workshop.
pub struct ParsedSetup {
    pub title: Title,
    pub description: Description,
    pub settings: WorkshopSettings,
    pub lists: NewLists,
}

/// Checks settings; a midline left out sits at the scale's midpoint.
pub fn parse_settings(input: &SettingsInput) -> Result<WorkshopSettings, Error> {
    let bound = |field: Field, value: i64, range: std::ops::RangeInclusive<u8>| {
        let (min, max) = (i64::from(*range.start()), i64::from(*range.end()));
        u8::try_from(value)
            .ok()
            .filter(|value| range.contains(value))
            .ok_or(Error::invalid(field, Rule::OutOfRange { min, max }))
    };
    let scale = Scale::new(
        bound(Field::ScaleMin, input.scale_min, Scale::MINS)?,
        bound(Field::ScaleMax, input.scale_max, Scale::MAXES)?,
    )?;
    let midline = |field: Field, value: Option<f64>| value.map(|value| Midline::parse(field, value, scale)).transpose();
    Ok(WorkshopSettings {
        scale,
        potential_label: AxisLabel::parse(Field::PotentialLabel, &input.potential_label)?,
        feasibility_label: AxisLabel::parse(Field::FeasibilityLabel, &input.feasibility_label)?,
        potential_midline: midline(Field::PotentialMidline, input.potential_midline)?,
        feasibility_midline: midline(Field::FeasibilityMidline, input.feasibility_midline)?,
        language: Lang::from_code(&input.language)
            .ok_or(Error::invalid(Field::Language, Rule::Malformed { expected: Format::Language }))?,
        aggregate: input.aggregate.as_deref().map(Aggregate::parse).transpose()?.unwrap_or_default(),
        certainty: match &input.certainty {
            Some(c) => CertaintySettings::parse(c.dissent_percent, &c.top_places, c.min_segment_groups)
                .map_err(|e| e.within("certainty"))?,
            None => CertaintySettings::default(),
        },
    })
}

/// The input that gives back `settings`; a midline at the scale's midpoint is left out so that
/// it follows the scale.
pub fn settings_input(settings: &Settings) -> SettingsInput {
    let centre = Midline::centre(settings.scale()).value();
    let moved = |value: f64| (value != centre).then_some(value);
    SettingsInput {
        scale_min: settings.scale_min.into(),
        scale_max: settings.scale_max.into(),
        potential_label: settings.potential_label.clone(),
        feasibility_label: settings.feasibility_label.clone(),
        potential_midline: moved(settings.potential_midline),
        feasibility_midline: moved(settings.feasibility_midline),
        language: settings.language.code().to_owned(),
        aggregate: Some(settings.aggregate.as_str().to_owned()),
        certainty: Some(CertaintyInput {
            dissent_percent: settings.certainty.dissent_percent.into(),
            top_places: settings.certainty.top_places.iter().map(|&k| k.into()).collect(),
            min_segment_groups: settings.certainty.min_segment_groups.into(),
        }),
    }
}

pub fn parse_setup(setup: &Setup) -> Result<ParsedSetup, Error> {
    if setup.kvadrant_setup != SETUP_FORMAT {
        let version = i64::from(SETUP_FORMAT);
        return Err(Error::invalid(Field::KvadrantSetup, Rule::OutOfRange { min: version, max: version }));
    }
    within_limit(setup.categories.len(), MAX_CATEGORIES, Field::Categories)?;
    within_limit(setup.areas.len(), MAX_AREAS, Field::Areas)?;
    within_limit(setup.groups.len(), MAX_GROUPS, Field::Groups)?;
    let settings = match &setup.settings {
        Some(input) => parse_settings(input).map_err(|e| e.within("settings"))?,
        None => WorkshopSettings::default(),
    };

    let mut lists = NewLists::default();
    let mut category_index: HashMap<&str, usize> = HashMap::new();
    for (i, category) in setup.categories.iter().enumerate() {
        let field = Field::Categories.at(i);
        let name = Name::parse(Field::Name, &category.name).map_err(|e| e.within(&field))?;
        let description =
            Description::parse(Field::Description, &category.description).map_err(|e| e.within(&field))?;
        if category_index.insert(category.name.trim(), i).is_some() {
            return Err(Error::invalid(format!("{field}.name"), Rule::Duplicate));
        }
        lists.categories.push((name, description));
    }
    for (i, area) in setup.areas.iter().enumerate() {
        let field = Field::Areas.at(i);
        let name = Name::parse(Field::Name, &area.name).map_err(|e| e.within(&field))?;
        let description = Description::parse(Field::Description, &area.description).map_err(|e| e.within(&field))?;
        let category = match area.category.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(category) => {
                Some(*category_index.get(category).ok_or(Error::invalid(format!("{field}.category"), Rule::Foreign))?)
            }
        };
        lists.areas.push((name, description, category));
    }
    for (i, group) in setup.groups.iter().enumerate() {
        let field = Field::Groups.at(i);
        let name = Name::parse(Field::Name, &group.name).map_err(|e| e.within(&field))?;
        if lists.groups.iter().any(|(other, _)| other == &name) {
            return Err(Error::invalid(format!("{field}.name"), Rule::Duplicate));
        }
        let pairs = group.tags.iter().map(|tag| (tag.dimension.as_str(), tag.value.as_str()));
        let tags = segment::parse_tags(Field::Tags, pairs).map_err(|e| e.within(&field))?;
        lists.groups.push((name, tags));
    }
    Ok(ParsedSetup {
        title: Title::parse(Field::Title, &setup.title)?,
        description: Description::parse(Field::Description, &setup.description)?,
        settings,
        lists,
    })
}

/// The setup of `workshop`: everything but its scores, comments and suggestions.
pub fn setup_of(workshop: &Workshop) -> Setup {
    Setup {
        kvadrant_setup: SETUP_FORMAT,
        title: workshop.title.clone(),
        description: workshop.description.clone(),
        settings: Some(settings_input(&workshop.settings)),
        categories: workshop
            .categories
            .iter()
            .map(|c| SetupCategory { name: c.name.clone(), description: c.description.clone() })
            .collect(),
        areas: workshop
            .areas
            .iter()
            .map(|a| SetupArea {
                name: a.name.clone(),
                description: a.description.clone(),
                category: workshop.category(a.category_id).map(|c| c.name.clone()),
            })
            .collect(),
        groups: workshop.groups.iter().map(|g| SetupGroup { name: g.name.clone(), tags: g.tags.clone() }).collect(),
    }
}

#[cfg(test)]
mod tests {
    use kvadrant_api::model::GroupTag;

    use super::*;

    fn setup() -> Setup {
        Setup {
            kvadrant_setup: 1,
            title: "Prioritering".into(),
            description: String::new(),
            settings: None,
            categories: vec![SetupCategory { name: "Helse".into(), description: String::new() }],
            areas: vec![SetupArea {
                name: "Jordmor".into(),
                description: String::new(),
                category: Some("Helse".into()),
            }],
            groups: vec![SetupGroup {
                name: "Gruppe 1".into(),
                tags: vec![GroupTag { dimension: "Rolle".into(), value: "Folkevalgte".into() }],
            }],
        }
    }

    #[test]
    fn a_valid_setup_becomes_lists_with_category_indexes() {
        let parsed = parse_setup(&setup()).unwrap();
        assert_eq!(parsed.lists.areas[0].2, Some(0));
        assert_eq!(parsed.lists.groups[0].1.len(), 1);
        assert_eq!(parsed.settings, WorkshopSettings::default());
    }

    #[test]
    fn errors_name_the_path_of_the_bad_field() {
        let mut bad = setup();
        bad.areas[0].category = Some("Skole".into());
        assert_eq!(parse_setup(&bad).err(), Some(Error::invalid("areas[0].category", Rule::Foreign)));

        let mut bad = setup();
        bad.groups[0].tags[0].value = " ".into();
        assert_eq!(parse_setup(&bad).err(), Some(Error::invalid("groups[0].tags[0].value", Rule::Required)));

        let mut bad = setup();
        bad.settings = Some(SettingsInput {
            scale_min: 1,
            scale_max: 5,
            potential_label: String::new(),
            feasibility_label: String::new(),
            potential_midline: Some(5.5),
            feasibility_midline: None,
            language: "nb".into(),
            aggregate: None,
            certainty: None,
        });
        let rule = Rule::HalfStep { min: 1, max: 5 };
        assert_eq!(parse_setup(&bad).err(), Some(Error::invalid("settings.potential_midline", rule)));

        let mut bad = setup();
        bad.kvadrant_setup = 2;
        assert!(matches!(parse_setup(&bad), Err(Error::Invalid { field, .. }) if field == "kvadrant_setup"));
    }
}
