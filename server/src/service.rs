//! Every workshop operation: parse the input into domain values (bad input stops here with the
//! field and the rule), check who may do it, then make one store call.

use std::collections::HashSet;
use std::sync::Arc;

use tokio::sync::watch;

use async_trait::async_trait;
use kvadrant::{
    AreaId, CategoryId, Description, Entity, Error, GroupId, JoinCode, Name, Rule, Scale, Score, Title, WorkshopId,
    rank_areas,
};
use kvadrant_app::backend::{Backend, Key};
use kvadrant_app::model::{
    Area, Category, CreatedWorkshop, Group, GroupsInput, Invite, ItemInput, ListKind, Results, Saved, ScoreInput,
    Sheet, Workshop, WorkshopInput,
};

use crate::live::{Frames, Hub, Role};
use crate::store::{
    NewWorkshop, ScoreSubmission, ScoreWrite, ScoreWriter, Store, StoreError, StoreResult, WorkshopRecord,
};
use crate::{qr, secret};

/// The most groups one request may add; more than any workshop room holds.
pub const MAX_GROUPS_PER_REQUEST: i64 = 100;

/// Limits per workshop, far above any real workshop, so that no one can make the pages of
/// a workshop expensive to render.
pub const MAX_CATEGORIES: usize = 50;
pub const MAX_AREAS: usize = 200;
pub const MAX_GROUPS: usize = 500;

fn within_limit(count: usize, limit: usize, field: &str) -> Result<(), Error> {
    if count > limit { Err(Error::invalid(field, Rule::OutOfRange { min: 0, max: limit as i64 })) } else { Ok(()) }
}

pub struct Service {
    store: Arc<dyn Store>,
    scores: ScoreWriter,
    hub: Arc<Hub>,
}

impl StoreError {
    /// The error a client sees; a missing row is reported as the `entity` that was asked for.
    fn about(self, entity: Entity) -> Error {
        match self {
            StoreError::NotFound => Error::not_found(entity),
            StoreError::Conflict => Error::Conflict,
            StoreError::ScoringClosed => Error::ScoringClosed,
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

fn parse_workshop(input: &WorkshopInput) -> Result<(Title, Description), Error> {
    Ok((Title::parse("title", &input.title)?, Description::parse("description", &input.description)?))
}

fn parse_item(input: &ItemInput) -> Result<(Name, Description), Error> {
    Ok((Name::parse("name", &input.name)?, Description::parse("description", &input.description)?))
}

impl Service {
    pub async fn start(store: Arc<dyn Store>) -> StoreResult<Service> {
        let hub = Hub::start(store.clone()).await?;
        Ok(Service { scores: ScoreWriter::spawn(store.clone()), store, hub })
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

    /// Follows a workshop live as `role`; a facilitator proves the role with `secret`.
    pub async fn follow(
        &self,
        code: &str,
        group: Option<GroupId>,
        secret: Option<&str>,
    ) -> Result<(watch::Receiver<Arc<Frames>>, Role), Error> {
        let record = self.record(code).await?;
        let role = match (group, secret) {
            (_, Some(secret)) if secret::verify(secret, &record.secret_hash) => Role::Facilitator,
            (_, Some(_)) => return Err(Error::Forbidden),
            (Some(group), None) => {
                if self.store.scoring_targets(record.id, group).await?.is_none() {
                    return Err(Error::not_found(Entity::Group));
                }
                Role::Group(group)
            }
            (None, None) => Role::Audience,
        };
        let frames = self.hub.subscribe(record.id).await?.ok_or(Error::not_found(Entity::Workshop))?;
        Ok((frames, role))
    }

    /// Makes a workshop with a fresh join code; `demo` marks illustrative sample data.
    pub async fn create(&self, input: WorkshopInput, demo: bool) -> Result<(WorkshopRecord, CreatedWorkshop), Error> {
        let (title, description) = parse_workshop(&input)?;
        let secret = secret::generate();
        let secret_hash = secret::hash(&secret);
        // 31⁶ ≈ 887 million codes: a clash is rare, and a few fresh draws settle it.
        for _ in 0..8 {
            let mut bytes = [0u8; JoinCode::LEN];
            rand::RngCore::fill_bytes(&mut rand::rng(), &mut bytes);
            let new = NewWorkshop {
                code: JoinCode::from_random(bytes),
                title: title.clone(),
                description: description.clone(),
                secret_hash: secret_hash.clone(),
                demo,
                scale: Scale::default(),
            };
            match self.store.create_workshop(&new).await {
                Ok(_) => {
                    let record = self.record(new.code.as_str()).await?;
                    let code = new.code.to_string();
                    let created = CreatedWorkshop {
                        manage_path: format!("/w/{code}/manage/{secret}"),
                        join_path: format!("/w/{code}"),
                        code,
                        secret,
                    };
                    return Ok((record, created));
                }
                Err(StoreError::Conflict) => continue,
                Err(other) => return Err(other.into()),
            }
        }
        Err(Error::Conflict)
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
        Ok(record.view(self.store.content(record.id).await?))
    }

    /// The workshop as it is now, after a change made with `key`.
    async fn reloaded(&self, key: &Key) -> Result<Workshop, Error> {
        let record = self.record(&key.code).await?;
        self.view(&record).await
    }

    async fn results_of(&self, record: &WorkshopRecord) -> Result<Results, Error> {
        let workshop = self.view(record).await?;
        let cells = self.store.cells(record.id, record.scale).await?;
        let areas: Vec<AreaId> = workshop.areas.iter().map(|a| a.id).collect();
        Ok(Results::new(workshop, rank_areas(record.scale, &areas, &cells)))
    }

    /// Checks an area's category belongs to the workshop.
    fn category_of(workshop: &Workshop, input: &ItemInput) -> Result<Option<CategoryId>, Error> {
        match input.category_id {
            Some(id) if workshop.category(Some(id)).is_none() => Err(Error::invalid("category_id", Rule::Foreign)),
            other => Ok(other),
        }
    }

    fn group_names(workshop: &Workshop, input: &GroupsInput) -> Result<Vec<Name>, Error> {
        let names: Vec<Name> = match input {
            GroupsInput::Count { count } => {
                if !(1..=MAX_GROUPS_PER_REQUEST).contains(count) {
                    return Err(Error::invalid("count", Rule::OutOfRange { min: 1, max: MAX_GROUPS_PER_REQUEST }));
                }
                // Continue the numbering, skipping names already taken (after renames or removals).
                let taken: HashSet<&str> = workshop.groups.iter().map(|g| g.name.as_str()).collect();
                (1..)
                    .map(|n| format!("Gruppe {n}"))
                    .filter(|name| !taken.contains(name.as_str()))
                    .take(*count as usize)
                    .map(|name| Name::parse("count", &name))
                    .collect::<Result<_, _>>()?
            }
            GroupsInput::Names { names } => {
                if names.is_empty() || names.len() as i64 > MAX_GROUPS_PER_REQUEST {
                    return Err(Error::invalid("names", Rule::OutOfRange { min: 1, max: MAX_GROUPS_PER_REQUEST }));
                }
                names
                    .iter()
                    .enumerate()
                    .map(|(i, name)| Name::parse(&format!("names[{i}]"), name))
                    .collect::<Result<_, _>>()?
            }
        };
        let mut seen: HashSet<&str> = workshop.groups.iter().map(|g| g.name.as_str()).collect();
        for (i, name) in names.iter().enumerate() {
            if !seen.insert(name.as_str()) {
                return Err(Error::invalid(format!("names[{i}]"), Rule::Duplicate));
            }
        }
        within_limit(workshop.groups.len() + names.len(), MAX_GROUPS, "groups")?;
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
                let field = |name: &str| format!("scores[{i}].{name}");
                if !areas.contains(&input.area_id) {
                    return Err(Error::invalid(field("area_id"), Rule::Foreign));
                }
                if !seen.insert((input.area_id, input.axis)) {
                    return Err(Error::invalid(format!("scores[{i}]"), Rule::Duplicate));
                }
                let score = input
                    .value
                    .map(|value| Score::parse(value, record.scale))
                    .transpose()
                    .map_err(|rule| Error::invalid(field("value"), rule))?;
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
        within_limit(self.view(&record).await?.categories.len() + 1, MAX_CATEGORIES, "categories")?;
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

    async fn remove_category(&self, key: &Key, id: CategoryId) -> Result<(), Error> {
        let record = self.authorized(key).await?;
        self.change(record.id, self.store.delete_category(record.id, id)).await.map_err(|e| e.about(Entity::Category))
    }

    async fn add_area(&self, key: &Key, input: ItemInput) -> Result<Area, Error> {
        let (name, description) = parse_item(&input)?;
        let record = self.authorized(key).await?;
        let workshop = self.view(&record).await?;
        within_limit(workshop.areas.len() + 1, MAX_AREAS, "areas")?;
        let category_id = Self::category_of(&workshop, &input)?;
        let id = self.change(record.id, self.store.insert_area(record.id, category_id, &name, &description)).await?;
        Ok(Area { id, name: name.into_inner(), description: description.into_inner(), category_id })
    }

    async fn update_area(&self, key: &Key, id: AreaId, input: ItemInput) -> Result<Area, Error> {
        let (name, description) = parse_item(&input)?;
        let record = self.authorized(key).await?;
        let category_id = Self::category_of(&self.view(&record).await?, &input)?;
        self.change(record.id, self.store.update_area(record.id, id, category_id, &name, &description))
            .await
            .map_err(|e| e.about(Entity::Area))?;
        Ok(Area { id, name: name.into_inner(), description: description.into_inner(), category_id })
    }

    async fn remove_area(&self, key: &Key, id: AreaId) -> Result<(), Error> {
        let record = self.authorized(key).await?;
        self.change(record.id, self.store.delete_area(record.id, id)).await.map_err(|e| e.about(Entity::Area))
    }

    async fn add_groups(&self, key: &Key, input: GroupsInput) -> Result<Vec<Group>, Error> {
        let record = self.authorized(key).await?;
        let workshop = self.view(&record).await?;
        let names = Self::group_names(&workshop, &input)?;
        let ids = self.change(record.id, self.store.insert_groups(record.id, &names)).await?;
        Ok(ids.into_iter().zip(names).map(|(id, name)| Group { id, name: name.into_inner() }).collect())
    }

    async fn rename_group(&self, key: &Key, id: GroupId, name: String) -> Result<Group, Error> {
        let name = Name::parse("name", &name)?;
        let record = self.authorized(key).await?;
        let workshop = self.view(&record).await?;
        if workshop.groups.iter().any(|g| g.id != id && g.name == name.as_str()) {
            return Err(Error::invalid("name", Rule::Duplicate));
        }
        self.change(record.id, self.store.rename_group(record.id, id, &name))
            .await
            .map_err(|e| e.about(Entity::Group))?;
        Ok(Group { id, name: name.into_inner() })
    }

    async fn remove_group(&self, key: &Key, id: GroupId) -> Result<(), Error> {
        let record = self.authorized(key).await?;
        self.change(record.id, self.store.delete_group(record.id, id)).await.map_err(|e| e.about(Entity::Group))
    }

    async fn reorder(&self, key: &Key, list: ListKind, ids: Vec<i64>) -> Result<(), Error> {
        let record = self.authorized(key).await?;
        let current: HashSet<i64> = self.view(&record).await?.ids(list).into_iter().collect();
        let mut seen = HashSet::new();
        for (i, id) in ids.iter().enumerate() {
            if !current.contains(id) {
                return Err(Error::invalid(format!("ids[{i}]"), Rule::Foreign));
            }
            if !seen.insert(*id) {
                return Err(Error::invalid(format!("ids[{i}]"), Rule::Duplicate));
            }
        }
        if seen.len() != current.len() {
            return Err(Error::invalid("ids", Rule::Incomplete));
        }
        Ok(self.change(record.id, self.store.reorder(record.id, list, &ids)).await?)
    }

    async fn move_item(&self, key: &Key, list: ListKind, id: i64, up: bool) -> Result<(), Error> {
        let record = self.authorized(key).await?;
        let mut ids = self.view(&record).await?.ids(list);
        let from = ids.iter().position(|&item| item == id).ok_or(Error::invalid("id", Rule::Foreign))?;
        let to = if up { from.checked_sub(1) } else { Some(from + 1).filter(|&to| to < ids.len()) };
        if let Some(to) = to {
            ids.swap(from, to);
            self.change(record.id, self.store.reorder(record.id, list, &ids)).await?;
        }
        Ok(())
    }

    async fn sheet(&self, code: &str, group: GroupId) -> Result<Sheet, Error> {
        let record = self.record(code).await?;
        let workshop = self.view(&record).await?;
        let group = workshop.group(group).cloned().ok_or(Error::not_found(Entity::Group))?;
        let scores = self.store.group_scores(record.id, group.id).await?;
        Ok(Sheet { workshop, group, scores })
    }

    async fn put_scores(&self, code: &str, group: GroupId, scores: Vec<ScoreInput>) -> Result<Saved, Error> {
        let record = self.record(code).await?;
        let areas = self.store.scoring_targets(record.id, group).await?.ok_or(Error::not_found(Entity::Group))?;
        if !record.scoring_open {
            return Err(Error::ScoringClosed);
        }
        let writes = Self::score_writes(&record, &areas, &scores)?;
        let submission = ScoreSubmission { workshop: record.id, group, writes };
        let version =
            self.change(record.id, self.scores.write(submission)).await.map_err(|e| e.about(Entity::Group))?;
        Ok(Saved { version })
    }

    async fn set_results_hidden(&self, key: &Key, hidden: bool) -> Result<Workshop, Error> {
        let record = self.authorized(key).await?;
        self.change(record.id, self.store.set_results_hidden(record.id, hidden)).await?;
        self.reloaded(key).await
    }

    async fn results(&self, code: &str) -> Result<Results, Error> {
        let record = self.record(code).await?;
        if record.results_hidden {
            return Err(Error::ResultsHidden);
        }
        self.results_of(&record).await
    }

    async fn managed_results(&self, key: &Key) -> Result<Results, Error> {
        let record = self.authorized(key).await?;
        self.results_of(&record).await
    }

    async fn invite(&self, code: &str, origin: &str) -> Result<Invite, Error> {
        let workshop = self.workshop(code).await?;
        let url = format!("{origin}/w/{}", workshop.code);
        let qr_svg = qr::svg(&url).ok_or(Error::Internal)?;
        Ok(Invite { workshop, url, qr_svg })
    }

    async fn demo_code(&self) -> Result<Option<String>, Error> {
        Ok(self.store.demo_code().await?.map(|code| code.to_string()))
    }
}
