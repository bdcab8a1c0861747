use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};
use reqwest::Method;
use serde_json::{Value, json};

use super::tagged_workshop;
use crate::support::{self, TestServer, Workshop};

/// The row of column headings in every sheet (a title and a note sit above).
pub(crate) const HEADER_ROW: usize = 3;

pub(crate) async fn workbook(server: &TestServer, workshop: &Workshop, query: &str) -> Xlsx<Cursor<Vec<u8>>> {
    let path = format!("/api/v1/workshops/{}/results.xlsx{query}", workshop.code);
    let response = server.get_as(&workshop.secret, &path).await;
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["content-type"], "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    let bytes = response.bytes().await.unwrap().to_vec();
    Xlsx::new(Cursor::new(bytes)).expect("a workbook calamine reads")
}

pub(crate) fn rows(workbook: &mut Xlsx<Cursor<Vec<u8>>>, sheet: &str) -> Vec<Vec<Data>> {
    let range = workbook.worksheet_range(sheet).expect("the sheet exists");
    range.rows().map(|row| row.to_vec()).collect()
}

fn float(cell: &Data) -> f64 {
    match cell {
        Data::Float(value) => *value,
        Data::Int(value) => *value as f64,
        other => panic!("a number, not {other:?}"),
    }
}

pub(crate) fn string(cell: &Data) -> String {
    match cell {
        Data::String(text) => text.clone(),
        Data::Empty => String::new(),
        other => panic!("text, not {other:?}"),
    }
}

/// A workshop of two areas with comments and a raised suggestion, on top of the tagged one.
async fn full_workshop(server: &TestServer) -> (Workshop, Vec<i64>) {
    let (workshop, area, groups) = tagged_workshop(server).await;
    let category = server.add_id(&workshop, "/categories", json!({ "name": "Helse" })).await;
    let path = format!("/areas/{area}");
    let moved = json!({ "name": "Jordmortjeneste", "category_id": category });
    assert_eq!(server.facilitate(&workshop, Method::PUT, &path, moved).await.status(), 200);
    let second = server.add_id(&workshop, "/areas", json!({ "name": "=Innkjøp" })).await;
    for (group, (p, f)) in groups.iter().zip([(9, 9), (7, 8), (2, 3), (6, 6)]) {
        let scores = json!([
            { "area_id": second, "axis": "potential", "value": p },
            { "area_id": second, "axis": "feasibility", "value": f },
        ]);
        server.score(&workshop.code, *group, scores).await;
    }
    let comment = json!({ "rationale": "Lange avstander", "risks": "Rekruttering", "timeframe": "long" });
    let comment = server.as_group(&workshop.code, groups[2], Method::PUT, &format!("/comments/{area}"), comment).await;
    assert_eq!(comment.status(), 200);
    let suggestion = json!({ "name": "Legevakt" });
    let suggestion = server.as_group(&workshop.code, groups[0], Method::POST, "/suggestions", suggestion).await;
    let suggestion: Value = suggestion.json().await.unwrap();
    let keep = format!("/suggestions/{}/keep", suggestion["id"]);
    assert_eq!(server.facilitate(&workshop, Method::POST, &keep, json!({})).await.status(), 204);
    (workshop, groups)
}

#[tokio::test]
async fn the_workbook_read_back_matches_the_api() {
    let server = support::start().await;
    let (workshop, _) = full_workshop(&server).await;
    let results = server.get_json(&format!("/api/v1/workshops/{}/results", workshop.code)).await;
    let mut book = workbook(&server, &workshop, "").await;
    assert_eq!(
        book.sheet_names(),
        ["Rangering", "Poeng per gruppe", "Kommentarer", "Reist, ikke scoret", "Endringslogg"]
    );

    let ranking = rows(&mut book, "Rangering");
    assert_eq!(string(&ranking[0][0]), "Segmenter");
    assert_eq!(
        string(&ranking[1][0]),
        "Alle grupper (n = 4) · Samlet poeng = snitt potensial × snitt gjennomførbarhet"
    );
    assert_eq!(string(&ranking[HEADER_ROW][0]), "Plass");
    let ranked = results["ranked"].as_array().unwrap();
    assert_eq!(ranked.len(), 2);
    for (row, expected) in ranking[HEADER_ROW + 1..].iter().zip(ranked) {
        assert_eq!(float(&row[0]), expected["rank"].as_f64().unwrap());
        assert_eq!(Value::String(string(&row[1])), expected["area"]);
        assert_eq!(string(&row[2]), expected["category"].as_str().unwrap_or_default());
        assert_eq!(float(&row[3]), expected["groups"].as_f64().unwrap());
        assert_eq!(float(&row[4]), expected["potential"]["mean"].as_f64().unwrap());
        assert_eq!(float(&row[5]), expected["potential"]["sd"].as_f64().unwrap());
        assert_eq!(float(&row[8]), expected["feasibility"]["mean"].as_f64().unwrap());
        assert_eq!(float(&row[12]), expected["combined"].as_f64().unwrap());
        let band = &expected["certainty"]["band"];
        let (best, worst) = (band["best"].as_u64().unwrap(), band["worst"].as_u64().unwrap());
        let shown = if best == worst { best.to_string() } else { format!("{best}–{worst}") };
        assert_eq!(string(&row[14]), shown);
        assert_eq!(float(&row[15]), band["top"][0]["share"].as_f64().unwrap());
    }
    assert_eq!(string(&ranking[HEADER_ROW][14]), "Mulig plass (90 % av trekningene)");
    // A name that starts like a formula is a text cell, as it was written.
    assert!(ranking.iter().any(|row| row[1] == Data::String("=Innkjøp".into())));

    // Raw scores: one row per group and area, with the group's segments, as the API lists them.
    let scores = server.get_as(&workshop.secret, &format!("/api/v1/workshops/{}/scores", workshop.code)).await;
    let scores: Value = scores.json().await.unwrap();
    let raw = rows(&mut book, "Poeng per gruppe");
    let heading: Vec<String> = raw[HEADER_ROW].iter().map(string).collect();
    assert_eq!(heading, ["Gruppe", "Kommune", "Rolle", "Område", "Kategori", "Potensial", "Gjennomførbarhet"]);
    let body = &raw[HEADER_ROW + 1..];
    assert_eq!(body.len(), 8);
    for group in scores.as_array().unwrap() {
        let name = group["group"]["name"].as_str().unwrap();
        let role = group["group"]["tags"].as_array().unwrap().iter().find(|t| t["dimension"] == "Rolle").unwrap();
        for score in group["scores"].as_array().unwrap() {
            let area =
                results["workshop"]["areas"].as_array().unwrap().iter().find(|a| a["id"] == score["area_id"]).unwrap();
            let column = if score["axis"] == "potential" { 5 } else { 6 };
            let row = body
                .iter()
                .find(|row| string(&row[0]) == name && string(&row[3]) == area["name"].as_str().unwrap())
                .expect("a row per group and area");
            assert_eq!(string(&row[2]), role["value"].as_str().unwrap());
            assert_eq!(float(&row[column]), score["value"].as_f64().unwrap());
        }
    }

    let comments = rows(&mut book, "Kommentarer");
    let comment = &comments[HEADER_ROW + 1];
    let cells: Vec<String> = comment.iter().map(string).collect();
    assert_eq!(
        cells,
        ["Jordmortjeneste", "Gruppe 3", "Lierne", "Folkevalgte", "Lange avstander", "Rekruttering", "Mer enn 3 år"]
    );

    let raised = rows(&mut book, "Reist, ikke scoret");
    assert_eq!(string(&raised[HEADER_ROW + 1][0]), "Legevakt");
}

#[tokio::test]
async fn a_segments_workbook_ranks_that_segment_only() {
    let server = support::start().await;
    let (workshop, _) = full_workshop(&server).await;
    let mut book = workbook(&server, &workshop, "?segment=Rolle%3DFolkevalgte").await;
    let ranking = rows(&mut book, "Rangering");
    assert_eq!(
        string(&ranking[1][0]),
        "Utvalg: Rolle = Folkevalgte (n = 2) · Samlet poeng = snitt potensial × snitt gjennomførbarhet"
    );
    // Folkevalgte: Jordmortjeneste 4 × 8 = 32, Innkjøp (2 + 6) / 2 × (3 + 6) / 2 = 18.
    let combined: Vec<f64> = ranking[HEADER_ROW + 1..].iter().map(|row| float(&row[12])).collect();
    assert_eq!(combined, [32.0, 18.0]);
}

#[tokio::test]
async fn csv_for_norwegian_excel_uses_semicolons_decimal_commas_and_a_byte_order_mark() {
    let server = support::start().await;
    let (workshop, _) = full_workshop(&server).await;
    let path = format!("/api/v1/workshops/{}/results.csv?dialect=excel-no", workshop.code);
    let response = server.client.get(server.url(&path)).send().await.unwrap();
    assert_eq!(response.status(), 200);
    assert!(response.headers()["content-disposition"].to_str().unwrap().contains("-excel.csv"));
    let bytes = response.bytes().await.unwrap();
    assert_eq!(&bytes[..3], b"\xEF\xBB\xBF");
    let text = std::str::from_utf8(&bytes[3..]).unwrap();
    let first = text.lines().nth(1).unwrap();
    // Innkjøp: (9 + 7 + 2 + 6) / 4 = 6 and (9 + 8 + 3 + 6) / 4 = 6.5, combined 39.
    assert!(first.starts_with("1;'=Innkjøp;;ranked;4;6,000;"), "{first}");
    assert!(first.contains(";39,000;"), "{first}");
    let header = text.lines().next().unwrap();
    assert!(header.contains(";rank_best;rank_worst;top3_share;top5_share;dissent;comments"), "{header}");
    assert!(text.contains(";Legevakt;;raised;"));

    let bad = server.client.get(server.url(&format!("/api/v1/workshops/{}/results.csv?dialect=tsv", workshop.code)));
    let bad = bad.send().await.unwrap();
    assert_eq!(bad.status(), 422);
    assert_eq!(bad.json::<Value>().await.unwrap()["field"], "dialect");
}

#[tokio::test]
async fn the_matrix_downloads_as_svg_and_print_resolution_png() {
    let server = support::start().await;
    let (workshop, _) = full_workshop(&server).await;
    let svg = server.client.get(server.url(&format!("/api/v1/workshops/{}/matrix.svg", workshop.code))).send();
    let svg = svg.await.unwrap();
    assert_eq!(svg.headers()["content-type"], "image/svg+xml");
    let svg = svg.text().await.unwrap();
    assert!(svg.contains("<svg") && svg.contains("Gjennomførbarhet") && svg.contains("Jordmortjeneste"));
    let png = server.client.get(server.url(&format!("/api/v1/workshops/{}/matrix.png", workshop.code))).send();
    let png = png.await.unwrap().bytes().await.unwrap();
    assert_eq!(&png[1..4], b"PNG");
    assert!(u32::from_be_bytes(png[16..20].try_into().unwrap()) >= 2000, "at least 2000 pixels wide");
}

#[tokio::test]
async fn exports_honour_hidden_results() {
    let server = support::start().await;
    let (workshop, _) = full_workshop(&server).await;
    server.facilitate(&workshop, Method::PUT, "/results-hidden", json!({ "hidden": true })).await;
    for path in ["/results.csv", "/results.csv?dialect=excel-no", "/matrix.svg", "/matrix.png"] {
        let response = server.client.get(server.url(&format!("/api/v1/workshops/{}{path}", workshop.code))).send();
        assert_eq!(response.await.unwrap().status(), 403, "{path}");
    }
    workbook(&server, &workshop, "").await;
}
