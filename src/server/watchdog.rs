//! Query timeouts: one thread cancels the evaluation of queries that pass
//! their deadline (Oxigraph checks the token at each quad it reads, so
//! cancelling really stops the work, GROUP BY and joins included).

use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

use oxigraph::sparql::CancellationToken;

type Armed = Vec<(Instant, u64, CancellationToken)>;

/// Cancels registered tokens at their deadlines.
pub struct Watchdog {
    inner: Arc<(Mutex<(Armed, u64)>, Condvar)>,
}

/// Disarms its token when dropped (the query finished in time).
pub struct Guard {
    inner: Arc<(Mutex<(Armed, u64)>, Condvar)>,
    id: u64,
    /// The token to give the evaluator.
    pub token: CancellationToken,
}

impl Drop for Guard {
    fn drop(&mut self) {
        let (lock, _) = &*self.inner;
        if let Ok(mut g) = lock.lock() {
            g.0.retain(|(_, id, _)| *id != self.id);
        }
    }
}

impl Watchdog {
    /// Starts the watchdog thread.
    pub fn start() -> Watchdog {
        let inner: Arc<(Mutex<(Armed, u64)>, Condvar)> = Arc::default();
        let w = Arc::clone(&inner);
        std::thread::spawn(move || {
            let (lock, cv) = &*w;
            let mut g = lock.lock().expect("watchdog lock");
            loop {
                let now = Instant::now();
                g.0.retain(|(deadline, _, token)| {
                    if *deadline <= now {
                        token.cancel();
                        false
                    } else {
                        true
                    }
                });
                let wait =
                    g.0.iter()
                        .map(|(d, _, _)| d.saturating_duration_since(now))
                        .min()
                        .unwrap_or(Duration::from_secs(3600));
                g = cv.wait_timeout(g, wait).expect("watchdog lock").0;
            }
        });
        Watchdog { inner }
    }

    /// A token cancelled after `timeout` unless the guard is dropped first.
    pub fn arm(&self, timeout: Duration) -> Guard {
        let token = CancellationToken::new();
        let (lock, cv) = &*self.inner;
        let mut g = lock.lock().expect("watchdog lock");
        g.1 += 1;
        let id = g.1;
        g.0.push((Instant::now() + timeout, id, token.clone()));
        cv.notify_one();
        Guard {
            inner: Arc::clone(&self.inner),
            id,
            token,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cancels_late_and_spares_finished() {
        let w = Watchdog::start();
        let late = w.arm(Duration::from_millis(20));
        let quick = w.arm(Duration::from_millis(60));
        let quick_token = quick.token.clone();
        drop(quick);
        std::thread::sleep(Duration::from_millis(150));
        assert!(late.token.is_cancelled());
        assert!(!quick_token.is_cancelled());
    }
}
