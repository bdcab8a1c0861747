//! The database Kvadrant runs on during a bench: a fresh one each run, removed afterwards.

use sqlx::{Connection, PgConnection};

use crate::cli::DatabaseKind;
use crate::failure::Failure;
use crate::workdir::WorkDir;

pub enum Database {
    /// Lives in the work directory, which goes with it.
    Sqlite {
        url: String,
    },
    Postgres {
        admin_url: String,
        name: String,
        url: String,
    },
}

impl Database {
    pub async fn provision(kind: DatabaseKind, postgres_url: &str, workdir: &WorkDir) -> Result<Database, Failure> {
        match kind {
            DatabaseKind::Sqlite => {
                Ok(Database::Sqlite { url: format!("sqlite://{}", workdir.path().join("bench.db").display()) })
            }
            DatabaseKind::Postgres => {
                let name = format!("kvadrant_bench_{}", std::process::id());
                let url = with_database(postgres_url, &name)?;
                let mut connection = PgConnection::connect(postgres_url).await?;
                // A run killed before it could clean up may have left one with this name.
                sqlx::raw_sql(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)")).execute(&mut connection).await?;
                sqlx::raw_sql(&format!("CREATE DATABASE {name}")).execute(&mut connection).await?;
                connection.close().await?;
                Ok(Database::Postgres { admin_url: postgres_url.to_owned(), name, url })
            }
        }
    }

    pub fn url(&self) -> &str {
        match self {
            Database::Sqlite { url } | Database::Postgres { url, .. } => url,
        }
    }

    pub async fn release(self) -> Result<(), Failure> {
        if let Database::Postgres { admin_url, name, .. } = self {
            let mut connection = PgConnection::connect(&admin_url).await?;
            sqlx::raw_sql(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)")).execute(&mut connection).await?;
            connection.close().await?;
        }
        Ok(())
    }
}

/// `url` with its database name replaced by `name`, the rest (credentials, host, options) kept.
fn with_database(url: &str, name: &str) -> Result<String, Failure> {
    let authority_start =
        url.find("://").map(|at| at + 3).ok_or_else(|| Failure::setup(format!("not a PostgreSQL URL: {url}")))?;
    let query_start = url.find('?').unwrap_or(url.len());
    let path_start = url[authority_start..query_start].find('/').map_or(query_start, |at| authority_start + at);
    Ok(format!("{}/{name}{}", &url[..path_start], &url[query_start..]))
}

#[cfg(test)]
mod tests {
    use super::with_database;

    #[test]
    fn replaces_only_the_database_name() {
        let replace = |url| with_database(url, "fresh").unwrap();
        assert_eq!(replace("postgres://127.0.0.1:5432/test"), "postgres://127.0.0.1:5432/fresh");
        assert_eq!(replace("postgres://u:p@db/test?sslmode=disable"), "postgres://u:p@db/fresh?sslmode=disable");
        assert_eq!(replace("postgresql://localhost"), "postgresql://localhost/fresh");
        assert!(with_database("localhost/test", "fresh").is_err());
    }
}
