//! Every string the UI shows, in bokmål (the default), nynorsk and English. One `Texts` value
//! per language: a string missing in one language does not compile.

use kvadrant::{Entity, Error, Field, Format, Quadrant, Rule, Timeframe};

use leptos::prelude::use_context;

use crate::model::{ListKind, RankedArea, Removal, SuggestionStatus};

pub use kvadrant_api::lang::Lang;

/// What the UI says in `lang`.
pub fn texts(lang: Lang) -> &'static Texts {
    match lang {
        Lang::Nb => &NB,
        Lang::Nn => &NN,
        Lang::En => &EN,
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

pub struct Texts {
    pub app_name: &'static str,
    pub tagline: &'static str,
    pub decimal_separator: char,
    // Home
    pub join_heading: &'static str,
    pub join_code_label: &'static str,
    pub join_button: &'static str,
    pub join_invalid: &'static str,
    pub create_heading: &'static str,
    pub create_intro: &'static str,
    pub title_label: &'static str,
    pub description_label: &'static str,
    pub create_button: &'static str,
    pub demo_heading: &'static str,
    pub demo_intro: &'static str,
    pub demo_join: &'static str,
    pub demo_results: &'static str,
    pub demo_badge: &'static str,
    // Join
    pub pick_group: &'static str,
    pub skip_to_content: &'static str,
    pub no_groups_yet: &'static str,
    pub see_results: &'static str,
    // Group links
    pub group_joined: &'static str,
    pub group_taken_hint: &'static str,
    pub invite_heading: &'static str,
    pub invite_intro: &'static str,
    pub group_links_heading: &'static str,
    pub group_links_help: &'static str,
    pub group_not_joined: &'static str,
    pub renew_group_link: &'static str,
    pub release_group: &'static str,
    pub fill_in_for_group: &'static str,
    pub print_group_cards: &'static str,
    pub renew_facilitator_link: &'static str,
    pub renew_facilitator_help: &'static str,
    pub renew_code: &'static str,
    pub renew_code_help: &'static str,
    pub group_cards_heading: &'static str,
    pub group_card_scan: &'static str,
    // Sheet
    pub sheet_intro: &'static str,
    /// The same, before scripts run: each area is saved with its own button.
    pub sheet_intro_plain: &'static str,
    pub scoring_closed_notice: &'static str,
    pub no_category: &'static str,
    pub not_set: &'static str,
    pub saving: &'static str,
    pub saved: &'static str,
    pub save_failed: &'static str,
    pub retry: &'static str,
    pub scored_count: fn(usize, usize) -> String,
    /// A round by its number.
    pub round_of: fn(u32) -> String,
    /// The group's scores in the round before: its name, then P and G.
    pub previous_scores: &'static str,
    pub back_to_groups: &'static str,
    // Axes and matrix
    pub potential: &'static str,
    pub feasibility: &'static str,
    /// One-letter forms, as in the combined score's heading.
    pub potential_short: &'static str,
    pub feasibility_short: &'static str,
    pub potential_low: &'static str,
    pub potential_high: &'static str,
    pub feasibility_low: &'static str,
    pub feasibility_high: &'static str,
    pub quadrant: fn(Quadrant) -> &'static str,
    pub matrix_title: &'static str,
    pub matrix_moved_note: &'static str,
    /// Under a matrix with arrows: the round they start from.
    pub moves_note: fn(u32) -> String,
    /// An area's place in an earlier round: the round, the rank.
    pub rank_in_round: fn(u32, u32) -> String,
    // Results
    pub results_heading: &'static str,
    pub ranked_heading: &'static str,
    pub rank: &'static str,
    pub area: &'static str,
    pub category: &'static str,
    pub combined: &'static str,
    pub groups_scored: &'static str,
    pub spread: &'static str,
    pub spread_help: &'static str,
    pub rank_band: &'static str,
    pub rank_band_help: &'static str,
    pub too_few_groups: &'static str,
    /// A strip's title: axis, n, mean, median, sd, the values.
    pub strip_summary: fn(&str, usize, &str, &str, &str, &str) -> String,
    pub by_group: &'static str,
    pub too_few_to_show: &'static str,
    pub top_share: fn(u32) -> String,
    /// An area against the top k: clearly ahead, uncertain, clearly behind.
    pub place: fn(kvadrant::certainty::Place, u32) -> String,
    /// The groups disagree on potential, on feasibility, on both.
    pub dissent: [&'static str; 3],
    pub dissent_heading: &'static str,
    pub agreement: fn(&str, kvadrant::certainty::Strength, usize) -> String,
    pub unscored_heading: &'static str,
    pub unscored_help: &'static str,
    pub nothing_scored: &'static str,
    pub groups_of: fn(usize) -> String,
    pub download_csv: &'static str,
    pub download_json: &'static str,
    pub method_note: &'static str,
    // Facilitator
    pub manage_heading: &'static str,
    pub manage_private: &'static str,
    pub join_code: &'static str,
    pub join_link: &'static str,
    pub scoring_is_open: &'static str,
    pub scoring_is_closed: &'static str,
    pub open_scoring: &'static str,
    pub close_scoring: &'static str,
    pub start_round: fn(u32) -> String,
    pub start_round_help: &'static str,
    pub details_heading: &'static str,
    pub save: &'static str,
    pub remove: &'static str,
    pub move_up: &'static str,
    pub move_down: &'static str,
    pub categories_heading: &'static str,
    pub add_category: &'static str,
    pub areas_heading: &'static str,
    pub add_area: &'static str,
    pub name_label: &'static str,
    pub groups_heading: &'static str,
    pub groups_count_label: &'static str,
    pub groups_names_label: &'static str,
    pub add_groups: &'static str,
    pub remove_group_warning: &'static str,
    pub empty_list: &'static str,
    // Live
    pub live_heading: &'static str,
    pub connecting: &'static str,
    pub results_hidden_notice: &'static str,
    pub results_are_hidden: &'static str,
    pub results_are_visible: &'static str,
    pub hide_results: &'static str,
    pub reveal_results: &'static str,
    pub progress_heading: &'static str,
    pub group: &'static str,
    pub areas_done: &'static str,
    pub last_activity: &'static str,
    pub groups_done: fn(usize, usize) -> String,
    pub big_screen: &'static str,
    pub scan_to_join: &'static str,
    pub top_ranked: fn(usize) -> String,
    pub list_changed: &'static str,
    pub new_round_notice: &'static str,
    pub reload: &'static str,
    // Toolkit
    pub mean: &'static str,
    pub minimum: &'static str,
    pub maximum: &'static str,
    pub quadrant_heading: &'static str,
    pub segment: &'static str,
    pub all_groups: &'static str,
    pub n_groups: fn(usize) -> String,
    pub segment_filter: &'static str,
    pub compare_with: &'static str,
    pub no_comparison: &'static str,
    pub show: &'static str,
    pub sheet_ranking: &'static str,
    pub sheet_scores: &'static str,
    pub sheet_scores_help: &'static str,
    pub sheet_comments: &'static str,
    pub sheet_raised: &'static str,
    pub sheet_changes: &'static str,
    pub changes_help: &'static str,
    pub area_history: &'static str,
    pub no_changes: &'static str,
    pub change_time: &'static str,
    pub change_who: &'static str,
    pub change_what: &'static str,
    pub change_about: &'static str,
    pub change_field: &'static str,
    pub change_from: &'static str,
    pub change_to: &'static str,
    pub facilitator_actor: &'static str,
    pub facilitator_for: fn(&str) -> String,
    /// A change log action's name, if it is one this version knows.
    pub change_action: fn(&str) -> Option<&'static str>,
    /// A changed field's name, unless it is an axis.
    pub changed_field: fn(&str) -> Option<&'static str>,
    pub rationale: &'static str,
    pub risks: &'static str,
    pub timeframe_label: &'static str,
    pub timeframe: fn(Timeframe) -> &'static str,
    pub no_timeframe: &'static str,
    pub comments_heading: &'static str,
    pub comment_summary: &'static str,
    pub save_comment: &'static str,
    pub comment_saved: &'static str,
    pub suggest_heading: &'static str,
    pub suggest_intro: &'static str,
    pub suggest_button: &'static str,
    pub suggested_notice: &'static str,
    pub suggestions_heading: &'static str,
    pub no_suggestions: &'static str,
    pub accept_suggestion: &'static str,
    pub keep_suggestion: &'static str,
    pub suggestion_status: fn(SuggestionStatus) -> &'static str,
    pub raised_heading: &'static str,
    pub raised_help: &'static str,
    pub settings_heading: &'static str,
    pub scale_min_label: &'static str,
    pub scale_max_label: &'static str,
    pub scale_help: &'static str,
    pub potential_name_label: &'static str,
    pub feasibility_name_label: &'static str,
    pub axis_name_help: &'static str,
    pub potential_midline_label: &'static str,
    pub feasibility_midline_label: &'static str,
    pub midline_help: &'static str,
    pub language_label: &'static str,
    pub aggregate_label: &'static str,
    pub aggregate_name: fn(kvadrant::Aggregate) -> &'static str,
    /// How the combined score is made, named on every results page.
    pub combined_by: fn(kvadrant::Aggregate) -> &'static str,
    pub certainty_help: &'static str,
    pub dissent_percent_label: &'static str,
    pub top_places_label: &'static str,
    pub min_segment_label: &'static str,
    pub tags_label: &'static str,
    pub tags_help: &'static str,
    pub review_heading: &'static str,
    pub review_help: &'static str,
    pub renew_review: &'static str,
    pub review_badge: &'static str,
    pub exports_heading: &'static str,
    pub download_xlsx: &'static str,
    pub download_csv_excel: &'static str,
    pub download_svg: &'static str,
    pub download_png: &'static str,
    pub download_setup: &'static str,
    pub print: &'static str,
    pub report_date: fn((i32, u32, u32)) -> String,
    pub my_workshops: &'static str,
    pub my_workshops_help: &'static str,
    pub no_my_workshops: &'static str,
    pub forget: &'static str,
    pub import_heading: &'static str,
    pub import_help: &'static str,
    pub import_button: &'static str,
    pub import_file_label: &'static str,
    pub import_text_label: &'static str,
    pub duplicate_heading: &'static str,
    pub duplicate_help: &'static str,
    pub duplicate_button: &'static str,
    pub open: &'static str,
    // Errors
    pub not_found: &'static str,
    pub loading: &'static str,
    /// When a request did not reach the server or its answer could not be read.
    pub unreachable: &'static str,
    // The facilitator's parts, checklist, safe removal
    pub parts_label: &'static str,
    pub part_prepare: &'static str,
    pub part_run: &'static str,
    pub part_review: &'static str,
    pub checklist_heading: &'static str,
    pub check_areas: fn(usize) -> String,
    pub check_areas_missing: &'static str,
    pub check_groups: fn(usize) -> String,
    pub check_groups_missing: &'static str,
    pub check_open: &'static str,
    pub check_open_missing: &'static str,
    pub bulk_areas_label: &'static str,
    pub add_areas: &'static str,
    pub added: fn(&str) -> String,
    pub areas_added: fn(usize) -> String,
    pub removed: fn(&Removal) -> String,
    pub undo: fn(&str) -> String,
    pub undo_help: fn(i64) -> String,
    pub restored: &'static str,
    pub remove_area_takes: fn(u32, u32) -> String,
    pub remove_group_takes: fn(u32, u32) -> String,
    pub remove_category_takes: &'static str,
    pub remove_for_good: fn(&str) -> String,
    pub copy: &'static str,
    pub copied: &'static str,
    pub open_big_screen: &'static str,
    pub description_summary: &'static str,
    pub fullscreen_hint: &'static str,
}

impl Texts {
    /// What the workshop calls `axis`: its own name if it gave one, else the usual one.
    pub fn axis_short(&self, axis: kvadrant::Axis) -> &'static str {
        match axis {
            kvadrant::Axis::Potential => self.potential_short,
            kvadrant::Axis::Feasibility => self.feasibility_short,
        }
    }

    pub fn axis_name<'a>(&'a self, settings: &'a crate::model::Settings, axis: kvadrant::Axis) -> &'a str {
        let (own, usual) = match axis {
            kvadrant::Axis::Potential => (&settings.potential_label, self.potential),
            kvadrant::Axis::Feasibility => (&settings.feasibility_label, self.feasibility),
        };
        if own.is_empty() { usual } else { own }
    }

    /// Who made a change: the facilitator, a group by its name, or the facilitator for a group.
    pub fn change_actor(&self, entry: &crate::model::ChangeEntry) -> String {
        let group = entry.group_name.as_deref().unwrap_or_default();
        match entry.actor {
            crate::model::ChangeActor::Facilitator => self.facilitator_actor.to_owned(),
            crate::model::ChangeActor::Group => group.to_owned(),
            crate::model::ChangeActor::FacilitatorForGroup => (self.facilitator_for)(group),
        }
    }

    /// What a change did, in words.
    pub fn change_name<'a>(&self, entry: &'a crate::model::ChangeEntry) -> &'a str {
        (self.change_action)(&entry.action).unwrap_or(&entry.action)
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
            _ => (self.changed_field)(field).unwrap_or(field),
        }
    }

    /// A number with the language's decimal separator.
    /// The band of an area's rank ("2–5", or the rank alone when it cannot move), or why there is none.
    pub fn band(&self, row: &RankedArea) -> String {
        match &row.certainty.band {
            Some(band) if band.best == band.worst => band.best.to_string(),
            Some(band) => format!("{}–{}", band.best, band.worst),
            None if (row.groups as usize) < kvadrant::certainty::MIN_GROUPS_FOR_BAND => self.too_few_groups.to_owned(),
            // Drawn off the live path: it follows within a second or so.
            None => "…".to_owned(),
        }
    }

    /// Where an area's band puts it against the widest top k, in words.
    pub fn place_of(&self, row: &RankedArea) -> Option<String> {
        let share = row.certainty.band.as_ref()?.top.last()?;
        Some((self.place)(share.place, share.k))
    }

    /// The axes the groups disagree on about an area, in words, if any.
    pub fn dissent_of(&self, row: &RankedArea) -> Option<&'static str> {
        let on = |axis| row.certainty.dissent.contains(&axis);
        match (on(kvadrant::Axis::Potential), on(kvadrant::Axis::Feasibility)) {
            (true, false) => Some(self.dissent[0]),
            (false, true) => Some(self.dissent[1]),
            (true, true) => Some(self.dissent[2]),
            (false, false) => None,
        }
    }

    pub fn number(&self, value: f64, decimals: usize) -> String {
        let text = format!("{value:.decimals$}");
        if self.decimal_separator == '.' { text } else { text.replace('.', &self.decimal_separator.to_string()) }
    }
}

fn rule_nb(rule: &Rule) -> String {
    match rule {
        Rule::Required => "må fylles ut".into(),
        Rule::TooLong { max } => format!("kan ha høyst {max} tegn"),
        Rule::ControlCharacter => "kan ikke inneholde usynlige kontrolltegn".into(),
        Rule::OutOfRange { min, max } => format!("må være et heltall fra {min} til {max}"),
        Rule::Malformed { expected: Format::JoinCode } => "må være en kode på 6 bokstaver og tall".into(),
        Rule::Malformed { expected: Format::Axis } => "må være «potential» eller «feasibility»".into(),
        Rule::Malformed { expected: Format::Json } => "har feil form".into(),
        Rule::Malformed { expected: Format::WholeNumber } => "må være et heltall".into(),
        Rule::Malformed { expected: Format::Number } => "må være et tall".into(),
        Rule::Malformed { expected: Format::Language } => "må være «nb», «nn» eller «en»".into(),
        Rule::Malformed { expected: Format::Timeframe } => "må være «short», «medium» eller «long»".into(),
        Rule::Malformed { expected: Format::Segment } => "må ha formen «dimensjon=verdi»".into(),
        Rule::Malformed { expected: Format::CsvDialect } => "må være «standard» eller «excel-no»".into(),
        Rule::Malformed { expected: Format::ResultsView } => "må være «official» eller «normalised»".into(),
        Rule::Malformed { expected: Format::Aggregate } => "må være «mean» eller «median»".into(),
        Rule::Malformed { expected: Format::Tag } => {
            "må ha formen «dimensjon: verdi», for eksempel «Rolle: Folkevalgte»".into()
        }
        Rule::HalfStep { min, max } => format!("må være fra {min} til {max} i steg på 0,5"),
        Rule::Locked => "kan ikke endres etter at gruppene har gitt poeng".into(),
        Rule::Foreign => "hører ikke til denne workshopen".into(),
        Rule::Duplicate => "finnes allerede".into(),
        Rule::Incomplete => "må ta med hvert element nøyaktig én gang".into(),
        Rule::TooFewGroups { min } => format!("har færre enn de {min} gruppene et segment må ha for å vises"),
        Rule::NothingScored => {
            "har ingen poeng ennå: en ny runde kan begynne når gruppene har gitt poeng i denne".into()
        }
    }
}

fn field_nb(path: &str) -> String {
    // A tag's parts are named `dimension` and `value` like nothing else's.
    let field = if path.contains("tags[") { Some(Field::Tags) } else { Field::of_path(path) };
    let Some(field) = field else { return "Verdien".to_owned() };
    match field {
        Field::Title => "Tittel",
        Field::Description => "Beskrivelse",
        Field::Name | Field::Names => "Navn",
        Field::Count => "Antall grupper",
        Field::Code => "Koden",
        Field::Value | Field::Scores => "Poengene",
        Field::CategoryId | Field::Category => "Kategorien",
        Field::Setup => "Oppsettet",
        Field::KvadrantSetup => "Formatversjonen",
        Field::ScaleMin => "Laveste poeng",
        Field::ScaleMax => "Høyeste poeng",
        Field::PotentialLabel | Field::FeasibilityLabel => "Navnet på aksen",
        Field::PotentialMidline | Field::FeasibilityMidline => "Midtlinjen",
        Field::Language => "Språket",
        Field::DissentPercent => "Grensen for uenighet",
        Field::TopPlaces => "Toppgrensene",
        Field::MinSegmentGroups => "Minste antall grupper i et segment",
        Field::View => "Visningen",
        Field::Round => "Runden",
        Field::Aggregate => "Sammenstillingen",
        Field::Tags | Field::Dimension => "Merkelappen",
        Field::Rationale => "Begrunnelsen",
        Field::Risks => "Risikoen",
        Field::Timeframe => "Tidsperspektivet",
        Field::Segment | Field::Compare => "Utvalget",
        Field::Scale => "Skalaen",
        Field::Suggestions => "Antall forslag",
        Field::Categories => "Antall kategorier",
        Field::Areas => "Antall områder",
        Field::Groups => "Antall grupper",
        Field::Comments => "Kommentarene",
        Field::AreaId => "Området",
        Field::Id | Field::Ids => "Elementet",
        Field::Limit => "Antallet",
        Field::Dialect => "Formatet",
        Field::Body | Field::Path | Field::Query => "Forespørselen",
    }
    .to_owned()
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
    match lang {
        Lang::Nb => error_nb(error),
        Lang::Nn => error_nn(error),
        Lang::En => error_en(error),
    }
}

fn error_nb(error: &Error) -> String {
    match error {
        Error::Invalid { field, rule } => {
            format!("{}{} {}.", field_nb(field), place_in_setup(field), rule_nb(rule))
        }
        Error::NotFound { entity } => match entity {
            Entity::Workshop => "Fant ingen workshop med den koden.",
            Entity::Category => "Kategorien finnes ikke lenger.",
            Entity::Area => "Området finnes ikke lenger.",
            Entity::Group => "Gruppen finnes ikke lenger.",
            Entity::Suggestion => "Forslaget finnes ikke lenger.",
            Entity::Removal => "Fjerningen kan ikke lenger angres.",
        }
        .into(),
        Error::CredentialsRequired => "Dette krever en privat lenke: gruppens eller fasilitatorens.".into(),
        Error::Forbidden => "Denne lenken gir ikke tilgang til dette.".into(),
        Error::AlreadyJoined => {
            "Gruppen er alt med. Be noen i gruppen om gruppens lenke, eller spør fasilitatoren.".into()
        }
        Error::ScoringClosed => "Poenggivingen er stengt.".into(),
        Error::ResultsHidden => "Resultatene vises når fasilitatoren viser dem fram.".into(),
        Error::Conflict => "Workshopen ble endret samtidig. Last inn siden og prøv igjen.".into(),
        Error::RateLimited { retry_after } => {
            format!("For mange forsøk fra denne adressen. Prøv igjen om {retry_after} sekunder.")
        }
        Error::Busy { retry_after } => {
            format!("Serveren har mye å gjøre nå. Prøv igjen om {retry_after} sekunder.")
        }
        Error::Internal => "Noe gikk galt hos oss. Prøv igjen om litt.".into(),
    }
}

fn rule_nn(rule: &Rule) -> String {
    match rule {
        Rule::Required => "må fyllast ut".into(),
        Rule::TooLong { max } => format!("kan ha høgst {max} teikn"),
        Rule::ControlCharacter => "kan ikkje innehalde usynlege kontrollteikn".into(),
        Rule::OutOfRange { min, max } => format!("må vere eit heiltal frå {min} til {max}"),
        Rule::Malformed { expected: Format::JoinCode } => "må vere ein kode på 6 bokstavar og tal".into(),
        Rule::Malformed { expected: Format::Axis } => "må vere «potential» eller «feasibility»".into(),
        Rule::Malformed { expected: Format::Json } => "har feil form".into(),
        Rule::Malformed { expected: Format::WholeNumber } => "må vere eit heiltal".into(),
        Rule::Malformed { expected: Format::Number } => "må vere eit tal".into(),
        Rule::Malformed { expected: Format::Language } => "må vere «nb», «nn» eller «en»".into(),
        Rule::Malformed { expected: Format::Timeframe } => "må vere «short», «medium» eller «long»".into(),
        Rule::Malformed { expected: Format::Segment } => "må ha forma «dimensjon=verdi»".into(),
        Rule::Malformed { expected: Format::CsvDialect } => "må vere «standard» eller «excel-no»".into(),
        Rule::Malformed { expected: Format::ResultsView } => "må vere «official» eller «normalised»".into(),
        Rule::Malformed { expected: Format::Aggregate } => "må vere «mean» eller «median»".into(),
        Rule::Malformed { expected: Format::Tag } => {
            "må ha forma «dimensjon: verdi», til dømes «Rolle: Folkevalde»".into()
        }
        Rule::HalfStep { min, max } => format!("må vere frå {min} til {max} i steg på 0,5"),
        Rule::Locked => "kan ikkje endrast etter at gruppene har gjeve poeng".into(),
        Rule::Foreign => "høyrer ikkje til denne workshopen".into(),
        Rule::Duplicate => "finst allereie".into(),
        Rule::Incomplete => "må ta med kvart element nøyaktig éin gong".into(),
        Rule::TooFewGroups { min } => format!("har færre enn dei {min} gruppene eit segment må ha for å visast"),
        Rule::NothingScored => {
            "har ingen poeng enno: ein ny runde kan byrje når gruppene har gjeve poeng i denne".into()
        }
    }
}

fn field_nn(path: &str) -> String {
    // A tag's parts are named `dimension` and `value` like nothing else's.
    let field = if path.contains("tags[") { Some(Field::Tags) } else { Field::of_path(path) };
    let Some(field) = field else { return "Verdien".to_owned() };
    match field {
        Field::Title => "Tittel",
        Field::Description => "Skildring",
        Field::Name | Field::Names => "Namn",
        Field::Count => "Talet på grupper",
        Field::Code => "Koden",
        Field::Value | Field::Scores => "Poenga",
        Field::CategoryId | Field::Category => "Kategorien",
        Field::Setup => "Oppsettet",
        Field::KvadrantSetup => "Formatversjonen",
        Field::ScaleMin => "Lågaste poeng",
        Field::ScaleMax => "Høgaste poeng",
        Field::PotentialLabel | Field::FeasibilityLabel => "Namnet på aksen",
        Field::PotentialMidline | Field::FeasibilityMidline => "Midtlinja",
        Field::Language => "Språket",
        Field::DissentPercent => "Grensa for usemje",
        Field::TopPlaces => "Toppgrensene",
        Field::MinSegmentGroups => "Minste tal på grupper i eit segment",
        Field::View => "Visinga",
        Field::Round => "Runden",
        Field::Aggregate => "Samanstillinga",
        Field::Tags | Field::Dimension => "Merkelappen",
        Field::Rationale => "Grunngjevinga",
        Field::Risks => "Risikoen",
        Field::Timeframe => "Tidsperspektivet",
        Field::Segment | Field::Compare => "Utvalet",
        Field::Scale => "Skalaen",
        Field::Suggestions => "Talet på forslag",
        Field::Categories => "Talet på kategoriar",
        Field::Areas => "Talet på område",
        Field::Groups => "Talet på grupper",
        Field::Comments => "Kommentarane",
        Field::AreaId => "Området",
        Field::Id | Field::Ids => "Elementet",
        Field::Limit => "Talet",
        Field::Dialect => "Formatet",
        Field::Body | Field::Path | Field::Query => "Førespurnaden",
    }
    .to_owned()
}

fn error_nn(error: &Error) -> String {
    match error {
        Error::Invalid { field, rule } => {
            format!("{}{} {}.", field_nn(field), place_in_setup(field), rule_nn(rule))
        }
        Error::NotFound { entity } => match entity {
            Entity::Workshop => "Fann ingen workshop med den koden.",
            Entity::Category => "Kategorien finst ikkje lenger.",
            Entity::Area => "Området finst ikkje lenger.",
            Entity::Group => "Gruppa finst ikkje lenger.",
            Entity::Suggestion => "Forslaget finst ikkje lenger.",
            Entity::Removal => "Fjerninga kan ikkje lenger angrast.",
        }
        .into(),
        Error::CredentialsRequired => {
            "Dette krev ei privat lenke: lenka til gruppa eller til tilretteleggjaren.".into()
        }
        Error::Forbidden => "Denne lenka gjev ikkje tilgang til dette.".into(),
        Error::AlreadyJoined => {
            "Gruppa er alt med. Be nokon i gruppa om lenka til gruppa, eller spør tilretteleggjaren.".into()
        }
        Error::ScoringClosed => "Poenggjevinga er stengd.".into(),
        Error::ResultsHidden => "Resultata vert viste når tilretteleggjaren viser dei fram.".into(),
        Error::Conflict => "Workshopen vart endra samtidig. Last inn sida og prøv igjen.".into(),
        Error::RateLimited { retry_after } => {
            format!("For mange forsøk frå denne adressa. Prøv igjen om {retry_after} sekund.")
        }
        Error::Busy { retry_after } => {
            format!("Serveren har mykje å gjere no. Prøv igjen om {retry_after} sekund.")
        }
        Error::Internal => "Noko gjekk gale hos oss. Prøv igjen om litt.".into(),
    }
}

fn error_en(error: &Error) -> String {
    match error {
        Error::Invalid { field, rule } => {
            let name = field.rsplit('.').next().unwrap_or(field);
            let name = name.split('[').next().unwrap_or(name).replace('_', " ");
            let mut chars = name.chars();
            let name: String = chars.next().map(|c| c.to_ascii_uppercase()).into_iter().chain(chars).collect();
            format!("{name}{} {rule}.", place_in_setup(field))
        }
        Error::NotFound { entity: Entity::Removal } => "The removal can no longer be undone.".into(),
        Error::NotFound { entity } => format!("No such {entity}."),
        Error::CredentialsRequired => "This needs a private link: the group's or the facilitator's.".into(),
        Error::Forbidden => "This link does not give access to this.".into(),
        Error::AlreadyJoined => {
            "This group has joined already. Ask someone in the group for its link, or the facilitator.".into()
        }
        Error::ScoringClosed => "Scoring is closed.".into(),
        Error::ResultsHidden => "The results appear when the facilitator reveals them.".into(),
        Error::Conflict => "The workshop changed at the same moment. Reload and try again.".into(),
        Error::RateLimited { retry_after } => {
            format!("Too many attempts from this address. Try again in {retry_after} seconds.")
        }
        Error::Busy { retry_after } => {
            format!("The server is busy. Try again in {retry_after} seconds.")
        }
        Error::Internal => "Something went wrong on our side. Try again shortly.".into(),
    }
}

pub static NB: Texts = Texts {
    app_name: "Kvadrant",
    tagline: "Prioriter samarbeidsområder etter potensial og gjennomførbarhet – sammen, i sanntid.",
    decimal_separator: ',',
    join_heading: "Bli med i en workshop",
    join_code_label: "Kode",
    join_button: "Bli med",
    join_invalid: "Koden har 6 tegn, bokstaver og tall. Sjekk den og prøv igjen.",
    create_heading: "Lag en ny workshop",
    create_intro: "Du får en privat lenke som bare du kan bruke til å endre workshopen. Ta vare på den.",
    title_label: "Tittel",
    description_label: "Beskrivelse (valgfritt)",
    create_button: "Lag workshop",
    demo_heading: "Prøv et eksempel",
    demo_intro: "Eksempelet bygger på workshopen i Indre Namdal i 2022: 13 samarbeidsområder og 9 grupper. Poengene er illustrerende.",
    demo_join: "Gi poeng som en gruppe",
    demo_results: "Se resultatet",
    demo_badge: "Illustrerende eksempeldata",
    pick_group: "Velg gruppen din",
    skip_to_content: "Gå til innholdet",
    no_groups_yet: "Fasilitatoren har ikke laget grupper ennå.",
    see_results: "Se resultatet",
    group_joined: "med",
    group_taken_hint: "Er gruppen din alt med? Be noen i gruppen om gruppens lenke, eller spør fasilitatoren.",
    invite_heading: "Få med resten av gruppen",
    invite_intro: "Alle i gruppen kan åpne dette arket med denne lenken. Del den bare med gruppen din.",
    group_links_heading: "Gruppelenker",
    group_links_help: "Hver gruppe har sin egen lenke til arket sitt. En ny lenke stenger den gamle; «Frigi» lar gruppen velges på nytt fra påmeldingssiden.",
    group_not_joined: "ikke med ennå",
    renew_group_link: "Ny lenke",
    release_group: "Frigi",
    fill_in_for_group: "Fyll ut for gruppen",
    print_group_cards: "Skriv ut gruppekort",
    renew_facilitator_link: "Ny fasilitatorlenke",
    renew_facilitator_help: "Har denne lenken kommet på avveie? En ny lenke stenger den gamle med en gang, og lederlenken fornyes også.",
    renew_code: "Ny kode",
    renew_code_help: "En ny kode stenger den gamle og alle lenker med den med en gang. Åpne skjermer og ark flytter over til den nye.",
    group_cards_heading: "Gruppekort",
    group_card_scan: "Skann koden eller åpne lenken for å score:",
    sheet_intro: "Gi hvert område poeng fra lav til høy for potensial og gjennomførbarhet. Alt lagres med en gang, og alle i gruppen deler det samme arket.",
    sheet_intro_plain: "Gi hvert område poeng fra lav til høy for potensial og gjennomførbarhet, og trykk «Lagre» ved området. Alle i gruppen deler det samme arket.",
    scoring_closed_notice: "Poenggivingen er stengt. Arket kan leses, men ikke endres.",
    no_category: "Uten kategori",
    not_set: "–",
    saving: "Lagrer …",
    saved: "Lagret",
    save_failed: "Ikke lagret.",
    retry: "Prøv igjen",
    scored_count: |done, total| format!("{done} av {total} områder har fått begge poeng"),
    round_of: |n| format!("Runde {n}"),
    previous_scores: "Forrige runde",
    back_to_groups: "Bytt gruppe",
    potential: "Potensial",
    feasibility: "Gjennomførbarhet",
    potential_short: "P",
    feasibility_short: "G",
    potential_low: "Lavt",
    potential_high: "Høyt potensial",
    feasibility_low: "Vanskelig",
    feasibility_high: "Lett å gjennomføre",
    quadrant: |quadrant| match quadrant {
        Quadrant::HighPotentialEasy => "Lett å gjennomføre og høyt potensial",
        Quadrant::HighPotentialHard => "Vanskelig å gjennomføre, men høyt potensial",
        Quadrant::LowPotentialEasy => "Lett å gjennomføre, men lavt potensial",
        Quadrant::LowPotentialHard => "Vanskelig å gjennomføre og lavt potensial",
    },
    matrix_title: "Prioriteringsmatrise",
    matrix_moved_note: "Tallene er plassering i rangeringen; rangeringen nevner kvadranten til hvert område. Der punkter ligger tett, er merket flyttet litt, med en strek til det egentlige punktet.",
    moves_note: |round| format!("Pilene går fra der områdene sto i runde {round}, til der de står nå."),
    rank_in_round: |round, rank| format!("runde {round}: {rank}."),
    results_heading: "Resultat",
    ranked_heading: "Rangering",
    rank: "Plass",
    area: "Område",
    category: "Kategori",
    combined: "Samlet (P × G)",
    groups_scored: "Grupper",
    spread: "Spredning",
    spread_help: "én prikk per gruppe, strek = snitt, felt = ± sd",
    rank_band: "Mulig plass",
    rank_band_help: "90 % av trekningene",
    too_few_groups: "for få grupper",
    strip_summary: |axis, n, mean, median, sd, values| {
        format!("{axis}: {n} grupper, snitt {mean}, median {median}, sd {sd}. Poengene: {values}.")
    },
    by_group: "Hver gruppe",
    too_few_to_show: "for få grupper til å vises",
    top_share: |k| format!("Sjanse for topp {k}"),
    place: |place, k| match place {
        kvadrant::certainty::Place::ClearlyAhead => format!("sikkert blant topp {k}"),
        kvadrant::certainty::Place::Uncertain => format!("usikkert om topp {k}"),
        kvadrant::certainty::Place::ClearlyBehind => format!("utenfor topp {k}"),
    },
    dissent: [
        "Gruppene er uenige om potensialet.",
        "Gruppene er uenige om gjennomførbarheten.",
        "Gruppene er uenige om både potensial og gjennomførbarhet.",
    ],
    dissent_heading: "Uenighet",
    agreement: |w, strength, groups| {
        let reading = match strength {
            kvadrant::certainty::Strength::Weak => "svak",
            kvadrant::certainty::Strength::Moderate => "moderat",
            kvadrant::certainty::Strength::Strong => "sterk",
        };
        format!("Enighet om rekkefølgen (Kendalls W, {groups} grupper): {w}, {reading}.")
    },
    unscored_heading: "Ikke vurdert ennå",
    unscored_help: "Ingen gruppe har gitt disse områdene begge poeng. De rangeres ikke.",
    nothing_scored: "Ingen områder har fått poeng ennå.",
    groups_of: |n| format!("{n} grupper"),
    download_csv: "Last ned CSV",
    download_json: "JSON",
    method_note: "Snittet er tatt over gruppene som har gitt begge poeng; spredningen er standardavviket (sd) mellom dem. Samlet poeng er snitt potensial × snitt gjennomførbarhet. Like poeng deler plass; da står høyest potensial først. Et snitt på midtlinjen (5,5) regnes til den høye siden.",
    manage_heading: "Fasilitator",
    manage_private: "Dette er din private lenke. Den som har den, kan endre workshopen.",
    join_code: "Kode",
    join_link: "Lenke for deltakere",
    scoring_is_open: "Poenggivingen er åpen.",
    scoring_is_closed: "Poenggivingen er stengt.",
    open_scoring: "Åpne poenggivingen",
    close_scoring: "Steng poenggivingen",
    start_round: |n| format!("Start runde {n}"),
    start_round_help: "Poengene fra denne runden tas vare på. Arkene tømmes, og gruppene ser sine forrige \
        poeng. Kan ikke angres.",
    details_heading: "Om workshopen",
    save: "Lagre",
    remove: "Fjern",
    move_up: "Flytt opp",
    move_down: "Flytt ned",
    categories_heading: "Kategorier",
    add_category: "Legg til kategori",
    areas_heading: "Samarbeidsområder",
    add_area: "Legg til område",
    name_label: "Navn",
    groups_heading: "Grupper",
    groups_count_label: "Antall nye grupper",
    groups_names_label: "… eller navn, ett per linje",
    add_groups: "Legg til grupper",
    remove_group_warning: "Å fjerne en gruppe sletter poengene den har gitt.",
    empty_list: "Ingen ennå.",
    live_heading: "Underveis",
    connecting: "Kobler til …",
    results_hidden_notice: "Resultatene er skjult til fasilitatoren viser dem fram.",
    results_are_hidden: "Resultatene er skjult for deltakerne og storskjermen.",
    results_are_visible: "Deltakerne og storskjermen ser resultatene.",
    hide_results: "Skjul resultatene",
    reveal_results: "Vis resultatene",
    progress_heading: "Gruppenes framdrift",
    group: "Gruppe",
    areas_done: "Områder ferdig",
    last_activity: "Sist endret",
    groups_done: |done, total| format!("{done} av {total} grupper er ferdige"),
    big_screen: "Storskjerm",
    scan_to_join: "Skann koden eller gå til",
    top_ranked: |n| format!("Topp {n}"),
    list_changed: "Fasilitatoren har endret lista over områder.",
    new_round_notice: "En ny runde har startet: gi poeng på nytt.",
    reload: "Last inn på nytt",
    mean: "snitt",
    minimum: "min",
    maximum: "maks",
    quadrant_heading: "Kvadrant",
    segment: "Utvalg",
    all_groups: "Alle grupper",
    n_groups: |n| format!("n = {n}"),
    segment_filter: "Vis resultatet for",
    compare_with: "Sammenlign med",
    no_comparison: "Ingen sammenligning",
    show: "Vis",
    sheet_ranking: "Rangering",
    sheet_scores: "Poeng per gruppe",
    sheet_scores_help: "Hver gruppes poeng, med gruppens merkelapper (utvalg).",
    sheet_comments: "Kommentarer",
    sheet_raised: "Reist, ikke scoret",
    sheet_changes: "Endringslogg",
    changes_help: "Hver endring i workshopen: når (UTC), hvem og hva.",
    area_history: "Historikk",
    no_changes: "Ingen endringer ennå.",
    change_time: "Tid (UTC)",
    change_who: "Hvem",
    change_what: "Hva",
    change_about: "Område eller gjelder",
    change_field: "Felt",
    change_from: "Fra",
    change_to: "Til",
    facilitator_actor: "Fasilitator",
    facilitator_for: |group| format!("Fasilitator for {group}"),
    change_action: |action| {
        Some(match action {
            "score_set" => "Poeng satt",
            "score_cleared" => "Poeng fjernet",
            "comment_saved" => "Kommentar lagret",
            "comment_removed" => "Kommentar fjernet",
            "suggestion_made" => "Område foreslått",
            "suggestion_accepted" => "Forslag lagt på listen",
            "suggestion_kept" => "Forslag reist, ikke scoret",
            "area_added" => "Område lagt til",
            "area_changed" => "Område endret",
            "area_removed" => "Område fjernet",
            "category_added" => "Kategori lagt til",
            "category_changed" => "Kategori endret",
            "category_removed" => "Kategori fjernet",
            "group_added" => "Gruppe lagt til",
            "group_changed" => "Gruppe endret",
            "group_removed" => "Gruppe fjernet",
            "group_joined" => "Gruppe tatt",
            "group_link_renewed" => "Ny gruppelenke",
            "group_released" => "Gruppe frigitt",
            "order_changed" => "Rekkefølge endret",
            "title_changed" => "Tittel endret",
            "description_changed" => "Beskrivelse endret",
            "settings_changed" => "Innstilling endret",
            "scoring_opened" => "Scoring åpnet",
            "scoring_closed" => "Scoring stengt",
            "round_started" => "Ny runde startet",
            "results_hidden" => "Resultatene skjult",
            "results_revealed" => "Resultatene vist",
            "review_link_renewed" => "Ny lederlenke",
            _ => return None,
        })
    },
    changed_field: |field| {
        Some(match field {
            "name" => "Navn",
            "description" => "Beskrivelse",
            "category" => "Kategori",
            "tags" => "Merkelapper",
            "title" => "Tittel",
            "scale" => "Skala",
            "potential_label" => "Navn på potensial",
            "feasibility_label" => "Navn på gjennomførbarhet",
            "potential_midline" => "Midtlinje for potensial",
            "feasibility_midline" => "Midtlinje for gjennomførbarhet",
            "language" => "Språk",
            "categories" => "Kategorier",
            "areas" => "Områder",
            "groups" => "Grupper",
            _ => return None,
        })
    },
    rationale: "Begrunnelse",
    risks: "Risiko og hindringer",
    timeframe_label: "Tidsperspektiv",
    timeframe: |timeframe| match timeframe {
        Timeframe::Short => "Innen et år",
        Timeframe::Medium => "1–3 år",
        Timeframe::Long => "Mer enn 3 år",
    },
    no_timeframe: "Ikke valgt",
    comments_heading: "Kommentarer fra gruppene",
    comment_summary: "Begrunnelse, risiko og tidsperspektiv",
    save_comment: "Lagre kommentar",
    comment_saved: "Kommentaren er lagret.",
    suggest_heading: "Mangler et område?",
    suggest_intro: "Foreslå det her. Fasilitatoren avgjør om det tas med i lista.",
    suggest_button: "Send forslag",
    suggested_notice: "Takk! Forslaget er sendt til fasilitatoren.",
    suggestions_heading: "Forslag fra deltakerne",
    no_suggestions: "Ingen forslag ennå.",
    accept_suggestion: "Ta med i lista",
    keep_suggestion: "Reist, ikke scoret",
    suggestion_status: |status| match status {
        SuggestionStatus::Pending => "Venter",
        SuggestionStatus::Accepted => "Tatt med i lista",
        SuggestionStatus::Kept => "Reist, ikke scoret",
    },
    raised_heading: "Reist, men ikke scoret",
    raised_help: "Områder deltakerne foreslo som ikke kom med i poenggivingen.",
    settings_heading: "Innstillinger",
    scale_min_label: "Laveste poeng",
    scale_max_label: "Høyeste poeng",
    scale_help: "Fra 1–5 til 0–10. Skalaen kan ikke endres etter at gruppene har gitt poeng.",
    potential_name_label: "Navn på den loddrette aksen",
    feasibility_name_label: "Navn på den vannrette aksen",
    axis_name_help: "Tomt gir «Potensial» og «Gjennomførbarhet».",
    potential_midline_label: "Midtlinje, loddrett akse",
    feasibility_midline_label: "Midtlinje, vannrett akse",
    midline_help: "Tomt gir midten av skalaen. Hele eller halve tall.",
    language_label: "Språk i workshopen",
    aggregate_label: "Gruppenes poeng slås sammen med",
    aggregate_name: |aggregate| match aggregate {
        kvadrant::Aggregate::Mean => "snitt",
        kvadrant::Aggregate::Median => "median (én gruppe langt fra de andre flytter den ikke)",
    },
    combined_by: |aggregate| match aggregate {
        kvadrant::Aggregate::Mean => "Samlet poeng = snitt potensial × snitt gjennomførbarhet",
        kvadrant::Aggregate::Median => "Samlet poeng = median potensial × median gjennomførbarhet",
    },
    certainty_help: "Hvor sikker rangeringen er",
    dissent_percent_label: "Uenighet ved sd over (% av skalaen)",
    top_places_label: "Sjanse for topp (f.eks. 3, 5)",
    min_segment_label: "Minste antall grupper i et segment som vises",
    tags_label: "Merkelapper",
    tags_help: "Én per linje, for eksempel «Rolle: Folkevalgte» eller «Kommune: Lierne».",
    review_heading: "Lenke for ledere",
    review_help: "Viser resultat, kommentarer og eksport, men kan ikke endre noe.",
    renew_review: "Lag ny lenke (den gamle slutter å virke)",
    review_badge: "Lesetilgang for ledere",
    exports_heading: "Last ned",
    download_xlsx: "Excel-arbeidsbok (alt)",
    download_csv_excel: "CSV for norsk Excel",
    download_svg: "Matrisen som SVG",
    download_png: "Matrisen som PNG",
    download_setup: "Oppsett (JSON)",
    print: "Skriv ut",
    report_date: |(year, month, day)| format!("Utskrift {day}.{month:02}.{year}"),
    my_workshops: "Mine workshoper",
    my_workshops_help: "Workshopene du har åpnet som fasilitator i denne nettleseren.",
    no_my_workshops: "Ingen ennå. Når du lager eller åpner en workshop som fasilitator, dukker den opp her.",
    forget: "Glem",
    import_heading: "Start fra et oppsett",
    import_help: "Lim inn et oppsett (JSON) som er lastet ned fra en annen workshop.",
    import_button: "Lag workshop fra oppsettet",
    import_file_label: "Velg en oppsettfil",
    import_text_label: "… eller lim inn oppsettet",
    duplicate_heading: "Bruk som mal",
    duplicate_help: "Lager en ny workshop med samme innstillinger, kategorier og områder, uten grupper og poeng.",
    duplicate_button: "Lag kopi",
    open: "Åpne",
    not_found: "Fant ikke siden.",
    loading: "Laster …",
    unreachable: "Fikk ikke kontakt med serveren. Sjekk nettet og prøv igjen.",
    parts_label: "Workshopens deler",
    part_prepare: "Forbered",
    part_run: "Gjennomfør",
    part_review: "Etterarbeid",
    checklist_heading: "Før gruppene starter",
    check_areas: |n| format!("{n} områder er lagt til."),
    check_areas_missing: "Legg til områdene gruppene skal vurdere.",
    check_groups: |n| format!("{n} grupper er klare."),
    check_groups_missing: "Legg til gruppene.",
    check_open: "Poenggivingen er åpen.",
    check_open_missing: "Åpne poenggivingen når gruppene er klare (under Gjennomfør).",
    bulk_areas_label: "Lim inn flere områder, ett per linje (eventuelt «Kategori: Område»)",
    add_areas: "Legg til områdene",
    added: |name| format!("«{name}» er lagt til."),
    areas_added: |n| format!("{n} områder er lagt til."),
    removed: |removal| match removal.list {
        ListKind::Areas => format!(
            "«{}» er fjernet, med poengene fra {} grupper og {} kommentarer.",
            removal.name, removal.scored, removal.comments
        ),
        ListKind::Groups => format!(
            "«{}» er fjernet, med poengene gruppen ga {} områder og {} kommentarer.",
            removal.name, removal.scored, removal.comments
        ),
        ListKind::Categories => {
            format!("«{}» er fjernet; {} områder står nå uten kategori.", removal.name, removal.areas)
        }
    },
    undo: |name| format!("Angre fjerningen av «{name}»"),
    undo_help: |minutes| format!("Kan angres i {minutes} minutter."),
    restored: "Satt tilbake, med poeng og kommentarer.",
    remove_area_takes: |groups, comments| match groups {
        0 => "Ingen grupper har gitt poeng til dette området ennå.".to_owned(),
        _ => format!(
            "{groups} grupper har gitt poeng til dette området, og det har {comments} kommentarer. Alt følger med om du angrer."
        ),
    },
    remove_group_takes: |areas, comments| match areas {
        0 => "Gruppen har ikke gitt poeng ennå.".to_owned(),
        _ => format!(
            "Gruppen har gitt poeng til {areas} områder og skrevet {comments} kommentarer. Alt følger med om du angrer."
        ),
    },
    remove_category_takes: "Områdene i kategorien blir værende, uten kategori.",
    remove_for_good: |name| format!("Fjern «{name}»"),
    copy: "Kopier",
    copied: "Kopiert",
    open_big_screen: "Åpne storskjermen",
    description_summary: "Beskrivelse",
    fullscreen_hint: "F: fullskjerm",
};

pub static NN: Texts = Texts {
    app_name: "Kvadrant",
    tagline: "Prioriter samarbeidsområde etter potensial og gjennomførbarheit – saman, i sanntid.",
    decimal_separator: ',',
    join_heading: "Bli med i ein workshop",
    join_code_label: "Kode",
    join_button: "Bli med",
    join_invalid: "Koden har 6 teikn, bokstavar og tal. Sjekk koden og prøv igjen.",
    create_heading: "Lag ein ny workshop",
    create_intro: "Du får ei privat lenke som berre du kan bruke til å endre workshopen. Ta vare på ho.",
    title_label: "Tittel",
    description_label: "Skildring (valfritt)",
    create_button: "Lag workshop",
    demo_heading: "Prøv eit døme",
    demo_intro: "Dømet byggjer på workshopen i Indre Namdal i 2022: 13 samarbeidsområde og 9 grupper. Poenga er illustrerande.",
    demo_join: "Gje poeng som ei gruppe",
    demo_results: "Sjå resultatet",
    demo_badge: "Illustrerande eksempeldata",
    pick_group: "Vel gruppa di",
    skip_to_content: "Gå til innhaldet",
    no_groups_yet: "Tilretteleggjaren har ikkje laga grupper enno.",
    see_results: "Sjå resultatet",
    group_joined: "med",
    group_taken_hint: "Er gruppa di alt med? Be nokon i gruppa om lenka til gruppa, eller spør tilretteleggjaren.",
    invite_heading: "Få med resten av gruppa",
    invite_intro: "Alle i gruppa kan opne dette arket med denne lenka. Del ho berre med gruppa di.",
    group_links_heading: "Gruppelenker",
    group_links_help: "Kvar gruppe har si eiga lenke til arket sitt. Ei ny lenke stengjer den gamle; «Frigje» lèt gruppa veljast på nytt frå påmeldingssida.",
    group_not_joined: "ikkje med enno",
    renew_group_link: "Ny lenke",
    release_group: "Frigje",
    fill_in_for_group: "Fyll ut for gruppa",
    print_group_cards: "Skriv ut gruppekort",
    renew_facilitator_link: "Ny tilretteleggjarlenke",
    renew_facilitator_help: "Har denne lenka kome på avvegar? Ei ny lenke stengjer den gamle med ein gong, og leiarlenka vert òg fornya.",
    renew_code: "Ny kode",
    renew_code_help: "Ein ny kode stengjer den gamle og alle lenker med han med ein gong. Opne skjermar og ark flyttar over til den nye.",
    group_cards_heading: "Gruppekort",
    group_card_scan: "Skann koden eller opne lenka for å score:",
    sheet_intro: "Gje kvart område poeng frå låg til høg for potensial og gjennomførbarheit. Alt vert lagra med ein gong, og alle i gruppa deler det same arket.",
    sheet_intro_plain: "Gje kvart område poeng frå låg til høg for potensial og gjennomførbarheit, og trykk «Lagre» ved området. Alle i gruppa deler det same arket.",
    scoring_closed_notice: "Poenggjevinga er stengd. Arket kan lesast, men ikkje endrast.",
    no_category: "Utan kategori",
    not_set: "–",
    saving: "Lagrar …",
    saved: "Lagra",
    save_failed: "Ikkje lagra.",
    retry: "Prøv igjen",
    scored_count: |done, total| format!("{done} av {total} område har fått begge poeng"),
    round_of: |n| format!("Runde {n}"),
    previous_scores: "Førre runde",
    back_to_groups: "Byt gruppe",
    potential: "Potensial",
    feasibility: "Gjennomførbarheit",
    potential_short: "P",
    feasibility_short: "G",
    potential_low: "Lågt",
    potential_high: "Høgt potensial",
    feasibility_low: "Vanskeleg",
    feasibility_high: "Lett å gjennomføre",
    quadrant: |quadrant| match quadrant {
        Quadrant::HighPotentialEasy => "Lett å gjennomføre og høgt potensial",
        Quadrant::HighPotentialHard => "Vanskeleg å gjennomføre, men høgt potensial",
        Quadrant::LowPotentialEasy => "Lett å gjennomføre, men lågt potensial",
        Quadrant::LowPotentialHard => "Vanskeleg å gjennomføre og lågt potensial",
    },
    matrix_title: "Prioriteringsmatrise",
    matrix_moved_note: "Tala er plassering i rangeringa; rangeringa nemner kvadranten til kvart område. Der punkt ligg tett, er merket flytta litt, med ein strek til det eigentlege punktet.",
    moves_note: |round| format!("Pilene går frå der områda stod i runde {round}, til der dei står no."),
    rank_in_round: |round, rank| format!("runde {round}: {rank}."),
    results_heading: "Resultat",
    ranked_heading: "Rangering",
    rank: "Plass",
    area: "Område",
    category: "Kategori",
    combined: "Samla (P × G)",
    groups_scored: "Grupper",
    spread: "Spreiing",
    spread_help: "éin prikk per gruppe, strek = snitt, felt = ± sd",
    rank_band: "Mogleg plass",
    rank_band_help: "90 % av trekningane",
    too_few_groups: "for få grupper",
    strip_summary: |axis, n, mean, median, sd, values| {
        format!("{axis}: {n} grupper, snitt {mean}, median {median}, sd {sd}. Poenga: {values}.")
    },
    by_group: "Kvar gruppe",
    too_few_to_show: "for få grupper til å visast",
    top_share: |k| format!("Sjanse for topp {k}"),
    place: |place, k| match place {
        kvadrant::certainty::Place::ClearlyAhead => format!("sikkert blant topp {k}"),
        kvadrant::certainty::Place::Uncertain => format!("usikkert om topp {k}"),
        kvadrant::certainty::Place::ClearlyBehind => format!("utanfor topp {k}"),
    },
    dissent: [
        "Gruppene er usamde om potensialet.",
        "Gruppene er usamde om gjennomførbarheita.",
        "Gruppene er usamde om både potensial og gjennomførbarheit.",
    ],
    dissent_heading: "Usemje",
    agreement: |w, strength, groups| {
        let reading = match strength {
            kvadrant::certainty::Strength::Weak => "svak",
            kvadrant::certainty::Strength::Moderate => "moderat",
            kvadrant::certainty::Strength::Strong => "sterk",
        };
        format!("Semje om rekkjefølgja (Kendalls W, {groups} grupper): {w}, {reading}.")
    },
    unscored_heading: "Ikkje vurdert enno",
    unscored_help: "Inga gruppe har gjeve desse områda begge poeng. Dei vert ikkje rangerte.",
    nothing_scored: "Ingen område har fått poeng enno.",
    groups_of: |n| format!("{n} grupper"),
    download_csv: "Last ned CSV",
    download_json: "JSON",
    method_note: "Snittet er teke over gruppene som har gjeve begge poeng; spreiinga er standardavviket (sd) mellom dei. Samla poeng er snitt potensial × snitt gjennomførbarheit. Like poeng deler plass; då står høgast potensial først. Eit snitt på midtlinja (5,5) vert rekna til den høge sida.",
    manage_heading: "Tilretteleggjar",
    manage_private: "Dette er den private lenka di. Den som har ho, kan endre workshopen.",
    join_code: "Kode",
    join_link: "Lenke for deltakarar",
    scoring_is_open: "Poenggjevinga er open.",
    scoring_is_closed: "Poenggjevinga er stengd.",
    open_scoring: "Opne poenggjevinga",
    close_scoring: "Steng poenggjevinga",
    start_round: |n| format!("Start runde {n}"),
    start_round_help: "Poenga frå denne runden vert tekne vare på. Arka vert tømde, og gruppene ser dei førre \
        poenga sine. Kan ikkje angrast.",
    details_heading: "Om workshopen",
    save: "Lagre",
    remove: "Fjern",
    move_up: "Flytt opp",
    move_down: "Flytt ned",
    categories_heading: "Kategoriar",
    add_category: "Legg til kategori",
    areas_heading: "Samarbeidsområde",
    add_area: "Legg til område",
    name_label: "Namn",
    groups_heading: "Grupper",
    groups_count_label: "Tal på nye grupper",
    groups_names_label: "… eller namn, eitt per linje",
    add_groups: "Legg til grupper",
    remove_group_warning: "Å fjerne ei gruppe slettar poenga ho har gjeve.",
    empty_list: "Ingen enno.",
    live_heading: "Undervegs",
    connecting: "Koplar til …",
    results_hidden_notice: "Resultata er skjulte til tilretteleggjaren viser dei fram.",
    results_are_hidden: "Resultata er skjulte for deltakarane og storskjermen.",
    results_are_visible: "Deltakarane og storskjermen ser resultata.",
    hide_results: "Skjul resultata",
    reveal_results: "Vis resultata",
    progress_heading: "Framdrifta til gruppene",
    group: "Gruppe",
    areas_done: "Område ferdige",
    last_activity: "Sist endra",
    groups_done: |done, total| format!("{done} av {total} grupper er ferdige"),
    big_screen: "Storskjerm",
    scan_to_join: "Skann koden eller gå til",
    top_ranked: |n| format!("Topp {n}"),
    list_changed: "Tilretteleggjaren har endra lista over område.",
    new_round_notice: "Ein ny runde har starta: gje poeng på nytt.",
    reload: "Last inn på nytt",
    mean: "snitt",
    minimum: "min",
    maximum: "maks",
    quadrant_heading: "Kvadrant",
    segment: "Utval",
    all_groups: "Alle grupper",
    n_groups: |n| format!("n = {n}"),
    segment_filter: "Vis resultatet for",
    compare_with: "Samanlikn med",
    no_comparison: "Inga samanlikning",
    show: "Vis",
    sheet_ranking: "Rangering",
    sheet_scores: "Poeng per gruppe",
    sheet_scores_help: "Poenga til kvar gruppe, med merkelappane til gruppa (utval).",
    sheet_comments: "Kommentarar",
    sheet_raised: "Reist, ikkje scora",
    sheet_changes: "Endringslogg",
    changes_help: "Kvar endring i workshopen: når (UTC), kven og kva.",
    area_history: "Historikk",
    no_changes: "Ingen endringar enno.",
    change_time: "Tid (UTC)",
    change_who: "Kven",
    change_what: "Kva",
    change_about: "Område eller gjeld",
    change_field: "Felt",
    change_from: "Frå",
    change_to: "Til",
    facilitator_actor: "Tilretteleggjar",
    facilitator_for: |group| format!("Tilretteleggjar for {group}"),
    change_action: |action| {
        Some(match action {
            "score_set" => "Poeng sett",
            "score_cleared" => "Poeng fjerna",
            "comment_saved" => "Kommentar lagra",
            "comment_removed" => "Kommentar fjerna",
            "suggestion_made" => "Område føreslått",
            "suggestion_accepted" => "Forslag lagt på lista",
            "suggestion_kept" => "Forslag reist, ikkje scora",
            "area_added" => "Område lagt til",
            "area_changed" => "Område endra",
            "area_removed" => "Område fjerna",
            "category_added" => "Kategori lagd til",
            "category_changed" => "Kategori endra",
            "category_removed" => "Kategori fjerna",
            "group_added" => "Gruppe lagd til",
            "group_changed" => "Gruppe endra",
            "group_removed" => "Gruppe fjerna",
            "group_joined" => "Gruppe teken",
            "group_link_renewed" => "Ny gruppelenke",
            "group_released" => "Gruppe frigjeven",
            "order_changed" => "Rekkjefølgje endra",
            "title_changed" => "Tittel endra",
            "description_changed" => "Skildring endra",
            "settings_changed" => "Innstilling endra",
            "scoring_opened" => "Scoring opna",
            "scoring_closed" => "Scoring stengd",
            "round_started" => "Ny runde starta",
            "results_hidden" => "Resultata skjulte",
            "results_revealed" => "Resultata viste",
            "review_link_renewed" => "Ny leiarlenke",
            _ => return None,
        })
    },
    changed_field: |field| {
        Some(match field {
            "name" => "Namn",
            "description" => "Skildring",
            "category" => "Kategori",
            "tags" => "Merkelappar",
            "title" => "Tittel",
            "scale" => "Skala",
            "potential_label" => "Namn på potensial",
            "feasibility_label" => "Namn på gjennomførbarheit",
            "potential_midline" => "Midtlinje for potensial",
            "feasibility_midline" => "Midtlinje for gjennomførbarheit",
            "language" => "Språk",
            "categories" => "Kategoriar",
            "areas" => "Område",
            "groups" => "Grupper",
            _ => return None,
        })
    },
    rationale: "Grunngjeving",
    risks: "Risiko og hindringar",
    timeframe_label: "Tidsperspektiv",
    timeframe: |timeframe| match timeframe {
        Timeframe::Short => "Innan eitt år",
        Timeframe::Medium => "1–3 år",
        Timeframe::Long => "Meir enn 3 år",
    },
    no_timeframe: "Ikkje valt",
    comments_heading: "Kommentarar frå gruppene",
    comment_summary: "Grunngjeving, risiko og tidsperspektiv",
    save_comment: "Lagre kommentar",
    comment_saved: "Kommentaren er lagra.",
    suggest_heading: "Manglar eit område?",
    suggest_intro: "Føreslå det her. Tilretteleggjaren avgjer om det vert teke med i lista.",
    suggest_button: "Send forslag",
    suggested_notice: "Takk! Forslaget er sendt til tilretteleggjaren.",
    suggestions_heading: "Forslag frå deltakarane",
    no_suggestions: "Ingen forslag enno.",
    accept_suggestion: "Ta med i lista",
    keep_suggestion: "Reist, ikkje scora",
    suggestion_status: |status| match status {
        SuggestionStatus::Pending => "Ventar",
        SuggestionStatus::Accepted => "Teke med i lista",
        SuggestionStatus::Kept => "Reist, ikkje scora",
    },
    raised_heading: "Reist, men ikkje scora",
    raised_help: "Område deltakarane føreslo som ikkje kom med i poenggjevinga.",
    settings_heading: "Innstillingar",
    scale_min_label: "Lågaste poeng",
    scale_max_label: "Høgaste poeng",
    scale_help: "Frå 1–5 til 0–10. Skalaen kan ikkje endrast etter at gruppene har gjeve poeng.",
    potential_name_label: "Namn på den loddrette aksen",
    feasibility_name_label: "Namn på den vassrette aksen",
    axis_name_help: "Tomt gjev «Potensial» og «Gjennomførbarheit».",
    potential_midline_label: "Midtlinje, loddrett akse",
    feasibility_midline_label: "Midtlinje, vassrett akse",
    midline_help: "Tomt gjev midten av skalaen. Heile eller halve tal.",
    language_label: "Språk i workshopen",
    aggregate_label: "Poenga til gruppene vert slått saman med",
    aggregate_name: |aggregate| match aggregate {
        kvadrant::Aggregate::Mean => "snitt",
        kvadrant::Aggregate::Median => "median (éi gruppe langt frå dei andre flyttar han ikkje)",
    },
    combined_by: |aggregate| match aggregate {
        kvadrant::Aggregate::Mean => "Samla poeng = snitt potensial × snitt gjennomførbarheit",
        kvadrant::Aggregate::Median => "Samla poeng = median potensial × median gjennomførbarheit",
    },
    certainty_help: "Kor sikker rangeringa er",
    dissent_percent_label: "Usemje ved sd over (% av skalaen)",
    top_places_label: "Sjanse for topp (t.d. 3, 5)",
    min_segment_label: "Minste tal på grupper i eit segment som vert vist",
    tags_label: "Merkelappar",
    tags_help: "Éin per linje, til dømes «Rolle: Folkevalde» eller «Kommune: Lierne».",
    review_heading: "Lenke for leiarar",
    review_help: "Viser resultat, kommentarar og eksport, men kan ikkje endre noko.",
    renew_review: "Lag ny lenke (den gamle sluttar å verke)",
    review_badge: "Lesetilgang for leiarar",
    exports_heading: "Last ned",
    download_xlsx: "Excel-arbeidsbok (alt)",
    download_csv_excel: "CSV for norsk Excel",
    download_svg: "Matrisa som SVG",
    download_png: "Matrisa som PNG",
    download_setup: "Oppsett (JSON)",
    print: "Skriv ut",
    report_date: |(year, month, day)| format!("Utskrift {day}.{month:02}.{year}"),
    my_workshops: "Mine workshopar",
    my_workshops_help: "Workshopane du har opna som tilretteleggjar i denne nettlesaren.",
    no_my_workshops: "Ingen enno. Når du lagar eller opnar ein workshop som tilretteleggjar, dukkar han opp her.",
    forget: "Gløym",
    import_heading: "Start frå eit oppsett",
    import_help: "Lim inn eit oppsett (JSON) som er lasta ned frå ein annan workshop.",
    import_button: "Lag workshop frå oppsettet",
    import_file_label: "Vel ei oppsettfil",
    import_text_label: "… eller lim inn oppsettet",
    duplicate_heading: "Bruk som mal",
    duplicate_help: "Lagar ein ny workshop med same innstillingar, kategoriar og område, utan grupper og poeng.",
    duplicate_button: "Lag kopi",
    open: "Opne",
    not_found: "Fann ikkje sida.",
    loading: "Lastar …",
    unreachable: "Fekk ikkje kontakt med serveren. Sjekk nettet og prøv igjen.",
    parts_label: "Delane av workshopen",
    part_prepare: "Førebu",
    part_run: "Gjennomfør",
    part_review: "Etterarbeid",
    checklist_heading: "Før gruppene startar",
    check_areas: |n| format!("{n} område er lagde til."),
    check_areas_missing: "Legg til områda gruppene skal vurdere.",
    check_groups: |n| format!("{n} grupper er klare."),
    check_groups_missing: "Legg til gruppene.",
    check_open: "Poenggjevinga er open.",
    check_open_missing: "Opne poenggjevinga når gruppene er klare (under Gjennomfør).",
    bulk_areas_label: "Lim inn fleire område, eitt per linje (eventuelt «Kategori: Område»)",
    add_areas: "Legg til områda",
    added: |name| format!("«{name}» er lagt til."),
    areas_added: |n| format!("{n} område er lagde til."),
    removed: |removal| match removal.list {
        ListKind::Areas => format!(
            "«{}» er fjerna, med poenga frå {} grupper og {} kommentarar.",
            removal.name, removal.scored, removal.comments
        ),
        ListKind::Groups => format!(
            "«{}» er fjerna, med poenga gruppa gav {} område og {} kommentarar.",
            removal.name, removal.scored, removal.comments
        ),
        ListKind::Categories => {
            format!("«{}» er fjerna; {} område står no utan kategori.", removal.name, removal.areas)
        }
    },
    undo: |name| format!("Angre fjerninga av «{name}»"),
    undo_help: |minutes| format!("Kan angrast i {minutes} minutt."),
    restored: "Sett tilbake, med poeng og kommentarar.",
    remove_area_takes: |groups, comments| match groups {
        0 => "Ingen grupper har gjeve poeng til dette området enno.".to_owned(),
        _ => format!(
            "{groups} grupper har gjeve poeng til dette området, og det har {comments} kommentarar. Alt følgjer med om du angrar."
        ),
    },
    remove_group_takes: |areas, comments| match areas {
        0 => "Gruppa har ikkje gjeve poeng enno.".to_owned(),
        _ => format!(
            "Gruppa har gjeve poeng til {areas} område og skrive {comments} kommentarar. Alt følgjer med om du angrar."
        ),
    },
    remove_category_takes: "Områda i kategorien vert verande, utan kategori.",
    remove_for_good: |name| format!("Fjern «{name}»"),
    copy: "Kopier",
    copied: "Kopiert",
    open_big_screen: "Opne storskjermen",
    description_summary: "Skildring",
    fullscreen_hint: "F: fullskjerm",
};

pub static EN: Texts = Texts {
    app_name: "Kvadrant",
    tagline: "Prioritise areas for collaboration by potential and feasibility – together, live.",
    decimal_separator: '.',
    join_heading: "Join a workshop",
    join_code_label: "Code",
    join_button: "Join",
    join_invalid: "Codes have 6 letters and digits. Check it and try again.",
    create_heading: "Create a workshop",
    create_intro: "You get a private link that alone can change the workshop. Keep it safe.",
    title_label: "Title",
    description_label: "Description (optional)",
    create_button: "Create workshop",
    demo_heading: "Try an example",
    demo_intro: "The example follows the 2022 workshop in Indre Namdal: 13 areas and 9 groups. The scores are illustrative.",
    demo_join: "Score as a group",
    demo_results: "See the result",
    demo_badge: "Illustrative sample data",
    pick_group: "Pick your group",
    skip_to_content: "Skip to content",
    no_groups_yet: "The facilitator has not made any groups yet.",
    see_results: "See the result",
    group_joined: "joined",
    group_taken_hint: "Has your group joined already? Ask someone in it for the group's link, or ask the facilitator.",
    invite_heading: "Bring the rest of your group in",
    invite_intro: "Everyone in the group can open this sheet with this link. Share it only with your group.",
    group_links_heading: "Group links",
    group_links_help: "Each group has its own link to its sheet. A new link retires the old one; Release lets the group be picked again on the join page.",
    group_not_joined: "not joined yet",
    renew_group_link: "New link",
    release_group: "Release",
    fill_in_for_group: "Fill in for the group",
    print_group_cards: "Print group cards",
    renew_facilitator_link: "New facilitator link",
    renew_facilitator_help: "Has this link gone astray? A new one retires the old one at once, and renews the leaders' link too.",
    renew_code: "New code",
    renew_code_help: "A new code retires the old one and every link with it at once. Open screens and sheets move to the new one.",
    group_cards_heading: "Group cards",
    group_card_scan: "Scan the code or open the link to score:",
    sheet_intro: "Score each area from low to high on potential and feasibility. Every change is saved at once, and everyone in the group shares this sheet.",
    sheet_intro_plain: "Score each area from low to high on potential and feasibility, and press “Save” by the area. Everyone in the group shares this sheet.",
    scoring_closed_notice: "Scoring is closed. The sheet can be read but not changed.",
    no_category: "No category",
    not_set: "–",
    saving: "Saving …",
    saved: "Saved",
    save_failed: "Not saved.",
    retry: "Try again",
    scored_count: |done, total| format!("{done} of {total} areas have both scores"),
    round_of: |n| format!("Round {n}"),
    previous_scores: "Previous round",
    back_to_groups: "Change group",
    potential: "Potential",
    feasibility: "Feasibility",
    potential_short: "P",
    feasibility_short: "F",
    potential_low: "Low",
    potential_high: "High potential",
    feasibility_low: "Hard",
    feasibility_high: "Easy to carry out",
    quadrant: |quadrant| match quadrant {
        Quadrant::HighPotentialEasy => "Easy to carry out, high potential",
        Quadrant::HighPotentialHard => "Hard to carry out, but high potential",
        Quadrant::LowPotentialEasy => "Easy to carry out, but low potential",
        Quadrant::LowPotentialHard => "Hard to carry out, low potential",
    },
    matrix_title: "Priority matrix",
    matrix_moved_note: "Numbers are places in the ranking, which names each area's quadrant. Where points crowd, a marker is moved a little, with a line to its true point.",
    moves_note: |round| format!("Arrows run from where the areas stood in round {round} to where they stand now."),
    rank_in_round: |round, rank| format!("round {round}: {rank}"),
    results_heading: "Result",
    ranked_heading: "Ranking",
    rank: "Rank",
    area: "Area",
    category: "Category",
    combined: "Combined (P × F)",
    groups_scored: "Groups",
    spread: "Spread",
    spread_help: "one dot per group, tick = mean, band = ± sd",
    rank_band: "Possible place",
    rank_band_help: "90 % of the draws",
    too_few_groups: "too few groups",
    strip_summary: |axis, n, mean, median, sd, values| {
        format!("{axis}: {n} groups, mean {mean}, median {median}, sd {sd}. The scores: {values}.")
    },
    by_group: "Each group",
    too_few_to_show: "too few groups to show",
    top_share: |k| format!("Chance of top {k}"),
    place: |place, k| match place {
        kvadrant::certainty::Place::ClearlyAhead => format!("clearly in the top {k}"),
        kvadrant::certainty::Place::Uncertain => format!("uncertain for the top {k}"),
        kvadrant::certainty::Place::ClearlyBehind => format!("outside the top {k}"),
    },
    dissent: [
        "The groups disagree on potential.",
        "The groups disagree on feasibility.",
        "The groups disagree on both potential and feasibility.",
    ],
    dissent_heading: "Dissent",
    agreement: |w, strength, groups| {
        let reading = match strength {
            kvadrant::certainty::Strength::Weak => "weak",
            kvadrant::certainty::Strength::Moderate => "moderate",
            kvadrant::certainty::Strength::Strong => "strong",
        };
        format!("Agreement on the order (Kendall's W, {groups} groups): {w}, {reading}.")
    },
    unscored_heading: "Not scored yet",
    unscored_help: "No group has given these areas both scores. They are not ranked.",
    nothing_scored: "No area has been scored yet.",
    groups_of: |n| format!("{n} groups"),
    download_csv: "Download CSV",
    download_json: "JSON",
    method_note: "Means are taken over the groups that gave both scores; the spread is the standard deviation (sd) between them. The combined score is mean potential × mean feasibility. Equal scores share a rank, higher potential listed first. A mean on the midline (5.5) counts as the high side.",
    manage_heading: "Facilitator",
    manage_private: "This is your private link. Whoever has it can change the workshop.",
    join_code: "Code",
    join_link: "Link for participants",
    scoring_is_open: "Scoring is open.",
    scoring_is_closed: "Scoring is closed.",
    open_scoring: "Open scoring",
    close_scoring: "Close scoring",
    start_round: |n| format!("Start round {n}"),
    start_round_help: "This round's scores are kept. The sheets are emptied, and the groups see their \
        previous scores. Cannot be undone.",
    details_heading: "About the workshop",
    save: "Save",
    remove: "Remove",
    move_up: "Move up",
    move_down: "Move down",
    categories_heading: "Categories",
    add_category: "Add category",
    areas_heading: "Areas",
    add_area: "Add area",
    name_label: "Name",
    groups_heading: "Groups",
    groups_count_label: "Number of new groups",
    groups_names_label: "… or names, one per line",
    add_groups: "Add groups",
    remove_group_warning: "Removing a group deletes the scores it gave.",
    empty_list: "None yet.",
    live_heading: "Live",
    connecting: "Connecting …",
    results_hidden_notice: "The results are hidden until the facilitator reveals them.",
    results_are_hidden: "The results are hidden from participants and the big screen.",
    results_are_visible: "Participants and the big screen see the results.",
    hide_results: "Hide the results",
    reveal_results: "Reveal the results",
    progress_heading: "Group progress",
    group: "Group",
    areas_done: "Areas done",
    last_activity: "Last change",
    groups_done: |done, total| format!("{done} of {total} groups are done"),
    big_screen: "Big screen",
    scan_to_join: "Scan the code or go to",
    top_ranked: |n| format!("Top {n}"),
    list_changed: "The facilitator has changed the list of areas.",
    new_round_notice: "A new round has started: score again.",
    reload: "Reload",
    mean: "mean",
    minimum: "min",
    maximum: "max",
    quadrant_heading: "Quadrant",
    segment: "Segment",
    all_groups: "All groups",
    n_groups: |n| format!("n = {n}"),
    segment_filter: "Show results for",
    compare_with: "Compare with",
    no_comparison: "No comparison",
    show: "Show",
    sheet_ranking: "Ranking",
    sheet_scores: "Scores by group",
    sheet_scores_help: "Every group's scores, with the group's tags (segments).",
    sheet_comments: "Comments",
    sheet_raised: "Raised, not scored",
    sheet_changes: "Change log",
    changes_help: "Every change to the workshop: when (UTC), who and what.",
    area_history: "History",
    no_changes: "No changes yet.",
    change_time: "Time (UTC)",
    change_who: "Who",
    change_what: "What",
    change_about: "Area or subject",
    change_field: "Field",
    change_from: "From",
    change_to: "To",
    facilitator_actor: "Facilitator",
    facilitator_for: |group| format!("Facilitator for {group}"),
    change_action: |action| {
        Some(match action {
            "score_set" => "Score set",
            "score_cleared" => "Score cleared",
            "comment_saved" => "Comment saved",
            "comment_removed" => "Comment removed",
            "suggestion_made" => "Area proposed",
            "suggestion_accepted" => "Proposal put on the list",
            "suggestion_kept" => "Proposal raised, not scored",
            "area_added" => "Area added",
            "area_changed" => "Area changed",
            "area_removed" => "Area removed",
            "category_added" => "Category added",
            "category_changed" => "Category changed",
            "category_removed" => "Category removed",
            "group_added" => "Group added",
            "group_changed" => "Group changed",
            "group_removed" => "Group removed",
            "group_joined" => "Group joined",
            "group_link_renewed" => "Group link renewed",
            "group_released" => "Group released",
            "order_changed" => "Order changed",
            "title_changed" => "Title changed",
            "description_changed" => "Description changed",
            "settings_changed" => "Setting changed",
            "scoring_opened" => "Scoring opened",
            "scoring_closed" => "Scoring closed",
            "round_started" => "New round started",
            "results_hidden" => "Results hidden",
            "results_revealed" => "Results revealed",
            "review_link_renewed" => "Leaders' link renewed",
            _ => return None,
        })
    },
    changed_field: |field| {
        Some(match field {
            "name" => "Name",
            "description" => "Description",
            "category" => "Category",
            "tags" => "Tags",
            "title" => "Title",
            "scale" => "Scale",
            "potential_label" => "Name of potential",
            "feasibility_label" => "Name of feasibility",
            "potential_midline" => "Midline of potential",
            "feasibility_midline" => "Midline of feasibility",
            "language" => "Language",
            "categories" => "Categories",
            "areas" => "Areas",
            "groups" => "Groups",
            _ => return None,
        })
    },
    rationale: "Rationale",
    risks: "Risks and barriers",
    timeframe_label: "Timeframe",
    timeframe: |timeframe| match timeframe {
        Timeframe::Short => "Within a year",
        Timeframe::Medium => "1–3 years",
        Timeframe::Long => "More than 3 years",
    },
    no_timeframe: "Not chosen",
    comments_heading: "Comments from the groups",
    comment_summary: "Rationale, risks and timeframe",
    save_comment: "Save comment",
    comment_saved: "Comment saved.",
    suggest_heading: "Is an area missing?",
    suggest_intro: "Suggest it here. The facilitator decides whether it goes on the list.",
    suggest_button: "Send suggestion",
    suggested_notice: "Thank you! The suggestion went to the facilitator.",
    suggestions_heading: "Suggestions from participants",
    no_suggestions: "No suggestions yet.",
    accept_suggestion: "Add to the list",
    keep_suggestion: "Raised, not scored",
    suggestion_status: |status| match status {
        SuggestionStatus::Pending => "Waiting",
        SuggestionStatus::Accepted => "Added to the list",
        SuggestionStatus::Kept => "Raised, not scored",
    },
    raised_heading: "Raised but not scored",
    raised_help: "Areas participants proposed that were not scored.",
    settings_heading: "Settings",
    scale_min_label: "Lowest score",
    scale_max_label: "Highest score",
    scale_help: "From 1–5 to 0–10. The scale cannot change once groups have scored.",
    potential_name_label: "Name of the vertical axis",
    feasibility_name_label: "Name of the horizontal axis",
    axis_name_help: "Empty gives 'Potential' and 'Feasibility'.",
    potential_midline_label: "Midline, vertical axis",
    feasibility_midline_label: "Midline, horizontal axis",
    midline_help: "Empty gives the middle of the scale. Whole or half numbers.",
    language_label: "Language of the workshop",
    aggregate_label: "The groups' scores are brought together by",
    aggregate_name: |aggregate| match aggregate {
        kvadrant::Aggregate::Mean => "mean",
        kvadrant::Aggregate::Median => "median (one group far from the rest does not move it)",
    },
    combined_by: |aggregate| match aggregate {
        kvadrant::Aggregate::Mean => "Combined score = mean potential × mean feasibility",
        kvadrant::Aggregate::Median => "Combined score = median potential × median feasibility",
    },
    certainty_help: "How sure the ranking is",
    dissent_percent_label: "Dissent when sd is above (% of the scale)",
    top_places_label: "Odds of the top (e.g. 3, 5)",
    min_segment_label: "Fewest groups a segment shown must have",
    tags_label: "Tags",
    tags_help: "One per line, for example 'Role: Elected' or 'Municipality: Lierne'.",
    review_heading: "Link for leaders",
    review_help: "Shows results, comments and exports, and cannot change anything.",
    renew_review: "Make a new link (the old one stops working)",
    review_badge: "Read-only access for leaders",
    exports_heading: "Download",
    download_xlsx: "Excel workbook (everything)",
    download_csv_excel: "CSV for Norwegian Excel",
    download_svg: "The matrix as SVG",
    download_png: "The matrix as PNG",
    download_setup: "Setup (JSON)",
    print: "Print",
    report_date: |(year, month, day)| format!("Printed {year}-{month:02}-{day:02}"),
    my_workshops: "My workshops",
    my_workshops_help: "The workshops you opened as facilitator in this browser.",
    no_my_workshops: "None yet. Workshops you create or open as facilitator appear here.",
    forget: "Forget",
    import_heading: "Start from a setup",
    import_help: "Paste a setup (JSON) downloaded from another workshop.",
    import_button: "Create workshop from the setup",
    import_file_label: "Choose a setup file",
    import_text_label: "… or paste the setup",
    duplicate_heading: "Use as a template",
    duplicate_help: "Makes a new workshop with the same settings, categories and areas, without groups or scores.",
    duplicate_button: "Make a copy",
    open: "Open",
    not_found: "Page not found.",
    loading: "Loading …",
    unreachable: "Could not reach the server. Check the connection and try again.",
    parts_label: "Parts of the workshop",
    part_prepare: "Prepare",
    part_run: "Run",
    part_review: "Review",
    checklist_heading: "Before the groups start",
    check_areas: |n| format!("{n} areas added."),
    check_areas_missing: "Add the areas the groups will score.",
    check_groups: |n| format!("{n} groups ready."),
    check_groups_missing: "Add the groups.",
    check_open: "Scoring is open.",
    check_open_missing: "Open scoring when the groups are ready (under Run).",
    bulk_areas_label: "Paste several areas, one per line (optionally “Category: Area”)",
    add_areas: "Add the areas",
    added: |name| format!("“{name}” added."),
    areas_added: |n| format!("{n} areas added."),
    removed: |removal| match removal.list {
        ListKind::Areas => format!(
            "“{}” removed, with the scores of {} groups and {} comments.",
            removal.name, removal.scored, removal.comments
        ),
        ListKind::Groups => format!(
            "“{}” removed, with the group's scores on {} areas and {} comments.",
            removal.name, removal.scored, removal.comments
        ),
        ListKind::Categories => {
            format!("“{}” removed; {} areas are now without a category.", removal.name, removal.areas)
        }
    },
    undo: |name| format!("Undo removing “{name}”"),
    undo_help: |minutes| format!("Can be undone for {minutes} minutes."),
    restored: "Put back, with its scores and comments.",
    remove_area_takes: |groups, comments| match groups {
        0 => "No group has scored this area yet.".to_owned(),
        _ => {
            format!("{groups} groups have scored this area, and it has {comments} comments. All come back if you undo.")
        }
    },
    remove_group_takes: |areas, comments| match areas {
        0 => "This group has not scored yet.".to_owned(),
        _ => format!("This group has scored {areas} areas and written {comments} comments. All come back if you undo."),
    },
    remove_category_takes: "The category's areas stay, without a category.",
    remove_for_good: |name| format!("Remove “{name}”"),
    copy: "Copy",
    copied: "Copied",
    open_big_screen: "Open the big screen",
    description_summary: "Description",
    fullscreen_hint: "F: full screen",
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_errors_name_the_field_and_rule_in_both_languages() {
        let error = Error::invalid("scores[2].value", Rule::OutOfRange { min: 1, max: 10 });
        assert_eq!(error_text(Lang::Nb, &error), "Poengene må være et heltall fra 1 til 10.");
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
        assert_eq!(NB.number(7.26, 1), "7,3");
        assert_eq!(EN.number(58.444, 2), "58.44");
    }
}
