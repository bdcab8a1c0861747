//! Why a run could not be measured.

use std::io;

#[derive(Debug, thiserror::Error)]
pub enum Failure {
    #[error("{0}")]
    Io(#[from] io::Error),
    #[error("database: {0}")]
    Database(#[from] sqlx::Error),
    #[error("HTTP client: {0}")]
    Client(#[from] reqwest::Error),
    #[error("{0}")]
    Setup(String),
    #[error("interrupted")]
    Interrupted,
}

impl Failure {
    pub fn setup(message: impl Into<String>) -> Failure {
        Failure::Setup(message.into())
    }
}
