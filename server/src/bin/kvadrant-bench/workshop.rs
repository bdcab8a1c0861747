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
    pub groups: Vec<Group>,
    pub areas: Vec<i64>,
}

/// A group and its link key, which its sheet, scores and stream are reached with.
#[derive(Debug, Clone)]
pub struct Group {
    pub id: i64,
    pub key: String,
}

/// One live stream to open: its path, and the key a group's sheet needs.
#[derive(Debug, Clone, PartialEq)]
pub struct Stream {
    pub path: String,
    pub key: Option<String>,
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

#[derive(Deserialize)]
struct Link {
    group_id: i64,
    key: String,
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
        let response =
            connection.request("GET", &format!("/api/v1/workshops/{code}/group-links"), secret, None).await?;
        let links: Vec<Link> = expect(response, 200, "reading the group links")?;
        let groups = group_ids
            .into_iter()
            .map(|id| {
                let link = links.iter().find(|link| link.group_id == id);
                let key = link.map(|link| link.key.clone()).ok_or(Failure::setup(format!("no link for group {id}")))?;
                Ok(Group { id, key })
            })
            .collect::<Result<_, Failure>>()?;
        Ok(Workshop { code, groups, areas })
    }

    /// The baseline keeps no workshops and takes any code and ids.
    pub fn fixed(groups: usize) -> Workshop {
        let groups = (1..=groups as i64).map(|id| Group { id, key: String::new() }).collect();
        Workshop { code: "BENCH2".into(), groups, areas: (1..=AREAS as i64).collect() }
    }

    pub fn audience_stream(&self) -> Stream {
        Stream { path: format!("/api/v1/workshops/{}/live", self.code), key: None }
    }

    pub fn group_stream(&self, group: &Group) -> Stream {
        Stream {
            path: format!("/api/v1/workshops/{}/groups/{}/live", self.code, group.id),
            key: Some(group.key.clone()),
        }
    }

    pub fn scores_path(&self, group: &Group) -> String {
        format!("/api/v1/workshops/{}/groups/{}/scores", self.code, group.id)
    }
}

fn expect_created<T: for<'de> Deserialize<'de>>(response: Response, doing: &str) -> Result<T, Failure> {
    expect(response, 201, doing)
}

fn expect<T: for<'de> Deserialize<'de>>(response: Response, status: u16, doing: &str) -> Result<T, Failure> {
    let body = String::from_utf8_lossy(&response.body);
    if response.status != status {
        return Err(Failure::setup(format!("{doing}: HTTP {}: {body}", response.status)));
    }
    serde_json::from_slice(&response.body).map_err(|error| Failure::setup(format!("{doing}: {error} in {body}")))
}
