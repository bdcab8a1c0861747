//! The one place where errors become HTTP responses.

use axum::Json;
use axum::extract::rejection::{JsonRejection, PathRejection, QueryRejection};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use kvadrant::{Error, Field, Format, Rule};
use kvadrant_api::lang::Lang;
use kvadrant_app::error::AppError;
use serde::Serialize;

/// What a client is told to wait after a request ran out of time, or an instance was not ready.
pub(crate) const RETRY_AFTER_TIMEOUT: u32 = 5;

/// An error body: the machine-readable error (with `field` and `rule` when input was
/// invalid) and a sentence for people.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ErrorBody {
    #[serde(flatten)]
    pub error: Error,
    pub message: String,
}

#[derive(Debug)]
pub struct ApiError {
    error: Error,
    /// What the request parser said, for input that did not parse.
    detail: Option<String>,
    /// The parser's own status (400 unreadable, 413 too large, 415 not JSON) when it has one.
    status: Option<StatusCode>,
}

impl ApiError {
    fn malformed(field: Field, status: StatusCode, detail: String) -> ApiError {
        ApiError {
            error: Error::invalid(field, Rule::Malformed { expected: Format::Json }),
            detail: Some(detail),
            status: Some(status),
        }
    }
}

impl From<Error> for ApiError {
    fn from(error: Error) -> Self {
        ApiError { error, detail: None, status: None }
    }
}

impl From<JsonRejection> for ApiError {
    fn from(rejection: JsonRejection) -> Self {
        ApiError::malformed(Field::Body, rejection.status(), rejection.body_text())
    }
}

impl From<PathRejection> for ApiError {
    fn from(rejection: PathRejection) -> Self {
        ApiError::malformed(Field::Path, rejection.status(), rejection.body_text())
    }
}

impl From<QueryRejection> for ApiError {
    fn from(rejection: QueryRejection) -> Self {
        ApiError::malformed(Field::Query, rejection.status(), rejection.body_text())
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let message = match self.detail {
            Some(detail) => format!("{}: {detail}", self.error),
            None => self.error.to_string(),
        };
        let status = self.status.unwrap_or_else(|| kvadrant_api::status::status(&self.error));
        let error = self.error.clone();
        finish((status, Json(ErrorBody { error: self.error, message })).into_response(), error)
    }
}

/// Adds what a refused request may retry after, and the error itself for the abuse limits, which
/// count failed lookups by it without reading the body.
fn finish(mut response: Response, error: Error) -> Response {
    if let Some(seconds) = error.retry_after() {
        response.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from(seconds));
    }
    response.extensions_mut().insert(error);
    response
}

/// A request that took longer than it may: the answer is refused, and the client may try again.
pub async fn timed_out(_: tower::BoxError) -> ApiError {
    ApiError::from(Error::Busy { retry_after: RETRY_AFTER_TIMEOUT })
}

/// A refusal before the request reached its handler. Server functions get it in their own error
/// shape, so their pages can say what happened; everyone else gets the JSON error body.
/// Their words are in `lang`.
pub fn refusal(error: Error, server_function: bool, lang: Lang) -> Response {
    if !server_function {
        return ApiError::from(error).into_response();
    }
    let status = kvadrant_api::status::status(&error);
    finish((status, Json(AppError::Domain(error.clone()).body(lang))).into_response(), error)
}
