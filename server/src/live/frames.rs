//! A workshop version turned into the server-sent events each role receives, serialised once.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};

use axum::body::Bytes;
use kvadrant::{AreaId, GroupId, areas_scored, rank_areas};
use kvadrant_app::model::{AreaComment, GroupProgress, LiveSheet, LiveView, SheetScore, Standings};
use serde::Serialize;

use super::Role;
use crate::store::Snapshot;

/// A view event with the workshop in it, and one without for streams that have it already.
#[derive(Debug)]
struct View {
    full: Bytes,
    lean: Bytes,
}

/// One version's events: shared by every subscriber, cloned by reference count.
#[derive(Debug)]
pub struct Frames {
    version: i64,
    /// Tells whether the workshop itself (title, lists, switches) changed between two versions.
    structure: u64,
    /// The facilitator's view: results always, and each group's progress.
    facilitator: View,
    /// Everyone else's: results unless hidden.
    public: View,
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
        let progress: Vec<GroupProgress> = workshop
            .groups
            .iter()
            .map(|group| GroupProgress {
                group_id: group.id,
                scored: scored.get(&group.id).copied().unwrap_or(0),
                last_activity: activity.get(&group.id).cloned(),
            })
            .collect();
        let groups_done =
            progress.iter().filter(|group| !areas.is_empty() && group.scored as usize >= areas.len()).count() as u32;
        let ranking = rank_areas(snapshot.record.settings.midlines(), &areas, &cells);
        let mut comments_of: HashMap<GroupId, Vec<AreaComment>> = HashMap::new();
        for comment in &snapshot.comments {
            comments_of.entry(comment.group_id).or_default().push(comment.clone());
        }
        let standings = Standings::new(&workshop, ranking, snapshot.comments, &snapshot.suggestions);

        let mut sheets: HashMap<GroupId, Vec<SheetScore>> =
            workshop.groups.iter().map(|group| (group.id, Vec::new())).collect();
        for score in &snapshot.scores {
            if let Some(sheet) = sheets.get_mut(&score.group) {
                sheet.push(SheetScore { area_id: score.area, axis: score.axis, value: score.value });
            }
        }
        let sheets = sheets
            .into_iter()
            .map(|(group_id, scores)| {
                let comments = comments_of.remove(&group_id).unwrap_or_default();
                (group_id, event("sheet", version, &LiveSheet { version, group_id, scores, comments }))
            })
            .collect();

        let workshop_json = serde_json::to_string(&workshop).expect("workshops serialise");
        let mut hasher = std::hash::DefaultHasher::new();
        workshop_json.hash(&mut hasher);
        let mut view = LiveView {
            version,
            workshop: Some(workshop),
            standings: Some(standings),
            groups_done,
            progress,
            suggestions: snapshot.suggestions,
        };
        let facilitator = View::of(&mut view);
        view.progress = Vec::new();
        view.suggestions = Vec::new();
        if hidden {
            view.standings = None;
        }
        let public = View::of(&mut view);
        Frames { version, structure: hasher.finish(), facilitator, public, sheets }
    }

    pub fn version(&self) -> i64 {
        self.version
    }

    /// Identifies the workshop's structure at this version; equal when it did not change.
    pub fn structure(&self) -> u64 {
        self.structure
    }

    /// The events `role` receives for this version, in order; `with_workshop` when its stream
    /// has not had this version's workshop yet.
    pub fn for_role(&self, role: Role, with_workshop: bool) -> impl Iterator<Item = Bytes> + use<> {
        let (view, sheet) = match role {
            Role::Facilitator => (&self.facilitator, None),
            Role::Audience => (&self.public, None),
            Role::Group(group) => (&self.public, self.sheets.get(&group)),
        };
        let view = if with_workshop { &view.full } else { &view.lean };
        std::iter::once(view.clone()).chain(sheet.cloned())
    }
}

impl View {
    /// Both forms of `view`; it is left with its workshop.
    fn of(view: &mut LiveView) -> View {
        let full = event("view", view.version, view);
        let workshop = view.workshop.take();
        let lean = event("view", view.version, view);
        view.workshop = workshop;
        View { full, lean }
    }
}

/// One server-sent event. The id is the version, so a reconnecting client says where it was.
fn event(name: &str, version: i64, data: &impl Serialize) -> Bytes {
    let json = serde_json::to_string(data).expect("live views serialise");
    Bytes::from(format!("event: {name}\nid: {version}\ndata: {json}\n\n"))
}
