//! A whole workshop as in the Indre Namdal report: 9 groups score 13 areas; the results are
//! checked against means, products and ranks computed here by plain arithmetic.

use serde_json::{Value, json};

use crate::support;

const GROUPS: usize = 9;
const AREAS: usize = 13;

/// Group `g`'s scores for area `a`: varied, within 1–10, and with one exact tie in the
/// combined score (areas 3 and 4 below) to check shared ranks.
fn potential(g: usize, a: usize) -> i64 {
    match a {
        3 => 6,
        4 => 4,
        _ => 1 + ((a * 7 + g * 3) % 10) as i64,
    }
}

fn feasibility(g: usize, a: usize) -> i64 {
    match a {
        3 => 4,
        4 => 6,
        _ => 1 + ((a * 3 + g * 5 + 2) % 10) as i64,
    }
}

#[tokio::test]
async fn nine_groups_score_thirteen_areas_and_the_ranking_follows_by_hand() {
    let server = support::start().await;
    let workshop = server.create_workshop("Interkommunalt samarbeid").await;

    let health = server.add(&workshop, "/categories", json!({ "name": "Helse og velferd" })).await;
    let business = server.add(&workshop, "/categories", json!({ "name": "Næring" })).await;
    let mut areas = Vec::new();
    for a in 0..AREAS {
        let category = if a % 2 == 0 { &health["id"] } else { &business["id"] };
        let area =
            server.add(&workshop, "/areas", json!({ "name": format!("Område {a}"), "category_id": category })).await;
        areas.push(area["id"].as_i64().unwrap());
    }
    let unscored = server.add(&workshop, "/areas", json!({ "name": "Kommuneadvokat" })).await;
    let groups: Vec<i64> = server
        .add(&workshop, "/groups", json!({ "count": GROUPS }))
        .await
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["id"].as_i64().unwrap())
        .collect();
    assert_eq!(groups.len(), GROUPS);

    for (g, group) in groups.iter().enumerate() {
        let scores: Vec<Value> = areas
            .iter()
            .enumerate()
            .flat_map(|(a, area)| {
                [
                    json!({ "area_id": area, "axis": "potential", "value": potential(g, a) }),
                    json!({ "area_id": area, "axis": "feasibility", "value": feasibility(g, a) }),
                ]
            })
            .collect();
        let response = server.put_scores(&workshop.code, *group, json!(scores)).await;
        assert_eq!(response.status(), 200);
    }
    // A tenth opinion that must not count: only one axis given.
    let extra = server.add(&workshop, "/groups", json!({ "names": ["Sen gruppe"] })).await;
    let late = extra[0]["id"].as_i64().unwrap();
    let one_axis = json!([{ "area_id": areas[0], "axis": "potential", "value": 10 }]);
    assert_eq!(server.put_scores(&workshop.code, late, one_axis).await.status(), 200);

    // Expected figures, by plain arithmetic on the sums (every area has the same n = 9).
    let mut expected: Vec<(i64, i64, i64)> = (0..AREAS)
        .map(|a| {
            let p: i64 = (0..GROUPS).map(|g| potential(g, a)).sum();
            let f: i64 = (0..GROUPS).map(|g| feasibility(g, a)).sum();
            (areas[a], p, f)
        })
        .collect();
    expected.sort_by_key(|&(_, p, f)| std::cmp::Reverse((p * f, p)));

    let results = server.get_json(&format!("/api/v1/workshops/{}/results", workshop.code)).await;
    let ranked = results["ranked"].as_array().unwrap();
    assert_eq!(ranked.len(), AREAS);
    let n = GROUPS as f64;
    let (mut rank, mut previous) = (0, None);
    for (row, &(area, p, f)) in ranked.iter().zip(&expected) {
        if previous != Some(p * f) {
            rank += 1;
        }
        previous = Some(p * f);
        assert_eq!(row["area_id"].as_i64().unwrap(), area);
        assert_eq!(row["groups"], GROUPS);
        assert!((row["potential"]["mean"].as_f64().unwrap() - p as f64 / n).abs() < 1e-9);
        assert!((row["feasibility"]["mean"].as_f64().unwrap() - f as f64 / n).abs() < 1e-9);
        assert!((row["combined"].as_f64().unwrap() - (p * f) as f64 / (n * n)).abs() < 1e-9);
        assert_eq!(row["rank"], rank, "rank of area {area}");
    }

    // The tie: 6 × 4 = 4 × 6 = 24, one shared rank, higher potential first.
    let tied: Vec<&Value> = ranked.iter().filter(|row| row["combined"].as_f64() == Some(24.0)).collect();
    assert_eq!(tied.len(), 2);
    assert_eq!(tied[0]["rank"], tied[1]["rank"]);
    assert_eq!(tied[0]["area_id"].as_i64(), Some(areas[3]));

    // Hand-checked area 0: potentials 1 + (3g % 10) = 1,4,7,10,3,6,9,2,5 → 47/9;
    // feasibilities 1 + ((5g + 2) % 10) = 3,8,3,8,3,8,3,8,3 → 47/9.
    let first = ranked.iter().find(|row| row["area_id"].as_i64() == Some(areas[0])).unwrap();
    assert!((first["potential"]["mean"].as_f64().unwrap() - 47.0 / 9.0).abs() < 1e-12);
    assert!((first["feasibility"]["mean"].as_f64().unwrap() - 47.0 / 9.0).abs() < 1e-12);
    assert_eq!((first["potential"]["min"].as_i64(), first["potential"]["max"].as_i64()), (Some(1), Some(10)));
    assert_eq!(first["quadrant"], "low_potential_hard");

    assert_eq!(results["unscored"][0]["id"], unscored["id"]);

    let csv = server
        .client
        .get(server.url(&format!("/api/v1/workshops/{}/results.csv", workshop.code)))
        .send()
        .await
        .unwrap();
    assert_eq!(csv.headers()["content-type"], "text/csv; charset=utf-8");
    let csv = csv.text().await.unwrap();
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines.len(), 1 + AREAS + 1);
    assert!(lines[0].starts_with("rank,area,category,status,groups,potential_mean"));
    assert!(lines[AREAS + 1].starts_with(",Kommuneadvokat,,unscored,0,"));
}

#[tokio::test]
async fn a_cell_written_twice_keeps_the_last_value_and_null_clears_it() {
    let server = support::start().await;
    let (workshop, area, group) = server.scorable_workshop("Siste skriv vinner").await;

    for value in [3, 9] {
        let cell = json!([{ "area_id": area, "axis": "potential", "value": value }]);
        assert_eq!(server.put_scores(&workshop.code, group, cell).await.status(), 200);
    }
    let sheet = server.sheet(&workshop.code, group).await;
    assert_eq!(sheet["scores"], json!([{ "area_id": area, "axis": "potential", "value": 9 }]));

    let clear = json!([{ "area_id": area, "axis": "potential", "value": null }]);
    assert_eq!(server.put_scores(&workshop.code, group, clear).await.status(), 200);
    let sheet = server.sheet(&workshop.code, group).await;
    assert_eq!(sheet["scores"], json!([]));
}

#[tokio::test]
async fn the_demo_reproduces_the_published_ranking() {
    let server = support::start_with(true).await;
    let home = server.client.get(server.url("/")).send().await.unwrap().text().await.unwrap();
    let code =
        home.split("/w/").nth(1).and_then(|rest| rest.get(..6)).expect("the home page links the demo").to_owned();

    let published: Value = serde_json::from_str(include_str!("../../server/demo/indre-namdal-2022.json")).unwrap();
    let results = server.get_json(&format!("/api/v1/workshops/{code}/results")).await;
    assert_eq!(results["workshop"]["demo"], true);
    let ranks_and_areas = |rows: &Value| -> Vec<(i64, String)> {
        let rows = rows.as_array().unwrap();
        rows.iter().map(|r| (r["rank"].as_i64().unwrap(), r["area"].as_str().unwrap().to_owned())).collect()
    };
    assert_eq!(ranks_and_areas(&results["ranked"]), ranks_and_areas(&published["published_ranking"]));
    assert!(results["ranked"].as_array().unwrap().iter().all(|r| r["groups"] == 9));
}
