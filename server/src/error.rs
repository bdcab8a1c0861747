//! The one place where errors become HTTP responses.

use axum::Json;
use axum::extract::rejection::{JsonRejection, PathRejection, QueryRejection};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use kvadrant::{Error, Format, Rule};
use serde::Serialize;

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
    fn malformed(field: &str, status: StatusCode, detail: String) -> ApiError {
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
        ApiError::malformed("body", rejection.status(), rejection.body_text())
    }
}

impl From<PathRejection> for ApiError {
    fn from(rejection: PathRejection) -> Self {
        ApiError::malformed("path", rejection.status(), rejection.body_text())
    }
}

impl From<QueryRejection> for ApiError {
    fn from(rejection: QueryRejection) -> Self {
        ApiError::malformed("query", rejection.status(), rejection.body_text())
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let message = match self.detail {
            Some(detail) => format!("{}: {detail}", self.error),
            None => self.error.to_string(),
        };
        let status = self.status.unwrap_or_else(|| kvadrant_app::error::status(&self.error));
        (status, Json(ErrorBody { error: self.error, message })).into_response()
    }
}
