//! The JSON API and the server-rendered pages, over real HTTP.

mod admin;
mod backup;
mod certainty;
mod deletion;
mod durability;
mod errors;
mod group_links;
mod headers;
mod health;
mod hidden;
mod limits;
mod metrics;
mod page_cache;
mod pages;
mod pictures;
mod removals;
mod rounds;
mod score_batches;
mod serving;
mod setup;
mod statements;
mod text_input;
mod workshop;
