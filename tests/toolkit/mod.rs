//! The facilitator's toolkit and the leaders' review: settings, segments, comments,
//! suggestions, the read-only link, templates and exports.

mod changes;
mod comments;
pub(crate) mod exports;
mod review;
mod segments;
mod settings;
mod suggestions;
mod template;

use reqwest::Method;
use serde_json::{Value, json};

use crate::support::{TestServer, Workshop};

/// Four groups tagged by role and municipality, one area, and scores worked out by hand:
/// Administrasjon (groups 1, 2) potential 8, 6 and feasibility 6, 4; Folkevalgte (groups 3, 4)
/// potential 3, 5 and feasibility 9, 7. Returns the workshop, the area and the groups.
pub async fn tagged_workshop(server: &TestServer) -> (Workshop, i64, Vec<i64>) {
    let workshop = server.create_workshop("Segmenter").await;
    let area = server.add_id(&workshop, "/areas", json!({ "name": "Jordmortjeneste" })).await;
    let created = server.add(&workshop, "/groups", json!({ "count": 4 })).await;
    let groups: Vec<i64> = created.as_array().unwrap().iter().map(|g| g["id"].as_i64().unwrap()).collect();
    let tags = [
        ("Administrasjon", "Lierne"),
        ("Administrasjon", "Snåsa"),
        ("Folkevalgte", "Lierne"),
        ("Folkevalgte", "Snåsa"),
    ];
    for ((group, (role, municipality)), n) in groups.iter().zip(tags).zip(1..) {
        let body = json!({ "name": format!("Gruppe {n}"), "tags": [
            { "dimension": "Rolle", "value": role }, { "dimension": "Kommune", "value": municipality }
        ]});
        let response = server.facilitate(&workshop, Method::PUT, &format!("/groups/{group}"), body).await;
        assert_eq!(response.status(), 200);
    }
    for (group, (p, f)) in groups.iter().zip([(8, 6), (6, 4), (3, 9), (5, 7)]) {
        let scores = json!([
            { "area_id": area, "axis": "potential", "value": p },
            { "area_id": area, "axis": "feasibility", "value": f },
        ]);
        server.score(&workshop.code, *group, scores).await;
    }
    (workshop, area, groups)
}

/// The workshop as the API shows it.
pub async fn workshop_json(server: &TestServer, workshop: &Workshop) -> Value {
    server.get_json(&format!("/api/v1/workshops/{}", workshop.code)).await
}
