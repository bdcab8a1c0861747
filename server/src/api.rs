//! The JSON API: the same operations as the pages, for scripts. Described at `/api/v1/openapi.json`.

use std::sync::Arc;

use axum::body::{Body, Bytes};
use axum::extract::{FromRequest, FromRequestParts, OptionalFromRequestParts, State};
use axum::http::request::Parts;
use axum::http::{HeaderName, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Extension, Json, Router};
use kvadrant::{AreaId, CategoryId, Error, GroupId, Name, SuggestionId};
use kvadrant_api::backend::{Backend, GroupKey, Key};
use kvadrant_api::model::{
    AcceptInput, Area, Category, ChangeEntry, CommentInput, CreatedWorkshop, FACILITATOR_COOKIE, GROUP_KEY_COOKIE,
    Group, GroupInput, GroupLink, GroupScores, GroupTag, GroupsInput, ItemInput, LEADERS_COOKIE, ListKind,
    LiveComments, LiveSheet, LiveView, ManageLink, Removal, Results, ResultsChoice, ResultsView, ReviewLink, Saved,
    ScoreInput, SettingsInput, Setup, SetupArea, SetupCategory, SetupGroup, Sheet, Suggestion, SuggestionInput, Usage,
    Workshop, WorkshopInput, WorkshopSummary,
};
use serde::Deserialize;
use utoipa::{OpenApi, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use tokio::sync::watch;

use crate::error::{ApiError, ErrorBody};
use crate::export::{self, CsvDialect, Pictures};
use crate::service::{MAX_CHANGES_PER_REQUEST, Service};
use crate::{health, live};

mod contract;

use contract::{Roles, SheetEvents, ViewEvents};

type ApiResult<T> = Result<T, ApiError>;

#[derive(FromRequest)]
#[from_request(via(axum::Json), rejection(ApiError))]
pub struct ApiJson<T>(pub T);

#[derive(FromRequestParts)]
#[from_request(via(axum::extract::Path), rejection(ApiError))]
pub struct ApiPath<T>(pub T);

#[derive(FromRequestParts)]
#[from_request(via(axum::extract::Query), rejection(ApiError))]
pub struct ApiQuery<T>(pub T);

/// A secret, sent as `Authorization: Bearer <secret>`: the facilitator's, the leaders' or a
/// group's. What changes a workshop takes its secret from this header only.
pub struct Bearer(String);

/// A secret for reading: the `Authorization` header, or else one of the HttpOnly cookies the
/// pages set for what browsers open without headers (live streams, downloads): a group's key
/// on its live sheet, the facilitator's or the leaders' secret under the workshop's API.
pub struct Credential {
    secret: String,
    /// Came in a cookie, which browsers send unasked, rather than in a header a client chose to send.
    from_cookie: bool,
}

impl Bearer {
    fn of(parts: &Parts) -> Option<Bearer> {
        let header = parts.headers.get(header::AUTHORIZATION)?.to_str().ok()?;
        header.strip_prefix("Bearer ").map(|secret| Bearer(secret.trim().to_owned()))
    }

    fn key(self, code: String) -> Key {
        Key { code, secret: self.0 }
    }
}

impl Credential {
    fn of(parts: &Parts) -> Option<Credential> {
        if let Some(Bearer(secret)) = Bearer::of(parts) {
            return Some(Credential { secret, from_cookie: false });
        }
        let cookies: Vec<cookie::Cookie> = parts
            .headers
            .get_all(header::COOKIE)
            .iter()
            .filter_map(|value| value.to_str().ok())
            .flat_map(cookie::Cookie::split_parse)
            .filter_map(Result::ok)
            .collect();
        // The most specific first: a group's sheet, then the facilitator, then the leaders.
        [GROUP_KEY_COOKIE, FACILITATOR_COOKIE, LEADERS_COOKIE]
            .iter()
            .find_map(|name| cookies.iter().find(|cookie| cookie.name() == *name))
            .map(|cookie| Credential { secret: cookie.value().to_owned(), from_cookie: true })
    }

    fn group_key(self, code: String, group: GroupId) -> GroupKey {
        GroupKey { code, group, secret: self.secret }
    }
}

impl Bearer {
    fn group_key(self, code: String, group: GroupId) -> GroupKey {
        Credential { secret: self.0, from_cookie: false }.group_key(code, group)
    }
}

impl<S: Send + Sync> FromRequestParts<S> for Bearer {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> ApiResult<Self> {
        Bearer::of(parts).ok_or(ApiError::from(Error::CredentialsRequired))
    }
}

impl<S: Send + Sync> FromRequestParts<S> for Credential {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> ApiResult<Self> {
        Credential::of(parts).ok_or(ApiError::from(Error::CredentialsRequired))
    }
}

impl<S: Send + Sync> OptionalFromRequestParts<S> for Credential {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> ApiResult<Option<Self>> {
        Ok(Credential::of(parts))
    }
}

#[derive(Deserialize, ToSchema)]
pub struct ScoringInput {
    pub open: bool,
}

#[derive(Deserialize, ToSchema)]
pub struct VisibilityInput {
    pub hidden: bool,
}

/// Which groups a result counts.
#[derive(Deserialize, utoipa::IntoParams)]
pub struct SegmentQuery {
    /// Only the groups tagged `dimension=value`.
    #[param(schema_with = kvadrant::segment::pair_schema)]
    pub segment: Option<String>,
}

#[derive(Deserialize, utoipa::IntoParams)]
pub struct ResultsQuery {
    /// Only the groups tagged `dimension=value`.
    #[param(schema_with = kvadrant::segment::pair_schema)]
    pub segment: Option<String>,
    /// `normalised`: ranked with each group's own level taken out, each area with its
    /// `official_rank`; an aid to reading the official ranking, not a result of its own.
    #[param(schema_with = results_views)]
    pub view: Option<String>,
    /// An earlier round's results; the current round's if not given.
    #[param(minimum = 1)]
    pub round: Option<u32>,
}

fn results_views() -> utoipa::openapi::Object {
    utoipa::openapi::ObjectBuilder::new()
        .schema_type(utoipa::openapi::Type::String)
        .enum_values(Some(["official", "normalised"]))
        .build()
}

#[derive(Deserialize, utoipa::IntoParams)]
pub struct CsvQuery {
    /// Only the groups tagged `dimension=value`.
    #[param(schema_with = kvadrant::segment::pair_schema)]
    pub segment: Option<String>,
    /// `excel-no` for Norwegian Excel: semicolons, decimal commas and a byte order mark.
    #[param(schema_with = csv_dialects)]
    pub dialect: Option<String>,
}

fn csv_dialects() -> utoipa::openapi::Object {
    let names = CsvDialect::NAMES.map(|(name, _)| name);
    utoipa::openapi::ObjectBuilder::new().schema_type(utoipa::openapi::Type::String).enum_values(Some(names)).build()
}

/// Renewing a group's link: `release` also offers the group on the join page again.
#[derive(Deserialize, ToSchema)]
pub struct RenewLinkInput {
    #[serde(default)]
    pub release: bool,
}

#[derive(Deserialize, ToSchema)]
pub struct OrderInput {
    #[serde(deserialize_with = "kvadrant::whole_number::list")]
    pub ids: Vec<i64>,
}

#[derive(Deserialize, ToSchema)]
pub struct ScoresInput {
    pub scores: Vec<ScoreInput>,
}

/// The API's routes and its OpenAPI document, built from the same handlers, so that every
/// route is documented and every documented route exists.
pub fn routes() -> (Router<Arc<Service>>, utoipa::openapi::OpenApi) {
    let (router, mut document) = OpenApiRouter::with_openapi(ApiDoc::openapi())
        .routes(routes!(create_workshop))
        .routes(routes!(import_setup))
        .routes(routes!(get_workshop, update_workshop, delete_workshop))
        .routes(routes!(set_scoring))
        .routes(routes!(start_round))
        .routes(routes!(set_results_hidden))
        .routes(routes!(follow_workshop))
        .routes(routes!(follow_private))
        .routes(routes!(add_category))
        .routes(routes!(update_category, remove_category))
        .routes(routes!(add_area))
        .routes(routes!(update_area, remove_area))
        .routes(routes!(add_groups))
        .routes(routes!(update_group, remove_group))
        .routes(routes!(claim_group))
        .routes(routes!(renew_group_link))
        .routes(routes!(group_links))
        .routes(routes!(get_sheet, put_scores))
        .routes(routes!(follow_sheet))
        .routes(routes!(put_comment))
        .routes(routes!(suggest))
        .routes(routes!(accept_suggestion))
        .routes(routes!(keep_suggestion))
        .routes(routes!(restore))
        .routes(routes!(usage))
        .routes(routes!(reorder))
        .routes(routes!(update_settings))
        .routes(routes!(get_setup))
        .routes(routes!(duplicate))
        .routes(routes!(review_link, renew_review_link))
        .routes(routes!(renew_secret))
        .routes(routes!(renew_code))
        .routes(routes!(all_scores))
        .routes(routes!(changes))
        .routes(routes!(results))
        .routes(routes!(results_csv))
        .routes(routes!(results_xlsx))
        .routes(routes!(matrix_svg))
        .routes(routes!(matrix_png))
        .routes(routes!(admin_workshops))
        .routes(routes!(admin_delete_workshop))
        .routes(routes!(health::live))
        .routes(routes!(health::ready))
        .split_for_parts();
    contract::declare_refusals(&mut document);
    // Serialised once: every request for it gets the same bytes.
    let published = Bytes::from(serde_json::to_vec(&document).expect("the OpenAPI document serialises"));
    let answer = move || std::future::ready(([(header::CONTENT_TYPE, "application/json")], published.clone()));
    let router = router.route(OPENAPI_PATH, get(answer));
    (router, document)
}

/// Where the OpenAPI document is served.
pub const OPENAPI_PATH: &str = "/api/v1/openapi.json";

#[utoipa::path(post, path = "/api/v1/workshops", request_body = WorkshopInput,
    responses((status = 201, body = CreatedWorkshop)))]
async fn create_workshop(
    State(service): State<Arc<Service>>,
    ApiJson(input): ApiJson<WorkshopInput>,
) -> ApiResult<(StatusCode, Json<CreatedWorkshop>)> {
    Ok((StatusCode::CREATED, Json(service.create_workshop(input).await?)))
}

/// Joining: the workshop, its areas by category and its groups.
#[utoipa::path(get, path = "/api/v1/workshops/{code}", params(("code" = String, Path)),
    responses((status = 200, body = Workshop)))]
async fn get_workshop(
    State(service): State<Arc<Service>>,
    ApiPath(code): ApiPath<String>,
) -> ApiResult<Json<Workshop>> {
    Ok(Json(service.workshop(&code).await?))
}

#[utoipa::path(patch, path = "/api/v1/workshops/{code}", params(("code" = String, Path)), request_body = WorkshopInput,
    security(("facilitator" = [])),
    responses((status = 200, body = Workshop)))]
async fn update_workshop(
    State(service): State<Arc<Service>>,
    ApiPath(code): ApiPath<String>,
    bearer: Bearer,
    ApiJson(input): ApiJson<WorkshopInput>,
) -> ApiResult<Json<Workshop>> {
    Ok(Json(service.update_workshop(&bearer.key(code), input).await?))
}

/// Deletes the workshop for good: its areas, groups, scores, comments, suggestions and change
/// log. Its links stop working at once and its live screens and sheets end.
#[utoipa::path(delete, path = "/api/v1/workshops/{code}", params(("code" = String, Path)),
    security(("facilitator" = [])),
    responses((status = 204, description = "Deleted")))]
async fn delete_workshop(
    State(service): State<Arc<Service>>,
    ApiPath(code): ApiPath<String>,
    bearer: Bearer,
) -> ApiResult<StatusCode> {
    service.delete_workshop(&bearer.key(code)).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Every workshop on the instance, oldest first, for its administrator (`--admin-token`).
#[utoipa::path(get, path = "/api/v1/admin/workshops", security(("administrator" = [])),
    responses((status = 200, body = Vec<WorkshopSummary>)))]
async fn admin_workshops(State(service): State<Arc<Service>>, bearer: Bearer) -> ApiResult<Json<Vec<WorkshopSummary>>> {
    Ok(Json(service.summaries(&bearer.0).await?))
}

/// Deletes a workshop for good, as its facilitator can, for the instance's administrator.
#[utoipa::path(delete, path = "/api/v1/admin/workshops/{code}", params(("code" = String, Path)),
    security(("administrator" = [])),
    responses((status = 204, description = "Deleted")))]
async fn admin_delete_workshop(
    State(service): State<Arc<Service>>,
    ApiPath(code): ApiPath<String>,
    bearer: Bearer,
) -> ApiResult<StatusCode> {
    service.delete_as_administrator(&bearer.0, &code).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(put, path = "/api/v1/workshops/{code}/scoring", params(("code" = String, Path)), request_body = ScoringInput,
    security(("facilitator" = [])),
    responses((status = 200, body = Workshop)))]
async fn set_scoring(
    State(service): State<Arc<Service>>,
    ApiPath(code): ApiPath<String>,
    bearer: Bearer,
    ApiJson(input): ApiJson<ScoringInput>,
) -> ApiResult<Json<Workshop>> {
    Ok(Json(service.set_scoring_open(&bearer.key(code), input.open).await?))
}

/// Keeps the current round's scores for good and opens the next round for scoring, every
/// group's sheet empty and showing its scores of the round before; refused while no group has
/// scored the current round.
#[utoipa::path(post, path = "/api/v1/workshops/{code}/rounds", params(("code" = String, Path)),
    security(("facilitator" = [])),
    responses((status = 200, body = Workshop), (status = 422, body = ErrorBody)))]
async fn start_round(
    State(service): State<Arc<Service>>,
    ApiPath(code): ApiPath<String>,
    bearer: Bearer,
) -> ApiResult<Json<Workshop>> {
    Ok(Json(service.start_round(&bearer.key(code)).await?))
}

/// Hides the results from everyone but the facilitator (`true`), or reveals them.
#[utoipa::path(put, path = "/api/v1/workshops/{code}/results-hidden", params(("code" = String, Path)),
    request_body = VisibilityInput, security(("facilitator" = [])),
    responses((status = 200, body = Workshop)))]
async fn set_results_hidden(
    State(service): State<Arc<Service>>,
    ApiPath(code): ApiPath<String>,
    bearer: Bearer,
    ApiJson(input): ApiJson<VisibilityInput>,
) -> ApiResult<Json<Workshop>> {
    Ok(Json(service.set_results_hidden(&bearer.key(code), input.hidden).await?))
}

/// Follows a workshop live (server-sent events), as the big screen and the results page do.
/// `view` events carry a [`LiveView`] and `comments` events ([`LiveComments`]) the groups'
/// comments when they change; both leave the results out while hidden. Every event's id is
/// the version. Cookies are never read here: a screen in the facilitator's own browser shows
/// what the room may see.
#[utoipa::path(get, path = "/api/v1/workshops/{code}/live", params(("code" = String, Path)),
    responses((status = 200, content_type = "text/event-stream", body = ViewEvents)))]
async fn follow_workshop(State(service): State<Arc<Service>>, ApiPath(code): ApiPath<String>) -> ApiResult<Response> {
    let (frames, role) = service.follow_workshop(&code, None).await?;
    Ok(live_response(frames, role))
}

/// Follows a workshop live with a secret (bearer, or the cookie the facilitator's page sets):
/// the facilitator's view, hidden results and each group's progress included; the leaders'
/// secret follows what the room sees.
#[utoipa::path(get, path = "/api/v1/workshops/{code}/live/private", params(("code" = String, Path)),
    security(("facilitator" = []), ("leaders" = [])),
    responses((status = 200, content_type = "text/event-stream", body = ViewEvents)))]
async fn follow_private(
    State(service): State<Arc<Service>>,
    ApiPath(code): ApiPath<String>,
    credential: Credential,
) -> ApiResult<Response> {
    let (frames, role) = service.follow_workshop(&code, Some(&credential.secret)).await?;
    Ok(live_response(frames, role))
}

/// Follows a group's sheet live: `view` events as for the workshop, and `sheet` events with
/// the group's own scores ([`LiveSheet`]). With the group's key (or the facilitator's secret),
/// as a bearer token or in the cookie the sheet page sets for this stream.
#[utoipa::path(get, path = "/api/v1/workshops/{code}/groups/{id}/live", params(("code" = String, Path), ("id" = i64, Path)),
    security(("group" = []), ("facilitator" = [])),
    responses((status = 200, content_type = "text/event-stream", body = SheetEvents)))]
async fn follow_sheet(
    State(service): State<Arc<Service>>,
    ApiPath((code, id)): ApiPath<(String, GroupId)>,
    credential: Credential,
) -> ApiResult<Response> {
    let (frames, role) = service.follow_sheet(&credential.group_key(code, id)).await?;
    Ok(live_response(frames, role))
}

fn live_response(frames: watch::Receiver<Arc<live::Frames>>, role: live::Role) -> Response {
    let headers = [
        (header::CONTENT_TYPE, "text/event-stream"),
        (header::CACHE_CONTROL, "no-store"),
        // Proxies that buffer responses would hold events back.
        (HeaderName::from_static("x-accel-buffering"), "no"),
    ];
    (headers, Body::from_stream(live::events(frames, role))).into_response()
}

#[utoipa::path(post, path = "/api/v1/workshops/{code}/categories", params(("code" = String, Path)), request_body = ItemInput,
    security(("facilitator" = [])),
    responses((status = 201, body = Category)))]
async fn add_category(
    State(service): State<Arc<Service>>,
    ApiPath(code): ApiPath<String>,
    bearer: Bearer,
    ApiJson(input): ApiJson<ItemInput>,
) -> ApiResult<(StatusCode, Json<Category>)> {
    Ok((StatusCode::CREATED, Json(service.add_category(&bearer.key(code), input).await?)))
}

#[utoipa::path(put, path = "/api/v1/workshops/{code}/categories/{id}", params(("code" = String, Path), ("id" = i64, Path)),
    request_body = ItemInput, security(("facilitator" = [])),
    responses((status = 200, body = Category)))]
async fn update_category(
    State(service): State<Arc<Service>>,
    ApiPath((code, id)): ApiPath<(String, CategoryId)>,
    bearer: Bearer,
    ApiJson(input): ApiJson<ItemInput>,
) -> ApiResult<Json<Category>> {
    Ok(Json(service.update_category(&bearer.key(code), id, input).await?))
}

/// Areas in a removed category stay, without a category; the answer says how to undo it.
#[utoipa::path(delete, path = "/api/v1/workshops/{code}/categories/{id}", params(("code" = String, Path), ("id" = i64, Path)),
    security(("facilitator" = [])), responses((status = 200, body = Removal)))]
async fn remove_category(
    State(service): State<Arc<Service>>,
    ApiPath((code, id)): ApiPath<(String, CategoryId)>,
    bearer: Bearer,
) -> ApiResult<Json<Removal>> {
    Ok(Json(service.remove(&bearer.key(code), ListKind::Categories, id.0).await?))
}

#[utoipa::path(post, path = "/api/v1/workshops/{code}/areas", params(("code" = String, Path)), request_body = ItemInput,
    security(("facilitator" = [])),
    responses((status = 201, body = Area)))]
async fn add_area(
    State(service): State<Arc<Service>>,
    ApiPath(code): ApiPath<String>,
    bearer: Bearer,
    ApiJson(input): ApiJson<ItemInput>,
) -> ApiResult<(StatusCode, Json<Area>)> {
    Ok((StatusCode::CREATED, Json(service.add_area(&bearer.key(code), input).await?)))
}

#[utoipa::path(put, path = "/api/v1/workshops/{code}/areas/{id}", params(("code" = String, Path), ("id" = i64, Path)),
    request_body = ItemInput, security(("facilitator" = [])),
    responses((status = 200, body = Area)))]
async fn update_area(
    State(service): State<Arc<Service>>,
    ApiPath((code, id)): ApiPath<(String, AreaId)>,
    bearer: Bearer,
    ApiJson(input): ApiJson<ItemInput>,
) -> ApiResult<Json<Area>> {
    Ok(Json(service.update_area(&bearer.key(code), id, input).await?))
}

/// Removes the area and every score and comment given to it; the answer says how to undo it.
#[utoipa::path(delete, path = "/api/v1/workshops/{code}/areas/{id}", params(("code" = String, Path), ("id" = i64, Path)),
    security(("facilitator" = [])), responses((status = 200, body = Removal)))]
async fn remove_area(
    State(service): State<Arc<Service>>,
    ApiPath((code, id)): ApiPath<(String, AreaId)>,
    bearer: Bearer,
) -> ApiResult<Json<Removal>> {
    Ok(Json(service.remove(&bearer.key(code), ListKind::Areas, id.0).await?))
}

/// Adds groups: `{"count": 9}` names them 'Gruppe 1'…, `{"names": [...]}` names them.
#[utoipa::path(post, path = "/api/v1/workshops/{code}/groups", params(("code" = String, Path)), request_body = GroupsInput,
    security(("facilitator" = [])),
    responses((status = 201, body = Vec<Group>)))]
async fn add_groups(
    State(service): State<Arc<Service>>,
    ApiPath(code): ApiPath<String>,
    bearer: Bearer,
    ApiJson(input): ApiJson<GroupsInput>,
) -> ApiResult<(StatusCode, Json<Vec<Group>>)> {
    Ok((StatusCode::CREATED, Json(service.add_groups(&bearer.key(code), input).await?)))
}

/// Renames a group; `tags`, when given, replace its tags (`[{"dimension": "Rolle", "value": "Folkevalgte"}]`).
#[utoipa::path(put, path = "/api/v1/workshops/{code}/groups/{id}", params(("code" = String, Path), ("id" = i64, Path)),
    request_body = GroupInput, security(("facilitator" = [])),
    responses((status = 200, body = Group)))]
async fn update_group(
    State(service): State<Arc<Service>>,
    ApiPath((code, id)): ApiPath<(String, GroupId)>,
    bearer: Bearer,
    ApiJson(input): ApiJson<GroupInput>,
) -> ApiResult<Json<Group>> {
    Ok(Json(service.update_group(&bearer.key(code), id, input).await?))
}

/// Removes the group and every score and comment it gave; the answer says how to undo it.
#[utoipa::path(delete, path = "/api/v1/workshops/{code}/groups/{id}", params(("code" = String, Path), ("id" = i64, Path)),
    security(("facilitator" = [])), responses((status = 200, body = Removal)))]
async fn remove_group(
    State(service): State<Arc<Service>>,
    ApiPath((code, id)): ApiPath<(String, GroupId)>,
    bearer: Bearer,
) -> ApiResult<Json<Removal>> {
    Ok(Json(service.remove(&bearer.key(code), ListKind::Groups, id.0).await?))
}

/// Undoes a removal, while it can be undone: the item comes back where it was, with its scores and comments.
#[utoipa::path(post, path = "/api/v1/workshops/{code}/removals/{id}/restore", params(("code" = String, Path), ("id" = i64, Path)),
    security(("facilitator" = [])), responses((status = 204)))]
async fn restore(
    State(service): State<Arc<Service>>,
    ApiPath((code, id)): ApiPath<(String, i64)>,
    bearer: Bearer,
) -> ApiResult<StatusCode> {
    service.restore(&bearer.key(code), id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// What removing each area or group would take with it: scores and comments.
#[utoipa::path(get, path = "/api/v1/workshops/{code}/usage", params(("code" = String, Path)),
    security(("facilitator" = [])), responses((status = 200, body = Usage)))]
async fn usage(
    State(service): State<Arc<Service>>,
    ApiPath(code): ApiPath<String>,
    bearer: Bearer,
) -> ApiResult<Json<Usage>> {
    Ok(Json(service.usage(&bearer.key(code)).await?))
}

/// Puts categories, areas or groups in a new order; `ids` lists every item once.
#[utoipa::path(put, path = "/api/v1/workshops/{code}/order/{list}", params(("code" = String, Path), ("list" = ListKind, Path)),
    request_body = OrderInput, security(("facilitator" = [])),
    responses((status = 204)))]
async fn reorder(
    State(service): State<Arc<Service>>,
    ApiPath((code, list)): ApiPath<(String, ListKind)>,
    bearer: Bearer,
    ApiJson(input): ApiJson<OrderInput>,
) -> ApiResult<StatusCode> {
    service.reorder(&bearer.key(code), list, input.ids).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// A group's sheet: with the group's key, or the facilitator's secret.
#[utoipa::path(get, path = "/api/v1/workshops/{code}/groups/{id}/scores", params(("code" = String, Path), ("id" = i64, Path)),
    security(("group" = []), ("facilitator" = [])),
    responses((status = 200, body = Sheet)))]
async fn get_sheet(
    State(service): State<Arc<Service>>,
    ApiPath((code, id)): ApiPath<(String, GroupId)>,
    bearer: Bearer,
) -> ApiResult<Json<Sheet>> {
    Ok(Json(service.sheet(&bearer.group_key(code, id)).await?))
}

/// Writes a group's scores: all of them, or none if any is invalid. `value: null` clears a cell.
/// Answers once the write is durable, with the workshop version that includes it. With the
/// group's key, or the facilitator's secret to enter scores on the group's behalf.
#[utoipa::path(put, path = "/api/v1/workshops/{code}/groups/{id}/scores", params(("code" = String, Path), ("id" = i64, Path)),
    request_body = ScoresInput, security(("group" = []), ("facilitator" = [])),
    responses((status = 200, body = Saved), (status = 409, body = ErrorBody)))]
async fn put_scores(
    State(service): State<Arc<Service>>,
    ApiPath((code, id)): ApiPath<(String, GroupId)>,
    bearer: Bearer,
    ApiJson(input): ApiJson<ScoresInput>,
) -> ApiResult<Json<Saved>> {
    Ok(Json(service.put_scores(&bearer.group_key(code, id), input.scores).await?))
}

/// Takes a group that has not joined yet: answers with the group's link, which its members
/// share. A group already taken cannot be taken again (409); the facilitator can release it.
#[utoipa::path(post, path = "/api/v1/workshops/{code}/groups/{id}/join", params(("code" = String, Path), ("id" = i64, Path)),
    responses((status = 200, body = GroupLink), (status = 409, body = ErrorBody)))]
async fn claim_group(
    State(service): State<Arc<Service>>,
    ApiPath((code, id)): ApiPath<(String, GroupId)>,
) -> ApiResult<Json<GroupLink>> {
    Ok(Json(service.claim_group(&code, id).await?))
}

/// Every group's link, for the facilitator: to print group cards or bring a group back in.
#[utoipa::path(get, path = "/api/v1/workshops/{code}/group-links", params(("code" = String, Path)),
    security(("facilitator" = [])),
    responses((status = 200, body = Vec<GroupLink>)))]
async fn group_links(
    State(service): State<Arc<Service>>,
    ApiPath(code): ApiPath<String>,
    bearer: Bearer,
) -> ApiResult<Json<Vec<GroupLink>>> {
    Ok(Json(service.group_links(&bearer.key(code)).await?))
}

/// Gives a group a new link; the old one stops working at once. `release` also offers the
/// group on the join page again.
#[utoipa::path(post, path = "/api/v1/workshops/{code}/groups/{id}/link", params(("code" = String, Path), ("id" = i64, Path)),
    request_body = RenewLinkInput, security(("facilitator" = [])),
    responses((status = 200, body = GroupLink)))]
async fn renew_group_link(
    State(service): State<Arc<Service>>,
    ApiPath((code, id)): ApiPath<(String, GroupId)>,
    bearer: Bearer,
    ApiJson(input): ApiJson<RenewLinkInput>,
) -> ApiResult<Json<GroupLink>> {
    Ok(Json(service.renew_group_link(&bearer.key(code), id, input.release).await?))
}

/// Scale, axis names, midlines and language. The scale cannot change once groups have scored.
#[utoipa::path(put, path = "/api/v1/workshops/{code}/settings", params(("code" = String, Path)),
    request_body = SettingsInput, security(("facilitator" = [])),
    responses((status = 200, body = Workshop)))]
async fn update_settings(
    State(service): State<Arc<Service>>,
    ApiPath(code): ApiPath<String>,
    bearer: Bearer,
    ApiJson(input): ApiJson<SettingsInput>,
) -> ApiResult<Json<Workshop>> {
    Ok(Json(service.update_settings(&bearer.key(code), input).await?))
}

/// The workshop's setup (settings, categories, areas, groups and tags; no scores), as in `docs/SETUP.md`.
#[utoipa::path(get, path = "/api/v1/workshops/{code}/setup", params(("code" = String, Path)),
    security(("facilitator" = []), ("leaders" = [])),
    responses((status = 200, body = Setup)))]
async fn get_setup(
    State(service): State<Arc<Service>>,
    ApiPath(code): ApiPath<String>,
    credential: Option<Credential>,
) -> ApiResult<Response> {
    let secret = credential.map(|credential| credential.secret).ok_or(Error::CredentialsRequired)?;
    let setup = service.setup(&code, &secret).await?;
    Ok(attachment(&format!("kvadrant-{code}-setup.json"), "application/json", Json(setup)))
}

/// Makes a new workshop from a setup; errors name the path of the first bad field (`areas[3].category`).
#[utoipa::path(post, path = "/api/v1/workshops/import", request_body = Setup,
    responses((status = 201, body = CreatedWorkshop)))]
async fn import_setup(
    State(service): State<Arc<Service>>,
    ApiJson(setup): ApiJson<Setup>,
) -> ApiResult<(StatusCode, Json<CreatedWorkshop>)> {
    Ok((StatusCode::CREATED, Json(service.import_setup(setup).await?)))
}

/// A new workshop with this one's settings, categories and areas, and no groups or scores.
#[utoipa::path(post, path = "/api/v1/workshops/{code}/duplicate", params(("code" = String, Path)),
    security(("facilitator" = [])), responses((status = 201, body = CreatedWorkshop)))]
async fn duplicate(
    State(service): State<Arc<Service>>,
    ApiPath(code): ApiPath<String>,
    bearer: Bearer,
) -> ApiResult<(StatusCode, Json<CreatedWorkshop>)> {
    Ok((StatusCode::CREATED, Json(service.duplicate(&bearer.key(code)).await?)))
}

/// The leaders' read-only link: results, comments and exports, and no changes.
#[utoipa::path(get, path = "/api/v1/workshops/{code}/review-link", params(("code" = String, Path)),
    security(("facilitator" = [])), responses((status = 200, body = ReviewLink)))]
async fn review_link(
    State(service): State<Arc<Service>>,
    ApiPath(code): ApiPath<String>,
    bearer: Bearer,
) -> ApiResult<Json<ReviewLink>> {
    Ok(Json(service.review_link(&bearer.key(code)).await?))
}

/// Replaces the facilitator's secret: the old one, and the leaders' link derived from it, stop
/// working at once, and live streams opened with them end.
#[utoipa::path(post, path = "/api/v1/workshops/{code}/secret", params(("code" = String, Path)),
    security(("facilitator" = [])),
    responses((status = 200, body = ManageLink)))]
async fn renew_secret(
    State(service): State<Arc<Service>>,
    ApiPath(code): ApiPath<String>,
    bearer: Bearer,
) -> ApiResult<Json<ManageLink>> {
    Ok(Json(service.renew_secret(&bearer.key(code)).await?))
}

/// Gives the workshop a new join code: the old one, and every link with it, stop working at
/// once; live screens and sheets are sent the new code and move to it.
#[utoipa::path(post, path = "/api/v1/workshops/{code}/code", params(("code" = String, Path)),
    security(("facilitator" = [])),
    responses((status = 200, body = ManageLink)))]
async fn renew_code(
    State(service): State<Arc<Service>>,
    ApiPath(code): ApiPath<String>,
    bearer: Bearer,
) -> ApiResult<Json<ManageLink>> {
    Ok(Json(service.renew_code(&bearer.key(code)).await?))
}

/// Replaces the leaders' link; the old one stops working.
#[utoipa::path(post, path = "/api/v1/workshops/{code}/review-link", params(("code" = String, Path)),
    security(("facilitator" = [])), responses((status = 200, body = ReviewLink)))]
async fn renew_review_link(
    State(service): State<Arc<Service>>,
    ApiPath(code): ApiPath<String>,
    bearer: Bearer,
) -> ApiResult<Json<ReviewLink>> {
    Ok(Json(service.renew_review_link(&bearer.key(code)).await?))
}

/// A group's rationale, risks and timeframe for an area, while scoring is open; all empty removes it.
#[utoipa::path(put, path = "/api/v1/workshops/{code}/groups/{id}/comments/{area}",
    params(("code" = String, Path), ("id" = i64, Path), ("area" = i64, Path)), request_body = CommentInput,
    security(("group" = []), ("facilitator" = [])),
    responses((status = 200, body = Saved), (status = 409, body = ErrorBody)))]
async fn put_comment(
    State(service): State<Arc<Service>>,
    ApiPath((code, group, area)): ApiPath<(String, GroupId, AreaId)>,
    bearer: Bearer,
    ApiJson(input): ApiJson<CommentInput>,
) -> ApiResult<Json<Saved>> {
    Ok(Json(service.put_comment(&bearer.group_key(code, group), area, input).await?))
}

/// A group proposes an area that is not on the list, while scoring is open.
#[utoipa::path(post, path = "/api/v1/workshops/{code}/groups/{id}/suggestions",
    params(("code" = String, Path), ("id" = i64, Path)), request_body = SuggestionInput,
    security(("group" = []), ("facilitator" = [])),
    responses((status = 201, body = Suggestion),
        (status = 409, body = ErrorBody)))]
async fn suggest(
    State(service): State<Arc<Service>>,
    ApiPath((code, group)): ApiPath<(String, GroupId)>,
    bearer: Bearer,
    ApiJson(input): ApiJson<SuggestionInput>,
) -> ApiResult<(StatusCode, Json<Suggestion>)> {
    Ok((StatusCode::CREATED, Json(service.suggest(&bearer.group_key(code, group), input).await?)))
}

/// Puts a suggestion on the list as a new area, which groups can then score.
#[utoipa::path(post, path = "/api/v1/workshops/{code}/suggestions/{id}/accept",
    params(("code" = String, Path), ("id" = i64, Path)), request_body = AcceptInput, security(("facilitator" = [])),
    responses((status = 201, body = Area), (status = 409, body = ErrorBody)))]
async fn accept_suggestion(
    State(service): State<Arc<Service>>,
    ApiPath((code, id)): ApiPath<(String, SuggestionId)>,
    bearer: Bearer,
    ApiJson(input): ApiJson<AcceptInput>,
) -> ApiResult<(StatusCode, Json<Area>)> {
    Ok((StatusCode::CREATED, Json(service.accept_suggestion(&bearer.key(code), id, input).await?)))
}

/// Records a suggestion as raised but not scored.
#[utoipa::path(post, path = "/api/v1/workshops/{code}/suggestions/{id}/keep",
    params(("code" = String, Path), ("id" = i64, Path)), security(("facilitator" = [])),
    responses((status = 204)))]
async fn keep_suggestion(
    State(service): State<Arc<Service>>,
    ApiPath((code, id)): ApiPath<(String, SuggestionId)>,
    bearer: Bearer,
) -> ApiResult<StatusCode> {
    service.keep_suggestion(&bearer.key(code), id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Every group's scores with its tags: for the facilitator and the leaders.
#[utoipa::path(get, path = "/api/v1/workshops/{code}/scores", params(("code" = String, Path)),
    security(("facilitator" = []), ("leaders" = [])),
    responses((status = 200, body = Vec<GroupScores>)))]
async fn all_scores(
    State(service): State<Arc<Service>>,
    ApiPath(code): ApiPath<String>,
    credential: Option<Credential>,
) -> ApiResult<Json<Vec<GroupScores>>> {
    let secret = credential.map(|credential| credential.secret).ok_or(Error::CredentialsRequired)?;
    Ok(Json(service.group_scores(&code, &secret).await?))
}

/// Which changes to read.
#[derive(Deserialize, utoipa::IntoParams)]
pub struct ChangesQuery {
    /// Only the changes to this area.
    pub area: Option<i64>,
    /// The last this many; all the most one request reads if not given.
    #[param(schema_with = changes_limit)]
    pub limit: Option<u32>,
}

fn changes_limit() -> utoipa::openapi::Object {
    utoipa::openapi::ObjectBuilder::new()
        .schema_type(utoipa::openapi::Type::Integer)
        .minimum(Some(0))
        .maximum(Some(MAX_CHANGES_PER_REQUEST))
        .build()
}

/// The change log, oldest first: who changed what and when. For the facilitator only: it
/// holds every group's scores, which the leaders may not see while the results are hidden.
#[utoipa::path(get, path = "/api/v1/workshops/{code}/changes", params(("code" = String, Path), ChangesQuery),
    security(("facilitator" = [])),
    responses((status = 200, body = Vec<ChangeEntry>)))]
async fn changes(
    State(service): State<Arc<Service>>,
    ApiPath(code): ApiPath<String>,
    bearer: Bearer,
    ApiQuery(query): ApiQuery<ChangesQuery>,
) -> ApiResult<Json<Vec<ChangeEntry>>> {
    Ok(Json(service.changes(&bearer.key(code), query.area.map(AreaId), query.limit).await?))
}

/// The results, of one segment if asked; while hidden, only with the facilitator's secret.
#[utoipa::path(get, path = "/api/v1/workshops/{code}/results", params(("code" = String, Path), ResultsQuery),
    security((), ("facilitator" = []), ("leaders" = [])),
    responses((status = 200, body = Results), (status = 403, body = ErrorBody)))]
async fn results(
    State(service): State<Arc<Service>>,
    ApiPath(code): ApiPath<String>,
    credential: Option<Credential>,
    ApiQuery(query): ApiQuery<ResultsQuery>,
) -> ApiResult<Json<Results>> {
    let view = ResultsView::parse(query.view.as_deref())?;
    let choice = ResultsChoice { segment: query.segment, view, round: query.round };
    Ok(Json(visible_results(&service, &code, credential, &choice).await?))
}

/// The results a request may see. A secret in a cookie that no longer holds (renewed since the
/// page set it) counts as no secret, as for anyone else: browsers send cookies unasked, and a
/// stale one must not turn the public results into a refusal. A stale secret in a header is refused.
async fn visible_results(
    service: &Service,
    code: &str,
    credential: Option<Credential>,
    choice: &ResultsChoice,
) -> Result<Results, Error> {
    let Some(Credential { secret, from_cookie }) = credential else {
        return service.results(code, None, choice).await;
    };
    match service.results(code, Some(&secret), choice).await {
        Err(Error::Forbidden) if from_cookie => service.results(code, None, choice).await,
        other => other,
    }
}

fn attachment(filename: &str, content_type: &str, body: impl IntoResponse) -> Response {
    let disposition = format!("attachment; filename=\"{filename}\"");
    ([(header::CONTENT_TYPE, content_type.to_owned()), (header::CONTENT_DISPOSITION, disposition)], body)
        .into_response()
}

/// The ranked list as CSV, one row per area, with the groups' comments; unscored areas and
/// areas raised but not scored follow without a rank. UTF-8 with commas, or with
/// `dialect=excel-no` what Norwegian Excel opens as it is.
#[utoipa::path(get, path = "/api/v1/workshops/{code}/results.csv", params(("code" = String, Path), CsvQuery),
    security((), ("facilitator" = []), ("leaders" = [])),
    responses((status = 200, content_type = "text/csv"), (status = 403, body = ErrorBody)))]
async fn results_csv(
    State(service): State<Arc<Service>>,
    ApiPath(code): ApiPath<String>,
    credential: Option<Credential>,
    ApiQuery(query): ApiQuery<CsvQuery>,
) -> ApiResult<Response> {
    let dialect = CsvDialect::parse(query.dialect.as_deref())?;
    let results = visible_results(&service, &code, credential, &ResultsChoice::of_segment(query.segment)).await?;
    let filename = format!("kvadrant-{code}{}.csv", dialect.suffix());
    Ok(attachment(&filename, "text/csv; charset=utf-8", export::csv(&results, dialect)))
}

/// A workbook with the ranked list, every group's raw scores with its segments, the comments,
/// and the areas raised but not scored: for the facilitator and the leaders.
#[utoipa::path(get, path = "/api/v1/workshops/{code}/results.xlsx", params(("code" = String, Path), SegmentQuery),
    security(("facilitator" = []), ("leaders" = [])),
    responses((status = 200, content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")))]
async fn results_xlsx(
    State(service): State<Arc<Service>>,
    ApiPath(code): ApiPath<String>,
    credential: Option<Credential>,
    ApiQuery(query): ApiQuery<SegmentQuery>,
) -> ApiResult<Response> {
    let secret = credential.map(|credential| credential.secret).ok_or(Error::CredentialsRequired)?;
    let (results, scores, changes) = service.workbook(&code, &secret, query.segment.as_deref()).await?;
    let workbook = export::xlsx(&results, &scores, &changes).map_err(|cause| {
        tracing::error!(%cause, "writing a workbook");
        Error::Internal
    })?;
    const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    Ok(attachment(&format!("kvadrant-{code}.xlsx"), XLSX, workbook))
}

/// The quadrant matrix as a standalone SVG document.
#[utoipa::path(get, path = "/api/v1/workshops/{code}/matrix.svg", params(("code" = String, Path), SegmentQuery),
    security((), ("facilitator" = []), ("leaders" = [])),
    responses((status = 200, content_type = "image/svg+xml"), (status = 403, body = ErrorBody)))]
async fn matrix_svg(
    State(service): State<Arc<Service>>,
    ApiPath(code): ApiPath<String>,
    credential: Option<Credential>,
    ApiQuery(query): ApiQuery<SegmentQuery>,
) -> ApiResult<Response> {
    let results = visible_results(&service, &code, credential, &ResultsChoice::of_segment(query.segment)).await?;
    Ok(attachment(&format!("kvadrant-{code}-matrix.svg"), "image/svg+xml", export::matrix_svg(&results)))
}

/// The quadrant matrix as a PNG image at print resolution (300 dpi at 18 cm wide).
#[utoipa::path(get, path = "/api/v1/workshops/{code}/matrix.png", params(("code" = String, Path), SegmentQuery),
    security((), ("facilitator" = []), ("leaders" = [])),
    responses((status = 200, content_type = "image/png"), (status = 403, body = ErrorBody)))]
async fn matrix_png(
    State(service): State<Arc<Service>>,
    Extension(pictures): Extension<Arc<Pictures>>,
    ApiPath(code): ApiPath<String>,
    credential: Option<Credential>,
    ApiQuery(query): ApiQuery<SegmentQuery>,
) -> ApiResult<Response> {
    let results = visible_results(&service, &code, credential, &ResultsChoice::of_segment(query.segment)).await?;
    let png = pictures.png(export::matrix_svg(&results)).await?;
    Ok(attachment(&format!("kvadrant-{code}-matrix.png"), "image/png", png))
}

#[derive(OpenApi)]
#[openapi(
    info(title = "Kvadrant", description = "Score areas on potential and feasibility; rank them."),
    components(schemas(LiveView, LiveSheet, LiveComments, ListKind, ErrorBody, SetupCategory, SetupArea, SetupGroup, GroupTag, Name)),
    modifiers(&Roles)
)]
pub struct ApiDoc;
