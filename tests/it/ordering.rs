//! The crate's one sort (`ordering`) and its keys.

use param_scale::dataset::Date;
use param_scale::ordering::{count_key, date_key, descending, float_key, order_by, sorted_by, Key};

#[test]
fn float_keys_order_numbers_as_total_cmp_does() {
    let numbers = [
        f64::NEG_INFINITY,
        -1e300,
        -2.5,
        -0.0,
        0.0,
        1e-300,
        0.5,
        3.0,
        f64::INFINITY,
        f64::NAN,
    ];
    for a in numbers {
        for b in numbers {
            assert_eq!(
                float_key(a).cmp(&float_key(b)),
                a.total_cmp(&b),
                "{a} against {b}"
            );
        }
    }
}

#[test]
fn date_and_count_keys_order_as_dates_and_counts_do() {
    let date = |year, month, day| Date { year, month, day };
    let dates = [
        date(2017, 6, 12),
        date(2019, 2, 0),
        date(2019, 2, 1),
        date(2019, 2, 14),
        date(2019, 11, 5),
        date(2025, 1, 31),
    ];
    for a in dates {
        for b in dates {
            assert_eq!(
                date_key(a).cmp(&date_key(b)),
                a.cmp(&b),
                "{a:?} against {b:?}"
            );
        }
    }
    let counts = [
        None,
        Some(0),
        Some(1),
        Some(117_000_000),
        Some(14_500_000_000_000),
    ];
    for a in counts {
        for b in counts {
            assert_eq!(
                count_key(a).cmp(&count_key(b)),
                a.cmp(&b),
                "{a:?} against {b:?}"
            );
            assert_eq!(
                descending(count_key(a)).cmp(&descending(count_key(b))),
                b.cmp(&a),
                "{a:?} against {b:?}, descending"
            );
        }
    }
}

#[test]
fn items_are_ordered_by_key_and_equal_keys_keep_their_order() {
    // (keys, expected positions).
    let cases: [(&[Key], &[usize]); 5] = [
        (&[], &[]),
        (&[(5, 0, 0)], &[0]),
        (&[(2, 0, 0), (1, 0, 0), (2, 0, 0), (1, 0, 0)], &[1, 3, 0, 2]),
        (
            &[(1, 9, 0), (1, 2, 7), (1, 2, 3), (0, 99, 99)],
            &[3, 2, 1, 0],
        ),
        (&[(7, 7, 7); 4], &[0, 1, 2, 3]),
    ];
    for (keys, expected) in cases {
        assert_eq!(order_by(keys.iter().copied()), expected, "{keys:?}");
    }
    let words = ["pear", "fig", "apple", "kiwi", "date"];
    assert_eq!(
        sorted_by(&words, |word| (word.len() as u64, 0, 0)),
        ["fig", "pear", "kiwi", "date", "apple"]
    );
}
