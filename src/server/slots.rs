//! A bound on the queries evaluated at once: with the per-query memory
//! budget it bounds the memory of the whole server. A slot is held by the
//! evaluating thread itself, so an evaluation still unwinding after its
//! client got a 503 keeps counting.

use std::sync::{Arc, Condvar, Mutex};
use std::time::Instant;

/// Evaluation slots.
pub struct Slots {
    inner: Arc<(Mutex<usize>, Condvar)>,
    max: usize,
}

/// One slot, given back when dropped.
pub struct Slot {
    inner: Arc<(Mutex<usize>, Condvar)>,
}

impl Drop for Slot {
    fn drop(&mut self) {
        let (lock, cv) = &*self.inner;
        if let Ok(mut used) = lock.lock() {
            *used -= 1;
            cv.notify_one();
        }
    }
}

impl Slots {
    /// `max` slots (at least one).
    pub fn new(max: usize) -> Slots {
        Slots {
            inner: Arc::default(),
            max: max.max(1),
        }
    }

    /// Waits for a free slot until `deadline`; `None` if none came free.
    pub fn take(&self, deadline: Instant) -> Option<Slot> {
        let (lock, cv) = &*self.inner;
        let mut used = lock.lock().ok()?;
        while *used >= self.max {
            let wait = deadline.checked_duration_since(Instant::now())?;
            used = cv.wait_timeout(used, wait).ok()?.0;
        }
        *used += 1;
        Some(Slot {
            inner: Arc::clone(&self.inner),
        })
    }

    /// How many slots there are.
    pub fn max(&self) -> usize {
        self.max
    }
}

/// Parses `--max-concurrent-queries`: a whole number, at least 1.
pub fn parse_count(s: &str) -> Result<usize, String> {
    match s.trim().parse::<usize>() {
        Ok(n) if n > 0 => Ok(n),
        _ => Err(format!("`{s}`: give a whole number of queries, at least 1")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn a_full_server_makes_queries_wait_then_gives_up() {
        let slots = Slots::new(2);
        let soon = || Instant::now() + Duration::from_millis(50);
        let a = slots.take(soon()).unwrap();
        let _b = slots.take(soon()).unwrap();
        let t = Instant::now();
        assert!(slots.take(soon()).is_none());
        assert!(t.elapsed() >= Duration::from_millis(40));
        drop(a);
        assert!(slots.take(soon()).is_some());
    }
}
