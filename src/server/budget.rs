//! Per-query memory budgets. The process allocator counts the bytes that
//! each query's evaluating thread holds; past the budget it trips the
//! query's [`Stop`], and the next liveness check unwinds the evaluation
//! (an allocator may neither fail nor unwind, so the allocation itself
//! still succeeds). RocksDB's own C++ memory is not counted: its caches
//! are bounded by RocksDB.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::sync::Arc;
use std::sync::atomic::{AtomicIsize, Ordering};

use super::watchdog::{Reason, Stop};

/// The process allocator: the system one, plus per-thread accounting.
pub struct Counting;

#[global_allocator]
static ALLOCATOR: Counting = Counting;

thread_local! {
    // A raw pointer (no destructor, const-initialized): safe to read from
    // inside the allocator, even while the thread is being torn down.
    static CURRENT: Cell<*const Budget> = const { Cell::new(std::ptr::null()) };
}

/// The memory a query may hold, and what it holds now.
pub struct Budget {
    limit: isize,
    used: AtomicIsize,
    peak: AtomicIsize,
    stop: Arc<Stop>,
}

impl Budget {
    /// A budget of `limit` bytes that trips `stop` when exceeded.
    pub fn new(limit: usize, stop: Arc<Stop>) -> Arc<Budget> {
        Arc::new(Budget {
            limit: isize::try_from(limit).unwrap_or(isize::MAX),
            used: AtomicIsize::new(0),
            peak: AtomicIsize::new(0),
            stop,
        })
    }

    /// Most bytes held at once so far.
    #[cfg(test)]
    pub fn peak(&self) -> usize {
        self.peak.load(Ordering::Relaxed).max(0) as usize
    }

    fn add(&self, bytes: isize) {
        let now = self.used.fetch_add(bytes, Ordering::Relaxed) + bytes;
        if now > self.peak.load(Ordering::Relaxed) {
            self.peak.store(now, Ordering::Relaxed);
            if now > self.limit {
                // Allocation-free: atomics only.
                self.stop.trip(Reason::Memory);
            }
        }
    }
}

/// Counts the calling thread's allocations against `budget` until dropped.
pub struct Charged {
    // Keeps the budget alive while the thread-local points at it.
    _budget: Arc<Budget>,
}

impl Charged {
    /// Starts charging this thread's allocations to `budget`.
    pub fn start(budget: Arc<Budget>) -> Charged {
        CURRENT.with(|c| c.set(Arc::as_ptr(&budget)));
        Charged { _budget: budget }
    }
}

impl Drop for Charged {
    fn drop(&mut self) {
        CURRENT.with(|c| c.set(std::ptr::null()));
    }
}

fn charge(bytes: isize) {
    let _ = CURRENT.try_with(|c| {
        let p = c.get();
        if !p.is_null() {
            // SAFETY: the pointer is set only while a `Charged` on this very
            // thread holds the `Arc<Budget>`, and cleared before it drops.
            unsafe { (*p).add(bytes) }
        }
    });
}

// SAFETY: every call is forwarded to `System` unchanged; the accounting
// around it neither allocates nor unwinds.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: same contract as ours.
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            charge(layout.size() as isize);
        }
        p
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: same contract as ours.
        let p = unsafe { System.alloc_zeroed(layout) };
        if !p.is_null() {
            charge(layout.size() as isize);
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: same contract as ours.
        unsafe { System.dealloc(ptr, layout) };
        charge(-(layout.size() as isize));
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: same contract as ours.
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            charge(new_size as isize - layout.size() as isize);
        }
        p
    }
}

/// Parses a size: bytes, or a number with K, M or G (binary multiples).
pub fn parse_size(s: &str) -> Result<usize, String> {
    let t = s.trim();
    let (num, mult) = match t.char_indices().last() {
        Some((i, c)) if c.is_ascii_alphabetic() => {
            let m: usize = match c.to_ascii_uppercase() {
                'K' => 1 << 10,
                'M' => 1 << 20,
                'G' => 1 << 30,
                _ => return Err(format!("`{s}`: give bytes or a number with K, M or G")),
            };
            (&t[..i], m)
        }
        _ => (t, 1),
    };
    let n: usize = num
        .trim()
        .parse()
        .map_err(|_| format!("`{s}`: give bytes or a number with K, M or G"))?;
    match n.checked_mul(mult) {
        Some(v) if v > 0 => Ok(v),
        _ => Err(format!("`{s}`: must be over 0 and fit in memory")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_thread_over_its_budget_trips_its_stop_and_others_do_not() {
        let stop = Stop::new();
        let budget = Budget::new(1 << 20, Arc::clone(&stop));
        let b = Arc::clone(&budget);
        std::thread::spawn(move || {
            let _charged = Charged::start(b);
            std::hint::black_box(vec![0u8; 100_000]);
        })
        .join()
        .unwrap();
        assert_eq!(stop.reason(), None);
        let b = Arc::clone(&budget);
        std::thread::spawn(move || {
            let _charged = Charged::start(b);
            std::hint::black_box(vec![1u8; 2 << 20]);
        })
        .join()
        .unwrap();
        assert_eq!(stop.reason(), Some(Reason::Memory));
        assert!(budget.peak() >= 2 << 20);
        // Not charged: this thread has no budget.
        let peak = budget.peak();
        std::hint::black_box(vec![0u8; 8 << 20]);
        assert_eq!(budget.peak(), peak);
    }

    #[test]
    fn sizes_parse_with_binary_suffixes() {
        assert_eq!(parse_size("512M"), Ok(512 << 20));
        assert_eq!(parse_size("2g"), Ok(2 << 30));
        assert_eq!(parse_size("4096"), Ok(4096));
        assert_eq!(parse_size("64 K"), Ok(64 << 10));
        assert!(parse_size("12X").unwrap_err().contains("12X"));
        assert!(parse_size("0").is_err());
        assert!(parse_size("").is_err());
    }
}
