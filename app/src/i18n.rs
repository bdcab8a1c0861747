//! Every string the UI shows, in bokmål (the default), nynorsk and English. The words live in
//! the locale files (`app/locales/<language>.ftl`, Fluent); the build compiles each message into
//! a method of [`Texts`] (see `app/build.rs`), so a message missing in one language does not
//! build, and the browser's code carries only the words of the parts it hydrates.

use kvadrant::certainty::{Place, Strength};
use kvadrant::{Aggregate, Entity, Error, Field, Format, Quadrant, Rule, Timeframe};

use leptos::prelude::use_context;

use crate::model::{ListKind, RankedArea, Removal, SuggestionStatus};

pub use kvadrant_api::lang::Lang;

/// What the UI says in `lang`.
pub fn texts(lang: Lang) -> &'static Texts {
    match lang {
        Lang::Nb => &Texts { lang: Lang::Nb },
        Lang::Nn => &Texts { lang: Lang::Nn },
        Lang::En => &Texts { lang: Lang::En },
    }
}

/// The language of the page being rendered: the cookie on the server, the document's
/// `lang` (which the server wrote) in the browser.
pub fn current_lang() -> Lang {
    #[cfg(feature = "ssr")]
    {
        // The visitor's choice, else the workshop's language (which the server puts on the request).
        use_context::<http::request::Parts>()
            .and_then(|parts| {
                kvadrant_api::lang::chosen(&parts.headers).or_else(|| parts.extensions.get::<Lang>().copied())
            })
            .unwrap_or_default()
    }
    #[cfg(all(feature = "hydrate", not(feature = "ssr")))]
    {
        leptos::prelude::document()
            .document_element()
            .and_then(|html| html.get_attribute("lang"))
            .and_then(|code| Lang::from_code(&code))
            .unwrap_or_default()
    }
    #[cfg(not(any(feature = "ssr", feature = "hydrate")))]
    {
        Lang::default()
    }
}

/// The language of the page; in an island, where the page's context does not reach, the document's.
pub fn use_lang() -> Lang {
    use_context::<Lang>().unwrap_or_else(current_lang)
}

/// The `lang` of a workshop's own words (its title, areas, groups, comments) where they are
/// in another language than the page around them, so that a screen reader reads them in theirs.
pub fn content_lang(content: Lang) -> Option<&'static str> {
    other_lang(content).map(Lang::code)
}

/// `content`, if it is not the page's language: what an island is handed for [`content_lang`].
pub fn other_lang(content: Lang) -> Option<Lang> {
    (content != use_lang()).then_some(content)
}

pub fn use_texts() -> &'static Texts {
    texts(use_lang())
}

/// The words of one language. A message `foo-bar` of the locale files is the method `foo_bar`:
/// `&'static str` when it has no variables, else a `String` formatted from its variables, given
/// in the alphabetical order of their names.
pub struct Texts {
    lang: Lang,
}

/// A number a message chooses its words by (`{ $n -> [one] … *[other] … }`).
pub trait Count: std::fmt::Display {
    fn count(&self) -> i64;
}

macro_rules! count {
    ($($integer:ty),*) => {$(
        impl Count for $integer {
            fn count(&self) -> i64 {
                i64::try_from(*self).unwrap_or(i64::MAX)
            }
        }
    )*};
}
count!(u32, u64, usize, i32, i64);

include!(concat!(env!("OUT_DIR"), "/texts.rs"));

impl Texts {
    /// What the workshop calls `axis`: its own name if it gave one, else the usual one.
    pub fn axis_short(&self, axis: kvadrant::Axis) -> &'static str {
        match axis {
            kvadrant::Axis::Potential => self.potential_short(),
            kvadrant::Axis::Feasibility => self.feasibility_short(),
        }
    }

    pub fn axis_name<'a>(&'a self, settings: &'a crate::model::Settings, axis: kvadrant::Axis) -> &'a str {
        let (own, usual) = match axis {
            kvadrant::Axis::Potential => (&settings.potential_label, self.potential()),
            kvadrant::Axis::Feasibility => (&settings.feasibility_label, self.feasibility()),
        };
        if own.is_empty() { usual } else { own }
    }

    /// Who made a change: the facilitator, a group by its name, or the facilitator for a group.
    pub fn change_actor(&self, entry: &crate::model::ChangeEntry) -> String {
        let group = entry.group_name.as_deref().unwrap_or_default();
        match entry.actor {
            crate::model::ChangeActor::Facilitator => self.facilitator_actor().to_owned(),
            crate::model::ChangeActor::Group => group.to_owned(),
            crate::model::ChangeActor::FacilitatorForGroup => self.facilitator_for(group),
        }
    }

    /// What a change did, in words.
    pub fn change_name<'a>(&self, entry: &'a crate::model::ChangeEntry) -> &'a str {
        self.change_action(&entry.action).unwrap_or(&entry.action)
    }

    /// What a change touched: an axis by the workshop's name for it, or another field.
    pub fn change_subject_field<'a>(
        &'a self,
        settings: &'a crate::model::Settings,
        entry: &'a crate::model::ChangeEntry,
    ) -> &'a str {
        let field = entry.field.as_deref().unwrap_or_default();
        match kvadrant::Axis::parse(field) {
            Ok(axis) if entry.action.starts_with("score_") => self.axis_name(settings, axis),
            _ => self.changed_field(field).unwrap_or(field),
        }
    }

    /// The band of an area's rank ("2–5", or the rank alone when it cannot move), or why there is none.
    pub fn band(&self, row: &RankedArea) -> String {
        match &row.certainty.band {
            Some(band) if band.best == band.worst => band.best.to_string(),
            Some(band) => format!("{}–{}", band.best, band.worst),
            None if (row.groups as usize) < kvadrant::certainty::MIN_GROUPS_FOR_BAND => {
                self.too_few_groups().to_owned()
            }
            // Drawn off the live path: it follows within a second or so.
            None => "…".to_owned(),
        }
    }

    /// Where an area's band puts it against the widest top k, in words.
    pub fn place_of(&self, row: &RankedArea) -> Option<String> {
        let share = row.certainty.band.as_ref()?.top.last()?;
        Some(self.place(share.place, share.k))
    }

    /// The axes the groups disagree on about an area, in words, if any.
    pub fn dissent_of(&self, row: &RankedArea) -> Option<&'static str> {
        let on = |axis| row.certainty.dissent.contains(&axis);
        match (on(kvadrant::Axis::Potential), on(kvadrant::Axis::Feasibility)) {
            (true, false) => Some(self.dissent_potential()),
            (false, true) => Some(self.dissent_feasibility()),
            (true, true) => Some(self.dissent_both()),
            (false, false) => None,
        }
    }

    /// A number with the language's decimal separator.
    pub fn number(&self, value: f64, decimals: usize) -> String {
        let text = format!("{value:.decimals$}");
        match self.decimal_separator() {
            "." => text,
            separator => text.replace('.', separator),
        }
    }

    /// A quadrant of the matrix, in words.
    pub fn quadrant(&self, quadrant: Quadrant) -> &'static str {
        match quadrant {
            Quadrant::HighPotentialEasy => self.quadrant_high_potential_easy(),
            Quadrant::HighPotentialHard => self.quadrant_high_potential_hard(),
            Quadrant::LowPotentialEasy => self.quadrant_low_potential_easy(),
            Quadrant::LowPotentialHard => self.quadrant_low_potential_hard(),
        }
    }

    /// An area against the top k: clearly ahead, uncertain, clearly behind.
    pub fn place(&self, place: Place, k: u32) -> String {
        match place {
            Place::ClearlyAhead => self.place_clearly_ahead(k),
            Place::Uncertain => self.place_uncertain(k),
            Place::ClearlyBehind => self.place_clearly_behind(k),
        }
    }

    /// Agreement on the order: Kendall's W (already formatted), its strength, the number of groups.
    pub fn agreement_of(&self, w: &str, strength: Strength, groups: usize) -> String {
        let reading = match strength {
            Strength::Weak => self.agreement_weak(),
            Strength::Moderate => self.agreement_moderate(),
            Strength::Strong => self.agreement_strong(),
        };
        self.agreement(groups, reading, w)
    }

    /// A change log action's name, if it is one this version knows.
    pub fn change_action(&self, action: &str) -> Option<&'static str> {
        Some(match action {
            "score_set" => self.change_action_score_set(),
            "score_cleared" => self.change_action_score_cleared(),
            "comment_saved" => self.change_action_comment_saved(),
            "comment_removed" => self.change_action_comment_removed(),
            "suggestion_made" => self.change_action_suggestion_made(),
            "suggestion_accepted" => self.change_action_suggestion_accepted(),
            "suggestion_kept" => self.change_action_suggestion_kept(),
            "area_added" => self.change_action_area_added(),
            "area_changed" => self.change_action_area_changed(),
            "area_removed" => self.change_action_area_removed(),
            "category_added" => self.change_action_category_added(),
            "category_changed" => self.change_action_category_changed(),
            "category_removed" => self.change_action_category_removed(),
            "group_added" => self.change_action_group_added(),
            "group_changed" => self.change_action_group_changed(),
            "group_removed" => self.change_action_group_removed(),
            "group_joined" => self.change_action_group_joined(),
            "group_link_renewed" => self.change_action_group_link_renewed(),
            "group_released" => self.change_action_group_released(),
            "order_changed" => self.change_action_order_changed(),
            "title_changed" => self.change_action_title_changed(),
            "description_changed" => self.change_action_description_changed(),
            "settings_changed" => self.change_action_settings_changed(),
            "scoring_opened" => self.change_action_scoring_opened(),
            "scoring_closed" => self.change_action_scoring_closed(),
            "round_started" => self.change_action_round_started(),
            "results_hidden" => self.change_action_results_hidden(),
            "results_revealed" => self.change_action_results_revealed(),
            "review_link_renewed" => self.change_action_review_link_renewed(),
            _ => return None,
        })
    }

    /// A changed field's name, unless it is an axis.
    pub fn changed_field(&self, field: &str) -> Option<&'static str> {
        Some(match field {
            "name" => self.changed_field_name(),
            "description" => self.changed_field_description(),
            "category" => self.changed_field_category(),
            "tags" => self.changed_field_tags(),
            "title" => self.changed_field_title(),
            "scale" => self.changed_field_scale(),
            "potential_label" => self.changed_field_potential_label(),
            "feasibility_label" => self.changed_field_feasibility_label(),
            "potential_midline" => self.changed_field_potential_midline(),
            "feasibility_midline" => self.changed_field_feasibility_midline(),
            "language" => self.changed_field_language(),
            "categories" => self.changed_field_categories(),
            "areas" => self.changed_field_areas(),
            "groups" => self.changed_field_groups(),
            _ => return None,
        })
    }

    pub fn timeframe(&self, timeframe: Timeframe) -> &'static str {
        match timeframe {
            Timeframe::Short => self.timeframe_short(),
            Timeframe::Medium => self.timeframe_medium(),
            Timeframe::Long => self.timeframe_long(),
        }
    }

    pub fn suggestion_status(&self, status: SuggestionStatus) -> &'static str {
        match status {
            SuggestionStatus::Pending => self.suggestion_status_pending(),
            SuggestionStatus::Accepted => self.suggestion_status_accepted(),
            SuggestionStatus::Kept => self.suggestion_status_kept(),
        }
    }

    pub fn aggregate_name(&self, aggregate: Aggregate) -> &'static str {
        match aggregate {
            Aggregate::Mean => self.aggregate_name_mean(),
            Aggregate::Median => self.aggregate_name_median(),
        }
    }

    /// How the combined score is made, named on every results page.
    pub fn combined_by(&self, aggregate: Aggregate) -> &'static str {
        match aggregate {
            Aggregate::Mean => self.combined_by_mean(),
            Aggregate::Median => self.combined_by_median(),
        }
    }

    /// A day, from (year, month, day), as the language writes dates.
    pub fn day(&self, (year, month, day): (i32, u32, u32)) -> String {
        self.date(format!("{day:02}"), format!("{month:02}"), year)
    }

    /// A day written `YYYY-MM-DD`, as the language writes dates; as given if it is not one.
    pub fn iso_day(&self, iso: &str) -> String {
        let mut parts = iso.splitn(3, '-').map(str::parse::<u32>);
        match (parts.next(), parts.next(), parts.next()) {
            (Some(Ok(year)), Some(Ok(month)), Some(Ok(day))) => self.day((year as i32, month, day)),
            _ => iso.to_owned(),
        }
    }

    /// The date on a printed report, from (year, month, day).
    pub fn report_date_of(&self, date: (i32, u32, u32)) -> String {
        self.report_date(self.day(date))
    }

    /// What a removal took away.
    pub fn removed(&self, removal: &Removal) -> String {
        match removal.list {
            ListKind::Areas => self.removed_areas(removal.comments, &removal.name, removal.scored),
            ListKind::Groups => self.removed_groups(removal.comments, &removal.name, removal.scored),
            ListKind::Categories => self.removed_categories(removal.areas, &removal.name),
        }
    }
}

/// A rule a rejected value broke, in `t`'s language: the end of an [`Error::Invalid`]'s sentence.
fn rule_text(t: &Texts, rule: &Rule) -> String {
    match rule {
        Rule::Required => t.rule_required().into(),
        Rule::TooLong { max } => t.rule_too_long(max),
        Rule::ControlCharacter => t.rule_control_character().into(),
        Rule::OutOfRange { min, max } => t.rule_out_of_range(max, min),
        Rule::Malformed { expected } => match expected {
            Format::JoinCode => t.rule_malformed_join_code(),
            Format::Axis => t.rule_malformed_axis(),
            Format::Json => t.rule_malformed_json(),
            Format::WholeNumber => t.rule_malformed_whole_number(),
            Format::Number => t.rule_malformed_number(),
            Format::Language => t.rule_malformed_language(),
            Format::Timeframe => t.rule_malformed_timeframe(),
            Format::Segment => t.rule_malformed_segment(),
            Format::CsvDialect => t.rule_malformed_csv_dialect(),
            Format::ResultsView => t.rule_malformed_results_view(),
            Format::Aggregate => t.rule_malformed_aggregate(),
            Format::Tag => t.rule_malformed_tag(),
        }
        .into(),
        Rule::HalfStep { min, max } => t.rule_half_step(max, min),
        Rule::Locked => t.rule_locked().into(),
        Rule::Foreign => t.rule_foreign().into(),
        Rule::Duplicate => t.rule_duplicate().into(),
        Rule::Incomplete => t.rule_incomplete().into(),
        Rule::TooFewGroups { min } => t.rule_too_few_groups(min),
        Rule::NothingScored => t.rule_nothing_scored().into(),
    }
}

/// The name of the field a path ends in, in `t`'s language: the start of an [`Error::Invalid`]'s
/// sentence.
fn field_text(t: &Texts, path: &str) -> &'static str {
    // A tag's parts are named `dimension` and `value` like nothing else's.
    let field = if path.contains("tags[") { Some(Field::Tags) } else { Field::of_path(path) };
    let Some(field) = field else { return t.field_unknown() };
    match field {
        Field::Title => t.field_title(),
        Field::Description => t.field_description(),
        Field::Name | Field::Names => t.field_name(),
        Field::Count => t.field_count(),
        Field::Code => t.field_code(),
        Field::Value | Field::Scores => t.field_value(),
        Field::CategoryId | Field::Category => t.field_category_id(),
        Field::Setup => t.field_setup(),
        Field::KvadrantSetup => t.field_kvadrant_setup(),
        Field::ScaleMin => t.field_scale_min(),
        Field::ScaleMax => t.field_scale_max(),
        Field::PotentialLabel | Field::FeasibilityLabel => t.field_potential_label(),
        Field::PotentialMidline | Field::FeasibilityMidline => t.field_potential_midline(),
        Field::Language => t.field_language(),
        Field::DissentPercent => t.field_dissent_percent(),
        Field::TopPlaces => t.field_top_places(),
        Field::MinSegmentGroups => t.field_min_segment_groups(),
        Field::View => t.field_view(),
        Field::Round => t.field_round(),
        Field::Aggregate => t.field_aggregate(),
        Field::Tags | Field::Dimension => t.field_tags(),
        Field::Rationale => t.field_rationale(),
        Field::Confirm => t.field_confirm(),
        Field::Risks => t.field_risks(),
        Field::Timeframe => t.field_timeframe(),
        Field::Segment | Field::Compare => t.field_segment(),
        Field::Scale => t.field_scale(),
        Field::Suggestions => t.field_suggestions(),
        Field::Categories => t.field_categories(),
        Field::Areas => t.field_areas(),
        Field::Groups => t.field_groups(),
        Field::Comments => t.field_comments(),
        Field::AreaId => t.field_area_id(),
        Field::Id | Field::Ids => t.field_id(),
        Field::Limit => t.field_limit(),
        Field::Dialect => t.field_dialect(),
        Field::Body | Field::Path | Field::Query => t.field_body(),
    }
}

/// Where in a pasted setup a field sits, e.g. ` (areas[3].category)`: the field's name alone
/// would not find it among many.
fn place_in_setup(field: &str) -> String {
    match field.strip_prefix("setup.") {
        Some(path) => format!(" ({path})"),
        None => String::new(),
    }
}

/// A domain error in words, in `lang`. Only the server words them: the browser receives them
/// worded (see [`crate::error::AppError`]), so its code carries none of this.
pub fn error_text(lang: Lang, error: &Error) -> String {
    let t = texts(lang);
    match error {
        Error::Invalid { field, rule } => {
            t.error_invalid(field_text(t, field), place_in_setup(field), rule_text(t, rule))
        }
        Error::NotFound { entity } => match entity {
            Entity::Workshop => t.error_not_found_workshop(),
            Entity::Category => t.error_not_found_category(),
            Entity::Area => t.error_not_found_area(),
            Entity::Group => t.error_not_found_group(),
            Entity::Suggestion => t.error_not_found_suggestion(),
            Entity::Removal => t.error_not_found_removal(),
        }
        .into(),
        Error::CredentialsRequired => t.error_credentials_required().into(),
        Error::Forbidden => t.error_forbidden().into(),
        Error::AlreadyJoined => t.error_already_joined().into(),
        Error::ScoringClosed => t.error_scoring_closed().into(),
        Error::ResultsHidden => t.error_results_hidden().into(),
        Error::Conflict => t.error_conflict().into(),
        Error::RateLimited { retry_after } => t.error_rate_limited(retry_after),
        Error::Busy { retry_after } => t.error_busy(retry_after),
        Error::Internal => t.error_internal().into(),
    }
}

#[cfg(test)]
mod tests {
    use std::cell::RefCell;

    use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};

    use super::*;

    fn source(lang: Lang) -> &'static str {
        match lang {
            Lang::Nb => include_str!("../locales/nb.ftl"),
            Lang::Nn => include_str!("../locales/nn.ftl"),
            Lang::En => include_str!("../locales/en.ftl"),
        }
    }

    /// Fluent's reference implementation, over the same file the build compiled.
    fn bundle(lang: Lang) -> FluentBundle<FluentResource> {
        let resource = FluentResource::try_new(source(lang).to_owned()).expect("the build parsed it");
        let mut bundle = FluentBundle::new(vec![lang.code().parse().expect("a language tag")]);
        bundle.set_use_isolating(false);
        bundle.add_resource(resource).expect("no message twice");
        bundle
    }

    #[test]
    fn every_message_formats_as_fluent_would() {
        for lang in Lang::ALL {
            let (bundle, texts) = (bundle(lang), texts(lang));
            for id in MESSAGE_IDS {
                let message =
                    bundle.get_message(id).and_then(|m| m.value()).expect("every compiled message is in the file");
                // Every count the words choose by, then every variable its own number, so that
                // a variable in the wrong place shows.
                for sample in [Some(0), Some(1), Some(2), Some(7), None] {
                    let asked = RefCell::new(Vec::new());
                    let value = |name: &str| {
                        sample.unwrap_or_else(|| 100 + name.len() as i64 * 10 + i64::from(name.as_bytes()[0]))
                    };
                    let compiled = texts
                        .format_by_id(id, &|name| {
                            asked.borrow_mut().push(name.to_owned());
                            value(name)
                        })
                        .expect("every id has a method");
                    let mut args = FluentArgs::new();
                    for name in asked.borrow().iter() {
                        args.set(name.clone(), FluentValue::from(value(name)));
                    }
                    let mut errors = Vec::new();
                    let fluent = bundle.format_pattern(message, Some(&args), &mut errors);
                    assert!(errors.is_empty(), "{lang:?} {id}: {errors:?}");
                    assert_eq!(compiled, fluent, "{lang:?} {id} with {sample:?}");
                }
            }
        }
    }

    /// Every message is shown somewhere: a translator never translates words no one reads.
    #[test]
    fn every_message_is_used() {
        fn sources(dir: &std::path::Path, into: &mut String) {
            for entry in std::fs::read_dir(dir).expect("a source folder").flatten() {
                let path = entry.path();
                if path.is_dir() {
                    sources(&path, into);
                } else if path.extension().is_some_and(|extension| extension == "rs") {
                    into.push_str(&std::fs::read_to_string(&path).expect("a source file"));
                }
            }
        }
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut code = String::new();
        sources(&root.join("src"), &mut code);
        sources(&root.join("../server/src"), &mut code);
        let unused: Vec<&str> = MESSAGE_IDS
            .iter()
            .copied()
            .filter(|id| {
                let method = id.replace('-', "_");
                !code.contains(&format!(".{method}(")) && !code.contains(&format!("Texts::{method}"))
            })
            .collect();
        assert!(unused.is_empty(), "messages no code shows: {unused:?}");
    }

    #[test]
    fn a_count_chooses_the_words() {
        let t = texts(Lang::Nb);
        assert_eq!(t.remove_area_takes(0, 0), "Ingen grupper har gitt poeng til dette området ennå.");
        assert!(
            t.remove_area_takes(2, 3)
                .starts_with("3 grupper har gitt poeng til dette området, og det har 2 kommentarer")
        );
    }

    #[test]
    fn field_errors_name_the_field_and_rule_in_every_language() {
        let error = Error::invalid("scores[2].value", Rule::OutOfRange { min: 1, max: 10 });
        assert_eq!(error_text(Lang::Nb, &error), "Poengene må være et heltall fra 1 til 10.");
        assert_eq!(error_text(Lang::Nn, &error), "Poenga må vere eit heiltal frå 1 til 10.");
        assert_eq!(error_text(Lang::En, &error), "Value must be a whole number from 1 to 10.");
        let typed = Error::invalid("count", Rule::Malformed { expected: Format::WholeNumber });
        assert_eq!(error_text(Lang::Nb, &typed), "Antall grupper må være et heltall.");
        assert_eq!(error_text(Lang::En, &typed), "Count must be a whole number.");
        let nested = Error::invalid("setup.areas[3].category", Rule::Foreign);
        assert_eq!(error_text(Lang::Nb, &nested), "Kategorien (areas[3].category) hører ikke til denne workshopen.");
        assert_eq!(error_text(Lang::En, &nested), "Category (areas[3].category) does not belong to this workshop.");
    }

    #[test]
    fn numbers_use_the_language_decimal_separator() {
        assert_eq!(texts(Lang::Nb).number(7.26, 1), "7,3");
        assert_eq!(texts(Lang::Nn).number(7.26, 1), "7,3");
        assert_eq!(texts(Lang::En).number(58.444, 2), "58.44");
    }
}
