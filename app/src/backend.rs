//! The backend of the request being served: the server hands its implementation of
//! [`Backend`] to every request as context; the UI never sees how it is stored.

use kvadrant::Error;
use leptos::prelude::use_context;

pub use kvadrant_api::backend::{Backend, GroupKey, Key, SharedBackend};

/// The backend of the request being served.
pub fn backend() -> Result<SharedBackend, Error> {
    use_context::<SharedBackend>().ok_or(Error::Internal)
}
