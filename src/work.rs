//! Work accounting for the tests that prove analysis takes time linear in the text: the
//! stages count their steps here (characters scanned, items and marks visited, entries
//! looked at), and a test compares the count for an input of size n with the count for 2n.
//! Counting is compiled into unit tests only; elsewhere [`step`] is nothing.
//!
//! A count of steps is repeatable where a time is not, and it does not depend on what else
//! the machine is doing.

#[cfg(test)]
thread_local! {
    static STEPS: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// Counts `n` steps of work on this thread (in unit tests; nothing otherwise).
#[inline(always)]
pub(crate) fn step(n: usize) {
    #[cfg(test)]
    STEPS.with(|s| s.set(s.get() + n as u64));
    #[cfg(not(test))]
    let _ = n;
}

/// Runs `f` and returns its result with the steps it took on this thread.
#[cfg(test)]
pub(crate) fn measure<T>(f: impl FnOnce() -> T) -> (T, u64) {
    let before = STEPS.with(|s| s.get());
    let out = f();
    (out, STEPS.with(|s| s.get()) - before)
}
