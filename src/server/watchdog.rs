//! Stopping queries: at its deadline (or over its memory budget) a query's
//! [`Stop`] trips, and the next liveness check in the evaluation unwinds it
//! (see `stopper`). Oxigraph's own cancellation token is cancelled a little
//! later, and only then: once cancelled, the store's reads return errors,
//! which pass the liveness filters unseen and which Oxigraph's hash joins,
//! ORDER BY and path closures collect while they keep reading. The token is
//! the fallback for the one loop without a filter inside, a path closure.

use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

use oxigraph::sparql::CancellationToken;

/// How long after a trip Oxigraph's token is cancelled.
const GRACE: Duration = Duration::from_millis(150);
/// How often tripped queries are looked for (the allocator cannot wake us).
const POLL: Duration = Duration::from_millis(25);

/// Why a query was stopped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    /// It passed its deadline.
    Timeout,
    /// It held more memory than its budget.
    Memory,
}

/// A query's stop signal: checked by the evaluation's liveness filters.
#[derive(Default)]
pub struct Stop {
    reason: AtomicU8,
}

impl Stop {
    /// A signal not tripped yet.
    pub fn new() -> Arc<Stop> {
        Arc::default()
    }

    /// Trips the signal (the first reason is kept). Allocation-free.
    pub fn trip(&self, reason: Reason) {
        let code = match reason {
            Reason::Timeout => 1,
            Reason::Memory => 2,
        };
        let _ = self
            .reason
            .compare_exchange(0, code, Ordering::Relaxed, Ordering::Relaxed);
    }

    /// Why the query was stopped, if it was.
    pub fn reason(&self) -> Option<Reason> {
        match self.reason.load(Ordering::Relaxed) {
            0 => None,
            1 => Some(Reason::Timeout),
            _ => Some(Reason::Memory),
        }
    }
}

struct Armed {
    id: u64,
    deadline: Instant,
    stop: Arc<Stop>,
    token: CancellationToken,
    /// When the watchdog first saw the stop tripped.
    seen_tripped: Option<Instant>,
}

type Shared = Arc<(Mutex<(Vec<Armed>, u64)>, Condvar)>;

/// Trips stops at their deadlines and cancels tokens of tripped queries.
pub struct Watchdog {
    inner: Shared,
}

/// Disarms its query when dropped (the evaluation ended).
pub struct Guard {
    inner: Shared,
    id: u64,
    /// The query's stop signal.
    pub stop: Arc<Stop>,
    /// The token to give the evaluator.
    pub token: CancellationToken,
}

impl Drop for Guard {
    fn drop(&mut self) {
        let (lock, _) = &*self.inner;
        if let Ok(mut g) = lock.lock() {
            g.0.retain(|a| a.id != self.id);
        }
    }
}

/// One pass over the armed queries; the time until the next pass.
fn sweep(armed: &mut Vec<Armed>, now: Instant) -> Duration {
    let mut wait = Duration::from_secs(3600);
    armed.retain_mut(|a| {
        if now >= a.deadline {
            a.stop.trip(Reason::Timeout);
        }
        if a.stop.reason().is_some() {
            let seen = *a.seen_tripped.get_or_insert(now);
            if now >= seen + GRACE {
                a.token.cancel();
                return false;
            }
            wait = wait.min(seen + GRACE - now);
        } else {
            wait = wait.min(POLL).min(a.deadline - now);
        }
        true
    });
    wait
}

impl Watchdog {
    /// Starts the watchdog thread.
    pub fn start() -> Watchdog {
        let inner: Shared = Arc::default();
        let w = Arc::clone(&inner);
        std::thread::spawn(move || {
            let (lock, cv) = &*w;
            let mut g = lock.lock().expect("watchdog lock");
            loop {
                let wait = sweep(&mut g.0, Instant::now());
                g = cv.wait_timeout(g, wait).expect("watchdog lock").0;
            }
        });
        Watchdog { inner }
    }

    /// Arms a query: its stop trips after `timeout` unless the guard is
    /// dropped first.
    pub fn arm(&self, timeout: Duration) -> Guard {
        let (stop, token) = (Stop::new(), CancellationToken::new());
        let (lock, cv) = &*self.inner;
        let mut g = lock.lock().expect("watchdog lock");
        g.1 += 1;
        let id = g.1;
        g.0.push(Armed {
            id,
            deadline: Instant::now() + timeout,
            stop: Arc::clone(&stop),
            token: token.clone(),
            seen_tripped: None,
        });
        cv.notify_one();
        Guard {
            inner: Arc::clone(&self.inner),
            id,
            stop,
            token,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trips_late_queries_then_cancels_their_token_and_spares_finished_ones() {
        let w = Watchdog::start();
        let late = w.arm(Duration::from_millis(20));
        let quick = w.arm(Duration::from_millis(60));
        let (quick_stop, quick_token) = (Arc::clone(&quick.stop), quick.token.clone());
        drop(quick);
        std::thread::sleep(Duration::from_millis(100));
        // Tripped at once, the token only after the grace period.
        assert_eq!(late.stop.reason(), Some(Reason::Timeout));
        assert!(!late.token.is_cancelled());
        std::thread::sleep(GRACE + Duration::from_millis(100));
        assert!(late.token.is_cancelled());
        assert_eq!(quick_stop.reason(), None);
        assert!(!quick_token.is_cancelled());
    }

    #[test]
    fn a_memory_trip_is_seen_without_a_wake_up() {
        let w = Watchdog::start();
        let g = w.arm(Duration::from_secs(60));
        g.stop.trip(Reason::Memory);
        g.stop.trip(Reason::Timeout);
        std::thread::sleep(GRACE + POLL * 4);
        assert!(g.token.is_cancelled());
        assert_eq!(g.stop.reason(), Some(Reason::Memory));
    }
}
