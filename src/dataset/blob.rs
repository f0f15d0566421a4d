//! The compact binary form `build.rs` embeds the validated rows in
//! ([`encode_binary`]) and the crate reads back once at run time
//! ([`decode_binary`]): a table of the distinct strings, then each model as
//! string numbers, dates, counts and a byte of flags. Decoding copies no
//! text: every string borrows from the embedded bytes. It scales to a
//! hundred thousand rows where a Rust source literal would not.

use std::borrow::Cow;
use std::collections::HashMap;

use super::{Architecture, Date, Modality, Model, Stage, Status, Text};

const BINARY_MAGIC: &[u8; 5] = b"PSD2\n";

/// The distinct strings of the data, each written once.
#[derive(Default)]
struct Strings {
    text: String,
    ends: Vec<u32>,
    numbers: HashMap<String, u32>,
}

impl Strings {
    /// Appends the number of `value` to `body`, adding it to the table first
    /// if it is new.
    fn push(&mut self, value: &str, body: &mut Vec<u8>) {
        let number = match self.numbers.get(value) {
            Some(number) => *number,
            None => {
                let number = self.ends.len() as u32;
                self.text.push_str(value);
                self.ends.push(self.text.len() as u32);
                self.numbers.insert(value.to_owned(), number);
                number
            }
        };
        push_varint(body, u64::from(number));
    }
}

/// The position of `value` in `all`, as a code of a few bits.
fn index_of<T: PartialEq>(all: &[T], value: &T) -> u8 {
    all.iter().position(|item| item == value).unwrap_or(0) as u8
}

fn push_date(body: &mut Vec<u8>, date: Option<Date>) {
    let date = date.unwrap_or(Date {
        year: 0,
        month: 0,
        day: 0,
    });
    body.extend_from_slice(&date.year.to_le_bytes());
    body.push(date.month);
    body.push(date.day);
}

fn encode_model(model: &Model, strings: &mut Strings, body: &mut Vec<u8>) {
    for value in [
        &model.id,
        &model.name,
        &model.name_zh,
        &model.organization,
        &model.organization_zh,
        &model.country,
        &model.source_url,
        &model.article_claim,
        &model.article_claim_en,
        &model.note,
        &model.note_zh,
    ] {
        strings.push(value, body);
    }
    push_date(body, Some(model.date));
    push_date(body, model.article_date);
    for count in [model.params, model.active_params, model.article_params] {
        push_varint(body, count.unwrap_or(0));
    }
    body.push(
        index_of(&Architecture::ALL, &model.architecture)
            | (index_of(&Modality::ALL, &model.modality) << 2)
            | (u8::from(model.in_article) << 4)
            | (index_of(&Status::ALL, &model.status) << 5),
    );
}

/// Encodes validated models and stages (see [`decode_binary`]).
pub fn encode_binary(models: &[Model], stages: &[Stage]) -> Vec<u8> {
    let mut strings = Strings::default();
    let mut body = Vec::new();
    push_varint(&mut body, models.len() as u64);
    for model in models {
        encode_model(model, &mut strings, &mut body);
    }
    push_varint(&mut body, stages.len() as u64);
    for stage in stages {
        for value in [
            &stage.id,
            &stage.label,
            &stage.label_zh,
            &stage.scale,
            &stage.scale_zh,
        ] {
            strings.push(value, &mut body);
        }
        push_varint(&mut body, stage.params_from);
        push_varint(&mut body, stage.params_to);
    }
    let Strings { text, ends, .. } = strings;
    let mut bytes = Vec::with_capacity(16 + text.len() + 4 * ends.len() + body.len());
    bytes.extend_from_slice(BINARY_MAGIC);
    bytes.extend_from_slice(&(text.len() as u32).to_le_bytes());
    bytes.extend_from_slice(text.as_bytes());
    bytes.extend_from_slice(&(ends.len() as u32).to_le_bytes());
    for end in &ends {
        bytes.extend_from_slice(&end.to_le_bytes());
    }
    bytes.extend_from_slice(&body);
    bytes
}

fn push_varint(bytes: &mut Vec<u8>, mut value: u64) {
    while value >= 0x80 {
        bytes.push(value as u8 | 0x80);
        value >>= 7;
    }
    bytes.push(value as u8);
}

/// Reads the blob front to back; every read is checked.
struct Reader {
    bytes: &'static [u8],
    at: usize,
    strings: Vec<&'static str>,
}

impl Reader {
    fn take(&mut self, count: usize) -> Option<&'static [u8]> {
        let taken = self.bytes.get(self.at..self.at.checked_add(count)?)?;
        self.at += count;
        Some(taken)
    }

    fn byte(&mut self) -> Option<u8> {
        Some(self.take(1)?[0])
    }

    fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }

    fn varint(&mut self) -> Option<u64> {
        let mut value = 0_u64;
        for shift in (0..64).step_by(7) {
            let byte = self.byte()?;
            value |= u64::from(byte & 0x7f) << shift;
            if byte < 0x80 {
                return Some(value);
            }
        }
        None
    }

    /// A count, where 0 means none.
    fn count(&mut self) -> Option<Option<u64>> {
        Some(Some(self.varint()?).filter(|count| *count > 0))
    }

    fn date(&mut self) -> Option<Option<Date>> {
        let year = u16::from_le_bytes(self.take(2)?.try_into().ok()?);
        let (month, day) = (self.byte()?, self.byte()?);
        Some((year > 0).then_some(Date { year, month, day }))
    }

    fn string(&mut self) -> Option<Text> {
        let number = usize::try_from(self.varint()?).ok()?;
        Some(Cow::Borrowed(*self.strings.get(number)?))
    }

    /// The table of strings after the magic.
    fn read_strings(&mut self) -> Option<()> {
        let text_length = self.u32()? as usize;
        let text: &'static str = std::str::from_utf8(self.take(text_length)?).ok()?;
        let n_strings = self.u32()? as usize;
        self.strings = Vec::with_capacity(n_strings.min(self.bytes.len() / 4));
        let mut start = 0;
        for _ in 0..n_strings {
            let end = self.u32()? as usize;
            self.strings.push(text.get(start..end)?);
            start = end;
        }
        Some(())
    }

    fn model(&mut self) -> Option<Model> {
        let [id, name, name_zh, organization, organization_zh, country, source_url, article_claim, article_claim_en, note, note_zh] =
            [(); 11].map(|()| self.string());
        let date = self.date()??;
        let article_date = self.date()?;
        let (params, active_params, article_params) = (self.count()?, self.count()?, self.count()?);
        let flags = self.byte()?;
        Some(Model {
            id: id?,
            name: name?,
            name_zh: name_zh?,
            organization: organization?,
            organization_zh: organization_zh?,
            country: country?,
            date,
            params,
            active_params,
            architecture: *Architecture::ALL.get(usize::from(flags & 3))?,
            status: *Status::ALL.get(usize::from((flags >> 5) & 3))?,
            modality: Modality::ALL[usize::from((flags >> 2) & 3)],
            source_url: source_url?,
            article_claim: article_claim?,
            article_claim_en: article_claim_en?,
            article_date,
            article_params,
            in_article: flags & 16 != 0,
            note: note?,
            note_zh: note_zh?,
        })
    }

    fn stage(&mut self) -> Option<Stage> {
        Some(Stage {
            id: self.string()?,
            label: self.string()?,
            label_zh: self.string()?,
            scale: self.string()?,
            scale_zh: self.string()?,
            params_from: self.varint()?,
            params_to: self.varint()?,
        })
    }
}

/// Reads the bytes [`encode_binary`] wrote; `None` if they are not such
/// bytes. The strings borrow from `bytes`.
pub fn decode_binary(bytes: &'static [u8]) -> Option<(Vec<Model>, Vec<Stage>)> {
    let mut reader = Reader {
        bytes,
        at: 0,
        strings: Vec::new(),
    };
    if reader.take(BINARY_MAGIC.len())? != BINARY_MAGIC {
        return None;
    }
    reader.read_strings()?;
    let n_models = usize::try_from(reader.varint()?).ok()?;
    let mut models = Vec::with_capacity(n_models.min(bytes.len() / 16));
    for _ in 0..n_models {
        models.push(reader.model()?);
    }
    let n_stages = usize::try_from(reader.varint()?).ok()?;
    let mut stages = Vec::with_capacity(n_stages.min(bytes.len()));
    for _ in 0..n_stages {
        stages.push(reader.stage()?);
    }
    (reader.at == bytes.len()).then_some((models, stages))
}
