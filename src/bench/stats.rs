//! Percentiles of key times and the peak resident memory of the process.

use std::time::Duration;

use serde::Serialize;

/// Key times of a group (or of the whole run), in milliseconds.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Summary {
    pub count: usize,
    pub p50_ms: f64,
    pub p99_ms: f64,
    pub max_ms: f64,
}

impl Summary {
    /// Nearest-rank percentiles: with fewer than 100 keys the p99 is the slowest key, never an
    /// interpolation that hides it.
    pub fn of(times: &[Duration]) -> Summary {
        let mut ms: Vec<f64> = times.iter().map(|d| d.as_secs_f64() * 1000.0).collect();
        ms.sort_by(f64::total_cmp);
        let rank = |p: f64| -> f64 {
            if ms.is_empty() {
                return 0.0;
            }
            let i = ((p * ms.len() as f64).ceil() as usize).clamp(1, ms.len()) - 1;
            ms[i]
        };
        Summary {
            count: ms.len(),
            p50_ms: rank(0.50),
            p99_ms: rank(0.99),
            max_ms: ms.last().copied().unwrap_or(0.0),
        }
    }
}

/// The most memory the process has held resident (VmHWM), in kB; `None` where /proc is not there.
pub fn peak_rss_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    vm_hwm(&status)
}

fn vm_hwm(status: &str) -> Option<u64> {
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|rest| rest.trim().trim_end_matches("kB").trim().parse().ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ms(v: &[u64]) -> Vec<Duration> {
        v.iter().map(|&m| Duration::from_millis(m)).collect()
    }

    #[test]
    fn nearest_rank_percentiles() {
        let s = Summary::of(&ms(&[5, 1, 3, 2, 4]));
        assert_eq!((s.count, s.p50_ms, s.p99_ms, s.max_ms), (5, 3.0, 5.0, 5.0));
        let hundred: Vec<u64> = (1..=200).collect();
        let s = Summary::of(&ms(&hundred));
        assert_eq!((s.p50_ms, s.p99_ms, s.max_ms), (100.0, 198.0, 200.0));
        assert_eq!(Summary::of(&[]).count, 0);
    }

    #[test]
    fn reads_the_high_water_mark() {
        let status = "Name:\tdossier\nVmPeak:\t  99 kB\nVmHWM:\t   23456 kB\nVmRSS:\t 2000 kB\n";
        assert_eq!(vm_hwm(status), Some(23456));
        assert_eq!(vm_hwm("Name: x\n"), None);
    }
}
