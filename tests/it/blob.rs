//! The binary form the data is embedded in (`src/dataset/blob.rs`): every
//! data set reads back exactly as written, and broken bytes are refused
//! without a panic.

use param_scale::dataset::{decode_binary, encode_binary, parse_models, parse_stages};

const FIXTURE_MODELS: &str = include_str!("../fixtures/models.csv");
const HOSTILE_MODELS: &str = include_str!("../fixtures/hostile.csv");
const STAGES: &str = include_str!("../../data/stages.csv");
const REAL_MODELS: &str = include_str!("../../data/models.csv");

fn leak(bytes: Vec<u8>) -> &'static [u8] {
    Box::leak(bytes.into_boxed_slice())
}

#[test]
fn each_data_set_reads_back_from_its_binary_form_as_written() {
    let stages = parse_stages("stages.csv", STAGES).expect("valid stages");
    for (file, text) in [
        ("data/models.csv", REAL_MODELS),
        ("tests/fixtures/models.csv", FIXTURE_MODELS),
        ("tests/fixtures/hostile.csv", HOSTILE_MODELS),
    ] {
        let models = parse_models(file, text).expect("valid models");
        for (models, stages) in [
            (models.clone(), stages.clone()),
            (models[..1].to_vec(), Vec::new()),
            (Vec::new(), stages.clone()),
            (Vec::new(), Vec::new()),
        ] {
            let bytes = leak(encode_binary(&models, &stages));
            assert_eq!(
                decode_binary(bytes),
                Some((models.clone(), stages.clone())),
                "{file}: {} models and {} stages",
                models.len(),
                stages.len()
            );
        }
    }
}

#[test]
fn counts_that_are_not_round_and_the_largest_count_read_back() {
    let stages = parse_stages("stages.csv", STAGES).expect("valid stages");
    let mut models = parse_models("tests/fixtures/models.csv", FIXTURE_MODELS).expect("valid");
    let counts = [1, 9, 10, 6_738_415_616, 1_000_000_000_000_000, u64::MAX];
    for (model, count) in models.iter_mut().zip(counts) {
        model.params = Some(count);
    }
    let bytes = leak(encode_binary(&models, &stages));
    let (decoded, _) = decode_binary(bytes).expect("reads back");
    let read: Vec<_> = decoded
        .iter()
        .take(counts.len())
        .map(|m| m.params)
        .collect();
    assert_eq!(read, counts.map(Some).to_vec());
}

#[test]
fn a_cut_or_changed_blob_is_refused_or_read_without_a_panic() {
    let stages = parse_stages("stages.csv", STAGES).expect("valid stages");
    let models = parse_models("tests/fixtures/models.csv", FIXTURE_MODELS).expect("valid");
    let bytes = encode_binary(&models, &stages);
    for length in 0..bytes.len() {
        let cut = leak(bytes[..length].to_vec());
        assert_eq!(
            decode_binary(cut),
            None,
            "cut at {length} of {}",
            bytes.len()
        );
    }
    let mut longer = bytes.clone();
    longer.push(0);
    assert_eq!(decode_binary(leak(longer)), None, "a byte too many");
    for at in (0..bytes.len()).step_by(7) {
        let mut changed = bytes.clone();
        changed[at] ^= 0xA5;
        // Any answer will do but a panic; most changes are refused.
        let _ = decode_binary(leak(changed));
    }
}
