//! The JSON API: the same operations as the pages, for scripts. Described at `/api/v1/openapi.json`.

use std::sync::Arc;

use axum::body::Body;
use axum::extract::{FromRequest, FromRequestParts, OptionalFromRequestParts, State};
use axum::http::request::Parts;
use axum::http::{HeaderName, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post, put};
use axum::{Json, Router};
use kvadrant::{AreaId, CategoryId, Error, GroupId};
use kvadrant_app::backend::{Backend, Key};
use kvadrant_app::model::{
    Area, Category, CreatedWorkshop, Group, GroupsInput, ItemInput, ListKind, LiveSheet, LiveView, Results, Saved,
    ScoreInput, Sheet, Workshop, WorkshopInput,
};
use serde::Deserialize;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi, ToSchema};

use tokio::sync::watch;

use crate::error::{ApiError, ErrorBody};
use crate::service::Service;
use crate::{export, live};

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

#[derive(Deserialize, ToSchema)]
pub struct RenameInput {
    pub name: String,
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
        .route("/api/v1/workshops/{code}/groups/{id}", put(rename_group).delete(remove_group))
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

#[utoipa::path(put, path = "/api/v1/workshops/{code}/groups/{id}", params(("code" = String, Path), ("id" = i64, Path)),
    request_body = RenameInput, security(("facilitator" = [])),
    responses((status = 200, body = Group), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn rename_group(
    State(service): State<Arc<Service>>,
    ApiPath((code, id)): ApiPath<(String, GroupId)>,
    bearer: Bearer,
    ApiJson(input): ApiJson<RenameInput>,
) -> ApiResult<Json<Group>> {
    Ok(Json(service.rename_group(&bearer.key(code), id, input.name).await?))
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

/// The results; while hidden, only with the facilitator's secret.
#[utoipa::path(get, path = "/api/v1/workshops/{code}/results", params(("code" = String, Path)),
    responses((status = 200, body = Results), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn results(
    State(service): State<Arc<Service>>,
    ApiPath(code): ApiPath<String>,
    bearer: Option<Bearer>,
) -> ApiResult<Json<Results>> {
    Ok(Json(visible_results(&service, code, bearer).await?))
}

async fn visible_results(service: &Service, code: String, bearer: Option<Bearer>) -> Result<Results, Error> {
    match bearer {
        Some(bearer) => service.managed_results(&bearer.key(code)).await,
        None => service.results(&code).await,
    }
}

/// The ranked list as CSV (UTF-8, comma-separated, decimal point); unscored areas follow without a rank.
#[utoipa::path(get, path = "/api/v1/workshops/{code}/results.csv", params(("code" = String, Path)),
    responses((status = 200, content_type = "text/csv"), (status = 404, body = ErrorBody)))]
async fn results_csv(
    State(service): State<Arc<Service>>,
    ApiPath(code): ApiPath<String>,
    bearer: Option<Bearer>,
) -> ApiResult<impl IntoResponse> {
    let results = visible_results(&service, code, bearer).await?;
    let disposition = format!("attachment; filename=\"kvadrant-{}.csv\"", results.workshop.code);
    Ok((
        [(header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()), (header::CONTENT_DISPOSITION, disposition)],
        export::csv(&results),
    ))
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
        add_area, update_area, remove_area, add_groups, rename_group, remove_group, reorder, get_sheet, put_scores,
        results, results_csv
    ),
    modifiers(&FacilitatorAuth)
)]
pub struct ApiDoc;
