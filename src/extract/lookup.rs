//! Mention look-ups by position, in time independent of the document's
//! length (issue #15): mentions are kept sorted by (first, last) token and
//! none is longer than [`Prepared::span_bound`] tokens, so the mentions
//! starting, ending or lying at a position are found by binary search over a
//! window of the sorted list instead of a scan of every mention. Each look-up
//! gives exactly what the scan it replaces gave (same mentions, same order).

use std::ops::Range;

use super::{Mention, Prepared};

impl Prepared<'_> {
    /// Indices of the mentions whose first token lies in `a..b`.
    pub fn starting_in(&self, a: usize, b: usize) -> Range<usize> {
        let lo = self.mentions.partition_point(|m| m.first < a);
        let hi = lo + self.mentions[lo..].partition_point(|m| m.first < b);
        lo..hi
    }

    /// Indices of the mentions that may end at or after token `j` and start
    /// at or before it: those starting in `j - span_bound ..= j`.
    fn near(&self, j: usize) -> Range<usize> {
        self.starting_in(j.saturating_sub(self.span_bound), j + 1)
    }

    /// The first mention starting at token `j`.
    pub fn starting_at(&self, j: usize) -> Option<usize> {
        let i = self.mentions.partition_point(|m| m.first < j);
        (self.mentions.get(i)?.first == j).then_some(i)
    }

    /// The mentions ending at token `j` (one past their last token), in order.
    pub fn ending_at(&self, j: usize) -> impl Iterator<Item = usize> + '_ {
        self.near(j).filter(move |&i| self.mentions[i].last == j)
    }

    /// The mentions that cover token `j`, in order.
    pub fn covering(&self, j: usize) -> impl Iterator<Item = usize> + '_ {
        self.near(j)
            .filter(move |&i| self.mentions[i].first <= j && j < self.mentions[i].last)
    }

    /// The mentions lying within tokens `a..b` (first ≥ a, last ≤ b), in order.
    pub fn lying_in(&self, a: usize, b: usize) -> impl Iterator<Item = (usize, &Mention)> + '_ {
        self.starting_in(a, b.max(a) + 1)
            .map(move |i| (i, &self.mentions[i]))
            .filter(move |(_, m)| m.last <= b)
    }

    /// Sets [`Prepared::span_bound`] to the longest mention's length; called
    /// by the stages that lengthen mentions, before look-ups rely on it.
    pub fn bound_spans(&mut self) {
        let longest = self
            .mentions
            .iter()
            .map(|m| m.last.saturating_sub(m.first))
            .max()
            .unwrap_or(0);
        self.span_bound = self.span_bound.max(longest);
    }
}
