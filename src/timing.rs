//! Per-stage timing for benchmarks. The pipeline reports the end of each stage to a [`Laps`]
//! sink; the normal path passes `()`, whose empty `lap` compiles away, so timing costs nothing
//! unless a benchmark asks for it. A leaf: timers and laps only; the batch driver that uses them
//! is [`crate::bench`].

use std::time::{Duration, Instant};

/// The stages of the per-document pipeline, in the order they run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Folding, page layout and cleaning, publication day, language, sentences.
    Clean,
    Entities,
    Dates,
    /// Quotes and the events that read them.
    QuotesEvents,
}

impl Stage {
    pub const ALL: [Stage; 4] = [
        Stage::Clean,
        Stage::Entities,
        Stage::Dates,
        Stage::QuotesEvents,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Stage::Clean => "normalise+clean",
            Stage::Entities => "entities",
            Stage::Dates => "dates",
            Stage::QuotesEvents => "quotes+events",
        }
    }
}

/// Where the pipeline reports that a stage has just finished.
pub trait Laps {
    fn lap(&mut self, stage: Stage);
}

/// No timing: the normal path.
impl Laps for () {
    #[inline(always)]
    fn lap(&mut self, _: Stage) {}
}

/// Time spent per stage, summed over the documents it timed.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct StageTimes(pub [Duration; 4]);

impl StageTimes {
    pub fn get(&self, stage: Stage) -> Duration {
        self.0[stage as usize]
    }

    pub fn add(&mut self, other: &StageTimes) {
        for (a, b) in self.0.iter_mut().zip(other.0) {
            *a += b;
        }
    }

    pub fn total(&self) -> Duration {
        self.0.iter().sum()
    }
}

/// A stopwatch that charges the time since the previous lap to the stage that just ended.
pub struct Stopwatch {
    last: Instant,
    pub times: StageTimes,
}

impl Stopwatch {
    pub fn start() -> Stopwatch {
        Stopwatch {
            last: Instant::now(),
            times: StageTimes::default(),
        }
    }
}

impl Laps for Stopwatch {
    fn lap(&mut self, stage: Stage) {
        let now = Instant::now();
        self.times.0[stage as usize] += now - self.last;
        self.last = now;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn laps_charge_the_stage_that_ended() {
        let mut w = Stopwatch::start();
        std::thread::sleep(Duration::from_millis(5));
        w.lap(Stage::Clean);
        w.lap(Stage::Entities);
        assert!(w.times.get(Stage::Clean) >= Duration::from_millis(5));
        assert!(w.times.get(Stage::Entities) < Duration::from_millis(5));
        assert_eq!(w.times.total(), w.times.0.iter().sum());
    }
}
