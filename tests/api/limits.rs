//! Limits per client address: a walk through join codes and workshops made in bulk are refused
//! early, while a whole venue behind one address joins, reads and follows without a refusal.

use std::time::Duration;

use futures_util::{StreamExt, stream};
use kvadrant_server::Serving;
use kvadrant_server::limits::{CREATION_BURST, FAILURE_BURST, Limits};
use reqwest::{RequestBuilder, Response, StatusCode};
use serde_json::{Value, json};

use crate::support::{self, TestServer};

/// The letters of join codes.
const ALPHABET: &[u8] = b"ABCDEFGHJKMNPQRSTUVWXYZ23456789";

/// A server that takes the client's address from `X-Forwarded-For`, so one test can be many clients.
async fn behind_proxy(limits: Limits) -> TestServer {
    let trust_proxy = Some("x-forwarded-for".parse().unwrap());
    support::start_serving(Serving { trust_proxy, limits, ..Serving::default() }).await
}

fn from(request: RequestBuilder, client: &str) -> RequestBuilder {
    request.header("x-forwarded-for", format!("192.0.2.200, {client}"))
}

/// Join codes that look real, from a fixed seed.
fn random_codes(count: usize) -> Vec<String> {
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    (0..count)
        .map(|_| {
            (0..6)
                .map(|_| {
                    state ^= state << 13;
                    state ^= state >> 7;
                    state ^= state << 17;
                    char::from(ALPHABET[(state % ALPHABET.len() as u64) as usize])
                })
                .collect()
        })
        .collect()
}

async fn assert_rate_limited(response: Response, what: &str) {
    assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS, "{what}");
    let retry_after: u32 = response.headers()["retry-after"].to_str().unwrap().parse().unwrap();
    assert!(retry_after >= 1, "{what}");
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["error"], "rate_limited", "{what}");
    assert_eq!(body["retry_after"], retry_after, "{what}");
}

#[tokio::test]
async fn a_join_code_walk_is_refused_early() {
    let server = behind_proxy(Limits::default()).await;
    let real = server.create_workshop("Finn meg").await;
    let walker = "198.51.100.66";

    let mut answered = 0;
    let mut first_refusal = None;
    for (i, code) in random_codes(2_000).into_iter().enumerate() {
        let path = match i % 2 {
            0 => format!("/api/v1/workshops/{code}"),
            _ => format!("/w/{code}"),
        };
        let response = from(server.client.get(server.url(&path)), walker).send().await.unwrap();
        match response.status() {
            StatusCode::NOT_FOUND => answered += 1,
            StatusCode::TOO_MANY_REQUESTS => {
                if first_refusal.is_none() {
                    first_refusal = Some(i);
                    assert_rate_limited(response, "the first refusal").await;
                }
            }
            other => panic!("{path}: {other}"),
        }
    }
    let first_refusal = first_refusal.expect("the walk is refused");
    // Refused right after the burst, or a little later if the walk was slow enough for the
    // allowance to refill meanwhile.
    assert!((FAILURE_BURST as usize..FAILURE_BURST as usize + 10).contains(&first_refusal), "{first_refusal}");
    // Time passes during the walk and lets a few more through; a walk needs millions.
    assert!(answered < 2 * FAILURE_BURST, "{answered} of 2,000 codes were answered");

    let hit = from(server.client.get(server.url(&format!("/api/v1/workshops/{}", real.code))), walker);
    assert_rate_limited(hit.send().await.unwrap(), "a real code, once refused").await;
    let other = from(server.client.get(server.url(&format!("/api/v1/workshops/{}", real.code))), "203.0.113.5");
    assert_eq!(other.send().await.unwrap().status(), StatusCode::OK, "other addresses are not refused");
}

#[tokio::test]
async fn guessing_secrets_is_refused_early() {
    let server = behind_proxy(Limits::default()).await;
    let workshop = server.create_workshop("Hemmelig").await;
    let guesser = "198.51.100.67";
    let mut refused = None;
    for i in 0..2 * FAILURE_BURST {
        let guess = format!("{i:048x}");
        let path = match i % 3 {
            0 => format!("/w/{}/manage/{guess}", workshop.code),
            1 => format!("/w/{}/review/{guess}", workshop.code),
            _ => format!("/api/v1/workshops/{}/review-link", workshop.code),
        };
        let response = from(server.client.get(server.url(&path)).bearer_auth(&guess), guesser).send().await.unwrap();
        if response.status() == StatusCode::TOO_MANY_REQUESTS {
            refused = Some(i);
            assert_rate_limited(response, "a guessed secret").await;
            break;
        }
        assert_eq!(response.status(), StatusCode::FORBIDDEN, "{i}");
    }
    let refused = refused.expect("guessing is refused");
    assert!((FAILURE_BURST..FAILURE_BURST + 10).contains(&refused), "{refused}");
}

#[tokio::test]
async fn results_kept_hidden_do_not_count_as_failures() {
    let server = support::start().await;
    let workshop = server.create_workshop("Skjult").await;
    let hide = server.facilitate(&workshop, reqwest::Method::PUT, "/results-hidden", json!({ "hidden": true })).await;
    assert_eq!(hide.status(), StatusCode::OK);
    for _ in 0..2 * FAILURE_BURST {
        let results = server.client.get(server.url(&format!("/api/v1/workshops/{}/results", workshop.code)));
        assert_eq!(results.send().await.unwrap().status(), StatusCode::FORBIDDEN);
    }
    let join = server.client.get(server.url(&format!("/api/v1/workshops/{}", workshop.code)));
    assert_eq!(join.send().await.unwrap().status(), StatusCode::OK);
}

#[tokio::test]
async fn a_venue_behind_one_address_is_never_refused() {
    // Answers must not run out of time on a test machine busy with every other test either: this
    // is about refusals by the limits.
    let request_timeout = Duration::from_secs(300);
    let server = support::start_serving(Serving { request_timeout, ..Serving::default() }).await;
    let (workshop, _, group) = server.scorable_workshop("Hele salen").await;
    let code = &workshop.code;
    let key = server.group_key(code, group).await;
    // Every screen in the room follows the workshop at the same time.
    let mut screens = Vec::new();
    for _ in 0..100 {
        screens.push(server.follow(&format!("/api/v1/workshops/{code}/live")).await);
    }
    let paths: Vec<String> = (0..600)
        .map(|i| match i % 6 {
            0 | 1 => format!("/api/v1/workshops/{code}"),
            2 => format!("/w/{code}"),
            3 => format!("/api/v1/workshops/{code}/groups/{group}/scores"),
            4 => format!("/api/v1/workshops/{code}/results"),
            _ => format!("/api/v1/workshops/{code}/groups/{group}/live"),
        })
        .collect();
    // A few mistyped codes among them, as a crowd makes.
    let typos = random_codes(20);
    let statuses: Vec<(String, StatusCode)> =
        stream::iter(paths.into_iter().chain(typos.iter().map(|c| format!("/w/{c}"))))
            .map(|path| {
                // The group's own routes with the group's link, as its members hold it.
                let request = server.client.get(server.url(&path));
                let request = if path.contains("/groups/") { request.bearer_auth(&key) } else { request };
                async move {
                    let response = request.send().await.unwrap();
                    (path, response.status())
                }
            })
            .buffer_unordered(16)
            .collect()
            .await;
    for (path, status) in statuses {
        let expected =
            if typos.iter().any(|typo| path.contains(typo)) { StatusCode::NOT_FOUND } else { StatusCode::OK };
        assert_eq!(status, expected, "{path}");
    }
    drop(screens);
}

#[tokio::test]
async fn making_workshops_is_limited_per_address() {
    let server = behind_proxy(Limits::default()).await;
    let facilitator = "198.51.100.70";
    let create = || from(server.client.post(server.url("/api/v1/workshops")), facilitator);
    for i in 0..CREATION_BURST {
        let response = create().json(&json!({ "title": format!("Workshop {i}") })).send().await.unwrap();
        assert_eq!(response.status(), StatusCode::CREATED, "workshop {i}");
    }
    let response = create().json(&json!({ "title": "En for mye" })).send().await.unwrap();
    assert_rate_limited(response, "one more workshop").await;
    let import = json!({ "kvadrant_setup": 1, "title": "Import" });
    let response = from(server.client.post(server.url("/api/v1/workshops/import")), facilitator).json(&import);
    assert_rate_limited(response.send().await.unwrap(), "an import").await;

    // The home page's form calls a server function, limited alike, answering in its own shape.
    let home = server.client.get(server.url("/")).send().await.unwrap().text().await.unwrap();
    let action = home
        .split("action=\"")
        .filter_map(|rest| rest.split('"').next())
        .find(|action| action.contains("create_workshop"))
        .expect("the create form");
    let form =
        from(server.client.post(server.url(action)), facilitator).form(&[("title", "Skjema"), ("description", "")]);
    let response = form.send().await.unwrap();
    assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["Domain"]["error"], "rate_limited");

    let other = from(server.client.post(server.url("/api/v1/workshops")), "203.0.113.70");
    let response = other.json(&json!({ "title": "Noen andre" })).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::CREATED, "other addresses are not refused");
}

#[tokio::test]
async fn live_streams_per_address_are_capped_and_counted_until_they_end() {
    let server = support::start_serving(Serving {
        limits: Limits { live_streams: 3, ..Limits::default() },
        ..Serving::default()
    })
    .await;
    let workshop = server.create_workshop("Skjermer").await;
    let path = format!("/api/v1/workshops/{}/live", workshop.code);
    let mut streams = Vec::new();
    for _ in 0..3 {
        streams.push(server.follow(&path).await);
    }
    let refused = server.client.get(server.url(&path)).send().await.unwrap();
    assert_rate_limited(refused, "a fourth stream").await;

    drop(streams.pop());
    // The server learns of the closed stream when it next reads or writes on the connection.
    let mut reopened = false;
    for _ in 0..100 {
        let response = server.client.get(server.url(&path)).send().await.unwrap();
        if response.status() == StatusCode::OK {
            reopened = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(reopened, "a stream that ended frees its place");
}
