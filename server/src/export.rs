//! Results in formats other programs open.

use kvadrant::AxisStats;
use kvadrant_app::model::Results;

const HEADER: [&str; 14] = [
    "rank",
    "area",
    "category",
    "groups",
    "potential_mean",
    "potential_sd",
    "potential_min",
    "potential_max",
    "feasibility_mean",
    "feasibility_sd",
    "feasibility_min",
    "feasibility_max",
    "combined",
    "quadrant",
];

/// Text a spreadsheet would run as a formula is prefixed with an apostrophe, which it shows as text.
fn text(value: &str) -> String {
    if value.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{value}") } else { value.to_owned() }
}

fn number(value: f64) -> String {
    format!("{value:.3}")
}

fn axis(stats: &AxisStats) -> [String; 4] {
    [number(stats.mean), stats.sd.map(number).unwrap_or_default(), stats.min.to_string(), stats.max.to_string()]
}

/// The ranked list, then the unscored areas with empty figures.
pub fn csv(results: &Results) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let mut write = |record: Vec<String>| {
        writer.write_record(&record).expect("writing CSV to memory cannot fail");
    };
    write(HEADER.iter().map(|h| h.to_string()).collect());
    for row in &results.ranked {
        let quadrant = serde_json::to_value(row.quadrant).ok().and_then(|v| v.as_str().map(str::to_owned));
        let mut record = vec![row.rank.to_string(), text(&row.area), text(row.category.as_deref().unwrap_or_default())];
        record.push(row.groups.to_string());
        record.extend(axis(&row.potential));
        record.extend(axis(&row.feasibility));
        record.push(number(row.combined));
        record.push(quadrant.unwrap_or_default());
        write(record);
    }
    for area in &results.unscored {
        let category = results.workshop.category(area.category_id).map(|c| c.name.as_str()).unwrap_or_default();
        let mut record = vec![String::new(), text(&area.name), text(category), "0".to_owned()];
        record.resize(HEADER.len(), String::new());
        write(record);
    }
    String::from_utf8(writer.into_inner().expect("flushing to memory cannot fail")).expect("CSV of UTF-8 is UTF-8")
}
