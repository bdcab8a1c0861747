//! What a batch of score submissions writes, worked out in memory from the sheets as stored:
//! each submission's outcome, the cells to set and to clear (each cell once, as the batch
//! leaves it) and the lines of the change log. The database then takes it in a few statements
//! whatever the batch's size.

use std::collections::HashMap;

use kvadrant::{AreaId, Axis, GroupId, WorkshopId};

use super::{Actor, Entry, ScoreSubmission, StoreError, StoreResult};

/// A workshop open for scoring, as its version bump for the batch returned it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Opened {
    /// The version every change of the batch to this workshop is part of.
    pub version: i64,
    pub scale_min: i16,
    pub scale_max: i16,
}

/// One cell of a group's sheet.
pub type CellKey = (GroupId, AreaId, Axis);

/// One line of the change log, with who made the change and in which workshop.
#[derive(Debug, Clone)]
pub struct LogLine {
    pub workshop: WorkshopId,
    pub actor: Actor,
    pub entry: Entry,
}

/// What a batch writes.
#[derive(Debug, Default)]
pub struct SheetWrites {
    /// One per submission, in order: the version that includes it, or why it was refused.
    pub outcomes: Vec<StoreResult<i64>>,
    pub set: Vec<(CellKey, i16)>,
    pub cleared: Vec<CellKey>,
    pub log: Vec<LogLine>,
}

/// Plans `batch` against the stored cells of its groups. `opened` holds the workshops that
/// are open for scoring; a submission to another one is refused as
/// [`StoreError::ScoringClosed`], one with a score outside its workshop's scale as
/// [`StoreError::Conflict`] (the scale was checked before; it may have changed since, if these
/// are the first scores). Later submissions see what earlier ones in the batch wrote, and a
/// cell that keeps its value is neither written nor logged.
pub fn plan(
    batch: &[ScoreSubmission],
    opened: &HashMap<WorkshopId, Opened>,
    stored: impl IntoIterator<Item = (CellKey, i16)>,
) -> SheetWrites {
    let mut sheets: HashMap<CellKey, i16> = stored.into_iter().collect();
    let mut changed: HashMap<CellKey, Option<i16>> = HashMap::new();
    let mut writes = SheetWrites::default();
    for submission in batch {
        let outcome = plan_one(submission, opened, &mut sheets, &mut changed, &mut writes.log);
        writes.outcomes.push(outcome);
    }
    // Each cell once, in a fixed order, so that concurrent batches lock rows alike.
    let mut changed: Vec<(CellKey, Option<i16>)> = changed.into_iter().collect();
    changed.sort_unstable_by_key(|((group, area, axis), _)| (*group, *area, axis.as_str()));
    for (cell, value) in changed {
        match value {
            Some(value) => writes.set.push((cell, value)),
            None => writes.cleared.push(cell),
        }
    }
    writes
}

fn plan_one(
    submission: &ScoreSubmission,
    opened: &HashMap<WorkshopId, Opened>,
    sheets: &mut HashMap<CellKey, i16>,
    changed: &mut HashMap<CellKey, Option<i16>>,
    log: &mut Vec<LogLine>,
) -> StoreResult<i64> {
    let group = submission.actor.sheet()?;
    let open = opened.get(&submission.workshop).ok_or(StoreError::ScoringClosed)?;
    let outside = |score: kvadrant::Score| !(open.scale_min..=open.scale_max).contains(&i16::from(score.value()));
    if submission.writes.iter().filter_map(|write| write.score).any(outside) {
        return Err(StoreError::Conflict);
    }
    for write in &submission.writes {
        let cell = (group, write.area, write.axis);
        let new = write.score.map(|score| i16::from(score.value()));
        let old = match new {
            Some(value) => sheets.insert(cell, value),
            None => sheets.remove(&cell),
        };
        if old == new {
            continue;
        }
        changed.insert(cell, new);
        let action = if new.is_some() { "score_set" } else { "score_cleared" };
        let mut entry = Entry::new(action).area(write.area).field(write.axis.as_str());
        entry.old = old.map(|value| value.to_string());
        entry.new = new.map(|value| value.to_string());
        log.push(LogLine { workshop: submission.workshop, actor: submission.actor, entry });
    }
    Ok(open.version)
}

#[cfg(test)]
mod tests {
    use kvadrant::{Scale, Score};

    use super::*;
    use crate::store::ScoreWrite;

    const WORKSHOP: WorkshopId = WorkshopId(1);
    const CLOSED: WorkshopId = WorkshopId(2);

    fn opened() -> HashMap<WorkshopId, Opened> {
        HashMap::from([(WORKSHOP, Opened { version: 7, scale_min: 1, scale_max: 10 })])
    }

    fn write(area: i64, axis: Axis, value: Option<u8>) -> ScoreWrite {
        let score = value.map(|value| Score::parse(i64::from(value), Scale::new(0, 10).unwrap()).unwrap());
        ScoreWrite { area: AreaId(area), axis, score }
    }

    fn submission(workshop: WorkshopId, group: i64, writes: Vec<ScoreWrite>) -> ScoreSubmission {
        ScoreSubmission { workshop, actor: Actor::Group(GroupId(group)), writes }
    }

    #[test]
    fn each_cell_is_written_once_as_the_batch_leaves_it_and_every_change_is_logged() {
        let batch = [
            submission(WORKSHOP, 1, vec![write(10, Axis::Potential, Some(4)), write(11, Axis::Potential, Some(5))]),
            submission(WORKSHOP, 1, vec![write(10, Axis::Potential, Some(6)), write(11, Axis::Potential, None)]),
            submission(WORKSHOP, 2, vec![write(10, Axis::Feasibility, Some(3))]),
        ];
        let stored = [((GroupId(2), AreaId(10), Axis::Feasibility), 3)];
        let writes = plan(&batch, &opened(), stored);
        assert_eq!(writes.outcomes.iter().map(|o| o.as_ref().ok().copied()).collect::<Vec<_>>(), [Some(7); 3]);
        assert_eq!(writes.set, [((GroupId(1), AreaId(10), Axis::Potential), 6)]);
        assert_eq!(writes.cleared, [(GroupId(1), AreaId(11), Axis::Potential)]);
        let logged: Vec<_> = writes
            .log
            .iter()
            .map(|line| (line.entry.action, line.entry.old.as_deref(), line.entry.new.as_deref()))
            .collect();
        // Group 2's score stays as stored: nothing to write or log.
        assert_eq!(
            logged,
            [
                ("score_set", None, Some("4")),
                ("score_set", None, Some("5")),
                ("score_set", Some("4"), Some("6")),
                ("score_cleared", Some("5"), None),
            ]
        );
    }

    #[test]
    fn a_refused_submission_writes_nothing_and_leaves_the_others() {
        let batch = [
            submission(CLOSED, 1, vec![write(10, Axis::Potential, Some(4))]),
            submission(WORKSHOP, 1, vec![write(10, Axis::Potential, Some(0))]),
            ScoreSubmission { workshop: WORKSHOP, actor: Actor::Facilitator, writes: vec![] },
            submission(WORKSHOP, 3, vec![write(12, Axis::Feasibility, Some(9))]),
        ];
        let writes = plan(&batch, &opened(), []);
        assert!(matches!(writes.outcomes[0], Err(StoreError::ScoringClosed)));
        assert!(matches!(writes.outcomes[1], Err(StoreError::Conflict)), "0 is outside the scale 1–10");
        assert!(matches!(writes.outcomes[2], Err(StoreError::NotFound)), "no group's sheet");
        assert!(matches!(writes.outcomes[3], Ok(7)));
        assert_eq!(writes.set, [((GroupId(3), AreaId(12), Axis::Feasibility), 9)]);
        assert!(writes.cleared.is_empty());
        assert_eq!(writes.log.len(), 1);
    }
}
