//! The JSON API: the same operations as the pages, for scripts. Described at `/api/v1/openapi.json`.

use std::sync::Arc;

use axum::body::Body;
use axum::extract::{FromRequest, FromRequestParts, OptionalFromRequestParts, State};
use axum::http::request::Parts;
use axum::http::{HeaderName, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post, put};
use axum::{Extension, Json, Router};
use kvadrant::{AreaId, CategoryId, Error, GroupId, SuggestionId};
use kvadrant_app::backend::{Backend, Key};
use kvadrant_app::model::{
    AcceptInput, Area, Category, CommentInput, CreatedWorkshop, Group, GroupInput, GroupScores, GroupsInput, ItemInput,
    ListKind, LiveSheet, LiveView, Results, ReviewLink, Saved, ScoreInput, SettingsInput, Setup, Sheet, Suggestion,
    SuggestionInput, Workshop, WorkshopInput,
};
use serde::Deserialize;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi, ToSchema};

use tokio::sync::watch;

use crate::error::{ApiError, ErrorBody};
use crate::export::{self, CsvDialect, Pictures};
use crate::live;
use crate::service::Service;

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

/// The facilitator's secret, sent as `Authorization: Bearer <secret>`.
pub struct Bearer(String);

impl<S: Send + Sync> FromRequestParts<S> for Bearer {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> ApiResult<Self> {
        parts
            .headers
            .get(header::AUTHORIZATION)
            .and_then(|value| value.to_str().ok())
            .and_then(|value| value.strip_prefix("Bearer "))
            .map(|secret| Bearer(secret.trim().to_owned()))
            .ok_or(ApiError::from(Error::Forbidden))
    }
}

impl<S: Send + Sync> OptionalFromRequestParts<S> for Bearer {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> ApiResult<Option<Self>> {
        if parts.headers.contains_key(header::AUTHORIZATION) {
            <Bearer as FromRequestParts<S>>::from_request_parts(parts, state).await.map(Some)
        } else {
            Ok(None)
        }
    }
}

impl Bearer {
    fn key(self, code: String) -> Key {
        Key { code, secret: self.0 }
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

/// Browsers' `EventSource` sends no headers: the facilitator's secret comes in the query.
#[derive(Deserialize, utoipa::IntoParams)]
pub struct FollowQuery {
    /// The facilitator's secret: follow with hidden results included.
    pub secret: Option<String>,
}

/// Reading results and exports: who asks, and for which groups.
#[derive(Deserialize, utoipa::IntoParams)]
pub struct ReadQuery {
    /// The facilitator's or the leaders' secret, for links that cannot send a header.
    pub secret: Option<String>,
    /// Only the groups tagged `dimension=value`.
    pub segment: Option<String>,
}

#[derive(Deserialize, utoipa::IntoParams)]
pub struct CsvQuery {
    pub secret: Option<String>,
    pub segment: Option<String>,
    /// `excel-no` for Norwegian Excel: semicolons, decimal commas and a byte order mark.
    pub dialect: Option<String>,
}

/// A secret from the `Authorization` header, or else from the query.
fn secret_of(bearer: Option<Bearer>, query: Option<String>) -> Option<String> {
    bearer.map(|bearer| bearer.0).or(query)
}

#[derive(Deserialize, ToSchema)]
pub struct OrderInput {
    pub ids: Vec<i64>,
}

#[derive(Deserialize, ToSchema)]
pub struct ScoresInput {
    pub scores: Vec<ScoreInput>,
}

pub fn routes() -> Router<Arc<Service>> {
    Router::new()
        .route("/api/v1/openapi.json", get(openapi))
        .route("/api/v1/workshops", post(create_workshop))
        .route("/api/v1/workshops/{code}", get(get_workshop).patch(update_workshop))
        .route("/api/v1/workshops/{code}/scoring", put(set_scoring))
        .route("/api/v1/workshops/{code}/results-hidden", put(set_results_hidden))
        .route("/api/v1/workshops/{code}/live", get(follow_workshop))
        .route("/api/v1/workshops/{code}/groups/{id}/live", get(follow_sheet))
        .route("/api/v1/workshops/{code}/categories", post(add_category))
        .route("/api/v1/workshops/{code}/categories/{id}", put(update_category).delete(remove_category))
        .route("/api/v1/workshops/{code}/areas", post(add_area))
        .route("/api/v1/workshops/{code}/areas/{id}", put(update_area).delete(remove_area))
        .route("/api/v1/workshops/{code}/groups", post(add_groups))
        .route("/api/v1/workshops/import", post(import_setup))
        .route("/api/v1/workshops/{code}/settings", put(update_settings))
        .route("/api/v1/workshops/{code}/setup", get(get_setup))
        .route("/api/v1/workshops/{code}/duplicate", post(duplicate))
        .route("/api/v1/workshops/{code}/review-link", get(review_link).post(renew_review_link))
        .route("/api/v1/workshops/{code}/groups/{id}", put(update_group).delete(remove_group))
        .route("/api/v1/workshops/{code}/groups/{id}/comments/{area}", put(put_comment))
        .route("/api/v1/workshops/{code}/suggestions", post(suggest))
        .route("/api/v1/workshops/{code}/suggestions/{id}/accept", post(accept_suggestion))
        .route("/api/v1/workshops/{code}/suggestions/{id}/keep", post(keep_suggestion))
        .route("/api/v1/workshops/{code}/scores", get(all_scores))
        .route("/api/v1/workshops/{code}/results.xlsx", get(results_xlsx))
        .route("/api/v1/workshops/{code}/matrix.svg", get(matrix_svg))
        .route("/api/v1/workshops/{code}/matrix.png", get(matrix_png))
        .route("/api/v1/workshops/{code}/order/{list}", put(reorder))
        .route("/api/v1/workshops/{code}/groups/{id}/scores", get(get_sheet).put(put_scores))
        .route("/api/v1/workshops/{code}/results", get(results))
        .route("/api/v1/workshops/{code}/results.csv", get(results_csv))
}

#[utoipa::path(post, path = "/api/v1/workshops", request_body = WorkshopInput,
    responses((status = 201, body = CreatedWorkshop), (status = 422, body = ErrorBody)))]
async fn create_workshop(
    State(service): State<Arc<Service>>,
    ApiJson(input): ApiJson<WorkshopInput>,
) -> ApiResult<(StatusCode, Json<CreatedWorkshop>)> {
    Ok((StatusCode::CREATED, Json(service.create_workshop(input).await?)))
}

/// Joining: the workshop, its areas by category and its groups.
#[utoipa::path(get, path = "/api/v1/workshops/{code}", params(("code" = String, Path)),
    responses((status = 200, body = Workshop), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn get_workshop(
    State(service): State<Arc<Service>>,
    ApiPath(code): ApiPath<String>,
) -> ApiResult<Json<Workshop>> {
    Ok(Json(service.workshop(&code).await?))
}

#[utoipa::path(patch, path = "/api/v1/workshops/{code}", params(("code" = String, Path)), request_body = WorkshopInput,
    security(("facilitator" = [])),
    responses((status = 200, body = Workshop), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn update_workshop(
    State(service): State<Arc<Service>>,
    ApiPath(code): ApiPath<String>,
    bearer: Bearer,
    ApiJson(input): ApiJson<WorkshopInput>,
) -> ApiResult<Json<Workshop>> {
    Ok(Json(service.update_workshop(&bearer.key(code), input).await?))
}

#[utoipa::path(put, path = "/api/v1/workshops/{code}/scoring", params(("code" = String, Path)), request_body = ScoringInput,
    security(("facilitator" = [])),
    responses((status = 200, body = Workshop), (status = 403, body = ErrorBody)))]
async fn set_scoring(
    State(service): State<Arc<Service>>,
    ApiPath(code): ApiPath<String>,
    bearer: Bearer,
    ApiJson(input): ApiJson<ScoringInput>,
) -> ApiResult<Json<Workshop>> {
    Ok(Json(service.set_scoring_open(&bearer.key(code), input.open).await?))
}

/// Hides the results from everyone but the facilitator (`true`), or reveals them.
#[utoipa::path(put, path = "/api/v1/workshops/{code}/results-hidden", params(("code" = String, Path)),
    request_body = VisibilityInput, security(("facilitator" = [])),
    responses((status = 200, body = Workshop), (status = 403, body = ErrorBody)))]
async fn set_results_hidden(
    State(service): State<Arc<Service>>,
    ApiPath(code): ApiPath<String>,
    bearer: Bearer,
    ApiJson(input): ApiJson<VisibilityInput>,
) -> ApiResult<Json<Workshop>> {
    Ok(Json(service.set_results_hidden(&bearer.key(code), input.hidden).await?))
}

/// Follows a workshop live (server-sent events). `view` events carry a [`LiveView`]; results are
/// left out while hidden, unless `secret` is the facilitator's. Every event's id is the version.
#[utoipa::path(get, path = "/api/v1/workshops/{code}/live", params(("code" = String, Path), FollowQuery),
    responses((status = 200, content_type = "text/event-stream", body = LiveView), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody)))]
async fn follow_workshop(
    State(service): State<Arc<Service>>,
    ApiPath(code): ApiPath<String>,
    ApiQuery(query): ApiQuery<FollowQuery>,
) -> ApiResult<Response> {
    let (frames, role) = service.follow(&code, None, query.secret.as_deref()).await?;
    Ok(live_response(frames, role))
}

/// Follows a group's sheet live: `view` events as for the workshop, and `sheet` events with
/// the group's own scores ([`LiveSheet`]).
#[utoipa::path(get, path = "/api/v1/workshops/{code}/groups/{id}/live", params(("code" = String, Path), ("id" = i64, Path)),
    responses((status = 200, content_type = "text/event-stream", body = LiveSheet), (status = 404, body = ErrorBody)))]
async fn follow_sheet(
    State(service): State<Arc<Service>>,
    ApiPath((code, id)): ApiPath<(String, GroupId)>,
) -> ApiResult<Response> {
    let (frames, role) = service.follow(&code, Some(id), None).await?;
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
    responses((status = 201, body = Category), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
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
    responses((status = 200, body = Category), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn update_category(
    State(service): State<Arc<Service>>,
    ApiPath((code, id)): ApiPath<(String, CategoryId)>,
    bearer: Bearer,
    ApiJson(input): ApiJson<ItemInput>,
) -> ApiResult<Json<Category>> {
    Ok(Json(service.update_category(&bearer.key(code), id, input).await?))
}

/// Areas in a removed category stay, without a category.
#[utoipa::path(delete, path = "/api/v1/workshops/{code}/categories/{id}", params(("code" = String, Path), ("id" = i64, Path)),
    security(("facilitator" = [])), responses((status = 204), (status = 404, body = ErrorBody)))]
async fn remove_category(
    State(service): State<Arc<Service>>,
    ApiPath((code, id)): ApiPath<(String, CategoryId)>,
    bearer: Bearer,
) -> ApiResult<StatusCode> {
    service.remove_category(&bearer.key(code), id).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(post, path = "/api/v1/workshops/{code}/areas", params(("code" = String, Path)), request_body = ItemInput,
    security(("facilitator" = [])),
    responses((status = 201, body = Area), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
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
    responses((status = 200, body = Area), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn update_area(
    State(service): State<Arc<Service>>,
    ApiPath((code, id)): ApiPath<(String, AreaId)>,
    bearer: Bearer,
    ApiJson(input): ApiJson<ItemInput>,
) -> ApiResult<Json<Area>> {
    Ok(Json(service.update_area(&bearer.key(code), id, input).await?))
}

/// Removes the area and every score given to it.
#[utoipa::path(delete, path = "/api/v1/workshops/{code}/areas/{id}", params(("code" = String, Path), ("id" = i64, Path)),
    security(("facilitator" = [])), responses((status = 204), (status = 404, body = ErrorBody)))]
async fn remove_area(
    State(service): State<Arc<Service>>,
    ApiPath((code, id)): ApiPath<(String, AreaId)>,
    bearer: Bearer,
) -> ApiResult<StatusCode> {
    service.remove_area(&bearer.key(code), id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Adds groups: `{"count": 9}` names them 'Gruppe 1'…, `{"names": [...]}` names them.
#[utoipa::path(post, path = "/api/v1/workshops/{code}/groups", params(("code" = String, Path)), request_body = GroupsInput,
    security(("facilitator" = [])),
    responses((status = 201, body = Vec<Group>), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
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
    responses((status = 200, body = Group), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn update_group(
    State(service): State<Arc<Service>>,
    ApiPath((code, id)): ApiPath<(String, GroupId)>,
    bearer: Bearer,
    ApiJson(input): ApiJson<GroupInput>,
) -> ApiResult<Json<Group>> {
    Ok(Json(service.update_group(&bearer.key(code), id, input).await?))
}

/// Removes the group and every score it gave.
#[utoipa::path(delete, path = "/api/v1/workshops/{code}/groups/{id}", params(("code" = String, Path), ("id" = i64, Path)),
    security(("facilitator" = [])), responses((status = 204), (status = 404, body = ErrorBody)))]
async fn remove_group(
    State(service): State<Arc<Service>>,
    ApiPath((code, id)): ApiPath<(String, GroupId)>,
    bearer: Bearer,
) -> ApiResult<StatusCode> {
    service.remove_group(&bearer.key(code), id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Puts categories, areas or groups in a new order; `ids` lists every item once.
#[utoipa::path(put, path = "/api/v1/workshops/{code}/order/{list}", params(("code" = String, Path), ("list" = ListKind, Path)),
    request_body = OrderInput, security(("facilitator" = [])),
    responses((status = 204), (status = 422, body = ErrorBody)))]
async fn reorder(
    State(service): State<Arc<Service>>,
    ApiPath((code, list)): ApiPath<(String, ListKind)>,
    bearer: Bearer,
    ApiJson(input): ApiJson<OrderInput>,
) -> ApiResult<StatusCode> {
    service.reorder(&bearer.key(code), list, input.ids).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(get, path = "/api/v1/workshops/{code}/groups/{id}/scores", params(("code" = String, Path), ("id" = i64, Path)),
    responses((status = 200, body = Sheet), (status = 404, body = ErrorBody)))]
async fn get_sheet(
    State(service): State<Arc<Service>>,
    ApiPath((code, id)): ApiPath<(String, GroupId)>,
) -> ApiResult<Json<Sheet>> {
    Ok(Json(service.sheet(&code, id).await?))
}

/// Writes a group's scores: all of them, or none if any is invalid. `value: null` clears a cell.
/// Answers once the write is durable, with the workshop version that includes it.
#[utoipa::path(put, path = "/api/v1/workshops/{code}/groups/{id}/scores", params(("code" = String, Path), ("id" = i64, Path)),
    request_body = ScoresInput,
    responses((status = 200, body = Saved), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody),
        (status = 422, body = ErrorBody)))]
async fn put_scores(
    State(service): State<Arc<Service>>,
    ApiPath((code, id)): ApiPath<(String, GroupId)>,
    ApiJson(input): ApiJson<ScoresInput>,
) -> ApiResult<Json<Saved>> {
    Ok(Json(service.put_scores(&code, id, input.scores).await?))
}

/// Scale, axis names, midlines and language. The scale cannot change once groups have scored.
#[utoipa::path(put, path = "/api/v1/workshops/{code}/settings", params(("code" = String, Path)),
    request_body = SettingsInput, security(("facilitator" = [])),
    responses((status = 200, body = Workshop), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn update_settings(
    State(service): State<Arc<Service>>,
    ApiPath(code): ApiPath<String>,
    bearer: Bearer,
    ApiJson(input): ApiJson<SettingsInput>,
) -> ApiResult<Json<Workshop>> {
    Ok(Json(service.update_settings(&bearer.key(code), input).await?))
}

/// The workshop's setup (settings, categories, areas, groups and tags; no scores), as in `docs/SETUP.md`.
#[utoipa::path(get, path = "/api/v1/workshops/{code}/setup", params(("code" = String, Path), ReadQuery),
    security(("facilitator" = [])),
    responses((status = 200, body = Setup), (status = 403, body = ErrorBody)))]
async fn get_setup(
    State(service): State<Arc<Service>>,
    ApiPath(code): ApiPath<String>,
    bearer: Option<Bearer>,
    ApiQuery(query): ApiQuery<ReadQuery>,
) -> ApiResult<Response> {
    let secret = secret_of(bearer, query.secret).ok_or(Error::Forbidden)?;
    let setup = service.setup(&code, &secret).await?;
    Ok(attachment(&format!("kvadrant-{code}-setup.json"), "application/json", Json(setup)))
}

/// Makes a new workshop from a setup; errors name the path of the first bad field (`areas[3].category`).
#[utoipa::path(post, path = "/api/v1/workshops/import", request_body = Setup,
    responses((status = 201, body = CreatedWorkshop), (status = 422, body = ErrorBody)))]
async fn import_setup(
    State(service): State<Arc<Service>>,
    ApiJson(setup): ApiJson<Setup>,
) -> ApiResult<(StatusCode, Json<CreatedWorkshop>)> {
    Ok((StatusCode::CREATED, Json(service.import_setup(setup).await?)))
}

/// A new workshop with this one's settings, categories and areas, and no groups or scores.
#[utoipa::path(post, path = "/api/v1/workshops/{code}/duplicate", params(("code" = String, Path)),
    security(("facilitator" = [])), responses((status = 201, body = CreatedWorkshop), (status = 403, body = ErrorBody)))]
async fn duplicate(
    State(service): State<Arc<Service>>,
    ApiPath(code): ApiPath<String>,
    bearer: Bearer,
) -> ApiResult<(StatusCode, Json<CreatedWorkshop>)> {
    Ok((StatusCode::CREATED, Json(service.duplicate(&bearer.key(code)).await?)))
}

/// The leaders' read-only link: results, comments and exports, and no changes.
#[utoipa::path(get, path = "/api/v1/workshops/{code}/review-link", params(("code" = String, Path)),
    security(("facilitator" = [])), responses((status = 200, body = ReviewLink), (status = 403, body = ErrorBody)))]
async fn review_link(
    State(service): State<Arc<Service>>,
    ApiPath(code): ApiPath<String>,
    bearer: Bearer,
) -> ApiResult<Json<ReviewLink>> {
    Ok(Json(service.review_link(&bearer.key(code)).await?))
}

/// Replaces the leaders' link; the old one stops working.
#[utoipa::path(post, path = "/api/v1/workshops/{code}/review-link", params(("code" = String, Path)),
    security(("facilitator" = [])), responses((status = 200, body = ReviewLink), (status = 403, body = ErrorBody)))]
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
    responses((status = 200, body = Saved), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody),
        (status = 422, body = ErrorBody)))]
async fn put_comment(
    State(service): State<Arc<Service>>,
    ApiPath((code, group, area)): ApiPath<(String, GroupId, AreaId)>,
    ApiJson(input): ApiJson<CommentInput>,
) -> ApiResult<Json<Saved>> {
    Ok(Json(service.put_comment(&code, group, area, input).await?))
}

/// Proposes an area that is not on the list, while scoring is open.
#[utoipa::path(post, path = "/api/v1/workshops/{code}/suggestions", params(("code" = String, Path)),
    request_body = SuggestionInput,
    responses((status = 201, body = Suggestion), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn suggest(
    State(service): State<Arc<Service>>,
    ApiPath(code): ApiPath<String>,
    ApiJson(input): ApiJson<SuggestionInput>,
) -> ApiResult<(StatusCode, Json<Suggestion>)> {
    Ok((StatusCode::CREATED, Json(service.suggest(&code, input).await?)))
}

/// Puts a suggestion on the list as a new area, which groups can then score.
#[utoipa::path(post, path = "/api/v1/workshops/{code}/suggestions/{id}/accept",
    params(("code" = String, Path), ("id" = i64, Path)), request_body = AcceptInput, security(("facilitator" = [])),
    responses((status = 201, body = Area), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
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
    responses((status = 204), (status = 404, body = ErrorBody)))]
async fn keep_suggestion(
    State(service): State<Arc<Service>>,
    ApiPath((code, id)): ApiPath<(String, SuggestionId)>,
    bearer: Bearer,
) -> ApiResult<StatusCode> {
    service.keep_suggestion(&bearer.key(code), id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Every group's scores with its tags: for the facilitator and the leaders.
#[utoipa::path(get, path = "/api/v1/workshops/{code}/scores", params(("code" = String, Path), ReadQuery),
    security(("facilitator" = [])),
    responses((status = 200, body = Vec<GroupScores>), (status = 403, body = ErrorBody)))]
async fn all_scores(
    State(service): State<Arc<Service>>,
    ApiPath(code): ApiPath<String>,
    bearer: Option<Bearer>,
    ApiQuery(query): ApiQuery<ReadQuery>,
) -> ApiResult<Json<Vec<GroupScores>>> {
    let secret = secret_of(bearer, query.secret).ok_or(Error::Forbidden)?;
    Ok(Json(service.group_scores(&code, &secret).await?))
}

/// The results, of one segment if asked; while hidden, only with the facilitator's secret.
#[utoipa::path(get, path = "/api/v1/workshops/{code}/results", params(("code" = String, Path), ReadQuery),
    responses((status = 200, body = Results), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn results(
    State(service): State<Arc<Service>>,
    ApiPath(code): ApiPath<String>,
    bearer: Option<Bearer>,
    ApiQuery(query): ApiQuery<ReadQuery>,
) -> ApiResult<Json<Results>> {
    let secret = secret_of(bearer, query.secret);
    Ok(Json(service.results(&code, secret.as_deref(), query.segment.as_deref()).await?))
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
    responses((status = 200, content_type = "text/csv"), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn results_csv(
    State(service): State<Arc<Service>>,
    ApiPath(code): ApiPath<String>,
    bearer: Option<Bearer>,
    ApiQuery(query): ApiQuery<CsvQuery>,
) -> ApiResult<Response> {
    let dialect = CsvDialect::parse(query.dialect.as_deref())?;
    let secret = secret_of(bearer, query.secret);
    let results = service.results(&code, secret.as_deref(), query.segment.as_deref()).await?;
    let filename = format!("kvadrant-{code}{}.csv", dialect.suffix());
    Ok(attachment(&filename, "text/csv; charset=utf-8", export::csv(&results, dialect)))
}

/// A workbook with the ranked list, every group's raw scores with its segments, the comments,
/// and the areas raised but not scored: for the facilitator and the leaders.
#[utoipa::path(get, path = "/api/v1/workshops/{code}/results.xlsx", params(("code" = String, Path), ReadQuery),
    security(("facilitator" = [])),
    responses((status = 200, content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        (status = 403, body = ErrorBody)))]
async fn results_xlsx(
    State(service): State<Arc<Service>>,
    ApiPath(code): ApiPath<String>,
    bearer: Option<Bearer>,
    ApiQuery(query): ApiQuery<ReadQuery>,
) -> ApiResult<Response> {
    let secret = secret_of(bearer, query.secret).ok_or(Error::Forbidden)?;
    let (results, scores) = service.workbook(&code, &secret, query.segment.as_deref()).await?;
    let workbook = export::xlsx(&results, &scores).map_err(|cause| {
        tracing::error!(%cause, "writing a workbook");
        Error::Internal
    })?;
    const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    Ok(attachment(&format!("kvadrant-{code}.xlsx"), XLSX, workbook))
}

/// The quadrant matrix as a standalone SVG document.
#[utoipa::path(get, path = "/api/v1/workshops/{code}/matrix.svg", params(("code" = String, Path), ReadQuery),
    responses((status = 200, content_type = "image/svg+xml"), (status = 403, body = ErrorBody)))]
async fn matrix_svg(
    State(service): State<Arc<Service>>,
    ApiPath(code): ApiPath<String>,
    bearer: Option<Bearer>,
    ApiQuery(query): ApiQuery<ReadQuery>,
) -> ApiResult<Response> {
    let secret = secret_of(bearer, query.secret);
    let results = service.results(&code, secret.as_deref(), query.segment.as_deref()).await?;
    Ok(attachment(&format!("kvadrant-{code}-matrix.svg"), "image/svg+xml", export::matrix_svg(&results)))
}

/// The quadrant matrix as a PNG image at print resolution (300 dpi at 18 cm wide).
#[utoipa::path(get, path = "/api/v1/workshops/{code}/matrix.png", params(("code" = String, Path), ReadQuery),
    responses((status = 200, content_type = "image/png"), (status = 403, body = ErrorBody)))]
async fn matrix_png(
    State(service): State<Arc<Service>>,
    Extension(pictures): Extension<Arc<Pictures>>,
    ApiPath(code): ApiPath<String>,
    bearer: Option<Bearer>,
    ApiQuery(query): ApiQuery<ReadQuery>,
) -> ApiResult<Response> {
    let secret = secret_of(bearer, query.secret);
    let results = service.results(&code, secret.as_deref(), query.segment.as_deref()).await?;
    let png = pictures.png(export::matrix_svg(&results)).await?;
    Ok(attachment(&format!("kvadrant-{code}-matrix.png"), "image/png", png))
}

async fn openapi() -> Json<utoipa::openapi::OpenApi> {
    Json(ApiDoc::openapi())
}

struct FacilitatorAuth;

impl Modify for FacilitatorAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "facilitator",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
    }
}

#[derive(OpenApi)]
#[openapi(
    info(title = "Kvadrant", description = "Score areas on potential and feasibility; rank them."),
    paths(
        create_workshop, get_workshop, update_workshop, set_scoring, set_results_hidden, follow_workshop, follow_sheet,
        add_category, update_category, remove_category,
        add_area, update_area, remove_area, add_groups, update_group, remove_group, reorder, get_sheet, put_scores,
        update_settings, get_setup, import_setup, duplicate, review_link, renew_review_link, put_comment, suggest,
        accept_suggestion, keep_suggestion, all_scores, results, results_csv, results_xlsx, matrix_svg, matrix_png
    ),
    modifiers(&FacilitatorAuth)
)]
pub struct ApiDoc;
