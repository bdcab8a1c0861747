use kvadrant::matrix::{Plot, place_markers};
use kvadrant::{Axis, Quadrant};
use leptos::prelude::*;

use crate::i18n::{content_lang, use_texts};
use crate::model::Results;

const WIDTH: f64 = 720.0;
const HEIGHT: f64 = 660.0;
const MARKER_RADIUS: f64 = 12.0;
const INK: &str = "#1b1f23";
const MUTED: &str = "#57606a";
/// Fonts found on most systems; the page's own font wins where the matrix is shown in it.
const FONTS: &str = "DejaVu Sans, Liberation Sans, Arial, Helvetica, sans-serif";

/// Colour-blind-safe colours (Okabe–Ito), one per category in the workshop's order, with
/// the text colour that reads on each at 4.5:1 or more (WCAG AA): 5.2, 9.3, 6.1, 6.9, 9.1,
/// 5.4, 15.9 and 7.5 to 1.
const PALETTE: [(&str, &str); 8] = [
    ("#0072b2", "#fff"),
    ("#e69f00", "#000"),
    ("#009e73", "#000"),
    ("#cc79a7", "#000"),
    ("#56b4e9", "#000"),
    ("#d55e00", "#000"),
    ("#f0e442", "#000"),
    ("#555555", "#fff"),
];
const NO_CATEGORY: (&str, &str) = ("#ffffff", "#000");

pub fn colour(category_index: Option<usize>) -> (&'static str, &'static str) {
    category_index.map(|i| PALETTE[i % PALETTE.len()]).unwrap_or(NO_CATEGORY)
}

/// Each category's marker also has a shape of its own, so that categories differ without
/// colour: a polygon of (corners, turn in degrees, size against a circle's radius, how far
/// its centre is moved down, in radii). The sizes give the shapes about a circle's area, with
/// room for a rank number; areas without a category have a circle.
const SHAPES: [(u8, f64, f64, f64); 6] = [
    (4, 45.0, 1.2, 0.0),
    (4, 0.0, 1.3, 0.0),
    (3, -90.0, 1.55, 0.3),
    (6, 0.0, 1.1, 0.0),
    (3, 90.0, 1.55, -0.3),
    (5, -90.0, 1.15, 0.1),
];

/// The outline of category `category_index`'s marker around (`x`, `y`) as an SVG path: the
/// matrix's markers, the legend's and the ranked list's swatches.
pub fn marker_path(category_index: Option<usize>, x: f64, y: f64, radius: f64) -> String {
    let Some((corners, turn, size, down)) = category_index.map(|i| SHAPES[i % SHAPES.len()]) else {
        return format!(
            "M{:.1} {y:.1}a{radius} {radius} 0 1 0 {d} 0a{radius} {radius} 0 1 0 -{d} 0z",
            x - radius,
            d = 2.0 * radius
        );
    };
    let y = y + down * radius;
    let points: Vec<String> = (0..corners)
        .map(|corner| {
            let angle = (turn + 360.0 * f64::from(corner) / f64::from(corners)).to_radians();
            format!("{:.1} {:.1}", x + size * radius * angle.cos(), y + size * radius * angle.sin())
        })
        .collect();
    format!("M{}z", points.join("L"))
}

/// The quadrant matrix: x = feasibility (hard → easy), y = potential (low → high),
/// each ranked area a numbered marker in its category's colour.
#[component]
pub fn Matrix(results: Results) -> impl IntoView {
    let t = use_texts();
    let first = results.ranked.iter().find_map(|row| row.earlier.first()).map(|place| place.round);
    view! {
        <figure class="matrix">
            <MatrixDrawing results />
            <figcaption>{t.matrix_moved_note()}{first.map(|round| format!(" {}", t.moves_note(round)))}</figcaption>
        </figure>
    }
}

/// The matrix as a standalone SVG document in the workshop's language: what the SVG and PNG
/// exports are made of. Its look is in presentation attributes, so it needs no style sheet.
#[cfg(feature = "ssr")]
pub fn standalone_svg(results: &Results) -> String {
    use leptos::tachys::view::RenderHtml;
    let owner = Owner::new();
    owner.with(|| {
        provide_context(results.workshop.settings.language);
        let drawing = view! { <MatrixDrawing results=results.clone() /> }.to_html();
        // `<!>` marks where lists start for hydration; it is not XML. Text is escaped, so no
        // text can contain it.
        format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n{}", drawing.replace("<!>", ""))
    })
}

#[component]
fn MatrixDrawing(results: Results) -> impl IntoView {
    let t = use_texts();
    let settings = &results.workshop.settings;
    let (potential, feasibility) = (t.axis_name(settings, Axis::Potential), t.axis_name(settings, Axis::Feasibility));
    let (potential, feasibility) = (potential.to_owned(), feasibility.to_owned());
    let scale = settings.scale();
    let aggregate = settings.aggregate;
    let plot = Plot { left: 70.0, top: 40.0, width: 610.0, height: 560.0, scale };
    let (right, bottom) = (plot.left + plot.width, plot.top + plot.height);
    let (mid_x, mid_y) = (plot.x(settings.feasibility_midline), plot.y(settings.potential_midline));

    let anchors: Vec<(f64, f64)> = results
        .ranked
        .iter()
        .map(|r| (plot.x(r.feasibility.centre(aggregate)), plot.y(r.potential.centre(aggregate))))
        .collect();
    let centers = place_markers(&plot, &anchors, MARKER_RADIUS);

    let ticks = scale.values().map(|value| {
        let (x, y) = (plot.x(f64::from(value)), plot.y(f64::from(value)));
        view! {
            <text x=x y=bottom + 18.0 class="tick" font-size="11" fill=MUTED text-anchor="middle">{value}</text>
            <text x=plot.left - 10.0 y=y + 4.0 class="tick" font-size="11" fill=MUTED text-anchor="end">{value}</text>
        }
    });
    let quadrant_label = |quadrant: Quadrant, x: f64, y: f64, anchor: &'static str| {
        view! {
            <text x=x y=y class="quadrant-label" font-size="12" font-style="italic" fill=MUTED text-anchor=anchor>
                {t.quadrant(quadrant)}
            </text>
        }
    };
    // Each area's spread: ± one sd on each axis, crossing at its means; behind every marker.
    let (low, high) = (f64::from(scale.min()), f64::from(scale.max()));
    // One path for all of them: a line per area and axis would cost the page's code dearly.
    let crosses: String = results
        .ranked
        .iter()
        .zip(&anchors)
        .map(|(row, &(x, y))| {
            let reach = |stats: &kvadrant::AxisStats| {
                let sd = stats.sd.unwrap_or(0.0);
                let centre = stats.centre(aggregate);
                ((centre - sd).max(low), (centre + sd).min(high))
            };
            let ((left, right), (down, up)) = (reach(&row.feasibility), reach(&row.potential));
            format!("M{:.1} {y:.1}H{:.1}M{x:.1} {:.1}V{:.1}", plot.x(left), plot.x(right), plot.y(down), plot.y(up))
        })
        .collect();
    // Each area's movement since the first round it was ranked in: an arrow to where it is now.
    let moves: String = results
        .ranked
        .iter()
        .zip(&anchors)
        .filter_map(|(row, &(x, y))| {
            let first = row.earlier.first()?;
            Some(format!("M{:.1} {:.1}L{x:.1} {y:.1}", plot.x(first.feasibility), plot.y(first.potential)))
        })
        .collect();
    let markers = results
        .ranked
        .iter()
        .zip(anchors.iter().zip(centers))
        .map(|(row, (&anchor, center))| {
            let (fill, ink) = colour(row.category_index);
            let moved = (anchor.0 - center.0).hypot(anchor.1 - center.1) > 1.0;
            let dissent = t.dissent_of(row);
            let label = format!(
                "{}. {} – {} {}, {} {}{}",
                row.rank,
                row.area,
                potential,
                t.number(row.potential.centre(aggregate), 2),
                feasibility,
                t.number(row.feasibility.centre(aggregate), 2),
                dissent.map(|words| format!(". {words}")).unwrap_or_default()
            );
            view! {
                <g class="marker" role="listitem" aria-label=label>
                    {dissent.map(|_| view! {
                        <circle cx=center.0 cy=center.1 r=MARKER_RADIUS + 4.0 fill="none" class="dissent-ring"
                            stroke="#a40e26" stroke-width="2" stroke-dasharray="4 3" />
                    })}
                    {moved.then(|| view! {
                        <line x1=anchor.0 y1=anchor.1 x2=center.0 y2=center.1 class="leader" stroke="#57606a" />
                        <circle cx=anchor.0 cy=anchor.1 r=2.5 class="anchor" fill=INK />
                    })}
                    <path d=marker_path(row.category_index, center.0, center.1, MARKER_RADIUS) fill=fill class="dot" stroke=INK />
                    <text x=center.0 y=center.1 + 4.5 fill=ink class="rank" font-size="12" font-weight="700"
                        text-anchor="middle">{row.rank}</text>
                </g>
            }
        })
        .collect_view();

    view! {
        <svg viewBox=format!("0 0 {WIDTH} {HEIGHT}") width=WIDTH height=HEIGHT role="img" aria-label=t.matrix_title()
            xmlns="http://www.w3.org/2000/svg" font-family=FONTS>
            <rect x=0 y=0 width=WIDTH height=HEIGHT fill="#ffffff" class="paper" />
            <rect x=plot.left y=plot.top width=plot.width height=plot.height class="plot" fill="#ffffff" stroke="#8c959f" />
            <rect x=mid_x y=plot.top width=right - mid_x height=mid_y - plot.top class="best" fill="#e8f4ea" />
            <line x1=mid_x y1=plot.top x2=mid_x y2=bottom class="midline" stroke="#57606a" stroke-dasharray="6 4" />
            <line x1=plot.left y1=mid_y x2=right y2=mid_y class="midline" stroke="#57606a" stroke-dasharray="6 4" />
            {ticks.collect_view()}
            {quadrant_label(Quadrant::HighPotentialHard, plot.left + 8.0, plot.top + 18.0, "start")}
            {quadrant_label(Quadrant::HighPotentialEasy, right - 8.0, plot.top + 18.0, "end")}
            {quadrant_label(Quadrant::LowPotentialHard, plot.left + 8.0, bottom - 10.0, "start")}
            {quadrant_label(Quadrant::LowPotentialEasy, right - 8.0, bottom - 10.0, "end")}
            <text x=plot.left y=bottom + 40.0 class="axis-end" font-size="12" fill=INK text-anchor="start">{t.feasibility_low()}</text>
            <text x=(plot.left + right) / 2.0 y=bottom + 40.0 class="axis-title" font-size="14" font-weight="700" fill=INK
                text-anchor="middle">{feasibility}</text>
            <text x=right y=bottom + 40.0 class="axis-end" font-size="12" fill=INK text-anchor="end">{t.feasibility_high()}</text>
            <text x=plot.left - 45.0 y=bottom class="axis-end" font-size="12" fill=INK text-anchor="start"
                transform=format!("rotate(-90 {} {})", plot.left - 45.0, bottom)>{t.potential_low()}</text>
            <text x=plot.left - 45.0 y=(plot.top + bottom) / 2.0 class="axis-title" font-size="14" font-weight="700" fill=INK
                text-anchor="middle" transform=format!("rotate(-90 {} {})", plot.left - 45.0, (plot.top + bottom) / 2.0)>
                {potential}
            </text>
            <text x=plot.left - 45.0 y=plot.top class="axis-end" font-size="12" fill=INK text-anchor="end"
                transform=format!("rotate(-90 {} {})", plot.left - 45.0, plot.top)>{t.potential_high()}</text>
            <path class="spread" aria-hidden="true" d=crosses fill="none" stroke=MUTED stroke-width="1.5" />
            {(!moves.is_empty()).then(|| view! {
                <marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto">
                    <path d="M0 0L10 5L0 10z" fill=INK />
                </marker>
                <path class="moves" aria-hidden="true" d=moves fill="none" stroke=INK stroke-width="1.5" marker-end="url(#arrow)" />
            })}
            <g role="list">{markers}</g>
        </svg>
    }
}

/// A category's marker, small, beside its name.
#[component]
pub fn Swatch(index: Option<usize>) -> impl IntoView {
    let (fill, _) = colour(index);
    view! {
        <svg class="swatch" viewBox="0 0 12 12" aria-hidden="true">
            <path d=marker_path(index, 6.0, 6.0, 4.4) fill=fill stroke="#333" />
        </svg>
    }
}

/// Which colour and shape stand for which category.
#[component]
pub fn Legend(results: Results) -> impl IntoView {
    let t = use_texts();
    let mut entries: Vec<(Option<usize>, String)> =
        results.workshop.categories.iter().enumerate().map(|(i, c)| (Some(i), c.name.clone())).collect();
    if results.ranked.iter().any(|row| row.category_index.is_none()) {
        entries.push((None, t.no_category().to_owned()));
    }
    let lang = content_lang(results.workshop.settings.language);
    let items = entries
        .into_iter()
        .map(|(index, name)| {
            // A category's name is the workshop's; "no category" the page's.
            view! {
                <li lang=index.and(lang)>
                    <Swatch index />
                    {name}
                </li>
            }
        })
        .collect_view();
    view! { <ul class="legend" aria-label=t.category()>{items}</ul> }.into_any()
}

#[cfg(test)]
mod tests {
    use super::{NO_CATEGORY, PALETTE, SHAPES, marker_path};
    use crate::ui::contrast::contrast;

    #[test]
    fn categories_differ_in_shape_as_well_as_colour() {
        // The outline's own form, wherever it is drawn.
        let outline = |index| marker_path(index, 0.0, 0.0, 10.0);
        let mut seen = vec![outline(None)];
        for index in 0..SHAPES.len() {
            let shape = outline(Some(index));
            assert!(!seen.contains(&shape), "category {index} has a shape another has");
            seen.push(shape);
        }
        assert_eq!(outline(Some(SHAPES.len())), outline(Some(0)), "shapes repeat only after all are used");
    }

    #[test]
    fn rank_numbers_read_on_every_category_colour() {
        for (fill, ink) in PALETTE.iter().chain([&NO_CATEGORY]) {
            assert!(contrast(fill, ink) >= 4.5, "{ink} on {fill}: {:.2}:1", contrast(fill, ink));
        }
    }
}
