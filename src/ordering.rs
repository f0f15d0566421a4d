//! One sort for the whole crate. Every order the chart needs is of items by
//! a key of unsigned integers, equal keys keeping the items' order; sorting
//! `(key, position)` with the one `sort_unstable` means the wasm module holds
//! one copy of the sorting code instead of one per comparator (about 5 KB of
//! code each).

/// A sort key: compared as a tuple, first element first.
pub type Key = (u64, u64, u64);

/// The positions `0..n` of `keys`, ordered by key; equal keys keep their
/// order, as in a stable sort.
pub fn order_by(keys: impl IntoIterator<Item = Key>) -> Vec<usize> {
    sort_positions(
        keys.into_iter()
            .enumerate()
            .map(|(position, (first, second, third))| (first, second, third, position))
            .collect(),
    )
}

fn sort_positions(mut keyed: Vec<(u64, u64, u64, usize)>) -> Vec<usize> {
    keyed.sort_unstable();
    keyed
        .into_iter()
        .map(|(_, _, _, position)| position)
        .collect()
}

/// `items` in the order of their keys, equal keys keeping their order.
pub fn sorted_by<T: Copy>(items: &[T], key: impl Fn(&T) -> Key) -> Vec<T> {
    order_by(items.iter().map(key))
        .into_iter()
        .map(|position| items[position])
        .collect()
}

/// A key that orders numbers as [`f64::total_cmp`] does.
pub fn float_key(value: f64) -> u64 {
    let bits = value.to_bits();
    if bits >> 63 == 1 {
        !bits
    } else {
        bits | 1 << 63
    }
}

/// The key of a date: earlier dates first, a month without a day before
/// its first day.
pub fn date_key(date: crate::dataset::Date) -> u64 {
    u64::from(date.year) << 16 | u64::from(date.month) << 8 | u64::from(date.day)
}

/// The key of a parameter count: undisclosed below every disclosed count.
pub fn count_key(params: Option<u64>) -> u64 {
    params.map_or(0, |count| count.saturating_add(1))
}

/// The key that reverses `key`'s order.
pub fn descending(key: u64) -> u64 {
    !key
}
