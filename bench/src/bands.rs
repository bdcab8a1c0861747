//! `kvadrant-bench bands`: what rank bands cost for a workshop far larger than any real one,
//! timed on this machine in release mode (the domain's own code, no server).

use std::process::ExitCode;
use std::time::Instant;

use clap::Args;
use kvadrant::certainty::{RESAMPLES, rank_bands};
use kvadrant::{Aggregate, AreaId, Axis, Cell, GroupId, Midlines, Scale, Score, Sheets, rank_sheets};
use rand::{Rng, SeedableRng};

#[derive(Debug, Args)]
pub struct BandsArgs {
    #[arg(long, default_value_t = 500)]
    pub groups: usize,
    #[arg(long, default_value_t = 200)]
    pub areas: usize,
    #[arg(long, default_value_t = RESAMPLES)]
    pub resamples: usize,
    /// Runs timed; the report gives the fastest and the median.
    #[arg(long, default_value_t = 5)]
    pub runs: usize,
}

pub fn run(args: BandsArgs) -> ExitCode {
    let mut rng = rand::rngs::StdRng::seed_from_u64(1);
    let mut cells = Vec::with_capacity(args.groups * args.areas * 2);
    for group in 0..args.groups {
        // Each group has a level of its own, so that areas do not all tie.
        let level: i64 = rng.random_range(-2..=2);
        for area in 0..args.areas {
            for axis in Axis::ALL {
                let value = (rng.random_range(3..=8) + level).clamp(1, 10);
                let score = Score::parse(value, Scale::ONE_TO_TEN).expect("within the scale");
                cells.push(Cell { group: GroupId(group as i64), area: AreaId(area as i64), axis, score });
            }
        }
    }
    let areas: Vec<AreaId> = (0..args.areas as i64).map(AreaId).collect();
    let sheets = Sheets::from_cells(&cells);
    let ranked: Vec<(AreaId, u32)> = rank_sheets(Midlines::default(), Aggregate::Mean, &areas, &sheets)
        .ranked
        .iter()
        .map(|r| (r.area, r.rank))
        .collect();
    let mut times = Vec::with_capacity(args.runs);
    for run in 0..args.runs {
        let started = Instant::now();
        let bands = rank_bands(&sheets, Aggregate::Mean, &ranked, &[3, 5], args.resamples, run as u64);
        times.push(started.elapsed());
        assert_eq!(bands.len(), ranked.len());
    }
    times.sort();
    println!(
        "rank bands: {} groups × {} areas, {} resamples: fastest {:.0} ms, median {:.0} ms ({} runs)",
        args.groups,
        args.areas,
        args.resamples,
        times[0].as_secs_f64() * 1000.0,
        times[times.len() / 2].as_secs_f64() * 1000.0,
        args.runs
    );
    ExitCode::SUCCESS
}
