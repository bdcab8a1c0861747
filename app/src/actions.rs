//! Server functions: what the pages load and change. Each one is a thin adapter that hands its
//! input to the backend, where it is validated; nothing here decides anything.

use kvadrant::Axis;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;
use crate::model::{
    ChangeEntry, GroupCard, GroupLink, Invite, ListKind, QrLink, Removal, Results, ReviewLink, Saved, Sheet, Usage,
    Workshop,
};
#[cfg(feature = "ssr")]
use crate::{
    backend::{GroupKey, Key, SharedBackend},
    model::{
        AcceptInput, CertaintyInput, CommentInput, GroupInput, GroupTag, GroupsInput, ItemInput, ResultsChoice,
        ResultsView, ScoreInput, SettingsInput, Setup, SuggestionInput, WorkshopInput,
    },
};
#[cfg(feature = "ssr")]
use kvadrant::{AreaId, CategoryId, Error, Field, Format, GroupId, Rule, SuggestionId};

#[cfg(feature = "ssr")]
fn backend() -> Result<SharedBackend, AppError> {
    Ok(crate::backend::backend()?)
}

#[cfg(feature = "ssr")]
fn key(code: String, secret: String) -> Key {
    Key { code, secret }
}

#[cfg(feature = "ssr")]
fn group_key(code: String, group: i64, key: String) -> GroupKey {
    GroupKey { code, group: GroupId(group), secret: key }
}

/// The page's request, which server functions run within.
#[cfg(feature = "ssr")]
fn request() -> Result<http::request::Parts, AppError> {
    use_context::<http::request::Parts>().ok_or(AppError::Domain(Error::Internal))
}

/// A form field holding a whole number, or nothing when left empty.
#[cfg(feature = "ssr")]
fn whole_number(field: Field, text: &str) -> Result<Option<i64>, Error> {
    match text.trim() {
        "" => Ok(None),
        text => {
            text.parse().map(Some).map_err(|_| Error::invalid(field, Rule::Malformed { expected: Format::WholeNumber }))
        }
    }
}

/// A form field that must hold a whole number.
#[cfg(feature = "ssr")]
fn required(field: impl std::fmt::Display, text: &str) -> Result<i64, Error> {
    let field = field.to_string();
    match text.trim() {
        "" => Err(Error::invalid(field, Rule::Required)),
        text => text.parse().map_err(|_| Error::invalid(field, Rule::Malformed { expected: Format::WholeNumber })),
    }
}

/// A form field holding a number written with a decimal point or comma, or nothing when left empty.
#[cfg(feature = "ssr")]
fn decimal_number(field: Field, text: &str) -> Result<Option<f64>, Error> {
    match text.trim() {
        "" => Ok(None),
        text => text
            .replace(',', ".")
            .parse::<f64>()
            .ok()
            .filter(|value| value.is_finite())
            .map(Some)
            .ok_or(Error::invalid(field, Rule::Malformed { expected: Format::Number })),
    }
}

#[server]
pub async fn demo_code() -> Result<Option<String>, AppError> {
    Ok(backend()?.demo_code().await?)
}

#[server]
pub async fn create_workshop(title: String, description: String) -> Result<(), AppError> {
    let created = backend()?.create_workshop(WorkshopInput { title, description }).await?;
    leptos_axum::redirect(&created.manage_path);
    Ok(())
}

/// Makes a workshop from a pasted setup (the JSON a facilitator page downloads) and opens its
/// facilitator page.
#[server]
pub async fn import_workshop(setup: String) -> Result<(), AppError> {
    let created = backend()?.import_setup(setup_json(&setup)?).await.map_err(|error| error.within("setup"))?;
    leptos_axum::redirect(&created.manage_path);
    Ok(())
}

/// A setup read from JSON; an error names where it went wrong, e.g. `setup.areas[2].name`.
#[cfg(feature = "ssr")]
fn setup_json(text: &str) -> Result<Setup, Error> {
    serde_path_to_error::deserialize(&mut serde_json::Deserializer::from_str(text)).map_err(|error| {
        let field = match error.path().to_string() {
            path if path == "." => "setup".to_owned(),
            path => format!("setup.{path}"),
        };
        Error::invalid(field, Rule::Malformed { expected: Format::Json })
    })
}

#[server]
pub async fn load_workshop(code: String) -> Result<Workshop, AppError> {
    Ok(backend()?.workshop(&code).await?)
}

/// The workshop for its facilitator. The secret also goes into a cookie for the workshop's
/// private live stream and downloads.
#[server]
pub async fn load_managed(code: String, secret: String) -> Result<Workshop, AppError> {
    let workshop = backend()?.managed(&key(code.clone(), secret.clone())).await?;
    set_secret_cookie(crate::model::FACILITATOR_COOKIE, secret, crate::model::workshop_api_path(&code));
    Ok(workshop)
}

/// Hands a secret to what the browser opens without headers under `path` (live streams,
/// downloads): HttpOnly, so no script reads it, sent from this site's own pages only, and
/// over HTTPS only when the page was reached over HTTPS.
#[cfg(feature = "ssr")]
fn set_secret_cookie(name: &'static str, secret: String, path: String) {
    let secure = request().is_ok_and(|parts| scheme(&parts.headers) == "https");
    let cookie = cookie::Cookie::build((name, secret))
        .path(path)
        .http_only(true)
        .same_site(cookie::SameSite::Strict)
        .secure(secure)
        .build();
    if let (Some(response), Ok(cookie)) =
        (use_context::<leptos_axum::ResponseOptions>(), http::HeaderValue::from_str(&cookie.to_string()))
    {
        response.append_header(http::header::SET_COOKIE, cookie);
    }
}

/// The leaders' read-only link of the workshop `secret` manages.
#[server]
pub async fn load_review_link(code: String, secret: String) -> Result<ReviewLink, AppError> {
    Ok(backend()?.review_link(&key(code, secret)).await?)
}

#[server]
pub async fn renew_review_link(code: String, secret: String) -> Result<(), AppError> {
    backend()?.renew_review_link(&key(code, secret)).await?;
    Ok(())
}

/// Retires the facilitator's link (and the leaders'), and opens the page at the new one.
#[server]
pub async fn renew_secret(code: String, secret: String) -> Result<(), AppError> {
    let link = backend()?.renew_secret(&key(code, secret)).await?;
    leptos_axum::redirect(&link.path);
    Ok(())
}

/// A new join code, and the facilitator's page at it.
#[server]
pub async fn renew_code(code: String, secret: String) -> Result<(), AppError> {
    let link = backend()?.renew_code(&key(code, secret)).await?;
    leptos_axum::redirect(&link.path);
    Ok(())
}

/// Deletes the workshop for good once the facilitator has ticked that they mean it, and opens
/// the home page.
#[server]
pub async fn delete_workshop(code: String, secret: String, confirm: Option<String>) -> Result<(), AppError> {
    if confirm.is_none() {
        return Err(kvadrant::Error::invalid(kvadrant::Field::Confirm.as_str(), kvadrant::Rule::Required).into());
    }
    backend()?.delete_workshop(&key(code, secret)).await?;
    leptos_axum::redirect("/");
    Ok(())
}

/// Makes a copy to use as a template, and opens its facilitator page.
#[server]
pub async fn duplicate_workshop(code: String, secret: String) -> Result<(), AppError> {
    let created = backend()?.duplicate(&key(code, secret)).await?;
    leptos_axum::redirect(&created.manage_path);
    Ok(())
}

#[server]
pub async fn update_workshop(code: String, secret: String, title: String, description: String) -> Result<(), AppError> {
    backend()?.update_workshop(&key(code, secret), WorkshopInput { title, description }).await?;
    Ok(())
}

/// The settings form as typed: numbers are read here, where a midline may have a decimal comma.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SettingsFields {
    pub scale_min: String,
    pub scale_max: String,
    pub potential_label: String,
    pub feasibility_label: String,
    /// Empty: at the scale's midpoint.
    pub potential_midline: String,
    pub feasibility_midline: String,
    pub language: String,
    pub aggregate: String,
    pub dissent_percent: String,
    /// Comma-separated: "3, 5".
    pub top_places: String,
    pub min_segment_groups: String,
}

/// The scale, the axes' names, the midlines and the language.
#[server]
pub async fn update_settings(code: String, secret: String, settings: SettingsFields) -> Result<(), AppError> {
    let input = SettingsInput {
        scale_min: required(Field::ScaleMin, &settings.scale_min)?,
        scale_max: required(Field::ScaleMax, &settings.scale_max)?,
        potential_label: settings.potential_label,
        feasibility_label: settings.feasibility_label,
        potential_midline: decimal_number(Field::PotentialMidline, &settings.potential_midline)?,
        feasibility_midline: decimal_number(Field::FeasibilityMidline, &settings.feasibility_midline)?,
        language: settings.language,
        aggregate: Some(settings.aggregate),
        certainty: Some(CertaintyInput {
            dissent_percent: required(Field::DissentPercent, &settings.dissent_percent)?,
            top_places: settings
                .top_places
                .split(',')
                .enumerate()
                .filter(|(_, place)| !place.trim().is_empty())
                .map(|(i, place)| required(Field::TopPlaces.at(i), place))
                .collect::<Result<_, _>>()?,
            min_segment_groups: required(Field::MinSegmentGroups, &settings.min_segment_groups)?,
        }),
    };
    backend()?.update_settings(&key(code, secret), input).await?;
    Ok(())
}

/// Hides the results from everyone but the facilitator, or reveals them.
#[server]
pub async fn set_results_hidden(code: String, secret: String, hidden: bool) -> Result<(), AppError> {
    backend()?.set_results_hidden(&key(code, secret), hidden).await?;
    Ok(())
}

#[server]
pub async fn set_scoring(code: String, secret: String, open: bool) -> Result<(), AppError> {
    backend()?.set_scoring_open(&key(code, secret), open).await?;
    Ok(())
}

/// Keeps this round's scores for good and opens the next round.
#[server]
pub async fn start_round(code: String, secret: String) -> Result<(), AppError> {
    backend()?.start_round(&key(code, secret)).await?;
    Ok(())
}

/// Adds a category, or renames the one with `id`.
#[server]
pub async fn save_category(
    code: String,
    secret: String,
    id: Option<i64>,
    name: String,
    description: String,
) -> Result<String, AppError> {
    let input = ItemInput { name, description, category_id: None };
    let key = key(code, secret);
    let saved = match id {
        Some(id) => backend()?.update_category(&key, CategoryId(id), input).await?,
        None => backend()?.add_category(&key, input).await?,
    };
    Ok(saved.name)
}

/// A category chosen in a select; the empty choice means none.
#[cfg(feature = "ssr")]
fn chosen_category(text: &str) -> Result<Option<CategoryId>, Error> {
    match text.trim() {
        "" => Ok(None),
        text => Ok(Some(CategoryId(text.parse().map_err(|_| Error::invalid(Field::CategoryId, Rule::Foreign))?))),
    }
}

/// Adds an area, or changes the one with `id`. An empty `category` means none.
#[server]
pub async fn save_area(
    code: String,
    secret: String,
    id: Option<i64>,
    name: String,
    description: String,
    category: String,
) -> Result<String, AppError> {
    let input = ItemInput { name, description, category_id: chosen_category(&category)? };
    let key = key(code, secret);
    let saved = match id {
        Some(id) => backend()?.update_area(&key, AreaId(id), input).await?,
        None => backend()?.add_area(&key, input).await?,
    };
    Ok(saved.name)
}

/// Adds one area per non-empty line of `lines`; a line `Category: Area` puts the area in that
/// category, made if the workshop has none of that name. Every line is checked before any is added.
#[server]
pub async fn add_areas(code: String, secret: String, lines: String) -> Result<usize, AppError> {
    let backend = backend()?;
    let key = key(code, secret);
    let mut wanted = Vec::new();
    for (i, line) in lines.lines().map(str::trim).filter(|line| !line.is_empty()).enumerate() {
        let (category, name) = match line.split_once(':') {
            Some((category, name)) => (Some(kvadrant::Name::parse(Field::Categories.at(i), category)?), name),
            None => (None, line),
        };
        wanted.push((category, kvadrant::Name::parse(Field::Areas.at(i), name)?));
    }
    if wanted.is_empty() {
        return Err(Error::invalid(Field::Areas, Rule::Required).into());
    }
    let workshop = backend.authorize(&key).await?;
    // Refused whole rather than half added: the list's limit is checked before the first area.
    let most = kvadrant::limits::MAX_AREAS;
    if workshop.areas.len() + wanted.len() > most {
        return Err(Error::invalid(Field::Areas, Rule::OutOfRange { min: 0, max: most as i64 }).into());
    }
    let mut categories = workshop.categories;
    for (category, name) in &wanted {
        let category_id = match category {
            None => None,
            Some(category) => match categories.iter().find(|c| c.name == category.as_str()) {
                Some(known) => Some(known.id),
                None => {
                    let input =
                        ItemInput { name: category.as_str().to_owned(), description: String::new(), category_id: None };
                    let made = backend.add_category(&key, input).await?;
                    let id = made.id;
                    categories.push(made);
                    Some(id)
                }
            },
        };
        let input = ItemInput { name: name.as_str().to_owned(), description: String::new(), category_id };
        backend.add_area(&key, input).await?;
    }
    Ok(wanted.len())
}

/// Adds `count` groups, or one group per non-empty line of `names` when given.
#[server]
pub async fn add_groups(code: String, secret: String, count: String, names: String) -> Result<(), AppError> {
    let names: Vec<String> = names.lines().map(str::trim).filter(|n| !n.is_empty()).map(str::to_owned).collect();
    let input = if names.is_empty() {
        // An empty count passes on as 0, so the service names the allowed range.
        GroupsInput::Count { count: whole_number(Field::Count, &count)?.unwrap_or_default() }
    } else {
        GroupsInput::Names { names }
    };
    backend()?.add_groups(&key(code, secret), input).await?;
    Ok(())
}

/// Renames a group and sets its tags: one `dimension: value` per line of `tags`.
#[server]
pub async fn update_group(code: String, secret: String, id: i64, name: String, tags: String) -> Result<(), AppError> {
    let tags = tags
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .enumerate()
        .map(|(i, line)| {
            let (dimension, value) = line
                .split_once(':')
                .ok_or(Error::invalid(Field::Tags.at(i), Rule::Malformed { expected: Format::Tag }))?;
            Ok(GroupTag { dimension: dimension.trim().to_owned(), value: value.trim().to_owned() })
        })
        .collect::<Result<Vec<_>, Error>>()?;
    backend()?.update_group(&key(code, secret), GroupId(id), GroupInput { name, tags: Some(tags) }).await?;
    Ok(())
}

/// Removes a category, area or group; the answer says how to undo it.
#[server]
pub async fn remove_item(code: String, secret: String, list: ListKind, id: i64) -> Result<Removal, AppError> {
    Ok(backend()?.remove(&key(code, secret), list, id).await?)
}

/// Undoes a removal.
#[server]
pub async fn restore_item(code: String, secret: String, removal: i64) -> Result<(), AppError> {
    Ok(backend()?.restore(&key(code, secret), removal).await?)
}

/// What removing each area or group would take with it.
#[server]
pub async fn load_usage(code: String, secret: String) -> Result<Usage, AppError> {
    Ok(backend()?.usage(&key(code, secret)).await?)
}

/// Moves one item a step up or down its list.
#[server]
pub async fn move_item(code: String, secret: String, list: ListKind, id: i64, up: bool) -> Result<(), AppError> {
    Ok(backend()?.move_item(&key(code, secret), list, id, up).await?)
}

/// The big screen's invitation: the join link as this server is reached, with its QR code.
#[server]
pub async fn load_invite(code: String) -> Result<Invite, AppError> {
    Ok(backend()?.invite(&code, &origin(&request()?.headers)).await?)
}

/// Takes a group from the join page and opens its sheet, whose address is the group's link.
#[server]
pub async fn join_group(code: String, group: i64) -> Result<(), AppError> {
    let link = backend()?.claim_group(&code, GroupId(group)).await?;
    leptos_axum::redirect(&link.path);
    Ok(())
}

/// Every group's link, for the facilitator.
#[server]
pub async fn load_group_links(code: String, secret: String) -> Result<Vec<GroupLink>, AppError> {
    Ok(backend()?.group_links(&key(code, secret)).await?)
}

/// The workshop's latest changes, oldest first, for the facilitator: what the areas' histories show.
#[server]
pub async fn load_changes(code: String, secret: String) -> Result<Vec<ChangeEntry>, AppError> {
    Ok(backend()?.changes(&key(code, secret), None, None).await?)
}

/// A new link for a group; with `release`, the join page offers the group again.
#[server]
pub async fn renew_group_link(code: String, secret: String, group: i64, release: bool) -> Result<(), AppError> {
    backend()?.renew_group_link(&key(code, secret), GroupId(group), release).await?;
    Ok(())
}

/// A card for every group: its name, link and QR code.
#[server]
pub async fn load_group_cards(code: String, secret: String) -> Result<Vec<GroupCard>, AppError> {
    Ok(backend()?.group_cards(&key(code, secret), &origin(&request()?.headers)).await?)
}

/// The group's own link with its QR code, to bring the rest of the group in.
#[server]
pub async fn load_group_invite(code: String, group: i64, key: String) -> Result<QrLink, AppError> {
    Ok(backend()?.group_invite(&group_key(code, group, key), &origin(&request()?.headers)).await?)
}

/// Where links shown and put in QR codes start: the configured public address, else the scheme
/// and host the browser used (the request's `Host`, and a proxy's `X-Forwarded-Proto`).
#[cfg(feature = "ssr")]
fn origin(headers: &http::HeaderMap) -> String {
    if let Some(public) = crate::instance::use_instance().public_url {
        return public;
    }
    let header = |name: &str| headers.get(name).and_then(|value| value.to_str().ok());
    let host = header("host").filter(|host| {
        !host.is_empty() && host.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']'))
    });
    format!("{}://{}", scheme(headers), host.unwrap_or("localhost"))
}

/// The scheme the browser used: HTTPS when a proxy in front says so (`X-Forwarded-Proto`).
#[cfg(feature = "ssr")]
fn scheme(headers: &http::HeaderMap) -> &'static str {
    let forwarded = headers.get("x-forwarded-proto").and_then(|value| value.to_str().ok());
    if forwarded == Some("https") { "https" } else { "http" }
}

/// A group's sheet. The key also goes into a cookie for the sheet's live stream alone, which
/// browsers open without headers.
#[server]
pub async fn load_sheet(code: String, group: i64, key: String) -> Result<Sheet, AppError> {
    let sheet = backend()?.sheet(&group_key(code.clone(), group, key.clone())).await?;
    set_secret_cookie(crate::model::GROUP_KEY_COOKIE, key, crate::model::sheet_live_path(&code, GroupId(group)));
    Ok(sheet)
}

/// Sets (or with `value: None`, clears) one cell of a group's sheet.
#[server]
pub async fn save_score(
    code: String,
    group: i64,
    key: String,
    area: i64,
    axis: Axis,
    value: Option<i64>,
) -> Result<Saved, AppError> {
    let score = ScoreInput { area_id: AreaId(area), axis, value };
    Ok(backend()?.put_scores(&group_key(code, group, key), vec![score]).await?)
}

/// The sheet's form without scripts: both scores of one area; an empty value clears a cell.
#[server]
pub async fn save_area_scores(
    code: String,
    group: i64,
    key: String,
    area: i64,
    potential: String,
    feasibility: String,
) -> Result<(), AppError> {
    let cell = |axis: Axis, text: &str| -> Result<ScoreInput, Error> {
        Ok(ScoreInput { area_id: AreaId(area), axis, value: whole_number(Field::Value, text)? })
    };
    let scores = vec![cell(Axis::Potential, &potential)?, cell(Axis::Feasibility, &feasibility)?];
    backend()?.put_scores(&group_key(code.clone(), group, key.clone()), scores).await?;
    // Back to the area just saved, which then says so, rather than to the top of the sheet.
    let sheet = crate::model::sheet_path(&code, GroupId(group), &key);
    leptos_axum::redirect(&format!("{sheet}?saved={area}#area-{area}"));
    Ok(())
}

/// The results, of one segment (`dimension=value`) if given, ranked as `view` says, of the
/// current round or of `round`; `secret` is the facilitator's (hidden results too) or the leaders'.
/// On the leaders' link, the secret also goes into a cookie for the downloads.
#[server]
pub async fn load_results(
    code: String,
    secret: Option<String>,
    segment: Option<String>,
    view: Option<String>,
    round: Option<String>,
) -> Result<Results, AppError> {
    let view = ResultsView::parse(view.as_deref())?;
    let round = round
        .map(|round| round.parse::<u32>())
        .transpose()
        .map_err(|_| Error::invalid(Field::Round, Rule::Malformed { expected: Format::WholeNumber }))?;
    let choice = ResultsChoice { segment, view, round };
    let results = backend()?.results(&code, secret.as_deref(), &choice).await;
    // Hidden results are refused once the secret is known to be the leaders'.
    if let (Some(secret), Ok(_) | Err(Error::ResultsHidden)) = (secret, &results) {
        set_secret_cookie(crate::model::LEADERS_COOKIE, secret, crate::model::workshop_api_path(&code));
    }
    Ok(results?)
}

/// A group's rationale, risks and timeframe for one area; all empty removes the comment.
#[server]
pub async fn save_comment(
    code: String,
    group: i64,
    key: String,
    area: i64,
    rationale: String,
    risks: String,
    timeframe: String,
) -> Result<Saved, AppError> {
    let timeframe = Some(timeframe).filter(|timeframe| !timeframe.trim().is_empty());
    let input = CommentInput { rationale, risks, timeframe };
    Ok(backend()?.put_comment(&group_key(code, group, key), AreaId(area), input).await?)
}

/// A participant's proposal of an area that is not on the list.
#[server]
pub async fn suggest_area(
    code: String,
    group: i64,
    key: String,
    name: String,
    description: String,
) -> Result<(), AppError> {
    backend()?.suggest(&group_key(code, group, key), SuggestionInput { name, description }).await?;
    Ok(())
}

/// Puts a suggestion on the list as an area, in `category` (empty: none).
#[server]
pub async fn accept_suggestion(code: String, secret: String, id: i64, category: String) -> Result<(), AppError> {
    let input = AcceptInput { category_id: chosen_category(&category)? };
    backend()?.accept_suggestion(&key(code, secret), SuggestionId(id), input).await?;
    Ok(())
}

/// Records a suggestion as raised but not scored.
#[server]
pub async fn keep_suggestion(code: String, secret: String, id: i64) -> Result<(), AppError> {
    backend()?.keep_suggestion(&key(code, secret), SuggestionId(id)).await?;
    Ok(())
}
