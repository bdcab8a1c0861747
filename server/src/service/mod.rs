//! Every workshop operation: parse the input into domain values (bad input stops here with the
//! field and the rule), check who may do it, then make one store call.

mod assembled;
mod setup;

use std::collections::HashSet;
use std::sync::Arc;

use tokio::sync::watch;

use async_trait::async_trait;
use kvadrant::{
    AreaId, CategoryId, Comment, Description, Entity, Error, Field, GroupId, JoinCode, Name, Rule, Score, SuggestionId,
    Tag, Title, WorkshopId, rounds, segment,
};
use kvadrant_api::backend::{Backend, GroupKey, Key};
use kvadrant_api::model::{
    AcceptInput, Area, AreaComment, Category, ChangeEntry, CommentInput, CreatedWorkshop, Group, GroupCard, GroupInput,
    GroupLink, GroupScores, GroupTag, GroupsInput, Invite, ItemInput, ListKind, ManageLink, QrLink, Removal, Results,
    ResultsChoice, ReviewLink, Saved, ScoreInput, SettingsInput, Setup, Sheet, SheetScore, Suggestion, SuggestionInput,
    SuggestionStatus, Usage, Workshop, WorkshopInput, WorkshopSummary, manage_path, sheet_path,
};

use crate::config::AdminToken;

use crate::bands::RankBands;
use crate::live::{Frames, Hub, Role};
use crate::results::{Assembly, RoundScores, Shown};
use crate::store::{
    Actor, GroupAccess, NewLists, NewWorkshop, ScoreSubmission, ScoreWrite, ScoreWriter, Store, StoreError,
    StoreResult, WorkshopRecord, WorkshopSettings,
};
use crate::{qr, secret, views};
use assembled::AssembledResults;

pub use setup::setup_of;

use kvadrant::limits::MAX_GROUPS_PER_REQUEST;
/// The most lines of the change log one request reads; the workbook holds them all.
pub const MAX_CHANGES_PER_REQUEST: u32 = 500;

/// Who is asking, by the secret they hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Viewer {
    Facilitator,
    /// Holds the leaders' read-only link.
    Leader,
    /// Holds only the join code.
    Participant,
}
fn within_limit(count: usize, limit: usize, field: Field) -> Result<(), Error> {
    if count > limit { Err(Error::invalid(field, Rule::OutOfRange { min: 0, max: limit as i64 })) } else { Ok(()) }
}

pub struct Service {
    store: Arc<dyn Store>,
    scores: ScoreWriter,
    hub: Arc<Hub>,
    assembled: AssembledResults,
    bands: Arc<RankBands>,
    /// How long a workshop is kept after its last change; `None`: for as long as it is not deleted.
    retention: Option<time::Duration>,
    /// The instance administrator's token; `None`: no one administers over the API.
    admin_token: Option<AdminToken>,
}

impl StoreError {
    /// The error a client sees; a missing row is reported as the `entity` that was asked for.
    fn about(self, entity: Entity) -> Error {
        match self {
            StoreError::NotFound => Error::not_found(entity),
            StoreError::Conflict => Error::Conflict,
            StoreError::ScoringClosed => Error::ScoringClosed,
            StoreError::ScaleLocked => Error::invalid(Field::Scale, Rule::Locked),
            StoreError::Refused(error) => error,
            StoreError::WriteFailed => Error::Internal,
            StoreError::Corrupt(place) => {
                tracing::error!(place, "stored value out of range");
                Error::Internal
            }
            StoreError::Database(cause) => {
                tracing::error!(%cause, "database failure");
                Error::Internal
            }
        }
    }
}

impl From<StoreError> for Error {
    fn from(error: StoreError) -> Self {
        error.about(Entity::Workshop)
    }
}

/// 31⁶ ≈ 887 million codes: a clash is rare, and a few fresh draws settle it.
const CODE_DRAWS: usize = 8;

fn fresh_code() -> JoinCode {
    JoinCode::from_random(rand::random::<u8>)
}

fn qr_link(url: String) -> Result<QrLink, Error> {
    let qr_svg = qr::svg(&url).ok_or(Error::Internal)?;
    Ok(QrLink { url, qr_svg })
}

fn parse_workshop(input: &WorkshopInput) -> Result<(Title, Description), Error> {
    Ok((Title::parse(Field::Title, &input.title)?, Description::parse(Field::Description, &input.description)?))
}

fn parse_item(input: &ItemInput) -> Result<(Name, Description), Error> {
    Ok((Name::parse(Field::Name, &input.name)?, Description::parse(Field::Description, &input.description)?))
}

impl Service {
    pub async fn start(store: Arc<dyn Store>) -> StoreResult<Service> {
        let bands = Arc::new(RankBands::default());
        let hub = Hub::start(store.clone(), bands.clone()).await?;
        let scores = ScoreWriter::spawn(store.clone());
        Ok(Service {
            scores,
            store,
            hub,
            assembled: AssembledResults::default(),
            bands,
            retention: None,
            admin_token: None,
        })
    }

    /// Keeps workshops `days` after their last change (0: until deleted by hand).
    pub fn retaining(mut self, days: u32) -> Service {
        self.retention = (days > 0).then(|| time::Duration::days(i64::from(days)));
        self
    }

    /// Lets whoever holds `token` administer the instance over the API.
    pub fn administered_with(mut self, token: Option<AdminToken>) -> Service {
        self.admin_token = token;
        self
    }

    /// Every workshop on the instance, for its administrator.
    pub async fn summaries(&self, token: &str) -> Result<Vec<WorkshopSummary>, Error> {
        self.administrator(token)?;
        Ok(self.store.summaries().await?.into_iter().map(views::summary).collect())
    }

    /// Deletes a workshop, for the instance's administrator.
    pub async fn delete_as_administrator(&self, token: &str, code: &str) -> Result<(), Error> {
        self.administrator(token)?;
        let record = self.record(code).await?;
        self.delete(record.id).await
    }

    fn administrator(&self, token: &str) -> Result<(), Error> {
        match &self.admin_token {
            Some(admin) if admin.matches(token) => Ok(()),
            _ => Err(Error::Forbidden),
        }
    }

    /// Deletes the workshops that have not changed for the retention time; how many.
    pub async fn delete_unchanged(&self) -> Result<usize, Error> {
        let Some(age) = self.retention else { return Ok(0) };
        let mut deleted = 0;
        for workshop in self.store.unchanged_for(age).await? {
            match self.delete(workshop).await {
                Ok(()) => deleted += 1,
                // Deleted by hand meanwhile.
                Err(Error::NotFound { .. }) => {}
                Err(other) => return Err(other),
            }
        }
        Ok(deleted)
    }

    /// The day the workshop will be deleted unless it changes, if workshops are kept for a limited time.
    async fn deleted_on(&self, workshop: WorkshopId) -> Result<Option<String>, Error> {
        let Some(age) = self.retention else { return Ok(None) };
        let last = self.store.last_change(workshop).await?;
        const DAY: &[time::format_description::BorrowedFormatItem<'_>] =
            time::macros::format_description!("[year]-[month]-[day]");
        let day = last.get(..10).and_then(|day| time::Date::parse(day, DAY).ok()).ok_or(Error::Internal)?;
        Ok(Some((day + age).format(DAY).map_err(|_| Error::Internal)?))
    }

    pub fn store(&self) -> &Arc<dyn Store> {
        &self.store
    }

    pub fn hub(&self) -> &Hub {
        &self.hub
    }

    /// Makes a change and lets every screen following the workshop know of it.
    async fn change<T>(&self, workshop: WorkshopId, write: impl Future<Output = StoreResult<T>>) -> StoreResult<T> {
        let outcome = write.await;
        if outcome.is_ok() {
            self.hub.changed(workshop);
        }
        outcome
    }

    /// Deletes a workshop; its live feed notices and ends its streams, here and on every
    /// instance the change is announced to.
    async fn delete(&self, workshop: WorkshopId) -> Result<(), Error> {
        self.change(workshop, self.store.delete_workshop(workshop)).await.map_err(|e| e.about(Entity::Workshop))?;
        self.assembled.forget(workshop);
        Ok(())
    }

    /// Follows a workshop live: as the facilitator with its secret, else as the audience.
    pub async fn follow_workshop(
        &self,
        code: &str,
        secret: Option<&str>,
    ) -> Result<(watch::Receiver<Arc<Frames>>, Role), Error> {
        let (record, viewer) = self.access(code, secret).await?;
        let role = match (viewer, secret) {
            (Viewer::Facilitator, Some(secret)) => Role::Facilitator { secret: secret::digest(secret) },
            _ => Role::Audience,
        };
        Ok((self.frames(record.id).await?, role))
    }

    /// Follows a group's sheet live, with the group's key (or the facilitator's secret).
    pub async fn follow_sheet(&self, key: &GroupKey) -> Result<(watch::Receiver<Arc<Frames>>, Role), Error> {
        let (record, access, actor) = self.group_request(key).await?;
        let own_key = matches!(actor, Actor::Group(_)).then(|| secret::digest(&access.key));
        Ok((self.frames(record.id).await?, Role::Group { group: key.group, key: own_key }))
    }

    async fn frames(&self, workshop: WorkshopId) -> Result<watch::Receiver<Arc<Frames>>, Error> {
        self.hub.subscribe(workshop).await?.ok_or(Error::not_found(Entity::Workshop))
    }

    /// Makes a workshop with a fresh join code; `demo` marks illustrative sample data.
    pub async fn create(&self, input: WorkshopInput, demo: bool) -> Result<(WorkshopRecord, CreatedWorkshop), Error> {
        let (title, description) = parse_workshop(&input)?;
        self.create_with(title, description, WorkshopSettings::default(), NewLists::default(), demo).await
    }

    async fn create_with(
        &self,
        title: Title,
        description: Description,
        settings: WorkshopSettings,
        lists: NewLists,
        demo: bool,
    ) -> Result<(WorkshopRecord, CreatedWorkshop), Error> {
        let secret = secret::generate();
        let mut new = NewWorkshop {
            code: fresh_code(),
            title,
            description,
            secret_hash: secret::hash(&secret),
            review_hash: secret::hash(&secret::review(&secret, 0)),
            demo,
            // A new workshop opens for scoring once the facilitator has prepared it; sample
            // data is there to be tried at once.
            scoring_open: demo,
            settings,
            lists,
        };
        for _ in 0..CODE_DRAWS {
            match self.store.create_workshop(&new).await {
                Ok(_) => {
                    let record = self.record(new.code.as_str()).await?;
                    let code = new.code.to_string();
                    let created = CreatedWorkshop {
                        manage_path: manage_path(&code, &secret),
                        join_path: format!("/w/{code}"),
                        code,
                        secret,
                    };
                    return Ok((record, created));
                }
                Err(StoreError::Conflict) => new.code = fresh_code(),
                Err(other) => return Err(other.into()),
            }
        }
        Err(Error::Conflict)
    }

    /// Tells the facilitator's and the leaders' secrets apart; no secret is a participant's.
    fn viewer(record: &WorkshopRecord, secret: Option<&str>) -> Result<Viewer, Error> {
        match secret {
            None => Ok(Viewer::Participant),
            Some(secret) if secret::verify(secret, &record.secret_hash) => Ok(Viewer::Facilitator),
            Some(secret) if record.review_hash.as_deref().is_some_and(|hash| secret::verify(secret, hash)) => {
                Ok(Viewer::Leader)
            }
            Some(_) => Err(Error::Forbidden),
        }
    }

    /// The workshop and who is asking.
    pub async fn access(&self, code: &str, secret: Option<&str>) -> Result<(WorkshopRecord, Viewer), Error> {
        let record = self.record(code).await?;
        let viewer = Self::viewer(&record, secret)?;
        Ok((record, viewer))
    }

    /// The workshop and who asks, for the facilitator or the leaders only.
    async fn reviewer(&self, code: &str, secret: &str) -> Result<(WorkshopRecord, Viewer), Error> {
        match self.access(code, Some(secret)).await? {
            (_, Viewer::Participant) => Err(Error::Forbidden),
            reviewer => Ok(reviewer),
        }
    }

    /// Hidden results are the facilitator's alone.
    fn may_see_results(record: &WorkshopRecord, viewer: Viewer) -> Result<(), Error> {
        if record.results_hidden && viewer != Viewer::Facilitator { Err(Error::ResultsHidden) } else { Ok(()) }
    }

    /// What the workbook holds: the results (of `segment`, if given), every group's scores and
    /// the whole change log.
    pub async fn workbook(
        &self,
        code: &str,
        secret: &str,
        segment: Option<&str>,
    ) -> Result<(Results, Vec<GroupScores>, Vec<ChangeEntry>), Error> {
        let (record, viewer) = self.reviewer(code, secret).await?;
        let choice = ResultsChoice::of_segment(segment.map(str::to_owned));
        let results = self.visible_results(&record, viewer, &choice).await?;
        let scores = self.scores_of(&record, &results.workshop).await?;
        let changes = views::all(self.store.changes(record.id, None, None).await?);
        Ok((results, scores, changes))
    }

    async fn scores_of(&self, record: &WorkshopRecord, workshop: &Workshop) -> Result<Vec<GroupScores>, Error> {
        let cells = self.store.cells(record.id, record.settings.scale).await?;
        Ok(workshop
            .groups
            .iter()
            .map(|group| {
                let scores = cells
                    .iter()
                    .filter(|cell| cell.group == group.id)
                    .map(|cell| SheetScore { area_id: cell.area, axis: cell.axis, value: cell.score.value() })
                    .collect();
                GroupScores { group: group.clone(), scores }
            })
            .collect())
    }

    /// The results `viewer` may see: hidden results only for the facilitator.
    pub async fn visible_results(
        &self,
        record: &WorkshopRecord,
        viewer: Viewer,
        choice: &ResultsChoice,
    ) -> Result<Results, Error> {
        Self::may_see_results(record, viewer)?;
        let segment = choice.segment.as_deref().map(|pair| Tag::parse_pair(Field::Segment, pair)).transpose()?;
        let round = rounds::shown(choice.round.map(i64::from), record.round)?;
        self.results_of(record, Shown { segment, view: choice.view, round }).await
    }

    async fn review_link_at(&self, key: &Key, record: &WorkshopRecord, generation: i64) -> Result<ReviewLink, Error> {
        let review = secret::review(&key.secret, generation);
        let hash = secret::hash(&review);
        if record.review_hash.as_deref() != Some(hash.as_slice()) {
            self.store.set_review(record.id, &hash, generation).await?;
        }
        Ok(ReviewLink { path: format!("/w/{}/review/{review}", record.code), secret: review })
    }

    /// The workshop, what the group's request is checked against and who asks, if `key` opens
    /// the group's sheet: the group's own link key, or the facilitator's secret.
    async fn group_request(&self, key: &GroupKey) -> Result<(WorkshopRecord, GroupAccess, Actor), Error> {
        let record = self.record(&key.code).await?;
        let access = self.store.group_access(record.id, key.group).await?.ok_or(Error::not_found(Entity::Group))?;
        if key.secret.is_empty() {
            Err(Error::CredentialsRequired)
        } else if secret::matches(&key.secret, &access.key) {
            Ok((record, access, Actor::Group(key.group)))
        } else if secret::verify(&key.secret, &record.secret_hash) {
            Ok((record, access, Actor::FacilitatorFor(key.group)))
        } else {
            Err(Error::Forbidden)
        }
    }

    /// As [`Service::group_request`], for a change: only while scoring is open.
    async fn group_change(&self, key: &GroupKey) -> Result<(WorkshopRecord, GroupAccess, Actor), Error> {
        let (record, access, actor) = self.group_request(key).await?;
        if !record.scoring_open {
            return Err(Error::ScoringClosed);
        }
        Ok((record, access, actor))
    }

    fn group_link(code: &JoinCode, group: GroupId, key: String, joined: bool) -> GroupLink {
        GroupLink { group_id: group, path: sheet_path(code.as_str(), group, &key), key, joined }
    }

    pub async fn record(&self, code: &str) -> Result<WorkshopRecord, Error> {
        let code = JoinCode::parse(code)?;
        self.store.find_workshop(&code).await?.ok_or(Error::not_found(Entity::Workshop))
    }

    async fn authorized(&self, key: &Key) -> Result<WorkshopRecord, Error> {
        let record = self.record(&key.code).await?;
        if secret::verify(&key.secret, &record.secret_hash) { Ok(record) } else { Err(Error::Forbidden) }
    }

    async fn view(&self, record: &WorkshopRecord) -> Result<Workshop, Error> {
        Ok(views::workshop(record, self.store.content(record.id).await?))
    }

    /// The workshop as it is now, after a change made with `key`.
    async fn reloaded(&self, key: &Key) -> Result<Workshop, Error> {
        let record = self.record(&key.code).await?;
        self.view(&record).await
    }

    /// The results `shown` names; the live ones (official, of all groups, in the current round)
    /// are assembled once per version.
    async fn results_of(&self, record: &WorkshopRecord, shown: Shown) -> Result<Results, Error> {
        let live = Shown::live(record);
        let kept = shown.segment.is_none() && shown.view == live.view && shown.round == live.round;
        if kept && let Some(results) = self.assembled.at(record.id, record.version) {
            return Ok(Results::clone(&results));
        }
        let content = self.store.content(record.id).await?;
        let current = self.store.cells(record.id, record.settings.scale).await?;
        let finished = self.store.finished_rounds(record).await?;
        let comments = views::all(self.store.comments(record.id).await?);
        let suggestions: Vec<Suggestion> = views::all(self.store.suggestions(record.id).await?);
        let scores = RoundScores { current, finished };
        let (assembly, bands) = Assembly::new(record, content, scores, comments, &suggestions, &shown);
        // A segment so small that its groups could be told apart is not shown on its own.
        if shown.segment.is_some() && !assembly.workshop.shows_segment(assembly.segment.groups as usize) {
            let min = record.settings.certainty.min_segment_groups.into();
            return Err(Error::invalid(Field::Segment, Rule::TooFewGroups { min }));
        }
        let drawn = self.bands.draw(bands).await;
        let Assembly { workshop, segment, standings, .. } = assembly.with_bands(Some(&drawn));
        let results = Results::new(workshop, segment, shown.view, shown.round, standings);
        if kept {
            self.assembled.keep(record.id, record.version, Arc::new(results.clone()));
        }
        Ok(results)
    }

    /// Checks an area's category belongs to the workshop.
    fn category_of(workshop: &Workshop, category: Option<CategoryId>) -> Result<Option<CategoryId>, Error> {
        match category {
            Some(id) if workshop.category(Some(id)).is_none() => Err(Error::invalid(Field::CategoryId, Rule::Foreign)),
            other => Ok(other),
        }
    }

    fn group_names(workshop: &Workshop, input: &GroupsInput) -> Result<Vec<Name>, Error> {
        let names: Vec<Name> = match input {
            GroupsInput::Count { count } => {
                let most = MAX_GROUPS_PER_REQUEST as i64;
                if !(1..=most).contains(count) {
                    return Err(Error::invalid(Field::Count, Rule::OutOfRange { min: 1, max: most }));
                }
                // Continue the numbering, skipping names already taken (after renames or removals).
                let taken: HashSet<&str> = workshop.groups.iter().map(|g| g.name.as_str()).collect();
                (1..)
                    .map(|n| format!("Gruppe {n}"))
                    .filter(|name| !taken.contains(name.as_str()))
                    .take(*count as usize)
                    .map(|name| Name::parse(Field::Count, &name))
                    .collect::<Result<_, _>>()?
            }
            GroupsInput::Names { names } => {
                if names.is_empty() || names.len() > MAX_GROUPS_PER_REQUEST {
                    let most = MAX_GROUPS_PER_REQUEST as i64;
                    return Err(Error::invalid(Field::Names, Rule::OutOfRange { min: 1, max: most }));
                }
                names
                    .iter()
                    .enumerate()
                    .map(|(i, name)| Name::parse(Field::Names.at(i), name))
                    .collect::<Result<_, _>>()?
            }
        };
        // Against the workshop's own groups the store checks, under the workshop's write lock.
        let mut seen: HashSet<&str> = HashSet::new();
        for (i, name) in names.iter().enumerate() {
            if !seen.insert(name.as_str()) {
                return Err(Error::invalid(Field::Names.at(i), Rule::Duplicate));
            }
        }
        Ok(names)
    }

    fn score_writes(
        record: &WorkshopRecord,
        areas: &[AreaId],
        scores: &[ScoreInput],
    ) -> Result<Vec<ScoreWrite>, Error> {
        let areas: HashSet<AreaId> = areas.iter().copied().collect();
        let mut seen = HashSet::new();
        scores
            .iter()
            .enumerate()
            .map(|(i, input)| {
                let field = |name: Field| format!("scores[{i}].{name}");
                if !areas.contains(&input.area_id) {
                    return Err(Error::invalid(field(Field::AreaId), Rule::Foreign));
                }
                if !seen.insert((input.area_id, input.axis)) {
                    return Err(Error::invalid(format!("scores[{i}]"), Rule::Duplicate));
                }
                let score = input
                    .value
                    .map(|value| Score::parse(value, record.settings.scale))
                    .transpose()
                    .map_err(|rule| Error::invalid(field(Field::Value), rule))?;
                Ok(ScoreWrite { area: input.area_id, axis: input.axis, score })
            })
            .collect()
    }
}

#[async_trait]
impl Backend for Service {
    async fn create_workshop(&self, input: WorkshopInput) -> Result<CreatedWorkshop, Error> {
        Ok(self.create(input, false).await?.1)
    }

    async fn workshop(&self, code: &str) -> Result<Workshop, Error> {
        let record = self.record(code).await?;
        self.view(&record).await
    }

    async fn authorize(&self, key: &Key) -> Result<Workshop, Error> {
        let record = self.authorized(key).await?;
        self.view(&record).await
    }

    async fn managed(&self, key: &Key) -> Result<Workshop, Error> {
        let record = self.authorized(key).await?;
        let mut workshop = self.view(&record).await?;
        workshop.deleted_on = self.deleted_on(record.id).await?;
        Ok(workshop)
    }

    async fn update_workshop(&self, key: &Key, input: WorkshopInput) -> Result<Workshop, Error> {
        let (title, description) = parse_workshop(&input)?;
        let record = self.authorized(key).await?;
        self.change(record.id, self.store.update_workshop(record.id, &title, &description)).await?;
        self.reloaded(key).await
    }

    async fn set_scoring_open(&self, key: &Key, open: bool) -> Result<Workshop, Error> {
        let record = self.authorized(key).await?;
        self.change(record.id, self.store.set_scoring_open(record.id, open)).await?;
        self.reloaded(key).await
    }

    async fn add_category(&self, key: &Key, input: ItemInput) -> Result<Category, Error> {
        let (name, description) = parse_item(&input)?;
        let record = self.authorized(key).await?;
        let id = self.change(record.id, self.store.insert_category(record.id, &name, &description)).await?;
        Ok(Category { id, name: name.into_inner(), description: description.into_inner() })
    }

    async fn update_category(&self, key: &Key, id: CategoryId, input: ItemInput) -> Result<Category, Error> {
        let (name, description) = parse_item(&input)?;
        let record = self.authorized(key).await?;
        self.change(record.id, self.store.update_category(record.id, id, &name, &description))
            .await
            .map_err(|e| e.about(Entity::Category))?;
        Ok(Category { id, name: name.into_inner(), description: description.into_inner() })
    }

    async fn add_area(&self, key: &Key, input: ItemInput) -> Result<Area, Error> {
        let (name, description) = parse_item(&input)?;
        let record = self.authorized(key).await?;
        let workshop = self.view(&record).await?;
        let category_id = Self::category_of(&workshop, input.category_id)?;
        let id = self.change(record.id, self.store.insert_area(record.id, category_id, &name, &description)).await?;
        Ok(Area { id, name: name.into_inner(), description: description.into_inner(), category_id })
    }

    async fn update_area(&self, key: &Key, id: AreaId, input: ItemInput) -> Result<Area, Error> {
        let (name, description) = parse_item(&input)?;
        let record = self.authorized(key).await?;
        let category_id = Self::category_of(&self.view(&record).await?, input.category_id)?;
        self.change(record.id, self.store.update_area(record.id, id, category_id, &name, &description))
            .await
            .map_err(|e| e.about(Entity::Area))?;
        Ok(Area { id, name: name.into_inner(), description: description.into_inner(), category_id })
    }

    async fn add_groups(&self, key: &Key, input: GroupsInput) -> Result<Vec<Group>, Error> {
        let record = self.authorized(key).await?;
        let workshop = self.view(&record).await?;
        let names = Self::group_names(&workshop, &input)?;
        let ids = self.change(record.id, self.store.insert_groups(record.id, &names)).await?;
        Ok(ids
            .into_iter()
            .zip(names)
            .map(|(id, name)| Group { id, name: name.into_inner(), tags: Vec::new(), joined: false })
            .collect())
    }

    async fn update_group(&self, key: &Key, id: GroupId, input: GroupInput) -> Result<Group, Error> {
        let name = Name::parse(Field::Name, &input.name)?;
        let tags = input
            .tags
            .as_ref()
            .map(|tags| segment::parse_tags(Field::Tags, tags.iter().map(|t| (t.dimension.as_str(), t.value.as_str()))))
            .transpose()?;
        let record = self.authorized(key).await?;
        let workshop = self.view(&record).await?;
        self.change(record.id, self.store.update_group(record.id, id, &name, tags.as_deref()))
            .await
            .map_err(|e| e.about(Entity::Group))?;
        let tags = match tags {
            Some(tags) => tags.iter().map(GroupTag::from).collect(),
            None => workshop.group(id).map(|g| g.tags.clone()).unwrap_or_default(),
        };
        let joined = workshop.group(id).is_some_and(|g| g.joined);
        Ok(Group { id, name: name.into_inner(), tags, joined })
    }

    async fn remove(&self, key: &Key, list: ListKind, id: i64) -> Result<Removal, Error> {
        let record = self.authorized(key).await?;
        let entity = match list {
            ListKind::Categories => Entity::Category,
            ListKind::Areas => Entity::Area,
            ListKind::Groups => Entity::Group,
        };
        let removal =
            self.change(record.id, self.store.remove(record.id, list.into(), id)).await.map_err(|e| e.about(entity))?;
        Ok(views::removal(removal, list))
    }

    async fn restore(&self, key: &Key, removal: i64) -> Result<(), Error> {
        let record = self.authorized(key).await?;
        self.change(record.id, self.store.restore(record.id, removal)).await.map_err(|e| e.about(Entity::Removal))?;
        Ok(())
    }

    async fn usage(&self, key: &Key) -> Result<Usage, Error> {
        let record = self.authorized(key).await?;
        let cells = self.store.cells(record.id, record.settings.scale).await?;
        let comments = self.store.comments(record.id).await?;
        let content = self.store.content(record.id).await?;
        Ok(views::usage(&content, &cells, &comments))
    }

    async fn reorder(&self, key: &Key, list: ListKind, ids: Vec<i64>) -> Result<(), Error> {
        let record = self.authorized(key).await?;
        let current: HashSet<i64> = self.view(&record).await?.ids(list).into_iter().collect();
        let mut seen = HashSet::new();
        for (i, id) in ids.iter().enumerate() {
            if !current.contains(id) {
                return Err(Error::invalid(Field::Ids.at(i), Rule::Foreign));
            }
            if !seen.insert(*id) {
                return Err(Error::invalid(Field::Ids.at(i), Rule::Duplicate));
            }
        }
        if seen.len() != current.len() {
            return Err(Error::invalid(Field::Ids, Rule::Incomplete));
        }
        Ok(self.change(record.id, self.store.reorder(record.id, list.into(), &ids)).await?)
    }

    async fn move_item(&self, key: &Key, list: ListKind, id: i64, up: bool) -> Result<(), Error> {
        let record = self.authorized(key).await?;
        let mut ids = self.view(&record).await?.ids(list);
        let from = ids.iter().position(|&item| item == id).ok_or(Error::invalid(Field::Id, Rule::Foreign))?;
        let to = if up { from.checked_sub(1) } else { Some(from + 1).filter(|&to| to < ids.len()) };
        if let Some(to) = to {
            ids.swap(from, to);
            self.change(record.id, self.store.reorder(record.id, list.into(), &ids)).await?;
        }
        Ok(())
    }

    async fn claim_group(&self, code: &str, group: GroupId) -> Result<GroupLink, Error> {
        let record = self.record(code).await?;
        let key = self.change(record.id, self.store.claim_group(record.id, group)).await.map_err(|e| match e {
            StoreError::Conflict => Error::AlreadyJoined,
            other => other.about(Entity::Group),
        })?;
        Ok(Self::group_link(&record.code, group, key, true))
    }

    async fn group_links(&self, key: &Key) -> Result<Vec<GroupLink>, Error> {
        let record = self.authorized(key).await?;
        let workshop = self.view(&record).await?;
        let links = self.store.group_links(record.id).await?;
        Ok(links
            .into_iter()
            .map(|(group, link)| {
                let joined = workshop.group(group).is_some_and(|g| g.joined);
                Self::group_link(&record.code, group, link, joined)
            })
            .collect())
    }

    async fn renew_group_link(&self, key: &Key, group: GroupId, release: bool) -> Result<GroupLink, Error> {
        let record = self.authorized(key).await?;
        let link = self
            .change(record.id, self.store.renew_group_link(record.id, group, release))
            .await
            .map_err(|e| e.about(Entity::Group))?;
        let joined = self.view(&record).await?.group(group).is_some_and(|g| g.joined);
        Ok(Self::group_link(&record.code, group, link, joined))
    }

    async fn group_cards(&self, key: &Key, origin: &str) -> Result<Vec<GroupCard>, Error> {
        let workshop = self.authorize(key).await?;
        self.group_links(key)
            .await?
            .into_iter()
            .filter_map(|link| Some((workshop.group(link.group_id)?.name.clone(), link.path)))
            .map(|(name, path)| Ok(GroupCard { name, link: qr_link(format!("{origin}{path}"))? }))
            .collect()
    }

    async fn group_invite(&self, key: &GroupKey, origin: &str) -> Result<QrLink, Error> {
        let (record, access, _) = self.group_request(key).await?;
        // The group's own link, also when the facilitator asks: never the facilitator's secret.
        qr_link(format!("{origin}{}", sheet_path(record.code.as_str(), key.group, &access.key)))
    }

    async fn sheet(&self, key: &GroupKey) -> Result<Sheet, Error> {
        let (record, _, _) = self.group_request(key).await?;
        let workshop = self.view(&record).await?;
        let group = workshop.group(key.group).cloned().ok_or(Error::not_found(Entity::Group))?;
        let scores = views::all(self.store.group_scores(record.id, group.id).await?);
        let mut comments: Vec<AreaComment> = views::all(self.store.comments(record.id).await?);
        comments.retain(|comment| comment.group_id == group.id);
        let previous = match record.round {
            1 => Vec::new(),
            round => views::all(self.store.group_earlier_scores(group.id, round - 1).await?),
        };
        Ok(Sheet { workshop, group, scores, comments, previous })
    }

    async fn put_scores(&self, key: &GroupKey, scores: Vec<ScoreInput>) -> Result<Saved, Error> {
        let (record, access, actor) = self.group_change(key).await?;
        let writes = Self::score_writes(&record, &access.areas, &scores)?;
        let submission = ScoreSubmission { workshop: record.id, actor, writes };
        let version =
            self.change(record.id, self.scores.write(submission)).await.map_err(|e| e.about(Entity::Group))?;
        Ok(Saved { version })
    }

    async fn set_results_hidden(&self, key: &Key, hidden: bool) -> Result<Workshop, Error> {
        let record = self.authorized(key).await?;
        self.change(record.id, self.store.set_results_hidden(record.id, hidden)).await?;
        self.reloaded(key).await
    }

    async fn results(&self, code: &str, secret: Option<&str>, choice: &ResultsChoice) -> Result<Results, Error> {
        let (record, viewer) = self.access(code, secret).await?;
        self.visible_results(&record, viewer, choice).await
    }

    async fn start_round(&self, key: &Key) -> Result<Workshop, Error> {
        let record = self.authorized(key).await?;
        let next = rounds::next(record.round)?;
        self.change(record.id, self.store.start_round(record.id, next)).await?;
        self.reloaded(key).await
    }

    async fn group_scores(&self, code: &str, secret: &str) -> Result<Vec<GroupScores>, Error> {
        let (record, viewer) = self.reviewer(code, secret).await?;
        Self::may_see_results(&record, viewer)?;
        let workshop = self.view(&record).await?;
        self.scores_of(&record, &workshop).await
    }

    async fn update_settings(&self, key: &Key, input: SettingsInput) -> Result<Workshop, Error> {
        let settings = setup::parse_settings(&input)?;
        let record = self.authorized(key).await?;
        self.change(record.id, self.store.update_settings(record.id, &settings)).await?;
        self.reloaded(key).await
    }

    async fn put_comment(&self, key: &GroupKey, area: AreaId, input: CommentInput) -> Result<Saved, Error> {
        let comment = Comment::parse(&input.rationale, &input.risks, input.timeframe.as_deref())?;
        let (record, access, actor) = self.group_change(key).await?;
        if !access.areas.contains(&area) {
            return Err(Error::not_found(Entity::Area));
        }
        let version = self
            .change(record.id, self.store.put_comment(record.id, actor, area, &comment))
            .await
            .map_err(|e| e.about(Entity::Area))?;
        Ok(Saved { version })
    }

    async fn suggest(&self, key: &GroupKey, input: SuggestionInput) -> Result<Suggestion, Error> {
        let (name, description) =
            (Name::parse(Field::Name, &input.name)?, Description::parse(Field::Description, &input.description)?);
        let (record, _, actor) = self.group_change(key).await?;
        let id = self.change(record.id, self.store.insert_suggestion(record.id, actor, &name, &description)).await?;
        Ok(Suggestion {
            id,
            name: name.into_inner(),
            description: description.into_inner(),
            group_id: Some(key.group),
            status: SuggestionStatus::Pending,
            area_id: None,
        })
    }

    async fn accept_suggestion(&self, key: &Key, id: SuggestionId, input: AcceptInput) -> Result<Area, Error> {
        let record = self.authorized(key).await?;
        let workshop = self.view(&record).await?;
        let category_id = Self::category_of(&workshop, input.category_id)?;
        let area = self
            .change(record.id, self.store.accept_suggestion(record.id, id, category_id))
            .await
            .map_err(|e| e.about(Entity::Suggestion))?;
        let reloaded = self.view(&record).await?;
        reloaded.area(area).cloned().ok_or(Error::Conflict)
    }

    async fn keep_suggestion(&self, key: &Key, id: SuggestionId) -> Result<(), Error> {
        let record = self.authorized(key).await?;
        self.change(record.id, self.store.keep_suggestion(record.id, id)).await.map_err(|e| e.about(Entity::Suggestion))
    }

    async fn renew_secret(&self, key: &Key) -> Result<ManageLink, Error> {
        let record = self.authorized(key).await?;
        let secret = secret::generate();
        let review = secret::hash(&secret::review(&secret, record.review_generation));
        self.change(record.id, self.store.set_secret(record.id, &secret::hash(&secret), &review)).await?;
        Ok(ManageLink { path: manage_path(record.code.as_str(), &secret), secret })
    }

    async fn renew_code(&self, key: &Key) -> Result<ManageLink, Error> {
        let record = self.authorized(key).await?;
        for _ in 0..CODE_DRAWS {
            let code = fresh_code();
            match self.change(record.id, self.store.set_code(record.id, &code)).await {
                Ok(()) => {
                    return Ok(ManageLink {
                        path: manage_path(code.as_str(), &key.secret),
                        secret: key.secret.clone(),
                    });
                }
                Err(StoreError::Conflict) => continue,
                Err(other) => return Err(other.into()),
            }
        }
        Err(Error::Conflict)
    }

    async fn review_link(&self, key: &Key) -> Result<ReviewLink, Error> {
        let record = self.authorized(key).await?;
        self.review_link_at(key, &record, record.review_generation).await
    }

    async fn renew_review_link(&self, key: &Key) -> Result<ReviewLink, Error> {
        let record = self.authorized(key).await?;
        self.review_link_at(key, &record, record.review_generation + 1).await
    }

    /// The change log, for the facilitator alone: it holds every group's scores, which the
    /// leaders may not read while the results are hidden, and it adds nothing they need.
    async fn changes(&self, key: &Key, area: Option<AreaId>, limit: Option<u32>) -> Result<Vec<ChangeEntry>, Error> {
        let record = self.authorized(key).await?;
        if let Some(limit) = limit {
            within_limit(limit as usize, MAX_CHANGES_PER_REQUEST as usize, Field::Limit)?;
        }
        let limit = limit.unwrap_or(MAX_CHANGES_PER_REQUEST);
        Ok(views::all(self.store.changes(record.id, area, Some(limit)).await?))
    }

    async fn review(&self, code: &str, secret: &str) -> Result<Workshop, Error> {
        let (record, _) = self.reviewer(code, secret).await?;
        self.view(&record).await
    }

    async fn setup(&self, code: &str, secret: &str) -> Result<Setup, Error> {
        let (record, _) = self.reviewer(code, secret).await?;
        Ok(setup_of(&self.view(&record).await?))
    }

    async fn import_setup(&self, setup: Setup) -> Result<CreatedWorkshop, Error> {
        let parsed = setup::parse_setup(&setup)?;
        Ok(self.create_with(parsed.title, parsed.description, parsed.settings, parsed.lists, false).await?.1)
    }

    async fn delete_workshop(&self, key: &Key) -> Result<(), Error> {
        let record = self.authorized(key).await?;
        self.delete(record.id).await
    }

    async fn duplicate(&self, key: &Key) -> Result<CreatedWorkshop, Error> {
        let record = self.authorized(key).await?;
        let mut template = setup_of(&self.view(&record).await?);
        template.groups.clear();
        self.import_setup(template).await
    }

    async fn invite(&self, code: &str, origin: &str) -> Result<Invite, Error> {
        let workshop = self.workshop(code).await?;
        let link = qr_link(format!("{origin}/w/{}", workshop.code))?;
        Ok(Invite { workshop, link })
    }

    async fn demo_code(&self) -> Result<Option<String>, Error> {
        Ok(self.store.demo_code().await?.map(|code| code.to_string()))
    }
}
