use param_scale::csv::{parse_records, Record};

/// Each record as its line and its fields.
type Lines<'a> = Vec<(usize, Vec<&'a str>)>;

fn fields(records: &[Record]) -> Lines<'_> {
    records
        .iter()
        .map(|record| {
            (
                record.line,
                record.fields.iter().map(String::as_str).collect(),
            )
        })
        .collect()
}

#[test]
fn records_keep_the_line_they_start_on_and_quoted_fields_are_unwrapped() {
    let cases: &[(&str, Lines<'_>)] = &[
        ("a,b\n1,2\n", vec![(1, vec!["a", "b"]), (2, vec!["1", "2"])]),
        (
            "a,b\r\n1,2\r\n",
            vec![(1, vec!["a", "b"]), (2, vec!["1", "2"])],
        ),
        ("a\n\n\nb", vec![(1, vec!["a"]), (4, vec!["b"])]),
        (
            "\"x, y\",\"say \"\"hi\"\"\"\n",
            vec![(1, vec!["x, y", "say \"hi\""])],
        ),
        (
            "\"two\nlines\",z\nnext,row",
            vec![(1, vec!["two\nlines", "z"]), (3, vec!["next", "row"])],
        ),
        ("\u{feff}id,name\n", vec![(1, vec!["id", "name"])]),
        ("a,,c\n", vec![(1, vec!["a", "", "c"])]),
        ("", vec![]),
    ];
    for (text, expected) in cases {
        let records = parse_records(text).unwrap_or_else(|error| panic!("{text:?}: {error:?}"));
        assert_eq!(&fields(&records), expected, "{text:?}");
    }
}

#[test]
fn malformed_quoting_is_an_error_on_the_line_where_it_is() {
    let cases = [
        ("a,b\n\"never closed,c\n", 2),
        ("a,b\nx\"y,z\n", 2),
        ("a\n\"q\"tail\n", 2),
    ];
    for (text, line) in cases {
        let error = parse_records(text)
            .err()
            .unwrap_or_else(|| panic!("{text:?} should fail"));
        assert_eq!(error.line, line, "{text:?}: {}", error.message);
    }
}
