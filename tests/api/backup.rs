//! `kvadrant-server backup FILE`: a consistent copy of a SQLite database while a server writes to
//! it, holding every score acknowledged before it started; never over an existing file; and for
//! PostgreSQL, a pointer to `pg_dump`. These tests run on SQLite whatever `KVADRANT_TEST_POSTGRES`
//! says: the copy is of a file.

use std::collections::HashMap;
use std::path::Path;
use std::str::FromStr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use kvadrant_server::backup::{BackupError, backup};
use reqwest::StatusCode;
use serde_json::{Value, json};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode};
use sqlx::{ConnectOptions, Connection, SqliteConnection};

use crate::support::{self, TestDir};

/// Groups scoring at once, each on its own sheet.
const WRITERS: usize = 4;
/// Areas each group scores: enough that the writers are still at it when the last copy is taken.
const AREAS: usize = 40;
/// Every cell of every sheet, each written once.
const CELLS: usize = WRITERS * AREAS * 2;

/// A cell of a sheet: (group, area, axis).
type Cell = (i64, i64, String);

#[tokio::test(flavor = "multi_thread")]
async fn a_backup_taken_while_groups_score_holds_every_score_acknowledged_before_it() {
    let server = support::start_sqlite(None).await;
    let workshop = server.create_workshop("Sikkerhetskopi").await;
    let names: Vec<String> = (1..=AREAS).map(|n| format!("Område {n}")).collect();
    let areas = server.add_areas(&workshop, &names.iter().map(String::as_str).collect::<Vec<_>>()).await;
    let added = server.add(&workshop, "/groups", json!({ "count": WRITERS })).await;
    let groups: Vec<i64> = added.as_array().unwrap().iter().map(|group| group["id"].as_i64().unwrap()).collect();

    // What each cell is written with, once: a value in the backup is this one or missing.
    let mut planned: HashMap<Cell, i64> = HashMap::new();
    let acknowledged: Arc<Mutex<HashMap<Cell, i64>>> = Arc::default();
    let mut writers = Vec::new();
    for (index, &group) in groups.iter().enumerate() {
        let cells: Vec<(i64, &str, i64)> = areas
            .iter()
            .flat_map(|&area| [(area, "potential"), (area, "feasibility")])
            .enumerate()
            .map(|(n, (area, axis))| (area, axis, ((n + index) % 10 + 1) as i64))
            .collect();
        planned.extend(cells.iter().map(|&(area, axis, value)| ((group, area, axis.to_owned()), value)));
        let key = server.group_key(&workshop.code, group).await;
        let url = server.url(&format!("/api/v1/workshops/{}/groups/{group}/scores", workshop.code));
        let (client, acknowledged) = (server.client.clone(), acknowledged.clone());
        writers.push(tokio::spawn(async move {
            for (area, axis, value) in cells {
                let body = json!({ "scores": [{ "area_id": area, "axis": axis, "value": value }] });
                let response = client.put(&url).bearer_auth(&key).json(&body).send().await.unwrap();
                assert_eq!(response.status(), StatusCode::OK);
                assert!(response.json::<Value>().await.unwrap()["version"].is_i64(), "acknowledged with a version");
                acknowledged.lock().unwrap().insert((group, area, axis.to_owned()), value);
            }
        }));
    }

    // Three copies as the sheets fill, each checked against what was acknowledged before it.
    let dir = TestDir::new();
    let mut copies = Vec::new();
    for (n, after) in [CELLS / 8, CELLS / 4, CELLS / 2].into_iter().enumerate() {
        while acknowledged.lock().unwrap().len() < after {
            assert!(!writers.iter().any(|writer| writer.is_finished()), "a writer stopped before the backups");
            tokio::time::sleep(Duration::from_millis(2)).await;
        }
        let before = acknowledged.lock().unwrap().clone();
        assert!(before.len() < CELLS, "the groups are still scoring when the backup starts");
        let target = dir.0.join(format!("kvadrant-{n}.db"));
        let size = backup(&server.database_url, &target).await.expect("the backup succeeds");
        assert_eq!(size, std::fs::metadata(&target).unwrap().len(), "the size answered is the file's");
        copies.push((target, before));
    }
    for writer in writers {
        writer.await.unwrap();
    }

    for (target, before) in &copies {
        let mut copy = open_read_only(target).await;
        let integrity: String = sqlx::query_scalar("PRAGMA integrity_check").fetch_one(&mut copy).await.unwrap();
        assert_eq!(integrity, "ok", "{}", target.display());
        let (id, title): (i64, String) = sqlx::query_as("SELECT id, title FROM workshops WHERE code = ?")
            .bind(&workshop.code)
            .fetch_one(&mut copy)
            .await
            .expect("the workshop is in the copy");
        assert_eq!(title, "Sikkerhetskopi");
        let copied_areas: Vec<String> = sqlx::query_scalar("SELECT name FROM areas WHERE workshop_id = ? ORDER BY id")
            .bind(id)
            .fetch_all(&mut copy)
            .await
            .unwrap();
        assert_eq!(copied_areas, names);
        let copied_groups: Vec<i64> = sqlx::query_scalar("SELECT id FROM groups WHERE workshop_id = ? ORDER BY id")
            .bind(id)
            .fetch_all(&mut copy)
            .await
            .unwrap();
        assert_eq!(copied_groups, groups);
        let scores: Vec<(i64, i64, String, i64)> = sqlx::query_as(
            "SELECT s.group_id, s.area_id, s.axis, s.value FROM scores s \
             JOIN groups g ON g.id = s.group_id WHERE g.workshop_id = ?",
        )
        .bind(id)
        .fetch_all(&mut copy)
        .await
        .unwrap();
        let stored: HashMap<Cell, i64> =
            scores.into_iter().map(|(group, area, axis, value)| ((group, area, axis), value)).collect();
        assert!(
            stored.len() >= before.len(),
            "{}: {} scores, {} acknowledged before the backup",
            target.display(),
            stored.len(),
            before.len()
        );
        for (cell, value) in before {
            assert_eq!(stored.get(cell), Some(value), "{}: acknowledged {cell:?}", target.display());
        }
        for (cell, value) in &stored {
            assert_eq!(planned.get(cell), Some(value), "{}: {cell:?} holds what was written", target.display());
        }
        copy.close().await.unwrap();
    }

    // Restoring: a server started on the last copy (migrations run on start) serves what it holds.
    let (target, before) = copies.last().unwrap();
    let restored = support::start_sqlite(Some(target)).await;
    let served = restored.get_json(&format!("/api/v1/workshops/{}", workshop.code)).await;
    assert_eq!(served["title"], "Sikkerhetskopi");
    let served_areas: Vec<&str> =
        served["areas"].as_array().unwrap().iter().map(|area| area["name"].as_str().unwrap()).collect();
    assert_eq!(served_areas, names);
    assert_eq!(served["groups"].as_array().unwrap().len(), WRITERS);
    for &group in &groups {
        let path = format!("/api/v1/workshops/{}/groups/{group}/scores", workshop.code);
        let response = restored.get_as(&workshop.secret, &path).await;
        assert_eq!(response.status(), StatusCode::OK);
        let sheet: Value = response.json().await.unwrap();
        let sheet = support::cells(&sheet);
        for ((_, area, axis), value) in before.iter().filter(|((g, _, _), _)| *g == group) {
            assert_eq!(sheet.get(&(*area, axis.clone())), Some(value), "restored: group {group}, area {area}, {axis}");
        }
    }
}

#[tokio::test]
async fn a_backup_never_overwrites_a_file() {
    let server = support::start_sqlite(None).await;
    server.scorable_workshop("Ikke overskriv").await;
    let dir = TestDir::new();
    let kept = dir.0.join("kvadrant-last-week.db");
    std::fs::write(&kept, b"last week's backup").unwrap();
    // An empty file too, which VACUUM INTO on its own would fill.
    let empty = dir.0.join("empty.db");
    std::fs::write(&empty, b"").unwrap();

    for (target, contents) in [(&kept, &b"last week's backup"[..]), (&empty, &b""[..])] {
        let error = backup(&server.database_url, target).await.expect_err("an existing file is refused");
        assert!(matches!(&error, BackupError::Exists(path) if path == target), "{error:?}");
        assert!(error.to_string().contains(&target.display().to_string()), "the error names the file: {error}");
        assert_eq!(std::fs::read(target).unwrap(), contents, "{} is untouched", target.display());
    }
    let mut left: Vec<String> =
        std::fs::read_dir(&dir.0).unwrap().map(|entry| entry.unwrap().file_name().into_string().unwrap()).collect();
    left.sort();
    assert_eq!(left, ["empty.db", "kvadrant-last-week.db"], "nothing else written beside them");
}

#[tokio::test]
async fn a_postgres_database_is_left_to_pg_dump() {
    let dir = TestDir::new();
    let target = dir.0.join("kvadrant.dump");
    let error = backup("postgres://kvadrant:hemmelig@127.0.0.1:5432/kvadrant", &target)
        .await
        .expect_err("PostgreSQL is not copied");
    assert!(matches!(error, BackupError::Postgres), "{error:?}");
    let message = error.to_string();
    assert!(message.contains("pg_dump") && message.contains("docs/OPERATIONS.md"), "{message}");
    assert!(!message.contains("hemmelig"), "the URL's password is not repeated: {message}");
    assert!(!target.exists());
}

#[tokio::test]
async fn a_database_no_server_has_open_is_copied_unchanged_and_a_missing_one_is_not_made() {
    let dir = TestDir::new();
    let source = dir.0.join("stopped.db");
    let url = format!("sqlite://{}", source.display());
    let mut connection = SqliteConnectOptions::from_str(&url)
        .unwrap()
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Wal)
        .connect()
        .await
        .unwrap();
    sqlx::query("CREATE TABLE kept (n INTEGER NOT NULL)").execute(&mut connection).await.unwrap();
    sqlx::query("INSERT INTO kept (n) VALUES (1), (2), (3)").execute(&mut connection).await.unwrap();
    connection.close().await.unwrap();
    let original = std::fs::read(&source).unwrap();

    let target = dir.0.join("copy.db");
    let size = backup(&url, &target).await.expect("the backup succeeds");
    assert_eq!(size, std::fs::metadata(&target).unwrap().len());
    assert_eq!(std::fs::read(&source).unwrap(), original, "the database is only read");
    let mut copy = open_read_only(&target).await;
    let integrity: String = sqlx::query_scalar("PRAGMA integrity_check").fetch_one(&mut copy).await.unwrap();
    assert_eq!(integrity, "ok");
    let sum: i64 = sqlx::query_scalar("SELECT sum(n) FROM kept").fetch_one(&mut copy).await.unwrap();
    assert_eq!(sum, 6);
    copy.close().await.unwrap();

    let missing = dir.0.join("missing.db");
    let error = backup(&format!("sqlite://{}", missing.display()), &dir.0.join("copy-of-nothing.db"))
        .await
        .expect_err("no database, no copy");
    assert!(matches!(error, BackupError::NoDatabase(_)), "{error:?}");
    assert!(error.to_string().contains(&missing.display().to_string()), "{error}");
    assert!(!missing.exists(), "the missing database is not created");
    assert!(!dir.0.join("copy-of-nothing.db").exists());
}

#[tokio::test(flavor = "multi_thread")]
async fn the_backup_command_copies_a_running_server_s_database() {
    let server = support::start_sqlite(None).await;
    let (workshop, area, group) = server.scorable_workshop("Kommandolinje").await;
    server.score(&workshop.code, group, json!([{ "area_id": area, "axis": "potential", "value": 7 }])).await;
    let dir = TestDir::new();
    let target = dir.0.join("kvadrant-backup.db");
    let named = target.to_str().unwrap();

    // DATABASE_URL, as the server reads it.
    let output = support::run_binary(&["backup", named], &server.database_url).await;
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let size = std::fs::metadata(&target).expect("the copy is written").len();
    let said = String::from_utf8(output.stdout).unwrap();
    assert_eq!(said.lines().count(), 1, "one line: {said}");
    assert!(said.contains(named) && said.contains(&size.to_string()), "names the file and its size: {said}");
    let mut copy = open_read_only(&target).await;
    let integrity: String = sqlx::query_scalar("PRAGMA integrity_check").fetch_one(&mut copy).await.unwrap();
    assert_eq!(integrity, "ok");
    let value: i64 = sqlx::query_scalar(
        "SELECT s.value FROM scores s JOIN groups g ON g.id = s.group_id \
         JOIN workshops w ON w.id = g.workshop_id WHERE w.code = ? AND s.area_id = ? AND s.axis = 'potential'",
    )
    .bind(&workshop.code)
    .bind(area)
    .fetch_one(&mut copy)
    .await
    .expect("the score is in the copy");
    assert_eq!(value, 7);
    copy.close().await.unwrap();

    // Again onto the same file, the URL given before the command: refused, the file untouched.
    let written = std::fs::read(&target).unwrap();
    let again =
        support::run_binary(&["--database-url", &server.database_url, "backup", named], "sqlite://elsewhere.db").await;
    assert!(!again.status.success());
    let complaint = String::from_utf8_lossy(&again.stderr);
    assert!(complaint.contains(named) && complaint.contains("already exists"), "{complaint}");
    assert_eq!(std::fs::read(&target).unwrap(), written);

    // PostgreSQL, the URL given after the command: pg_dump's job.
    let dump = dir.0.join("kvadrant.dump");
    let postgres = support::run_binary(
        &["backup", "--database-url", "postgres://127.0.0.1:5432/kvadrant", dump.to_str().unwrap()],
        &server.database_url,
    )
    .await;
    assert!(!postgres.status.success());
    let complaint = String::from_utf8_lossy(&postgres.stderr);
    assert!(complaint.contains("pg_dump"), "{complaint}");
    assert!(!dump.exists());
}

async fn open_read_only(path: &Path) -> SqliteConnection {
    SqliteConnectOptions::new().filename(path).read_only(true).connect().await.expect("the copy opens")
}
