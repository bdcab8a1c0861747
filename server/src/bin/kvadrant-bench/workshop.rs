//! The workshop being scored: made through Kvadrant's API, or fixed for the baseline.

use std::net::SocketAddr;

use serde::Deserialize;

use crate::failure::Failure;
use crate::http::{HttpConnection, Response};

/// Areas in the bench workshop, a typical workshop's list.
pub const AREAS: usize = 13;
/// Groups Kvadrant adds in one request.
const GROUPS_PER_REQUEST: usize = 100;

pub struct Workshop {
    pub code: String,
    pub groups: Vec<i64>,
    pub areas: Vec<i64>,
}

#[derive(Deserialize)]
struct Created {
    code: String,
    secret: String,
}

#[derive(Deserialize)]
struct Identified {
    id: i64,
}

impl Workshop {
    pub async fn create(addr: SocketAddr, groups: usize) -> Result<Workshop, Failure> {
        let mut connection = HttpConnection::open(addr).await?;
        let response = connection
            .request("POST", "/api/v1/workshops", None, Some(r#"{"title":"Bench","description":""}"#))
            .await?;
        let Created { code, secret } = expect_created(response, "creating the workshop")?;
        let secret = Some(secret.as_str());
        let mut areas = Vec::with_capacity(AREAS);
        for number in 1..=AREAS {
            let body = format!(r#"{{"name":"Area {number}"}}"#);
            let path = format!("/api/v1/workshops/{code}/areas");
            let response = connection.request("POST", &path, secret, Some(&body)).await?;
            areas.push(expect_created::<Identified>(response, "adding an area")?.id);
        }
        let mut group_ids = Vec::with_capacity(groups);
        while group_ids.len() < groups {
            let count = (groups - group_ids.len()).min(GROUPS_PER_REQUEST);
            let body = format!(r#"{{"count":{count}}}"#);
            let path = format!("/api/v1/workshops/{code}/groups");
            let response = connection.request("POST", &path, secret, Some(&body)).await?;
            let added: Vec<Identified> = expect_created(response, "adding groups")?;
            group_ids.extend(added.into_iter().map(|group| group.id));
        }
        Ok(Workshop { code, groups: group_ids, areas })
    }

    /// The baseline keeps no workshops and takes any code and ids.
    pub fn fixed(groups: usize) -> Workshop {
        Workshop { code: "BENCH2".into(), groups: (1..=groups as i64).collect(), areas: (1..=AREAS as i64).collect() }
    }

    pub fn audience_path(&self) -> String {
        format!("/api/v1/workshops/{}/live", self.code)
    }

    pub fn group_path(&self, group: i64) -> String {
        format!("/api/v1/workshops/{}/groups/{group}/live", self.code)
    }

    pub fn scores_path(&self, group: i64) -> String {
        format!("/api/v1/workshops/{}/groups/{group}/scores", self.code)
    }
}

fn expect_created<T: for<'de> Deserialize<'de>>(response: Response, doing: &str) -> Result<T, Failure> {
    let body = String::from_utf8_lossy(&response.body);
    if response.status != 201 {
        return Err(Failure::setup(format!("{doing}: HTTP {}: {body}", response.status)));
    }
    serde_json::from_slice(&response.body).map_err(|error| Failure::setup(format!("{doing}: {error} in {body}")))
}
