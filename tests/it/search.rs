//! Finding a model by part of its name, in either language.

use param_scale::embedded::models;
use param_scale::search::{matches, MAX_MATCHES};

fn ids(query: &str) -> Vec<&'static str> {
    matches(models(), query)
        .into_iter()
        .map(|index| &*models()[index].id)
        .collect()
}

#[test]
fn a_part_of_a_name_in_either_language_finds_the_model() {
    let cases = [
        ("gpt", "gpt-3"),
        ("GPT-3", "gpt-3"),
        ("盘古", "pangu"),
        ("盘古", "pangu-alpha"),
        ("ernie", "ernie-3"),
        ("文心", "ernie-3-titan"),
        ("kimi", "kimi-k2"),
        ("pangu", "pangu"),
        ("八卦炉", "bagualu"),
        ("mt nlg", "mt-nlg"),
    ];
    for (query, id) in cases {
        assert!(ids(query).contains(&id), "{query}: {:?}", ids(query));
    }
}

#[test]
fn names_that_start_with_the_query_come_first_and_the_list_is_short() {
    let found = ids("gpt");
    assert!(!found.is_empty() && found.len() <= MAX_MATCHES);
    assert!(found[0].starts_with("gpt"), "{found:?}");
    assert!(ids("").is_empty());
    assert!(ids("   ").is_empty());
    assert!(ids("no such model").is_empty());
}
