//! How sure the ranking is, as the API gives it, against figures computed here independently.

use serde_json::{Value, json};

use crate::support;

/// Five groups' (potential, feasibility) for three areas.
const SCORES: [[(i64, i64); 3]; 5] = [
    [(9, 8), (5, 5), (1, 6)],
    [(8, 8), (6, 4), (10, 6)],
    [(9, 7), (5, 6), (2, 5)],
    [(10, 9), (4, 5), (9, 6)],
    [(8, 9), (6, 5), (1, 7)],
];

/// Kendall's W on potential, with mid-ranks for ties, written out from its definition.
fn kendalls_w(potential: &[Vec<f64>]) -> f64 {
    let (m, n) = (potential.len() as f64, potential[0].len());
    let mut sums = vec![0.0; n];
    let mut ties = 0.0;
    for row in potential {
        for (i, &value) in row.iter().enumerate() {
            let above = row.iter().filter(|&&v| v > value).count() as f64;
            let equal = row.iter().filter(|&&v| v == value).count() as f64;
            sums[i] += above + (equal + 1.0) / 2.0;
        }
        let mut seen: Vec<f64> = Vec::new();
        for &value in row {
            if !seen.contains(&value) {
                seen.push(value);
                let t = row.iter().filter(|&&v| v == value).count() as f64;
                ties += t * t * t - t;
            }
        }
    }
    let n = n as f64;
    let mean = m * (n + 1.0) / 2.0;
    let s: f64 = sums.iter().map(|r| (r - mean).powi(2)).sum();
    12.0 * s / (m * m * (n * n * n - n) - m * ties)
}

#[tokio::test]
async fn spread_dissent_bands_and_agreement_match_an_independent_computation() {
    let server = support::start().await;
    let workshop = server.create_workshop("Hvor sikker").await;
    let areas = server.add_areas(&workshop, &["Legevakt", "Innkjøp", "Reiseliv"]).await;
    let groups = server.add(&workshop, "/groups", json!({ "count": SCORES.len() })).await;
    server.score_sheets(&workshop, &areas, &groups, SCORES.iter().map(|s| &s[..])).await;
    let path = format!("/api/v1/workshops/{}/results", workshop.code);
    // The distribution as counts along the scale.
    let results = server.get_json(&path).await;
    for row in results["ranked"].as_array().unwrap() {
        let index = areas.iter().position(|a| *a == row["area_id"]).unwrap();
        let counts: Vec<u64> =
            (1..=10).map(|v| SCORES.iter().filter(|sheet| sheet[index].0 == v).count() as u64).collect();
        assert_eq!(row["certainty"]["potential_counts"], json!(counts));
    }

    for row in results["ranked"].as_array().unwrap() {
        let index = areas.iter().position(|a| *a == row["area_id"]).unwrap();
        let mut potential: Vec<i64> = SCORES.iter().map(|sheet| sheet[index].0).collect();
        let certainty = &row["certainty"];
        // Who gave what, in the groups' order.
        let given: Vec<(i64, i64)> = certainty["scores"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| (s["potential"].as_i64().unwrap(), s["feasibility"].as_i64().unwrap()))
            .collect();
        assert_eq!(given, SCORES.iter().map(|sheet| sheet[index]).collect::<Vec<_>>());
        let group_ids: Vec<&Value> = certainty["scores"].as_array().unwrap().iter().map(|s| &s["group_id"]).collect();
        assert_eq!(group_ids, groups.as_array().unwrap().iter().map(|g| &g["id"]).collect::<Vec<_>>());
        potential.sort();
        let middle = potential[potential.len() / 2] as f64;
        assert_eq!(row["potential"]["median"].as_f64().unwrap(), middle, "five groups: the third value");
        // Normalised SD: the sample SD over the scale's range (9).
        let mean = potential.iter().sum::<i64>() as f64 / 5.0;
        let sd = (potential.iter().map(|&v| (v as f64 - mean).powi(2)).sum::<f64>() / 4.0).sqrt();
        let spread = certainty["potential_spread"].as_f64().unwrap();
        assert!((spread - sd / 9.0).abs() < 1e-9, "{spread} against {}", sd / 9.0);
        let flagged = certainty["dissent"].as_array().unwrap().contains(&json!("potential"));
        assert_eq!(flagged, sd / 9.0 > 0.3, "{}", row["area"]);
        let band = &certainty["band"];
        let rank = row["rank"].as_u64().unwrap();
        assert!(band["best"].as_u64().unwrap() <= rank && rank <= band["worst"].as_u64().unwrap(), "{band}");
        let shares: Vec<u64> = band["top"].as_array().unwrap().iter().map(|t| t["k"].as_u64().unwrap()).collect();
        assert_eq!(shares, [3, 5]);
        // Against the top 3: the whole band above the cut, across it, or below it.
        let (best, worst) = (band["best"].as_u64().unwrap(), band["worst"].as_u64().unwrap());
        let place = if worst <= 3 {
            "clearly_ahead"
        } else if best > 3 {
            "clearly_behind"
        } else {
            "uncertain"
        };
        assert_eq!(band["top"][0]["place"], place);
    }
    // Reiseliv: 1, 10, 2, 9, 1 on potential, the groups split.
    let reiseliv = results["ranked"].as_array().unwrap().iter().find(|r| r["area"] == "Reiseliv").unwrap();
    assert_eq!(reiseliv["certainty"]["dissent"], json!(["potential"]));

    let by_group: Vec<Vec<f64>> = SCORES.iter().map(|sheet| sheet.iter().map(|&(p, _)| p as f64).collect()).collect();
    let w = results["agreement"]["potential"]["w"].as_f64().unwrap();
    assert!((w - kendalls_w(&by_group)).abs() < 1e-9, "{w} against {}", kendalls_w(&by_group));
    assert_eq!(results["agreement"]["potential"]["groups"], 5);

    // The same scores give the same bands, request after request.
    assert_eq!(server.get_json(&path).await["ranked"], results["ranked"]);
    let page = server.client.get(server.url(&format!("/w/{}/results", workshop.code))).send().await.unwrap();
    let page = page.text().await.unwrap();
    assert!(page.contains("Mulig plass") && page.contains("Gruppene er uenige om potensialet."), "the page shows them");
    assert!(
        page.contains("Hver gruppe") && page.contains("5 grupper, snitt"),
        "who gave what, and each strip's figures"
    );
    assert!(page.contains("Slik leser du resultatet"), "how to read it");

    // The workshop's own reading: a wider dissent threshold, odds of the top 2 only.
    let reading = json!({ "scale_min": 1, "scale_max": 10, "language": "nb",
        "certainty": { "dissent_percent": 50, "top_places": [2], "min_segment_groups": 2 } });
    let response = server.facilitate(&workshop, reqwest::Method::PUT, "/settings", reading).await;
    assert_eq!(response.status(), 200);
    let results = server.get_json(&path).await;
    for row in results["ranked"].as_array().unwrap() {
        let index = areas.iter().position(|a| *a == row["area_id"]).unwrap();
        let potential: Vec<f64> = SCORES.iter().map(|sheet| sheet[index].0 as f64).collect();
        let mean = potential.iter().sum::<f64>() / 5.0;
        let sd = (potential.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / 4.0).sqrt();
        let flagged = row["certainty"]["dissent"].as_array().unwrap().contains(&json!("potential"));
        assert_eq!(flagged, sd / 9.0 > 0.5, "{}", row["area"]);
        let ks: Vec<u64> =
            row["certainty"]["band"]["top"].as_array().unwrap().iter().map(|t| t["k"].as_u64().unwrap()).collect();
        assert_eq!(ks, [2]);
    }
}

/// The normalised view takes each group's own level out: here group 1 rates high and scored
/// only the first two areas, which lifts them in the official ranking and not in this one.
#[tokio::test]
async fn the_normalised_view_ranks_without_each_groups_level_beside_the_official_place() {
    let server = support::start().await;
    let workshop = server.create_workshop("Eget nivå").await;
    let areas = server.add_areas(&workshop, &["Legevakt", "Innkjøp", "Reiseliv"]).await;
    let groups = server.add(&workshop, "/groups", json!({ "count": 3 })).await;
    let sheets: [&[(i64, i64)]; 3] = [&[(10, 8), (10, 8)], &[(7, 5), (4, 5), (7, 5)], &[(7, 5), (4, 5), (7, 5)]];
    server.score_sheets(&workshop, &areas, &groups, sheets.iter().map(|s| &s[..])).await;
    let path = format!("/api/v1/workshops/{}/results", workshop.code);
    let official = server.get_json(&path).await;
    let order = |results: &Value| -> Vec<(String, u64, Option<u64>)> {
        results["ranked"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| (r["area"].as_str().unwrap().to_owned(), r["rank"].as_u64().unwrap(), r["official_rank"].as_u64()))
            .collect()
    };
    assert_eq!(official["view"], "official");
    assert_eq!(
        order(&official),
        [("Legevakt".into(), 1, None), ("Innkjøp".into(), 2, None), ("Reiseliv".into(), 3, None)]
    );

    let normalised = server.get_json(&format!("{path}?view=normalised")).await;
    assert_eq!(normalised["view"], "normalised");
    assert_eq!(
        order(&normalised),
        [("Reiseliv".into(), 1, Some(3)), ("Legevakt".into(), 2, Some(1)), ("Innkjøp".into(), 3, Some(2))]
    );
    // Levels on potential: group 1 10, the others 6, all scores 7 on average. Reiseliv: 1 above
    // both levels; feasibility 5.75 for every area, as every group gave its own level.
    let first = &normalised["ranked"][0];
    assert!((first["potential"]["mean"].as_f64().unwrap() - 8.0).abs() < 1e-9);
    assert!((first["combined"].as_f64().unwrap() - 46.0).abs() < 1e-9);

    let response = server.client.get(server.url(&format!("{path}?view=flat"))).send().await.unwrap();
    assert_eq!(response.status(), 422);
    let body: Value = response.json().await.unwrap();
    assert_eq!((body["field"].as_str(), body["rule"]["expected"].as_str()), (Some("view"), Some("results_view")));

    let page = server.client.get(server.url(&format!("/w/{}/results?view=normalised", workshop.code))).send().await;
    let page = page.unwrap().text().await.unwrap();
    assert!(page.contains("ikke et resultat i seg selv"), "the page says what it is: {page}");
    assert!(page.contains("class=\"official\""), "with the official place");
}

/// A workshop may bring scores together by their median: the combined score is then the
/// product of the medians, and every page and export names the method.
#[tokio::test]
async fn by_median_the_combined_score_is_the_product_of_the_medians_and_says_so() {
    let server = support::start().await;
    let workshop = server.create_workshop("Median").await;
    let areas = server.add_areas(&workshop, &["Legevakt", "Innkjøp", "Reiseliv"]).await;
    let groups = server.add(&workshop, "/groups", json!({ "count": SCORES.len() })).await;
    server.score_sheets(&workshop, &areas, &groups, SCORES.iter().map(|s| &s[..])).await;
    let settings = json!({ "scale_min": 1, "scale_max": 10, "language": "nb", "aggregate": "median" });
    assert_eq!(server.facilitate(&workshop, reqwest::Method::PUT, "/settings", settings).await.status(), 200);
    let results = server.get_json(&format!("/api/v1/workshops/{}/results", workshop.code)).await;
    assert_eq!(results["workshop"]["settings"]["aggregate"], "median");
    let median = |index: usize, axis: fn(&(i64, i64)) -> i64| {
        let mut values: Vec<i64> = SCORES.iter().map(|sheet| axis(&sheet[index])).collect();
        values.sort();
        values[2] as f64
    };
    let mut expected: Vec<(f64, u64)> =
        (0..areas.len()).map(|index| (median(index, |s| s.0) * median(index, |s| s.1), areas[index] as u64)).collect();
    expected.sort_by(|a, b| b.0.total_cmp(&a.0));
    let got: Vec<(f64, u64)> = results["ranked"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["combined"].as_f64().unwrap(), r["area_id"].as_u64().unwrap()))
        .collect();
    assert_eq!(got, expected);

    let csv = server.client.get(server.url(&format!("/api/v1/workshops/{}/results.csv", workshop.code))).send();
    let csv = csv.await.unwrap().text().await.unwrap();
    let header: Vec<&str> = csv.lines().next().unwrap().split(',').collect();
    let column = header.iter().position(|h| *h == "aggregate").unwrap();
    assert!(csv.lines().skip(1).take(3).all(|line| line.split(',').nth(column) == Some("median")), "{csv}");
    let page = server.client.get(server.url(&format!("/w/{}/results", workshop.code))).send().await.unwrap();
    assert!(page.text().await.unwrap().contains("Samlet poeng = median potensial × median gjennomførbarhet"));
}

/// Who gave what makes every live view grow with groups × areas: while scoring is open it is
/// given only in workshop-sized rooms, and always once scoring closes.
#[tokio::test]
async fn who_gave_what_waits_for_scoring_to_close_in_a_large_workshop() {
    let server = support::start().await;
    let workshop = server.create_workshop("Stor samling").await;
    let areas = server.add_areas(&workshop, &["Legevakt", "Innkjøp", "Reiseliv"]).await;
    let mut groups = Vec::new();
    for count in [100, 1] {
        let added = server.add(&workshop, "/groups", json!({ "count": count })).await;
        groups.extend(added.as_array().unwrap().iter().map(|g| g["id"].as_i64().unwrap()));
    }
    for (n, group) in groups.iter().enumerate() {
        let value = 1 + n as i64 % 10;
        let cells: Vec<Value> = areas
            .iter()
            .flat_map(|area| {
                [
                    json!({ "area_id": area, "axis": "potential", "value": value }),
                    json!({ "area_id": area, "axis": "feasibility", "value": 11 - value }),
                ]
            })
            .collect();
        server.score(&workshop.code, *group, json!(cells)).await;
    }
    // 101 groups × 3 areas: more pairs than an open workshop's views carry.
    let path = format!("/api/v1/workshops/{}/results", workshop.code);
    let open = server.get_json(&path).await;
    let first = &open["ranked"][0]["certainty"];
    assert!(first.get("scores").is_none(), "{first}");
    assert_eq!(first["potential_counts"].as_array().unwrap().iter().map(|c| c.as_u64().unwrap()).sum::<u64>(), 101);
    let closed = server.facilitate(&workshop, reqwest::Method::PUT, "/scoring", json!({ "open": false })).await;
    assert_eq!(closed.status(), 200);
    let results = server.get_json(&path).await;
    assert_eq!(results["ranked"][0]["certainty"]["scores"].as_array().unwrap().len(), 101);
}
