//! Rounds: after discussing the results, the groups may score again. Each finished round's
//! scores are kept as they were when the next began, and never change again; the round being
//! scored is the workshop's current one.

use crate::limits::MAX_ROUNDS;
use crate::{Cell, Error, Field, Rule};

/// A finished round's scores, as they were when the next round began.
#[derive(Debug, Clone, PartialEq)]
pub struct FinishedRound {
    pub number: u32,
    pub cells: Vec<Cell>,
}

/// The round a result shows: `asked`, one of the rounds so far, or the current one.
pub fn shown(asked: Option<i64>, current: u32) -> Result<u32, Error> {
    match asked {
        None => Ok(current),
        Some(round) if (1..=i64::from(current)).contains(&round) => Ok(round as u32),
        Some(_) => Err(Error::invalid(Field::Round, Rule::OutOfRange { min: 1, max: current.into() })),
    }
}

/// The round that follows `current`, while the workshop may have another.
pub fn next(current: u32) -> Result<u32, Error> {
    if current < MAX_ROUNDS {
        Ok(current + 1)
    } else {
        Err(Error::invalid(Field::Round, Rule::OutOfRange { min: 1, max: MAX_ROUNDS.into() }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_current_round_is_shown_unless_an_earlier_one_is_asked_for() {
        assert_eq!(shown(None, 3), Ok(3));
        assert_eq!(shown(Some(1), 3), Ok(1));
        assert_eq!(shown(Some(3), 3), Ok(3));
        for wrong in [0, 4, -1] {
            let refused = shown(Some(wrong), 3).unwrap_err();
            assert_eq!(refused, Error::invalid(Field::Round, Rule::OutOfRange { min: 1, max: 3 }));
        }
    }

    #[test]
    fn rounds_stop_at_the_limit() {
        assert_eq!(next(1), Ok(2));
        assert_eq!(next(MAX_ROUNDS - 1), Ok(MAX_ROUNDS));
        assert!(next(MAX_ROUNDS).is_err());
    }
}
