//! A workshop being scored: made through Kvadrant's API, or fixed for the baseline.

use std::net::SocketAddr;

use kvadrant::{AreaId, GroupId};
use kvadrant_api::model::{self, CreatedWorkshop, GroupLink, GroupsInput, ItemInput, WorkshopInput};
use reqwest::{Client, RequestBuilder, StatusCode};
use serde::de::DeserializeOwned;

use crate::client::{reason, url};
use crate::failure::Failure;

/// Areas in the bench workshop, a typical workshop's list.
pub const AREAS: usize = 13;
/// Groups Kvadrant adds in one request.
const GROUPS_PER_REQUEST: usize = 100;

pub struct Workshop {
    /// Its place among the run's workshops, which scores and screens are matched on.
    pub index: usize,
    pub code: String,
    /// The facilitator's secret; empty for the baseline's.
    pub secret: String,
    pub groups: Vec<Group>,
    pub areas: Vec<AreaId>,
}

/// A group and its link key, which its sheet, scores and stream are reached with.
#[derive(Debug, Clone)]
pub struct Group {
    pub id: GroupId,
    pub key: String,
}

/// One live stream to open: its workshop, its path, and the key a group's sheet needs.
#[derive(Debug, Clone, PartialEq)]
pub struct Stream {
    /// The workshop's index.
    pub workshop: usize,
    pub path: String,
    pub key: Option<String>,
}

impl Workshop {
    pub async fn create(client: &Client, addr: SocketAddr, index: usize, groups: usize) -> Result<Workshop, Failure> {
        let input = WorkshopInput { title: format!("Bench {}", index + 1), description: String::new() };
        let request = client.post(url(addr, "/api/v1/workshops")).json(&input);
        let CreatedWorkshop { code, secret, .. } =
            expect(request, StatusCode::CREATED, "creating the workshop").await?;
        let workshop_url = url(addr, &model::workshop_api_path(&code));
        let mut areas = Vec::with_capacity(AREAS);
        for number in 1..=AREAS {
            let input = ItemInput { name: format!("Area {number}"), description: String::new(), category_id: None };
            let request = client.post(format!("{workshop_url}/areas")).bearer_auth(&secret).json(&input);
            let area: model::Area = expect(request, StatusCode::CREATED, "adding an area").await?;
            areas.push(area.id);
        }
        let mut group_ids = Vec::with_capacity(groups);
        while group_ids.len() < groups {
            let count = (groups - group_ids.len()).min(GROUPS_PER_REQUEST) as i64;
            let request =
                client.post(format!("{workshop_url}/groups")).bearer_auth(&secret).json(&GroupsInput::Count { count });
            let added: Vec<model::Group> = expect(request, StatusCode::CREATED, "adding groups").await?;
            group_ids.extend(added.into_iter().map(|group| group.id));
        }
        // A new workshop starts closed, as a facilitator finds it.
        let request = client
            .put(format!("{workshop_url}/scoring"))
            .bearer_auth(&secret)
            .json(&serde_json::json!({ "open": true }));
        let _: model::Workshop = expect(request, StatusCode::OK, "opening scoring").await?;
        let request = client.get(format!("{workshop_url}/group-links")).bearer_auth(&secret);
        let links: Vec<GroupLink> = expect(request, StatusCode::OK, "reading the group links").await?;
        let groups = group_ids
            .into_iter()
            .map(|id| {
                let link = links.iter().find(|link| link.group_id == id);
                let key = link.map(|link| link.key.clone()).ok_or(Failure::setup(format!("no link for group {id}")))?;
                Ok(Group { id, key })
            })
            .collect::<Result<_, Failure>>()?;
        Ok(Workshop { index, code, secret, groups, areas })
    }

    /// The baseline keeps no workshops and takes any ids; it tells workshops apart by their code.
    pub fn fixed(index: usize, groups: usize) -> Workshop {
        let groups = (1..=groups as i64).map(|id| Group { id: GroupId(id), key: String::new() }).collect();
        let code = format!("BENCH{}", index + 1);
        Workshop { index, code, secret: String::new(), groups, areas: (1..=AREAS as i64).map(AreaId).collect() }
    }

    pub fn audience_stream(&self) -> Stream {
        Stream { workshop: self.index, path: format!("{}/live", model::workshop_api_path(&self.code)), key: None }
    }

    pub fn group_stream(&self, group: &Group) -> Stream {
        let path = model::sheet_live_path(&self.code, group.id);
        Stream { workshop: self.index, path, key: Some(group.key.clone()) }
    }

    pub fn scores_path(&self, group: &Group) -> String {
        format!("{}/groups/{}/scores", model::workshop_api_path(&self.code), group.id)
    }
}

/// Sends `request` and reads its answer, which must have `status`.
pub async fn expect<T: DeserializeOwned>(
    request: RequestBuilder,
    status: StatusCode,
    doing: &str,
) -> Result<T, Failure> {
    let failed = |reason: String| Failure::setup(format!("{doing}: {reason}"));
    let response = request.send().await.map_err(|error| failed(reason(error)))?;
    let answered = response.status();
    let body = response.bytes().await.map_err(|error| failed(reason(error)))?;
    let text = String::from_utf8_lossy(&body);
    if answered != status {
        return Err(failed(format!("HTTP {}: {text}", answered.as_u16())));
    }
    serde_json::from_slice(&body).map_err(|error| failed(format!("{error} in {text}")))
}
