//! Every page of a workshop, in the states that change what a page shows: what the checks of
//! the pages' accessibility and markup go through.

use reqwest::Method;
use serde_json::{Value, json};

use crate::support::{TestServer, Workshop};

/// A state the workshop is put in before its pages are visited again.
#[derive(Clone, Copy, Debug)]
pub enum Stage {
    /// Scoring open, results hidden from the participants: the workshop running.
    Scoring,
    /// Results revealed while scoring goes on.
    Revealed,
    /// Scoring closed, results shown: the workshop over.
    Closed,
}

pub const STAGES: [Stage; 3] = [Stage::Scoring, Stage::Revealed, Stage::Closed];

/// A page to visit: what it is (for the failure's message) and its path.
pub struct Stop {
    pub name: String,
    pub path: String,
}

/// A workshop with categories, described areas, tagged groups, every group's scores, a
/// comment and a suggestion: enough that each page shows all it can.
pub struct Tour {
    pub workshop: Workshop,
    group: i64,
    group_key: String,
    review: String,
}

impl Tour {
    pub async fn set_up(server: &TestServer) -> Tour {
        let workshop = server.create_workshop("Prioritering av samarbeidsområder").await;
        let health = server.add_id(&workshop, "/categories", json!({ "name": "Helse og velferd" })).await;
        let business = server.add_id(&workshop, "/categories", json!({ "name": "Næring" })).await;
        let mut areas = Vec::new();
        let named = [("Legevakt", Some(health)), ("Barnevern", Some(health)), ("Reiseliv", Some(business))];
        for (name, category) in named.into_iter().chain([("Innkjøp", None)]) {
            let area = json!({ "name": name, "description": "Felles tjeneste", "category_id": category });
            areas.push(server.add_id(&workshop, "/areas", area).await);
        }
        let groups = server.add(&workshop, "/groups", json!({ "count": 3 })).await;
        for (group, role) in groups.as_array().unwrap().iter().zip(["Rådmenn", "Rådmenn", "Folkevalgte"]) {
            let tagged = json!({ "name": group["name"], "tags": [{ "dimension": "Rolle", "value": role }] });
            let path = format!("/groups/{}", group["id"]);
            assert_eq!(server.facilitate(&workshop, Method::PUT, &path, tagged).await.status(), 200);
        }
        let sheets: [&[(i64, i64)]; 3] =
            [&[(8, 6), (5, 7), (9, 3), (4, 4)], &[(7, 7), (6, 5), (8, 4), (3, 6)], &[(9, 5), (4, 8), (7, 2), (5, 5)]];
        server.score_sheets(&workshop, &areas, &groups, sheets).await;
        let group = groups[0]["id"].as_i64().unwrap();
        let comment = json!({ "rationale": "Felles behov", "risks": "Lange avstander", "timeframe": "medium" });
        let on_first_area = format!("/comments/{}", areas[0]);
        let commented = server.as_group(&workshop.code, group, Method::PUT, &on_first_area, comment).await;
        assert_eq!(commented.status(), 200);
        let suggestion = json!({ "name": "Brannvern", "description": "Felles beredskap" });
        let suggested = server.as_group(&workshop.code, group, Method::POST, "/suggestions", suggestion).await;
        assert_eq!(suggested.status(), 201);
        let group_key = server.group_key(&workshop.code, group).await;
        let review = server.review_secret(&workshop).await;
        Tour { workshop, group, group_key, review }
    }

    /// Puts the workshop in `stage`.
    pub async fn enter(&self, server: &TestServer, stage: Stage) {
        let (open, hidden) = match stage {
            Stage::Scoring => (true, true),
            Stage::Revealed => (true, false),
            Stage::Closed => (false, false),
        };
        let set = |path: &'static str, body: Value| server.facilitate(&self.workshop, Method::PUT, path, body);
        assert_eq!(set("/scoring", json!({ "open": open })).await.status(), 200);
        assert_eq!(set("/results-hidden", json!({ "hidden": hidden })).await.status(), 200);
    }

    /// The pages worth visiting in `stage`: all of them first, then those the stage changes.
    pub fn stops(&self, stage: Stage) -> Vec<Stop> {
        let Workshop { code, secret } = &self.workshop;
        let manage = format!("/w/{code}/manage/{secret}");
        let stop = |name: &str, path: String| Stop { name: format!("{name} ({stage:?})"), path };
        let mut stops = vec![
            stop("join page", format!("/w/{code}")),
            stop("sheet", format!("/w/{code}/g/{}/{}", self.group, self.group_key)),
            stop("results", format!("/w/{code}/results")),
            stop("big screen", format!("/w/{code}/screen")),
            stop("leaders' review", format!("/w/{code}/review/{}", self.review)),
            stop("facilitator, run", format!("{manage}/run")),
        ];
        if let Stage::Scoring = stage {
            stops.extend([
                stop("home", "/".to_owned()),
                stop("home, a join code not found", "/?join=ABC123".to_owned()),
                stop("page not found", "/no/such/page".to_owned()),
                stop("accessibility statement", "/tilgjengelighet".to_owned()),
                stop("privacy", "/personvern".to_owned()),
                stop("facilitator, prepare", manage.clone()),
                stop("facilitator, review", format!("{manage}/review")),
                stop("group cards", format!("{manage}/cards")),
                stop("results of a segment", format!("/w/{code}/results?segment=Rolle%3DR%C3%A5dmenn")),
            ]);
        }
        if let Stage::Revealed = stage {
            stops.push(stop("results, normalised", format!("/w/{code}/results?view=normalised")));
        }
        stops
    }
}
