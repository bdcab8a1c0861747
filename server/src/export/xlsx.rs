//! An Excel workbook with everything a leader takes into a council document: the ranked list,
//! every group's raw scores with its segments, the comments, what was raised but not scored, and
//! the change log.

use std::collections::BTreeSet;

use kvadrant::{Aggregate, AreaId, Axis, AxisStats};
use kvadrant_api::model::{ChangeEntry, Group, GroupScores, GroupTag, Results};
use kvadrant_app::i18n::texts;
use rust_xlsxwriter::{Format, Workbook, Worksheet, XlsxError};

use super::timeframe_name;

/// The row of each sheet's column headings; the ranking sheet has a title above it.
pub const HEADER_ROW: u32 = 3;

struct Sheet<'a> {
    sheet: &'a mut Worksheet,
    row: u32,
    number: &'a Format,
}

impl Sheet<'_> {
    fn cell(&mut self, column: u16, value: &str) -> Result<(), XlsxError> {
        // A string cell is never read as a formula, so unlike CSV it needs no guarding.
        self.sheet.write_string(self.row, column, value)?;
        Ok(())
    }

    fn number(&mut self, column: u16, value: f64) -> Result<(), XlsxError> {
        self.sheet.write_number_with_format(self.row, column, value, self.number)?;
        Ok(())
    }

    fn whole(&mut self, column: u16, value: impl Into<f64>) -> Result<(), XlsxError> {
        self.sheet.write_number(self.row, column, value.into())?;
        Ok(())
    }

    /// The axis's centre (mean or median, as the workshop brings scores together), spread and range.
    fn axis(&mut self, column: u16, stats: &AxisStats, aggregate: Aggregate) -> Result<(), XlsxError> {
        self.number(column, stats.centre(aggregate))?;
        if let Some(sd) = stats.sd {
            self.number(column + 1, sd)?;
        }
        self.whole(column + 2, stats.min)?;
        self.whole(column + 3, stats.max)
    }
}

fn headings(sheet: &mut Worksheet, bold: &Format, names: &[&str]) -> Result<(), XlsxError> {
    for (column, name) in (0u16..).zip(names) {
        sheet.write_string_with_format(HEADER_ROW, column, *name, bold)?;
    }
    sheet.set_freeze_panes(HEADER_ROW + 1, 0)?;
    Ok(())
}

/// Every dimension any group is tagged along, in order: one column each.
fn dimensions(groups: &[Group]) -> Vec<String> {
    let set: BTreeSet<&str> = groups.iter().flat_map(|g| g.tags.iter().map(|t| t.dimension.as_str())).collect();
    set.into_iter().map(str::to_owned).collect()
}

/// The segments too small to show (see `min_segment_groups`): their groups' values along that
/// dimension are not given, or the rows would single them out.
fn too_small(results: &Results) -> Vec<GroupTag> {
    let workshop = &results.workshop;
    workshop.segments().into_iter().filter(|(_, n)| !workshop.shows_segment(*n)).map(|(tag, _)| tag).collect()
}

/// A group's value along `dimension`, or `hidden` if its segment is too small to show.
fn tag_of<'a>(group: &'a Group, dimension: &str, small: &[GroupTag], hidden: &'a str) -> &'a str {
    match group.tags.iter().find(|t| t.dimension == dimension) {
        Some(tag) if small.contains(tag) => hidden,
        Some(tag) => &tag.value,
        None => "",
    }
}

pub fn xlsx(results: &Results, scores: &[GroupScores], changes: &[ChangeEntry]) -> Result<Vec<u8>, XlsxError> {
    let t = texts(results.workshop.settings.language);
    let small = too_small(results);
    let settings = &results.workshop.settings;
    let (potential, feasibility) = (t.axis_name(settings, Axis::Potential), t.axis_name(settings, Axis::Feasibility));
    let bold = Format::new().set_bold();
    let title = Format::new().set_bold().set_font_size(14);
    let number = Format::new().set_num_format("0.00");
    let wrap = Format::new().set_text_wrap();
    let mut workbook = Workbook::new();

    let ranking = workbook.add_worksheet().set_name(t.sheet_ranking())?;
    ranking.write_string_with_format(0, 0, &results.workshop.title, &title)?;
    let counted = match &results.segment.tag {
        Some(tag) => format!("{}: {} = {} (n = {})", t.segment(), tag.dimension, tag.value, results.segment.groups),
        None => format!("{} (n = {})", t.all_groups(), results.segment.groups),
    };
    let round = match results.workshop.round {
        1 => String::new(),
        _ => format!(" · {}", t.round_of(results.round)),
    };
    ranking.write_string(1, 0, format!("{counted} · {}{round}", t.combined_by(settings.aggregate)))?;
    let centre = match settings.aggregate {
        Aggregate::Mean => t.mean(),
        Aggregate::Median => "median",
    };
    let top = &settings.certainty.top_places;
    let dissent_column = 15 + top.len() as u16;
    let mut ranking_columns: Vec<String> = [
        t.rank(),
        t.area(),
        t.category(),
        t.groups_scored(),
        &format!("{potential} ({centre})"),
        &format!("{potential} ({})", t.spread().to_lowercase()),
        &format!("{potential} ({})", t.minimum()),
        &format!("{potential} ({})", t.maximum()),
        &format!("{feasibility} ({centre})"),
        &format!("{feasibility} ({})", t.spread().to_lowercase()),
        &format!("{feasibility} ({})", t.minimum()),
        &format!("{feasibility} ({})", t.maximum()),
        t.combined(),
        t.quadrant_heading(),
        &format!("{} ({})", t.rank_band(), t.rank_band_help()),
    ]
    .map(str::to_owned)
    .to_vec();
    ranking_columns.extend(top.iter().map(|&k| t.top_share(k)));
    ranking_columns.push(t.dissent_heading().to_owned());
    // The rounds before the one shown: the area's rank and combined score in each.
    let earlier = 1..results.round;
    for round in earlier.clone() {
        let round_name = t.round_of(round);
        ranking_columns.extend([format!("{} – {round_name}", t.rank()), format!("{} – {round_name}", t.combined())]);
    }
    headings(ranking, &bold, &ranking_columns.iter().map(String::as_str).collect::<Vec<_>>())?;
    ranking.set_column_width(1, 40)?;
    ranking.set_column_width(2, 24)?;
    ranking.set_column_width(13, 28)?;
    let mut sheet = Sheet { sheet: ranking, row: HEADER_ROW, number: &number };
    for row in &results.ranked {
        sheet.row += 1;
        sheet.whole(0, row.rank)?;
        sheet.cell(1, &row.area)?;
        sheet.cell(2, row.category.as_deref().unwrap_or_default())?;
        sheet.whole(3, row.groups)?;
        sheet.axis(4, &row.potential, settings.aggregate)?;
        sheet.axis(8, &row.feasibility, settings.aggregate)?;
        sheet.number(12, row.combined)?;
        sheet.cell(13, t.quadrant(row.quadrant))?;
        sheet.cell(14, &t.band(row))?;
        if let Some(band) = &row.certainty.band {
            for (column, share) in (15..).zip(&band.top) {
                sheet.number(column, share.share)?;
            }
        }
        sheet.cell(dissent_column, t.dissent_of(row).unwrap_or_default())?;
        for (column, round) in (dissent_column + 1..).step_by(2).zip(earlier.clone()) {
            if let Some(place) = row.earlier.iter().find(|place| place.round == round) {
                sheet.whole(column, place.rank)?;
                sheet.number(column + 1, place.combined)?;
            }
        }
    }
    for area in &results.unscored {
        sheet.row += 1;
        sheet.cell(1, &area.name)?;
        sheet.cell(2, results.workshop.category(area.category_id).map(|c| c.name.as_str()).unwrap_or_default())?;
        sheet.whole(3, 0)?;
        sheet.cell(13, t.unscored_heading())?;
    }

    let dimensions = dimensions(&results.workshop.groups);
    let area_name = |id: AreaId| results.workshop.area(id).map(|a| a.name.as_str()).unwrap_or_default();
    let category_name = |id: AreaId| {
        let area = results.workshop.area(id);
        area.and_then(|a| results.workshop.category(a.category_id)).map(|c| c.name.as_str()).unwrap_or_default()
    };

    let raw = workbook.add_worksheet().set_name(t.sheet_scores())?;
    raw.write_string_with_format(0, 0, t.sheet_scores_help(), &bold)?;
    let mut columns: Vec<&str> = vec![t.group()];
    columns.extend(dimensions.iter().map(String::as_str));
    columns.extend([t.area(), t.category(), potential, feasibility]);
    headings(raw, &bold, &columns)?;
    raw.set_column_width(0, 16)?;
    let after_tags = 1 + dimensions.len() as u16;
    raw.set_column_width(after_tags, 40)?;
    let mut sheet = Sheet { sheet: raw, row: HEADER_ROW, number: &number };
    for group in scores {
        for area in &results.workshop.areas {
            let value = |axis| group.scores.iter().find(|s| s.area_id == area.id && s.axis == axis).map(|s| s.value);
            let (p, f) = (value(Axis::Potential), value(Axis::Feasibility));
            if p.is_none() && f.is_none() {
                continue;
            }
            sheet.row += 1;
            sheet.cell(0, &group.group.name)?;
            for (column, dimension) in (1u16..).zip(&dimensions) {
                sheet.cell(column, tag_of(&group.group, dimension, &small, t.too_few_to_show()))?;
            }
            sheet.cell(after_tags, &area.name)?;
            sheet.cell(after_tags + 1, category_name(area.id))?;
            if let Some(p) = p {
                sheet.whole(after_tags + 2, p)?;
            }
            if let Some(f) = f {
                sheet.whole(after_tags + 3, f)?;
            }
        }
    }

    let notes = workbook.add_worksheet().set_name(t.sheet_comments())?;
    notes.write_string_with_format(0, 0, t.comments_heading(), &bold)?;
    let mut columns: Vec<&str> = vec![t.area(), t.group()];
    columns.extend(dimensions.iter().map(String::as_str));
    columns.extend([t.rationale(), t.risks(), t.timeframe_label()]);
    headings(notes, &bold, &columns)?;
    notes.set_column_width(0, 32)?;
    let after_tags = 2 + dimensions.len() as u16;
    for column in [after_tags, after_tags + 1] {
        notes.set_column_width(column, 60)?;
        notes.set_column_format(column, &wrap)?;
    }
    let mut sheet = Sheet { sheet: notes, row: HEADER_ROW, number: &number };
    for comment in &results.comments {
        let Some(group) = results.workshop.group(comment.group_id) else { continue };
        sheet.row += 1;
        sheet.cell(0, area_name(comment.area_id))?;
        sheet.cell(1, &group.name)?;
        for (column, dimension) in (2u16..).zip(&dimensions) {
            sheet.cell(column, tag_of(group, dimension, &small, t.too_few_to_show()))?;
        }
        sheet.cell(after_tags, &comment.rationale)?;
        sheet.cell(after_tags + 1, &comment.risks)?;
        sheet.cell(after_tags + 2, timeframe_name(t, comment.timeframe))?;
    }

    let raised = workbook.add_worksheet().set_name(t.sheet_raised())?;
    raised.write_string_with_format(0, 0, t.raised_help(), &bold)?;
    headings(raised, &bold, &[t.area(), t.description_label(), t.group()])?;
    raised.set_column_width(0, 40)?;
    raised.set_column_width(1, 60)?;
    let mut sheet = Sheet { sheet: raised, row: HEADER_ROW, number: &number };
    for suggestion in &results.raised {
        sheet.row += 1;
        sheet.cell(0, &suggestion.name)?;
        sheet.cell(1, &suggestion.description)?;
        let group = suggestion.group_id.and_then(|id| results.workshop.group(id));
        sheet.cell(2, group.map(|g| g.name.as_str()).unwrap_or_default())?;
    }

    let log = workbook.add_worksheet().set_name(t.sheet_changes())?;
    log.write_string_with_format(0, 0, t.changes_help(), &bold)?;
    let columns = [
        t.change_time(),
        t.change_who(),
        t.change_what(),
        t.change_about(),
        t.change_field(),
        t.change_from(),
        t.change_to(),
    ];
    headings(log, &bold, &columns)?;
    log.set_column_width(0, 24)?;
    log.set_column_width(1, 28)?;
    log.set_column_width(2, 24)?;
    log.set_column_width(3, 40)?;
    let mut sheet = Sheet { sheet: log, row: HEADER_ROW, number: &number };
    for change in changes {
        sheet.row += 1;
        sheet.cell(0, &change.at)?;
        sheet.cell(1, &t.change_actor(change))?;
        sheet.cell(2, t.change_name(change))?;
        sheet.cell(3, change.area_name.as_deref().or(change.subject.as_deref()).unwrap_or_default())?;
        sheet.cell(4, t.change_subject_field(settings, change))?;
        sheet.cell(5, change.old.as_deref().unwrap_or_default())?;
        sheet.cell(6, change.new.as_deref().unwrap_or_default())?;
    }

    workbook.save_to_buffer()
}
