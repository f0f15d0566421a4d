//! Finding a model by part of its name, in either language.

use param_scale::embedded::models;
use param_scale::search::{lower_case, matches, MAX_MATCHES};

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

/// The blocks whose capitals `lower_case` knows: ASCII and Latin-1, the
/// Greek capitals with and without accents, basic Cyrillic.
const CASED_BLOCKS: [(u32, u32); 3] = [(0x00, 0xFF), (0x386, 0x3AB), (0x400, 0x42F)];

#[test]
fn letters_of_latin_greek_and_cyrillic_are_lowered_as_unicode_lowers_them() {
    for (first, last) in CASED_BLOCKS {
        for c in (first..=last).filter_map(char::from_u32) {
            let unicode: String = c.to_lowercase().collect();
            assert_eq!(
                lower_case(c).to_string(),
                unicode,
                "{c:?} (U+{:04X})",
                u32::from(c)
            );
        }
    }
}

#[test]
fn every_character_of_the_models_names_is_lowered_as_unicode_lowers_it() {
    for model in models() {
        for c in [&*model.name, &*model.name_zh, &*model.id]
            .iter()
            .flat_map(|name| name.chars())
        {
            let unicode: String = c.to_lowercase().collect();
            assert_eq!(lower_case(c).to_string(), unicode, "{c:?} in {}", model.id);
        }
    }
}

#[test]
fn a_greek_capital_or_small_letter_finds_the_name_written_with_either() {
    let cases = [
        ("PanGu-Σ", "pangu-sigma"),
        ("pangu-σ", "pangu-sigma"),
        ("PANGU-Α", "pangu-alpha"),
    ];
    for (query, id) in cases {
        assert!(ids(query).contains(&id), "{query}: {:?}", ids(query));
    }
}
