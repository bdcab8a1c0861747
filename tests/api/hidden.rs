//! Hidden means hidden, on every route the server has. While the results are hidden, whatever
//! anyone reaches without the facilitator's secret (the join code alone, another group's key,
//! the leaders' link) must not change when a group changes its scores and comments: if it did,
//! it would carry them. And none of them can change that group's sheet.

use std::time::Duration;

use kvadrant_server::Serving;
use kvadrant_server::limits::Limits;
use reqwest::{Method, RequestBuilder, StatusCode};
use serde_json::{Value, json};

use crate::support::{self, TestServer};

/// The walk fails hundreds of secret checks from one address on purpose: the limit on failed
/// checks (tested in `limits`) must not answer for the rules tested here.
async fn start() -> TestServer {
    let limits = Limits { failure_burst: 100_000, ..Limits::default() };
    support::start_serving(Serving { limits, ..Serving::default() }).await
}

/// How long a live stream stays quiet before its opening events are taken as all there is.
const SETTLE: Duration = Duration::from_millis(300);

/// The workshop under test: a group whose sheet is at stake, and the ids the routes take.
struct Scene {
    code: String,
    secret: String,
    victim: i64,
    attacker: i64,
    category: i64,
    area: i64,
    other_area: i64,
    suggestion: i64,
    /// The workshop's version once set.
    version: i64,
}

/// Someone without the facilitator's secret.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Outsider {
    /// Holds the join code and nothing else.
    Anyone,
    /// Holds another group's key.
    OtherGroup,
    /// Holds the leaders' read-only link.
    Leaders,
}

const OUTSIDERS: [Outsider; 3] = [Outsider::Anyone, Outsider::OtherGroup, Outsider::Leaders];

struct Credentials {
    other_group: String,
    leaders: String,
}

impl Credentials {
    fn of(&self, outsider: Outsider) -> Option<&str> {
        match outsider {
            Outsider::Anyone => None,
            Outsider::OtherGroup => Some(&self.other_group),
            Outsider::Leaders => Some(&self.leaders),
        }
    }
}

async fn set_scene(server: &TestServer) -> (Scene, Credentials) {
    let workshop = server.create_workshop("Skjult til det vises").await;
    let category = server.add_id(&workshop, "/categories", json!({ "name": "Helse" })).await;
    let area = server.add_id(&workshop, "/areas", json!({ "name": "Legevakt", "category_id": category })).await;
    let other_area = server.add_id(&workshop, "/areas", json!({ "name": "Barnevern" })).await;
    let groups = server.add(&workshop, "/groups", json!({ "count": 2 })).await;
    let (victim, attacker) = (groups[0]["id"].as_i64().unwrap(), groups[1]["id"].as_i64().unwrap());
    let tags = json!({ "name": "Gruppe 1", "tags": [{ "dimension": "Rolle", "value": "Folkevalgte" }] });
    server.facilitate(&workshop, Method::PUT, &format!("/groups/{victim}"), tags).await;
    let code = workshop.code.clone();
    let hidden = server.facilitate(&workshop, Method::PUT, "/results-hidden", json!({ "hidden": true })).await;
    assert_eq!(hidden.status(), StatusCode::OK);
    let credentials = Credentials {
        other_group: server.group_key(&code, attacker).await,
        leaders: server.review_secret(&workshop).await,
    };
    let suggestion = json!({ "name": "XQIDEA" });
    let suggestion = server.as_group(&code, victim, Method::POST, "/suggestions", suggestion).await;
    let suggestion = suggestion.json::<Value>().await.unwrap()["id"].as_i64().unwrap();
    // The sheet last: its version is the workshop's latest.
    let version = write_sheet(server, &code, victim, [(area, 3, 4), (other_area, 5, 6)], "XQNOTE1").await;
    let scene =
        Scene { code, secret: workshop.secret, victim, attacker, category, area, other_area, suggestion, version };
    (scene, credentials)
}

/// The group's scores on two areas and its comment on the first.
/// Answers the version of the last write.
async fn write_sheet(server: &TestServer, code: &str, group: i64, cells: [(i64, u8, u8); 2], note: &str) -> i64 {
    let scores: Vec<Value> = cells
        .iter()
        .flat_map(|&(area, potential, feasibility)| {
            [
                json!({ "area_id": area, "axis": "potential", "value": potential }),
                json!({ "area_id": area, "axis": "feasibility", "value": feasibility }),
            ]
        })
        .collect();
    server.score(code, group, json!(scores)).await;
    let comment = json!({ "rationale": note, "risks": format!("Risiko: {note}"), "timeframe": "short" });
    let path = format!("/comments/{}", cells[0].0);
    let saved = server.as_group(code, group, Method::PUT, &path, comment).await;
    assert_eq!(saved.status(), StatusCode::OK);
    saved.json::<Value>().await.unwrap()["version"].as_i64().unwrap()
}

/// Waits until the live views have caught up with the workshop at `version` (the latest
/// change): a stream opened from then on starts there, and shows no change still on its way.
async fn settle(server: &TestServer, scene: &Scene, version: i64) {
    let path = format!("/api/v1/workshops/{}/live/private", scene.code);
    server.follow_as(&scene.secret, &path).await.view_at(version).await;
}

/// Every field any server function takes, so that each finds its arguments; the id fields
/// point at the group under attack and its things.
fn server_function_form(scene: &Scene, credential: Option<&str>, function: &str) -> Vec<(String, String)> {
    let id = match function {
        "accept_suggestion" | "keep_suggestion" => scene.suggestion,
        "save_category" => scene.category,
        "save_area" | "move_item" | "remove_item" => scene.area,
        _ => scene.victim,
    };
    let mut form: Vec<(&str, String)> = vec![
        ("code", scene.code.clone()),
        ("group", scene.victim.to_string()),
        ("id", id.to_string()),
        ("list", "areas".into()),
        ("area", scene.area.to_string()),
        ("axis", "potential".into()),
        ("value", "1".into()),
        ("up", "true".into()),
        ("name", "Kapret".into()),
        ("title", "Kapret".into()),
        ("description", String::new()),
        ("category", String::new()),
        ("potential", "1".into()),
        ("feasibility", "1".into()),
        ("rationale", "Kapret".into()),
        ("risks", String::new()),
        ("timeframe", String::new()),
        ("count", "1".into()),
        ("names", String::new()),
        ("tags", String::new()),
        ("hidden", "false".into()),
        ("open", "false".into()),
        ("release", "true".into()),
        ("setup", "{}".into()),
        ("settings[scale_min]", "1".into()),
        ("settings[scale_max]", "5".into()),
        ("settings[potential_label]", String::new()),
        ("settings[feasibility_label]", String::new()),
        ("settings[potential_midline]", String::new()),
        ("settings[feasibility_midline]", String::new()),
        ("settings[language]", "en".into()),
    ];
    if let Some(credential) = credential {
        form.push(("secret", credential.to_owned()));
        form.push(("key", credential.to_owned()));
    }
    form.into_iter().map(|(name, value)| (name.to_owned(), value)).collect()
}

/// The request an outsider makes on the route `method path`: API routes with the outsider's
/// secret as a bearer token, pages with it where the address takes one, server functions
/// with every argument. `None` for a route this test does not know, which fails the test.
fn request(
    server: &TestServer,
    scene: &Scene,
    credential: Option<&str>,
    method: &str,
    template: &str,
) -> Option<RequestBuilder> {
    let given = credential.unwrap_or("kein-schluessel");
    if let Some(function) = template.strip_prefix("/api/").filter(|rest| !rest.starts_with("v1/")) {
        let function = function.trim_end_matches(|c: char| c.is_ascii_digit());
        let form = server_function_form(scene, credential, function);
        return Some(server.client.post(server.url(template)).header("accept", "application/json").form(&form));
    }
    let id = if template.contains("/categories/") {
        scene.category
    } else if template.contains("/areas/") {
        scene.area
    } else if template.contains("/suggestions/") {
        scene.suggestion
    } else {
        scene.victim
    };
    let path = template
        .replace("{code}", &scene.code)
        .replace("{id}", &id.to_string())
        .replace("{group}", &scene.victim.to_string())
        .replace("{area}", &scene.area.to_string())
        .replace("{list}", "areas")
        .replace("{lang}", "en")
        .replace("{key}", given)
        .replace("{secret}", given);
    let method = Method::from_bytes(method.as_bytes()).ok()?;
    let body = match (method.as_str(), template) {
        ("GET" | "DELETE", _) => Value::Null,
        (_, t) if t.ends_with("/scores") => {
            json!({ "scores": [{ "area_id": scene.area, "axis": "potential", "value": 1 }] })
        }
        (_, t) if t.ends_with("/order/{list}") => json!({ "ids": [scene.other_area, scene.area] }),
        (_, t) if t.ends_with("/scoring") => json!({ "open": false }),
        (_, t) if t.ends_with("/results-hidden") => json!({ "hidden": false }),
        (_, t) if t.ends_with("/settings") => json!({ "scale_min": 1, "scale_max": 5, "language": "en" }),
        (_, t) if t.ends_with("/groups") => json!({ "count": 1 }),
        (_, t) if t.ends_with("/link") => json!({ "release": true }),
        _ => json!({ "name": "Kapret", "title": "Kapret", "rationale": "Kapret" }),
    };
    let mut request = server.client.request(method, server.url(&path));
    if !body.is_null() {
        request = request.json(&body);
    }
    if template.starts_with("/api/v1/")
        && let Some(credential) = credential
    {
        request = request.bearer_auth(credential);
    }
    Some(request)
}

/// What a response says, with what changes from one version to the next taken out.
async fn answer(request: RequestBuilder) -> String {
    let mut response = request.send().await.unwrap();
    let status = response.status();
    let mut body = Vec::new();
    // Live streams never end: what they send at once is what they show.
    while let Ok(Ok(Some(chunk))) = tokio::time::timeout(SETTLE, response.chunk()).await {
        body.extend_from_slice(&chunk);
    }
    let body = without_versions(&String::from_utf8_lossy(&body));
    format!("{status}\n{}", page_content(&body))
}

/// A page as what it shows and what it hands its scripts: the markup without scripts, then
/// every resource it resolved, in order of content, since resources resolve in whatever
/// order they finish and are numbered as they start.
fn page_content(body: &str) -> String {
    let mut markup = String::new();
    let mut resources = Vec::new();
    let mut rest = body;
    while let Some(start) = rest.find("<script") {
        markup.push_str(&rest[..start]);
        let end = rest[start..].find("</script>").map_or(rest.len(), |end| start + end + "</script>".len());
        let script = &rest[start..end];
        resources.extend(
            script
                .split("__RESOLVED_RESOURCES[] = ")
                .skip(1)
                .map(|payload| payload.split("</script>").next().unwrap_or(payload).trim_end_matches(';')),
        );
        rest = &rest[end..];
    }
    markup.push_str(rest);
    resources.sort_unstable();
    format!("{markup}\n{}", resources.join("\n"))
}

/// Versions and event ids count every change, whoever made it, every page has a fresh nonce
/// and every stream its own reconnection delay: those may differ.
fn without_versions(text: &str) -> String {
    /// A mark, and the characters after it that may change.
    type Volatile = (&'static str, fn(char) -> bool);
    const VOLATILE: [Volatile; 6] = [
        ("__RESOLVED_RESOURCES[", |c| c.is_ascii_digit()),
        ("\"version\":", |c| c.is_ascii_digit()),
        ("id: ", |c| c.is_ascii_digit()),
        ("retry: ", |c| c.is_ascii_digit()),
        ("nonce=\"", |c| c != '"'),
        ("crossorigin=\"", |c| c != '"'),
    ];
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some((index, mark, volatile)) = VOLATILE
        .iter()
        .filter_map(|&(mark, volatile)| rest.find(mark).map(|i| (i, mark, volatile)))
        .min_by_key(|found| found.0)
    {
        out.push_str(&rest[..index + mark.len()]);
        rest = rest[index + mark.len()..].trim_start_matches(volatile);
    }
    out.push_str(rest);
    out
}

fn is_read(method: &str, template: &str) -> bool {
    method == "GET" || template.contains("/api/load_") || template.contains("/api/demo_code")
}

/// Every read an outsider can make: each route for each outsider, and the other group's own
/// sheet, stream and invite, which it may read.
async fn reads(server: &TestServer, scene: &Scene, credentials: &Credentials) -> Vec<(String, String)> {
    let mut seen = Vec::new();
    let mut unknown = Vec::new();
    for (method, template) in kvadrant_server::route_table() {
        if !is_read(&method, &template) {
            continue;
        }
        for outsider in OUTSIDERS {
            let label = format!("{method} {template} as {outsider:?}");
            match request(server, scene, credentials.of(outsider), &method, &template) {
                Some(request) => seen.push((label, answer(request).await)),
                None => unknown.push(label),
            }
        }
    }
    assert!(unknown.is_empty(), "routes this test does not know how to call: {unknown:?}");
    let own = format!("/api/v1/workshops/{}/groups/{}", scene.code, scene.attacker);
    for path in [format!("{own}/scores"), format!("{own}/live")] {
        let request = server.client.get(server.url(&path)).bearer_auth(&credentials.other_group);
        seen.push((format!("GET {path} as the other group"), answer(request).await));
    }
    let page = format!("/w/{}/g/{}/{}", scene.code, scene.attacker, credentials.other_group);
    seen.push((format!("GET {page}"), answer(server.client.get(server.url(&page))).await));
    seen
}

#[tokio::test]
async fn while_hidden_no_route_shows_an_outsider_anything_of_a_groups_sheet() {
    let server = start().await;
    let (scene, credentials) = set_scene(&server).await;
    settle(&server, &scene, scene.version).await;
    let before = reads(&server, &scene, &credentials).await;
    assert!(
        before
            .iter()
            .any(|(label, answer)| label.ends_with("/live as the other group") && answer.contains("event: sheet")),
        "the other group follows its own sheet, so the walk reaches the live views"
    );

    let changed =
        write_sheet(&server, &scene.code, scene.victim, [(scene.area, 9, 8), (scene.other_area, 2, 7)], "XQNOTE2")
            .await;
    settle(&server, &scene, changed).await;
    let after = reads(&server, &scene, &credentials).await;

    for ((label, before), (_, after)) in before.iter().zip(&after) {
        assert_eq!(before, after, "{label} changed with another group's hidden scores");
        for note in ["XQNOTE", "XQIDEA"] {
            assert!(!after.contains(note), "{label} shows another group's words: {after}");
        }
    }
    assert_eq!(before.len(), after.len());
}

#[tokio::test]
async fn no_outsider_can_change_a_groups_sheet_on_any_route() {
    let server = start().await;
    let (scene, credentials) = set_scene(&server).await;
    let facilitator = support::Workshop { code: scene.code.clone(), secret: scene.secret.clone() };
    let sheet = |server: &TestServer| {
        let path = format!("/api/v1/workshops/{}/groups/{}/scores", scene.code, scene.victim);
        let request = server.client.get(server.url(&path)).bearer_auth(&scene.secret);
        async move { request.send().await.unwrap().json::<Value>().await.unwrap() }
    };
    let workshop = |server: &TestServer| {
        let request = server.client.get(server.url(&format!("/api/v1/workshops/{}", scene.code)));
        async move { request.send().await.unwrap().json::<Value>().await.unwrap() }
    };
    let (sheet_before, workshop_before) = (sheet(&server).await, workshop(&server).await);
    let results_before = server.facilitate(&facilitator, Method::GET, "/results", Value::Null).await;
    let results_before: Value = results_before.json().await.unwrap();

    let mut unknown = Vec::new();
    for (method, template) in kvadrant_server::route_table() {
        if is_read(&method, &template) {
            continue;
        }
        for outsider in OUTSIDERS {
            let Some(request) = request(&server, &scene, credentials.of(outsider), &method, &template) else {
                unknown.push(format!("{method} {template}"));
                continue;
            };
            let response = request.send().await.unwrap();
            let status = response.status();
            let said = response.text().await.unwrap_or_default();
            // Anyone may make a workshop of their own, and take a group no one has joined.
            let open = template == "/api/v1/workshops"
                || template == "/api/v1/workshops/import"
                || template.starts_with("/api/create_workshop")
                || template.starts_with("/api/import_workshop");
            assert!(open || status.is_client_error(), "{method} {template} as {outsider:?} answered {status}: {said}");
        }
    }
    assert!(unknown.is_empty(), "routes this test does not know how to call: {unknown:?}");
    assert_eq!(sheet(&server).await, sheet_before, "the group's sheet is as it left it");
    assert_eq!(workshop(&server).await, workshop_before, "the workshop is as the facilitator left it");
    let results_after = server.facilitate(&facilitator, Method::GET, "/results", Value::Null).await;
    assert_eq!(results_after.json::<Value>().await.unwrap(), results_before);
}
