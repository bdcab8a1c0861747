//! The one mapping of domain errors to HTTP statuses, for the JSON API and for pages alike.

use kvadrant::Error;

/// The HTTP status of an error, for the JSON API and for pages alike.
pub fn status(error: &Error) -> http::StatusCode {
    use http::StatusCode;
    match error {
        Error::Invalid { .. } => StatusCode::UNPROCESSABLE_ENTITY,
        Error::NotFound { .. } => StatusCode::NOT_FOUND,
        Error::CredentialsRequired => StatusCode::UNAUTHORIZED,
        Error::Forbidden | Error::ResultsHidden => StatusCode::FORBIDDEN,
        Error::ScoringClosed | Error::Conflict | Error::AlreadyJoined => StatusCode::CONFLICT,
        Error::RateLimited { .. } => StatusCode::TOO_MANY_REQUESTS,
        Error::Busy { .. } => StatusCode::SERVICE_UNAVAILABLE,
        Error::Internal => StatusCode::INTERNAL_SERVER_ERROR,
    }
}
