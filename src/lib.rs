//! Kvadrant's domain: validated workshop values, aggregation of group scores,
//! ranking and the quadrant matrix. Pure and synchronous; builds for wasm32 and native.

pub mod certainty;
pub mod comment;
pub mod error;
pub mod field;
pub mod ids;
pub mod join_code;
pub mod lang;
pub mod limits;
pub mod matrix;
pub mod progress;
pub mod ranking;
pub mod rounds;
pub mod score;
pub mod segment;
pub mod settings;
pub mod text;
pub mod whole_number;

pub use comment::{Comment, Timeframe};
pub use error::{Entity, Error, Format, Rule};
pub use field::Field;
pub use ids::{AreaId, CategoryId, GroupId, SuggestionId, WorkshopId};
pub use join_code::JoinCode;
pub use lang::Lang;
pub use progress::areas_scored;
pub use ranking::{AreaResult, AxisStats, Cell, Quadrant, Ranking, Sheets, rank_areas, rank_sheets};
pub use score::{Axis, Scale, Score};
pub use segment::Tag;
pub use settings::{Aggregate, CertaintySettings, Midline, Midlines};
pub use text::{AxisLabel, Description, Name, Note, TagText, Title};
