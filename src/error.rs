use serde::{Deserialize, Serialize};

/// Everything that can go wrong in a workshop operation, in terms a client may see.
/// Causes that a client may not see (a failing database, say) are logged where they
/// happen and surface here only as [`Error::Internal`].
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(tag = "error", rename_all = "snake_case")]
pub enum Error {
    /// `field` is a path ending in a [`crate::Field`]: `scores[3].value`, `names[2]`.
    #[error("{field}: {rule}")]
    Invalid {
        #[cfg_attr(feature = "openapi", schema(schema_with = crate::field::path_schema))]
        field: String,
        rule: Rule,
    },
    #[error("{entity} not found")]
    NotFound { entity: Entity },
    /// No credentials came with a request that needs them.
    #[error("this needs a private link: the group's, the facilitator's or the leaders'")]
    CredentialsRequired,
    /// Credentials came, but not ones that allow this.
    #[error("this link does not allow this")]
    Forbidden,
    /// The group was taken from the join page already.
    #[error("this group has joined already; ask someone in it for the group's link")]
    AlreadyJoined,
    #[error("scoring is closed for this workshop")]
    ScoringClosed,
    #[error("the facilitator has not revealed the results yet")]
    ResultsHidden,
    #[error("the workshop changed at the same moment; reload and try again")]
    Conflict,
    /// This address has made too many requests of a kind an honest visitor seldom makes.
    #[error("too many requests from this address; try again in {retry_after} seconds")]
    RateLimited { retry_after: u32 },
    /// The server is too busy to answer now, or took too long to.
    #[error("the server is busy; try again in {retry_after} seconds")]
    Busy { retry_after: u32 },
    #[error("the service is unavailable; try again")]
    Internal,
}

impl Error {
    pub fn invalid(field: impl Into<String>, rule: Rule) -> Self {
        Error::Invalid { field: field.into(), rule }
    }

    pub fn not_found(entity: Entity) -> Self {
        Error::NotFound { entity }
    }

    /// How many seconds a client should wait before it tries again, for refusals that pass.
    pub fn retry_after(&self) -> Option<u32> {
        match self {
            Error::RateLimited { retry_after } | Error::Busy { retry_after } => Some(*retry_after),
            _ => None,
        }
    }

    /// Prefixes the field of an [`Error::Invalid`], so `value` inside `scores[3]` reads `scores[3].value`.
    pub fn within(self, parent: &str) -> Self {
        match self {
            Error::Invalid { field, rule } => Error::Invalid { field: format!("{parent}.{field}"), rule },
            other => other,
        }
    }
}

/// The rule a rejected value broke.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(tag = "rule", rename_all = "snake_case")]
pub enum Rule {
    #[error("is required")]
    Required,
    #[error("must be at most {max} characters")]
    TooLong { max: usize },
    #[error("must not contain invisible control characters")]
    ControlCharacter,
    #[error("must be a whole number from {min} to {max}")]
    OutOfRange { min: i64, max: i64 },
    #[error("must be from {min} to {max} in steps of 0.5")]
    HalfStep { min: i64, max: i64 },
    #[error("cannot change once groups have scored")]
    Locked,
    #[error("must be {expected}")]
    Malformed { expected: Format },
    #[error("does not belong to this workshop")]
    Foreign,
    #[error("is listed more than once")]
    Duplicate,
    #[error("must list every item exactly once")]
    Incomplete,
    /// A segment smaller than the workshop shows: its groups could be told apart.
    #[error("has fewer groups than the {min} a segment must have to be shown")]
    TooFewGroups { min: i64 },
    /// A new round begins only after the groups have scored the current one.
    #[error("has no scores yet: a new round begins once the groups have scored this one")]
    NothingScored,
}

/// The shapes a malformed value was expected to have.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    #[error("a join code of 6 letters and digits")]
    JoinCode,
    #[error("'potential' or 'feasibility'")]
    Axis,
    #[error("valid JSON of the documented shape")]
    Json,
    #[error("a whole number")]
    WholeNumber,
    #[error("a number")]
    Number,
    #[error("'nb', 'nn' or 'en'")]
    Language,
    #[error("'short', 'medium' or 'long'")]
    Timeframe,
    #[error("'dimension=value'")]
    Segment,
    #[error("'dimension: value'")]
    Tag,
    #[error("'standard' or 'excel-no'")]
    CsvDialect,
    #[error("'official' or 'normalised'")]
    ResultsView,
    #[error("'mean' or 'median'")]
    Aggregate,
}

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(rename_all = "snake_case")]
pub enum Entity {
    #[error("workshop")]
    Workshop,
    #[error("category")]
    Category,
    #[error("area")]
    Area,
    #[error("group")]
    Group,
    #[error("suggestion")]
    Suggestion,
    /// A removal to undo: unknown, undone already, or past the time to undo it.
    #[error("removal")]
    Removal,
}
