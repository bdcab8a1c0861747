//! Nothing acknowledged is lost: the server killed outright (SIGKILL) while groups are scoring
//! keeps, after a restart on the same database, every score it answered with a version.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use nix::sys::signal::{Signal, kill};
use nix::unistd::Pid;
use reqwest::{Client, StatusCode};
use serde_json::{Value, json};

use super::serving::spawn_on;
use crate::support::{self, TestDir};

/// Groups writing at once, each on its own sheet.
const WRITERS: usize = 8;
/// Areas each group has cells in: enough that no writer runs out before the kill.
const AREAS: usize = 60;
/// Acknowledged cells after which the server is killed: a quarter of all, so the writers are mid-way
/// however fast the machine.
const KILL_AFTER: usize = WRITERS * AREAS * 2 / 4;

/// One acknowledged cell: (group, area, axis) → value.
type Acknowledged = Arc<Mutex<HashMap<(i64, i64, &'static str), i64>>>;

#[tokio::test]
async fn a_killed_server_keeps_every_acknowledged_score() {
    let dir = TestDir::new();
    let database_url = support::fresh_database(&dir.0).await;
    let (mut server, base, _) = spawn_on(&database_url, "info").await;
    let client = Client::new();
    let setup = json!({
        "kvadrant_setup": 1,
        "title": "Strømbrudd",
        "areas": (1..=AREAS).map(|n| json!({ "name": format!("Område {n}") })).collect::<Vec<_>>(),
        "groups": (1..=WRITERS).map(|n| json!({ "name": format!("Gruppe {n}") })).collect::<Vec<_>>(),
    });
    let created = client.post(format!("{base}/api/v1/workshops/import")).json(&setup).send().await.unwrap();
    let created: Value = created.json().await.unwrap();
    let (code, secret) = (created["code"].as_str().unwrap().to_owned(), created["secret"].as_str().unwrap().to_owned());
    let open = client.put(format!("{base}/api/v1/workshops/{code}/scoring")).bearer_auth(&secret);
    assert_eq!(open.json(&json!({ "open": true })).send().await.unwrap().status(), StatusCode::OK);
    let workshop: Value =
        client.get(format!("{base}/api/v1/workshops/{code}")).send().await.unwrap().json().await.unwrap();
    let ids = |list: &str| -> Vec<i64> {
        workshop[list].as_array().unwrap().iter().map(|i| i["id"].as_i64().unwrap()).collect()
    };
    let (groups, areas) = (ids("groups"), ids("areas"));

    let acknowledged: Acknowledged = Arc::default();
    let mut writers = Vec::new();
    for (index, &group) in groups.iter().enumerate() {
        let joined = client.post(format!("{base}/api/v1/workshops/{code}/groups/{group}/join")).send().await.unwrap();
        let key = joined.json::<Value>().await.unwrap()["key"].as_str().unwrap().to_owned();
        let (client, base, code, areas, acknowledged) =
            (client.clone(), base.clone(), code.clone(), areas.clone(), acknowledged.clone());
        writers.push(tokio::spawn(async move {
            // Every cell once, so that each acknowledged value is the one the cell must hold.
            for (n, (&area, axis)) in
                areas.iter().flat_map(|area| [(area, "potential"), (area, "feasibility")]).enumerate()
            {
                let value = ((n + index) % 10 + 1) as i64;
                let body = json!({ "scores": [{ "area_id": area, "axis": axis, "value": value }] });
                let url = format!("{base}/api/v1/workshops/{code}/groups/{group}/scores");
                let Ok(response) = client.put(url).bearer_auth(&key).json(&body).send().await else { return };
                if response.status() == StatusCode::OK
                    && response.json::<Value>().await.is_ok_and(|saved| saved["version"].is_i64())
                {
                    acknowledged.lock().unwrap().insert((group, area, axis), value);
                }
            }
        }));
    }
    while acknowledged.lock().unwrap().len() < KILL_AFTER {
        assert!(!writers.iter().all(|w| w.is_finished()), "the writers stopped before the kill");
        tokio::time::sleep(Duration::from_millis(2)).await;
    }
    kill(Pid::from_raw(server.id().unwrap() as i32), Signal::SIGKILL).unwrap();
    server.wait().await.unwrap();
    for writer in writers {
        writer.await.unwrap();
    }
    let acknowledged = acknowledged.lock().unwrap().clone();
    assert!(acknowledged.len() > WRITERS, "the writers were writing when the server died: {}", acknowledged.len());
    assert!(acknowledged.len() < WRITERS * AREAS * 2, "the server died before they were done");

    // The same database, a new process: every acknowledged cell holds its value.
    let (_restarted, base, _) = spawn_on(&database_url, "info").await;
    for &group in &groups {
        let sheet: Value = client
            .get(format!("{base}/api/v1/workshops/{code}/groups/{group}/scores"))
            .bearer_auth(&secret)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let stored = support::cells(&sheet);
        for ((_, area, axis), value) in acknowledged.iter().filter(|((g, _, _), _)| *g == group) {
            assert_eq!(stored.get(&(*area, axis.to_string())), Some(value), "group {group}, area {area}, {axis}");
        }
    }
}
