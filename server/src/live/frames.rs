//! A workshop version turned into the server-sent events each role receives, serialised once.

use std::collections::HashMap;

use axum::body::Bytes;
use kvadrant::{AreaId, GroupId, areas_scored, rank_areas};
use kvadrant_app::model::{GroupProgress, LiveSheet, LiveView, SheetScore, Standings};
use serde::Serialize;

use super::Role;
use crate::store::Snapshot;

/// One version's events: shared by every subscriber, cloned by reference count.
#[derive(Debug)]
pub struct Frames {
    version: i64,
    /// The view with results, for the facilitator.
    revealed: Bytes,
    /// The view participants and the audience may see: `revealed` unless results are hidden.
    public: Bytes,
    sheets: HashMap<GroupId, Bytes>,
}

impl Frames {
    pub fn build(snapshot: Snapshot) -> Frames {
        let version = snapshot.record.version;
        let cells = snapshot.cells().unwrap_or_else(|cause| {
            tracing::error!(%cause, "reading scores for a live view");
            Vec::new()
        });
        let hidden = snapshot.record.results_hidden;
        let workshop = snapshot.record.view(snapshot.content);
        let areas: Vec<AreaId> = workshop.areas.iter().map(|area| area.id).collect();
        let scored = areas_scored(&areas, &cells);
        let activity: HashMap<GroupId, String> = snapshot.activity.into_iter().collect();
        let progress = workshop
            .groups
            .iter()
            .map(|group| GroupProgress {
                group_id: group.id,
                scored: scored.get(&group.id).copied().unwrap_or(0),
                last_activity: activity.get(&group.id).cloned(),
            })
            .collect();
        let standings = Standings::new(&workshop, rank_areas(snapshot.record.scale, &areas, &cells));

        let mut sheets: HashMap<GroupId, Vec<SheetScore>> =
            workshop.groups.iter().map(|group| (group.id, Vec::new())).collect();
        for score in &snapshot.scores {
            if let Some(sheet) = sheets.get_mut(&score.group) {
                sheet.push(SheetScore { area_id: score.area, axis: score.axis, value: score.value });
            }
        }
        let sheets = sheets
            .into_iter()
            .map(|(group_id, scores)| (group_id, event("sheet", version, &LiveSheet { version, group_id, scores })))
            .collect();

        let mut view = LiveView { version, workshop, standings: Some(standings), progress };
        let revealed = event("view", version, &view);
        let public = if hidden {
            view.standings = None;
            event("view", version, &view)
        } else {
            revealed.clone()
        };
        Frames { version, revealed, public, sheets }
    }

    pub fn version(&self) -> i64 {
        self.version
    }

    /// The events `role` receives for this version, in order.
    pub fn for_role(&self, role: Role) -> impl Iterator<Item = Bytes> + use<> {
        let (view, sheet) = match role {
            Role::Facilitator => (&self.revealed, None),
            Role::Audience => (&self.public, None),
            Role::Group(group) => (&self.public, self.sheets.get(&group)),
        };
        std::iter::once(view.clone()).chain(sheet.cloned())
    }
}

/// One server-sent event. The id is the version, so a reconnecting client says where it was.
fn event(name: &str, version: i64, data: &impl Serialize) -> Bytes {
    let json = serde_json::to_string(data).expect("live views serialise");
    Bytes::from(format!("event: {name}\nid: {version}\ndata: {json}\n\n"))
}
