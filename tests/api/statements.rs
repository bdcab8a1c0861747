//! Every statement the store runs, prepared against the database this pass tests (SQLite, or
//! PostgreSQL given `KVADRANT_TEST_POSTGRES`): a misspelt column, or SQL the database does not
//! accept, fails here rather than on the first request that needs it.

use crate::support;

#[tokio::test]
async fn every_statement_the_store_runs_prepares_on_its_database() {
    let server = support::start().await;
    let engine = kvadrant_server::store::Engine::of(&server.database_url).expect("a database the store runs on");
    let statements = engine.statements();
    assert!(statements.len() > 60, "the list names every statement, {} are too few", statements.len());
    let failures = server.prepare_each(&statements).await;
    assert!(failures.is_empty(), "statements the database refuses:\n{}", failures.join("\n"));
}
