//! Batches of score submissions as the store writes them, on the database of this pass: many
//! groups' sheets in one batch, later submissions over earlier ones, and a submission that
//! fails in the database (its area gone) failing alone.

use std::sync::Arc;

use kvadrant::{AreaId, Axis, GroupId, JoinCode, Scale, Score};
use kvadrant_server::store::{
    Actor, Engine, PostgresStore, ScoreSubmission, ScoreWrite, SqliteStore, Store, StoreError,
};
use serde_json::json;

use crate::support::{self, TestServer};

/// The store of the server's database, opened beside the server as a second instance would.
async fn store_of(server: &TestServer) -> Arc<dyn Store> {
    let url = &server.database_url;
    match Engine::of(url).expect("a database the store runs on") {
        Engine::Sqlite => Arc::new(SqliteStore::connect(url).await.unwrap()),
        Engine::Postgres => Arc::new(PostgresStore::connect(url).await.unwrap()),
    }
}

fn write(area: i64, axis: Axis, value: Option<u8>) -> ScoreWrite {
    let scale = Scale::new(1, 10).unwrap();
    ScoreWrite { area: AreaId(area), axis, score: value.map(|value| Score::parse(i64::from(value), scale).unwrap()) }
}

#[tokio::test]
async fn a_batch_writes_every_sheet_and_a_submission_the_database_refuses_fails_alone() {
    let server = support::start().await;
    let workshop = server.create_workshop("Samlet skriving").await;
    let areas: Vec<i64> = [
        server.add_id(&workshop, "/areas", json!({ "name": "Innkjøp" })).await,
        server.add_id(&workshop, "/areas", json!({ "name": "Beredskap" })).await,
    ]
    .into();
    let groups: Vec<i64> = server
        .add(&workshop, "/groups", json!({ "count": 40 }))
        .await
        .as_array()
        .unwrap()
        .iter()
        .map(|group| group["id"].as_i64().unwrap())
        .collect();
    let store = store_of(&server).await;
    let record = store.find_workshop(&JoinCode::parse(&workshop.code).unwrap()).await.unwrap().unwrap();
    let submit =
        |group: i64, writes| ScoreSubmission { workshop: record.id, actor: Actor::Group(GroupId(group)), writes };

    let mut batch: Vec<ScoreSubmission> = groups
        .iter()
        .map(|&group| {
            submit(group, vec![write(areas[0], Axis::Potential, Some(3)), write(areas[1], Axis::Feasibility, Some(8))])
        })
        .collect();
    // The first group changes its mind within the batch, and one submission names an area
    // that is not there: the database refuses it.
    batch.push(submit(
        groups[0],
        vec![write(areas[0], Axis::Potential, Some(9)), write(areas[1], Axis::Feasibility, None)],
    ));
    batch.push(submit(groups[1], vec![write(i64::MAX, Axis::Potential, Some(5))]));
    let outcomes = store.put_scores(&batch).await.unwrap();

    let refused = outcomes.len() - 1;
    assert!(matches!(outcomes[refused], Err(StoreError::Conflict)), "{:?}", outcomes[refused]);
    let versions: Vec<i64> = outcomes[..refused].iter().map(|outcome| *outcome.as_ref().unwrap()).collect();
    assert!(versions.iter().all(|&version| version > record.version), "{versions:?} after {}", record.version);

    let cells = store.cells(record.id, record.settings.scale).await.unwrap();
    let value = |group: i64, area: i64, axis: Axis| {
        cells
            .iter()
            .find(|c| c.group == GroupId(group) && c.area == AreaId(area) && c.axis == axis)
            .map(|c| c.score.value())
    };
    assert_eq!(value(groups[0], areas[0], Axis::Potential), Some(9));
    assert_eq!(value(groups[0], areas[1], Axis::Feasibility), None);
    for &group in &groups[1..] {
        assert_eq!(value(group, areas[0], Axis::Potential), Some(3));
        assert_eq!(value(group, areas[1], Axis::Feasibility), Some(8));
    }
    assert_eq!(cells.len(), 2 * groups.len() - 1);

    // Every change logged once, in the order it was made.
    let log = store.changes(record.id, None, None).await.unwrap();
    let scored: Vec<_> = log.iter().filter(|line| line.action.starts_with("score_")).collect();
    assert_eq!(scored.len(), 2 * groups.len() + 2);
    let last = &scored[scored.len() - 2..];
    assert_eq!(
        (last[0].action.as_str(), last[0].old.as_deref(), last[0].new.as_deref()),
        ("score_set", Some("3"), Some("9"))
    );
    assert_eq!(
        (last[1].action.as_str(), last[1].old.as_deref(), last[1].new.as_deref()),
        ("score_cleared", Some("8"), None)
    );
    assert_eq!(last[0].group_name.as_deref(), server_group_name(&server, &workshop, groups[0]).await.as_deref());
}

async fn server_group_name(server: &TestServer, workshop: &support::Workshop, group: i64) -> Option<String> {
    let view = server
        .facilitate(workshop, reqwest::Method::GET, "", json!(null))
        .await
        .json::<serde_json::Value>()
        .await
        .unwrap();
    view["groups"].as_array()?.iter().find(|g| g["id"] == group).and_then(|g| g["name"].as_str()).map(str::to_owned)
}
