//! A workshop version turned into the server-sent events each role receives, serialised once.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};

use axum::body::Bytes;
use kvadrant::{AreaId, GroupId, areas_scored};
use kvadrant_api::model::{AreaComment, GroupProgress, LiveComments, LiveSheet, LiveView, SheetScore, Suggestion};
use serde::Serialize;

use super::Role;
use crate::bands::{BandJob, RankBands};
use crate::results::{Assembly, RoundScores, Shown};
use crate::store::Snapshot;
use crate::views;

/// A view event with the workshop in it, and one without for streams that have it already;
/// and the lean one as a `bands` event, for streams that have this version's view already and
/// get it again when its rank bands are drawn.
#[derive(Debug)]
struct View {
    full: Bytes,
    lean: Bytes,
    bands: Bytes,
}

/// One version's events: shared by every subscriber, cloned by reference count.
#[derive(Debug)]
pub struct Frames {
    version: i64,
    /// Whether the rank bands shown are of earlier scores: the frames are made again once
    /// the bands of these are drawn.
    bands_behind: bool,
    /// The scores the bands shown were drawn from (their seed), if any.
    bands_shown: Option<u64>,
    /// Tells whether the workshop itself (title, lists, switches) changed between two versions.
    structure: u64,
    /// The facilitator's view: results always, and each group's progress.
    facilitator: View,
    /// Everyone else's: results unless hidden.
    public: View,
    /// The groups' comments, which views leave out: they can be long, and change seldom.
    comments: Comments,
    /// Whether only the facilitator may see the results, comments included.
    hidden: bool,
    sheets: HashMap<GroupId, Bytes>,
    /// The digest of each group's key: a stream opened with an older key ends.
    keys: HashMap<GroupId, [u8; 32]>,
    /// The digest of the facilitator's secret: a stream opened with an older one ends.
    secret: Vec<u8>,
}

/// The `comments` event, and what tells two versions' comments apart.
#[derive(Debug)]
struct Comments {
    event: Bytes,
    hash: u64,
}

/// What a stream has been sent so far, which decides what the next version adds.
#[derive(Debug, Clone, Copy, Default)]
pub struct Sent {
    version: Option<i64>,
    structure: Option<u64>,
    comments: Option<u64>,
}

impl Frames {
    /// The frames of `snapshot`, with the latest of its rank `bands`; if those are of earlier
    /// scores, also what drawing the current ones takes.
    pub fn build(snapshot: Snapshot, bands: &RankBands) -> (Frames, Option<BandJob>) {
        let cells = snapshot.cells();
        let Snapshot { record, content, scores, finished, activity, comments, suggestions, group_links } = snapshot;
        let (comments, suggestions): (Vec<AreaComment>, Vec<Suggestion>) =
            (views::all(comments), views::all(suggestions));
        let mut comments_of: HashMap<GroupId, Vec<AreaComment>> = HashMap::new();
        for comment in &comments {
            comments_of.entry(comment.group_id).or_default().push(comment.clone());
        }
        let rounds = RoundScores { current: cells, finished };
        let (assembly, job) = Assembly::new(&record, content, rounds, comments, &suggestions, &Shown::live(&record));
        let drawn = bands.latest(&job.scope);
        let bands_shown = drawn.as_ref().map(|drawn| drawn.seed);
        let Assembly { workshop, cells, mut standings, .. } = assembly.with_bands(drawn.as_ref());
        let bands_behind = standings.bands_behind;
        let (version, hidden) = (record.version, record.results_hidden);
        let areas: Vec<AreaId> = workshop.areas.iter().map(|area| area.id).collect();
        let scored = areas_scored(&areas, &cells);
        let activity: HashMap<GroupId, String> = activity.into_iter().collect();
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
        let comments = std::mem::take(&mut standings.comments);
        let comments_json = serde_json::to_string(&comments).expect("comments serialise");
        let comments = Comments {
            hash: hash_of(&comments_json),
            event: event("comments", version, &LiveComments { version, comments }),
        };
        let secret = record.secret_hash.clone();
        let keys = group_links.iter().map(|(group, key)| (*group, crate::secret::digest(key))).collect();

        let mut sheets: HashMap<GroupId, Vec<SheetScore>> =
            workshop.groups.iter().map(|group| (group.id, Vec::new())).collect();
        for score in &scores {
            if let Some(sheet) = sheets.get_mut(&score.group) {
                sheet.push(SheetScore::from(*score));
            }
        }
        let sheets = sheets
            .into_iter()
            .map(|(group_id, scores)| {
                let comments = comments_of.remove(&group_id).unwrap_or_default();
                (group_id, event("sheet", version, &LiveSheet { version, group_id, scores, comments }))
            })
            .collect();

        let structure = hash_of(&serde_json::to_string(&workshop).expect("workshops serialise"));
        let mut view = LiveView {
            version,
            workshop: Some(workshop),
            standings: Some(standings),
            groups_done,
            progress,
            suggestions,
        };
        let facilitator = View::of(&mut view, bands_behind);
        view.progress = Vec::new();
        view.suggestions = Vec::new();
        if hidden {
            view.standings = None;
        }
        let public = View::of(&mut view, bands_behind);
        let frames = Frames {
            version,
            bands_behind,
            bands_shown,
            structure,
            facilitator,
            public,
            comments,
            hidden,
            sheets,
            keys,
            secret,
        };
        (frames, bands_behind.then_some(job))
    }

    pub fn version(&self) -> i64 {
        self.version
    }

    pub fn bands_behind(&self) -> bool {
        self.bands_behind
    }

    pub fn bands_shown(&self) -> Option<u64> {
        self.bands_shown
    }

    /// Whether a stream of `role` may go on at this version: one opened with a group's key or
    /// the facilitator's secret ends once that is renewed.
    pub fn admits(&self, role: Role) -> bool {
        match role {
            Role::Group { group, key: Some(key) } => self.keys.get(&group) == Some(&key),
            Role::Facilitator { secret } => self.secret == secret,
            _ => true,
        }
    }

    /// The events `role` receives for this version, in order, given what its stream was `sent`
    /// before: the workshop and the comments only when they changed since.
    pub fn for_role(&self, role: Role, sent: &mut Sent) -> impl Iterator<Item = Bytes> + use<> {
        let (view, sheet) = match role {
            Role::Facilitator { .. } => (&self.facilitator, None),
            Role::Audience => (&self.public, None),
            Role::Group { group, .. } => (&self.public, self.sheets.get(&group)),
        };
        let sees_results = matches!(role, Role::Facilitator { .. }) || !self.hidden;
        // The same version again: its rank bands were drawn; nothing else changed. While the
        // results are hidden from this stream, even that something was drawn is not its to know.
        if sent.version.replace(self.version) == Some(self.version) {
            return sees_results.then(|| view.bands.clone()).into_iter().chain(None).chain(None);
        }
        let with_workshop = sent.structure.replace(self.structure) != Some(self.structure);
        let view = if with_workshop { &view.full } else { &view.lean };
        let comments = (sees_results && sent.comments.replace(self.comments.hash) != Some(self.comments.hash))
            .then(|| self.comments.event.clone());
        Some(view.clone()).into_iter().chain(comments).chain(sheet.cloned())
    }
}

impl View {
    /// Both forms of `view`; it is left as it was. While its bands are `behind` its scores, the
    /// lean form leaves each area's certainty out too: a screen that has the workshop has a
    /// certainty to keep, and gets the new one with the bands, at most once a second. Each
    /// area's certainty is as large as the rest of its row, and every screen receives every change.
    fn of(view: &mut LiveView, behind: bool) -> View {
        let full = event("view", view.version, view);
        let workshop = view.workshop.take();
        let kept = match view.standings.as_mut().filter(|_| behind) {
            Some(standings) => {
                standings.certainty_omitted = true;
                standings.ranked.iter_mut().map(|row| std::mem::take(&mut row.certainty)).collect()
            }
            None => Vec::new(),
        };
        // The same data under two names: serialised once.
        let json = serde_json::to_string(view).expect("live views serialise");
        let (lean, bands) = (framed("view", view.version, &json), framed("bands", view.version, &json));
        if let Some(standings) = view.standings.as_mut().filter(|_| behind) {
            standings.certainty_omitted = false;
            standings.ranked.iter_mut().zip(kept).for_each(|(row, certainty)| row.certainty = certainty);
        }
        view.workshop = workshop;
        View { full, lean, bands }
    }
}

fn hash_of(json: &str) -> u64 {
    let mut hasher = std::hash::DefaultHasher::new();
    json.hash(&mut hasher);
    hasher.finish()
}

/// One server-sent event. The id is the version, so a reconnecting client says where it was.
fn event(name: &str, version: i64, data: &impl Serialize) -> Bytes {
    framed(name, version, &serde_json::to_string(data).expect("live views serialise"))
}

/// `json` as the event `name` of `version`.
fn framed(name: &str, version: i64, json: &str) -> Bytes {
    Bytes::from(format!("event: {name}\nid: {version}\ndata: {json}\n\n"))
}
