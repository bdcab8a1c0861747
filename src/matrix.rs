//! Geometry of the quadrant matrix: where each area's marker goes so that markers
//! stay readable when many areas score alike.

use crate::Scale;

/// The plotting area of the matrix in drawing units, and the scale on both axes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Plot {
    pub left: f64,
    pub top: f64,
    pub width: f64,
    pub height: f64,
    pub scale: Scale,
}

impl Plot {
    fn fraction(&self, value: f64) -> f64 {
        let (min, max) = (f64::from(self.scale.min()), f64::from(self.scale.max()));
        ((value - min) / (max - min)).clamp(0.0, 1.0)
    }

    /// Feasibility runs left (hard) to right (easy).
    pub fn x(&self, feasibility: f64) -> f64 {
        self.left + self.fraction(feasibility) * self.width
    }

    /// Potential runs bottom (low) to top (high).
    pub fn y(&self, potential: f64) -> f64 {
        self.top + (1.0 - self.fraction(potential)) * self.height
    }

    fn clamp(&self, (x, y): (f64, f64), radius: f64) -> (f64, f64) {
        (
            x.clamp(self.left + radius, self.left + self.width - radius),
            y.clamp(self.top + radius, self.top + self.height - radius),
        )
    }
}

/// Places round markers of `radius` near their `anchors` so that no two overlap.
/// Overlapping markers push each other apart a little at a time; the result is
/// deterministic, and a marker that moved is drawn with a line back to its anchor.
pub fn place_markers(plot: &Plot, anchors: &[(f64, f64)], radius: f64) -> Vec<(f64, f64)> {
    const ROUNDS: usize = 400;
    let spacing = 2.0 * radius + 1.0;
    let mut centers: Vec<(f64, f64)> = anchors.iter().map(|&anchor| plot.clamp(anchor, radius)).collect();
    for _ in 0..ROUNDS {
        let mut moved = false;
        for i in 0..centers.len() {
            for j in i + 1..centers.len() {
                let (dx, dy) = (centers[j].0 - centers[i].0, centers[j].1 - centers[i].1);
                let distance = dx.hypot(dy);
                if distance >= spacing {
                    continue;
                }
                // Markers on the very same spot part along a fixed, index-dependent direction.
                let (ux, uy) = if distance < 1e-6 {
                    let angle = (i * 31 + j * 17) as f64 * 2.399_963;
                    (angle.cos(), angle.sin())
                } else {
                    (dx / distance, dy / distance)
                };
                let push = (spacing - distance) / 2.0 + 0.01;
                centers[i] = plot.clamp((centers[i].0 - ux * push, centers[i].1 - uy * push), radius);
                centers[j] = plot.clamp((centers[j].0 + ux * push, centers[j].1 + uy * push), radius);
                moved = true;
            }
        }
        if !moved {
            break;
        }
    }
    centers
}

#[cfg(test)]
mod tests {
    use super::*;

    const PLOT: Plot = Plot { left: 60.0, top: 20.0, width: 600.0, height: 600.0, scale: Scale::ONE_TO_TEN };

    fn min_gap(centers: &[(f64, f64)]) -> f64 {
        let mut gap = f64::INFINITY;
        for (i, a) in centers.iter().enumerate() {
            for b in &centers[i + 1..] {
                gap = gap.min((a.0 - b.0).hypot(a.1 - b.1));
            }
        }
        gap
    }

    #[test]
    fn axes_map_scale_ends_to_plot_edges() {
        assert_eq!(PLOT.x(1.0), 60.0);
        assert_eq!(PLOT.x(10.0), 660.0);
        assert_eq!(PLOT.y(10.0), 20.0);
        assert_eq!(PLOT.y(1.0), 620.0);
        assert_eq!(PLOT.x(5.5), 360.0);
    }

    #[test]
    fn markers_far_apart_stay_on_their_anchors() {
        let anchors = [(100.0, 100.0), (300.0, 300.0), (500.0, 100.0)];
        assert_eq!(place_markers(&PLOT, &anchors, 12.0), anchors.to_vec());
    }

    #[test]
    fn thirty_markers_on_one_spot_do_not_overlap_and_stay_inside() {
        let anchors = vec![(PLOT.x(8.0), PLOT.y(8.0)); 30];
        let centers = place_markers(&PLOT, &anchors, 12.0);
        assert!(min_gap(&centers) >= 24.0, "gap {}", min_gap(&centers));
        for (x, y) in &centers {
            assert!((72.0..=648.0).contains(x) && (32.0..=608.0).contains(y));
        }
    }

    #[test]
    fn a_cluster_in_a_corner_spreads_inwards() {
        let anchors: Vec<(f64, f64)> = (0..20).map(|i| (PLOT.x(10.0 - f64::from(i) * 0.05), PLOT.y(10.0))).collect();
        let centers = place_markers(&PLOT, &anchors, 12.0);
        assert!(min_gap(&centers) >= 24.0, "gap {}", min_gap(&centers));
    }

    #[test]
    fn placement_is_deterministic() {
        let anchors = vec![(200.0, 200.0); 13];
        assert_eq!(place_markers(&PLOT, &anchors, 12.0), place_markers(&PLOT, &anchors, 12.0));
    }
}
