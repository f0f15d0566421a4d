//! The README's table of the data file's columns says what the parser does.

use param_scale::dataset::{
    parse_article_date, parse_date, Architecture, Modality, Status, DATA_FILE_COLUMNS,
};

/// The rows of the column table under "## The data": (columns, meaning).
fn column_table() -> Vec<(Vec<String>, String)> {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"))
        .expect("README.md");
    let section = readme
        .split("## The data")
        .nth(1)
        .expect("a section on the data");
    let backticked = |cell: &str| -> Vec<String> {
        cell.split('`')
            .skip(1)
            .step_by(2)
            .map(str::to_owned)
            .collect()
    };
    section
        .lines()
        .skip_while(|line| !line.starts_with("| column |"))
        .skip(2)
        .take_while(|line| line.starts_with('|'))
        .map(|line| {
            let cells: Vec<&str> = line.split('|').collect();
            (backticked(cells[1]), cells[2].to_owned())
        })
        .collect()
}

fn meaning(column: &str) -> String {
    column_table()
        .into_iter()
        .find(|(columns, _)| columns.iter().any(|name| name == column))
        .map(|(_, meaning)| meaning)
        .unwrap_or_else(|| panic!("README has no row for {column}"))
}

#[test]
fn the_readme_names_every_column_of_the_data_file_in_order() {
    let named: Vec<String> = column_table()
        .into_iter()
        .flat_map(|(columns, _)| columns)
        .collect();
    assert_eq!(named, DATA_FILE_COLUMNS.map(str::to_owned).to_vec());
}

#[test]
fn the_dating_rule_in_the_column_table_matches_the_parser() {
    let date = meaning("date");
    assert!(date.contains("when the count became public"), "{date}");
    // (a form the README names, an example, whether a model's date takes it,
    // whether an article's date takes it)
    let cases = [
        ("`YYYY-MM-DD`", "2022-01-20", true, true),
        ("`YYYY-MM`", "2022-01", true, true),
        ("`YYYY`", "2022", false, true),
    ];
    let article = meaning("article_date");
    for (form, example, model_date, article_date) in cases {
        assert_eq!(date.contains(form), model_date, "date: {form}");
        assert_eq!(parse_date(example).is_ok(), model_date, "{example}");
        assert_eq!(article.contains(form), article_date, "article_date: {form}");
        assert_eq!(
            parse_article_date(example).is_ok(),
            article_date,
            "{example}"
        );
    }
}

#[test]
fn the_column_table_lists_exactly_the_codes_the_parser_takes() {
    let cases: [(&str, Vec<&str>); 3] = [
        (
            "architecture",
            Architecture::ALL.map(Architecture::code).to_vec(),
        ),
        ("status", Status::ALL.map(Status::code).to_vec()),
        ("modality", Modality::ALL.map(Modality::code).to_vec()),
    ];
    for (column, codes) in cases {
        let text = meaning(column);
        for code in codes {
            assert!(
                text.contains(&format!("`{code}`")),
                "{column} lacks {code}: {text}"
            );
        }
    }
}
