use std::net::SocketAddr;

use clap::{ArgAction, Parser};

/// Kvadrant's settings, from flags or the environment.
#[derive(Debug, Clone, Parser)]
#[command(name = "kvadrant", about = "Score areas on potential and feasibility, live; rank them.")]
pub struct Config {
    /// Address to listen on (port 0 picks a free port).
    #[arg(long, env = "KVADRANT_ADDR", default_value = "127.0.0.1:3000")]
    pub addr: SocketAddr,
    /// Where workshops are kept. A `sqlite://` file is created and migrated on start.
    #[arg(long, env = "DATABASE_URL", default_value = "sqlite://kvadrant.db")]
    pub database_url: String,
    /// Create the illustrative demo workshop when the database is empty.
    #[arg(long, env = "KVADRANT_DEMO", default_value_t = true, action = ArgAction::Set)]
    pub demo: bool,
    /// The built site: styles, scripts and WASM (`cargo leptos build` writes `target/site`).
    #[arg(long, env = "KVADRANT_SITE_ROOT", default_value = "target/site")]
    pub site_root: String,
}
