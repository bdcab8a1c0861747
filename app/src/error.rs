use kvadrant::Error;
use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};

/// What a server function can answer with instead of a value.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    #[error(transparent)]
    Domain(Error),
    /// The request did not reach the server or its answer could not be read.
    #[error("{0}")]
    Transport(String),
}

impl From<Error> for AppError {
    /// On the server, also answers the request with the error's status: a server function
    /// that fails says so in its status line (401, 403, 404, 409, 422), not only in its body.
    fn from(error: Error) -> Self {
        #[cfg(feature = "ssr")]
        if let Some(response) = leptos::prelude::use_context::<leptos_axum::ResponseOptions>() {
            response.set_status(status(&error));
        }
        AppError::Domain(error)
    }
}

#[cfg(feature = "ssr")]
pub use kvadrant_api::status::status;

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        // On the server, arguments that do not read are the client's mistake: 400, not 500.
        #[cfg(feature = "ssr")]
        if let (
            ServerFnErrorErr::Args(_)
            | ServerFnErrorErr::MissingArg(_)
            | ServerFnErrorErr::Deserialization(_)
            | ServerFnErrorErr::UnsupportedRequestMethod(_),
            Some(response),
        ) = (&value, leptos::prelude::use_context::<leptos_axum::ResponseOptions>())
        {
            response.set_status(http::StatusCode::BAD_REQUEST);
        }
        AppError::Transport(value.to_string())
    }
}
