//! The matrix as PNG costs about a second of CPU for a large workshop: it is drawn once per
//! picture, however many ask at the same time, and drawn anew when the workshop changes.

use futures_util::future::join_all;
use reqwest::StatusCode;
use serde_json::json;

use crate::support;

#[tokio::test]
async fn many_asking_for_the_same_png_get_the_same_picture_and_a_change_draws_a_new_one() {
    let server = support::start().await;
    let (workshop, area, group) = server.scorable_workshop("Bilde").await;
    let code = &workshop.code;
    server
        .score(
            code,
            group,
            json!([{ "area_id": area, "axis": "potential", "value": 8 },
        { "area_id": area, "axis": "feasibility", "value": 3 }]),
        )
        .await;
    let path = format!("/api/v1/workshops/{code}/matrix.png");
    let fetch = || async {
        let response = server.client.get(server.url(&path)).send().await.unwrap();
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(response.headers()["content-type"], "image/png");
        response.bytes().await.unwrap()
    };
    let pictures = join_all((0..40).map(|_| fetch())).await;
    assert!(pictures[0].starts_with(b"\x89PNG"));
    assert!(pictures.iter().all(|picture| *picture == pictures[0]), "every request gets the same picture");

    server.score(code, group, json!([{ "area_id": area, "axis": "potential", "value": 2 }])).await;
    let changed = fetch().await;
    assert_ne!(changed, pictures[0], "a new version is drawn anew");
    assert_eq!(fetch().await, changed);
}
