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

#[test]
fn no_module_but_ordering_sorts_so_the_module_holds_one_sort() {
    fn sources(dir: &std::path::Path, found: &mut Vec<std::path::PathBuf>) {
        for entry in std::fs::read_dir(dir).expect("src/ is readable").flatten() {
            let path = entry.path();
            if path.is_dir() {
                sources(&path, found);
            } else if path.extension().is_some_and(|extension| extension == "rs") {
                found.push(path);
            }
        }
    }
    let mut files = Vec::new();
    sources(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut files,
    );
    assert!(files.len() > 10, "{files:?}");
    for file in files.iter().filter(|file| !file.ends_with("ordering.rs")) {
        let text = std::fs::read_to_string(file).expect("a source file is readable");
        for call in [
            ".sort(",
            ".sort_by",
            ".sort_unstable",
            "select_nth_unstable",
        ] {
            assert!(
                !text.contains(call),
                "{} calls {call}: sort through param_scale::ordering instead",
                file.display()
            );
        }
    }
}
