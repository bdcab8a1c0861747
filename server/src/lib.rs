//! Kvadrant's server: configuration, storage, the operations on workshops, the JSON API and
//! the wiring of the pages.

pub mod admin;
pub mod api;
pub mod application;
pub mod backup;
pub mod bands;
pub mod config;
pub mod demo;
pub mod error;
pub mod export;
pub mod headers;
pub mod health;
pub mod language;
pub mod limits;
pub mod live;
pub mod metrics;
pub mod navigation;
pub mod page_cache;
pub mod paths;
pub mod qr;
pub mod results;
pub mod secret;
pub mod serve;
pub mod service;
pub mod site;
pub mod store;
pub mod views;

pub use application::{Application, StartError, route_table};
pub use config::{Config, Serving};
