//! The contract between Kvadrant's pages, its JSON API and its server: the types that cross the
//! wire, the operations the pages need, the languages, the pace of live updates, and the status
//! each error answers with.
//! It depends on the domain alone; the UI and the server depend on it.

#[cfg(feature = "server")]
pub mod backend;
pub mod lang;
pub mod live;
pub mod model;
#[cfg(feature = "server")]
pub mod status;
