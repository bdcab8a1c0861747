//! The ranked list as CSV, for scripts (UTF-8, commas) or for Norwegian Excel.

use kvadrant::{AxisStats, Error, Field, Format, Rule};
use kvadrant_api::model::Results;
use kvadrant_app::i18n::texts;

use super::comment_line;

/// The columns before the odds of each top place the workshop chose (`top3_share`, …).
const HEADER: [&str; 20] = [
    "rank",
    "area",
    "category",
    "status",
    "groups",
    "potential_mean",
    "potential_median",
    "potential_sd",
    "potential_min",
    "potential_max",
    "feasibility_mean",
    "feasibility_median",
    "feasibility_sd",
    "feasibility_min",
    "feasibility_max",
    "aggregate",
    "combined",
    "quadrant",
    "rank_best",
    "rank_worst",
];
/// The columns after them.
const TRAILER: [&str; 2] = ["dissent", "comments"];

/// Text a spreadsheet would run as a formula is prefixed with an apostrophe, which it shows as text.
fn text(value: &str) -> String {
    if value.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{value}") } else { value.to_owned() }
}

/// How values are separated and decimals written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CsvDialect {
    /// Commas and decimal points, as programs read CSV.
    Standard,
    /// Semicolons, decimal commas and a byte order mark: what Excel set to Norwegian opens
    /// into columns, with numbers as numbers and æøå intact.
    NorwegianExcel,
}

impl CsvDialect {
    /// Each dialect by the name a query gives it.
    pub const NAMES: [(&'static str, CsvDialect); 2] =
        [("standard", CsvDialect::Standard), ("excel-no", CsvDialect::NorwegianExcel)];

    /// Absent is the standard dialect.
    pub fn parse(name: Option<&str>) -> Result<CsvDialect, Error> {
        let Some(name) = name else { return Ok(CsvDialect::Standard) };
        Self::NAMES
            .iter()
            .find(|(known, _)| *known == name)
            .map(|(_, dialect)| *dialect)
            .ok_or(Error::invalid(Field::Dialect, Rule::Malformed { expected: Format::CsvDialect }))
    }

    /// What the file name carries to tell the two apart.
    pub fn suffix(self) -> &'static str {
        match self {
            CsvDialect::Standard => "",
            CsvDialect::NorwegianExcel => "-excel",
        }
    }

    fn number(self, value: f64) -> String {
        let text = format!("{value:.3}");
        match self {
            CsvDialect::Standard => text,
            CsvDialect::NorwegianExcel => text.replace('.', ","),
        }
    }

    fn axis(self, stats: &AxisStats) -> [String; 5] {
        [
            self.number(stats.mean),
            self.number(stats.median),
            stats.sd.map(|sd| self.number(sd)).unwrap_or_default(),
            stats.min.to_string(),
            stats.max.to_string(),
        ]
    }
}

/// The ranked list, then unscored areas and areas raised but not scored, without figures.
/// Each area's comments are in its last column, one line per group.
pub fn csv(results: &Results, dialect: CsvDialect) -> Vec<u8> {
    let texts = texts(results.workshop.settings.language);
    let delimiter = match dialect {
        CsvDialect::Standard => b',',
        CsvDialect::NorwegianExcel => b';',
    };
    let mut writer = csv::WriterBuilder::new().delimiter(delimiter).from_writer(Vec::new());
    let mut write = |record: Vec<String>| {
        writer.write_record(&record).expect("writing CSV to memory cannot fail");
    };
    let comments = |area| {
        let lines = results.comments.iter().filter(|c| c.area_id == area).map(|c| comment_line(results, texts, c));
        text(&lines.collect::<Vec<_>>().join("\n"))
    };
    let top = &results.workshop.settings.certainty.top_places;
    // The rounds before the one shown, each with the area's rank and combined score then.
    let earlier = 1..results.round;
    let header: Vec<String> = HEADER
        .iter()
        .map(|h| h.to_string())
        .chain(top.iter().map(|k| format!("top{k}_share")))
        .chain(earlier.clone().flat_map(|round| [format!("round{round}_rank"), format!("round{round}_combined")]))
        .chain(TRAILER.iter().map(|h| h.to_string()))
        .collect();
    let columns = header.len();
    write(header);
    for row in &results.ranked {
        let quadrant = serde_json::to_value(row.quadrant).ok().and_then(|v| v.as_str().map(str::to_owned));
        let mut record = vec![row.rank.to_string(), text(&row.area), text(row.category.as_deref().unwrap_or_default())];
        record.push("ranked".to_owned());
        record.push(row.groups.to_string());
        record.extend(dialect.axis(&row.potential));
        record.extend(dialect.axis(&row.feasibility));
        // How `combined` was made: of the means or of the medians.
        record.push(results.workshop.settings.aggregate.as_str().to_owned());
        record.push(dialect.number(row.combined));
        record.push(quadrant.unwrap_or_default());
        let band = row.certainty.band.as_ref();
        record.push(band.map(|b| b.best.to_string()).unwrap_or_default());
        record.push(band.map(|b| b.worst.to_string()).unwrap_or_default());
        for &k in top {
            let share = band.and_then(|b| b.top.iter().find(|t| t.k == k)).map(|t| dialect.number(t.share));
            record.push(share.unwrap_or_default());
        }
        for round in earlier.clone() {
            let place = row.earlier.iter().find(|place| place.round == round);
            record.push(place.map(|place| place.rank.to_string()).unwrap_or_default());
            record.push(place.map(|place| dialect.number(place.combined)).unwrap_or_default());
        }
        let dissent: Vec<&str> = row.certainty.dissent.iter().map(|axis| axis.as_str()).collect();
        record.push(dissent.join(" "));
        record.push(comments(row.area_id));
        write(record);
    }
    for area in &results.unscored {
        let category = results.workshop.category(area.category_id).map(|c| c.name.as_str()).unwrap_or_default();
        let mut record = vec![String::new(), text(&area.name), text(category), "unscored".to_owned(), "0".to_owned()];
        record.resize(columns - 1, String::new());
        record.push(comments(area.id));
        write(record);
    }
    for suggestion in &results.raised {
        let mut record = vec![String::new(), text(&suggestion.name), String::new(), "raised".to_owned()];
        record.resize(columns, String::new());
        write(record);
    }
    let body = writer.into_inner().expect("flushing to memory cannot fail");
    match dialect {
        CsvDialect::Standard => body,
        CsvDialect::NorwegianExcel => [&b"\xEF\xBB\xBF"[..], &body].concat(),
    }
}
