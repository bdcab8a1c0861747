//! The JSON API and the server-rendered pages, over real HTTP.

mod errors;
mod group_links;
mod hidden;
mod pages;
mod setup;
mod workshop;
