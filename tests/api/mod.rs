//! The JSON API and the server-rendered pages, over real HTTP.

mod errors;
mod pages;
mod setup;
mod text_input;
mod workshop;
