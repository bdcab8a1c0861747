//! Kvadrant's domain: validated workshop values, aggregation of group scores,
//! ranking and the quadrant matrix. Pure and synchronous; builds for wasm32 and native.

pub mod error;
pub mod ids;
pub mod join_code;
pub mod matrix;
pub mod progress;
pub mod ranking;
pub mod score;
pub mod text;

pub use error::{Entity, Error, Format, Rule};
pub use ids::{AreaId, CategoryId, GroupId, WorkshopId};
pub use join_code::JoinCode;
pub use progress::areas_scored;
pub use ranking::{AreaResult, AxisStats, Cell, Quadrant, Ranking, rank_areas};
pub use score::{Axis, Scale, Score};
pub use text::{Description, Name, Title};
