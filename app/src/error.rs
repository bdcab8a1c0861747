use kvadrant::Error;
use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

#[cfg(not(feature = "hydrate"))]
use crate::i18n::error_text;
use crate::i18n::{Lang, texts};

/// What a server function can answer with instead of a value.
///
/// On the wire it is a [`WordedError`]: the domain error for the server's own reading, and the
/// error in words in the page's language. The browser reads the words alone (`Said`), so it
/// carries no code to decode or word domain errors.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum AppError {
    #[error(transparent)]
    Domain(Error),
    /// A refusal as the browser received it: in words, in the page's language.
    #[error("{0}")]
    Said(String),
    /// The request did not reach the server or its answer could not be read.
    #[error("{0}")]
    Transport(String),
}

impl AppError {
    /// The error in words, in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        match self {
            AppError::Domain(error) => domain_text(lang, error),
            AppError::Said(words) => words.clone(),
            AppError::Transport(_) => texts(lang).unreachable().to_owned(),
        }
    }

    /// The error as it is sent, worded in `lang`.
    pub fn body(&self, lang: Lang) -> WordedError {
        WordedError {
            #[cfg(not(feature = "hydrate"))]
            domain: match self {
                AppError::Domain(error) => Some(error.clone()),
                _ => None,
            },
            message: self.text(lang),
        }
    }
}

/// Domain errors are worded on the server, which sends them worded.
#[cfg(not(feature = "hydrate"))]
fn domain_text(lang: Lang, error: &Error) -> String {
    error_text(lang, error)
}

/// The browser receives refusals worded (`Said`) and makes no domain errors of its own; were one
/// made, its plain description stands in, so that the wording of every error stays on the server.
#[cfg(feature = "hydrate")]
fn domain_text(_: Lang, error: &Error) -> String {
    error.to_string()
}

/// A server function's error on the wire: like the JSON API's error body, the structured error
/// and a sentence for people, here in the page's language.
#[derive(Debug, Serialize, Deserialize)]
pub struct WordedError {
    /// What the server reads back (its limits, its tests); the browser passes over it.
    #[cfg(not(feature = "hydrate"))]
    #[serde(rename = "Domain", default, skip_serializing_if = "Option::is_none")]
    domain: Option<Error>,
    message: String,
}

impl Serialize for AppError {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.body(crate::i18n::current_lang()).serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for AppError {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let body = WordedError::deserialize(deserializer)?;
        #[cfg(not(feature = "hydrate"))]
        if let Some(error) = body.domain {
            return Ok(AppError::Domain(error));
        }
        Ok(AppError::Said(body.message))
    }
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

#[cfg(test)]
mod tests {
    use kvadrant::{Error, Rule};

    use super::AppError;
    use crate::i18n::Lang;

    #[test]
    fn an_error_travels_with_its_words_and_the_server_reads_it_back_whole() {
        let error = AppError::Domain(Error::invalid("scores[2].value", Rule::OutOfRange { min: 1, max: 10 }));
        let sent = serde_json::to_value(error.body(Lang::En)).unwrap();
        assert_eq!(sent["message"], "Value must be a whole number from 1 to 10.");
        assert_eq!(sent["Domain"]["field"], "scores[2].value");
        assert_eq!(serde_json::from_value::<AppError>(sent).unwrap(), error);
        let worded = serde_json::json!({ "message": "Scoring is closed." });
        assert_eq!(serde_json::from_value::<AppError>(worded).unwrap(), AppError::Said("Scoring is closed.".into()));
    }
}
