//! Results in formats other programs open: CSV, an Excel workbook, and the matrix as SVG and PNG.
//! Every export that carries data carries the groups' comments too.

mod csv;
mod image;
mod pictures;
mod xlsx;

use kvadrant::Timeframe;
use kvadrant_api::model::{AreaComment, Results};
use kvadrant_app::i18n::Texts;

pub use self::csv::{CsvDialect, csv};
pub use self::image::{matrix_svg, png};
pub use self::pictures::Pictures;
pub use self::xlsx::xlsx;

fn timeframe_name(texts: &Texts, timeframe: Option<Timeframe>) -> &'static str {
    timeframe.map(|timeframe| texts.timeframe(timeframe)).unwrap_or_default()
}

/// One comment as one line of text: `Gruppe 1: rationale · Risiko: risks · Tidsperspektiv: …`.
fn comment_line(results: &Results, texts: &Texts, comment: &AreaComment) -> String {
    let group = results.workshop.group(comment.group_id).map(|g| g.name.as_str()).unwrap_or_default();
    let mut parts = Vec::new();
    if !comment.rationale.is_empty() {
        parts.push(comment.rationale.clone());
    }
    if !comment.risks.is_empty() {
        parts.push(format!("{}: {}", texts.risks(), comment.risks));
    }
    if comment.timeframe.is_some() {
        parts.push(format!("{}: {}", texts.timeframe_label(), timeframe_name(texts, comment.timeframe)));
    }
    format!("{group}: {}", parts.join(" · "))
}
