//! A stable insertion sort for the short lists the core orders (a dozen support types, a few
//! dozen items). The standard library's sorts are built for large inputs, and each list type
//! would carry its own copy of that machinery into the browser build: tens of kilobytes.

use std::cmp::Ordering;

/// Sorts `items` stably by `compare`. Quadratic, so only for short lists.
pub(crate) fn sort_by<T>(items: &mut [T], mut compare: impl FnMut(&T, &T) -> Ordering) {
    for next in 1..items.len() {
        let mut position = next;
        while position > 0 && compare(&items[position - 1], &items[position]) == Ordering::Greater {
            items.swap(position - 1, position);
            position -= 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::sort_by;

    #[test]
    fn sorts_stably() {
        let mut pairs = vec![(3, 'a'), (1, 'b'), (3, 'c'), (2, 'd'), (1, 'e')];
        sort_by(&mut pairs, |a, b| a.0.cmp(&b.0));
        assert_eq!(pairs, [(1, 'b'), (1, 'e'), (2, 'd'), (3, 'a'), (3, 'c')]);
        let mut empty: Vec<u8> = Vec::new();
        sort_by(&mut empty, |a, b| a.cmp(b));
        assert!(empty.is_empty());
    }
}
