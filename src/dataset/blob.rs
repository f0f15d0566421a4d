//! The compact binary form `build.rs` embeds the validated rows in
//! ([`encode_binary`]) and the crate reads back once at run time
//! ([`decode_binary`]). The rows are written column by column, each column
//! of like values next to one another so that gzip and Brotli find their
//! repeats: first a table of the distinct strings (their lengths as
//! varints, then their text, in the order the columns first use them), then
//! each string column as string numbers, the date columns, the count
//! columns and a byte of flags per model, then the stages. Decoding copies
//! no text: every string borrows from the embedded bytes. It scales to a
//! hundred thousand rows where a Rust source literal would not.

use std::borrow::Cow;
use std::collections::HashMap;

use super::{Architecture, Date, Modality, Model, Stage, Status, Text};

const BINARY_MAGIC: &[u8; 5] = b"PSD3\n";

/// A model's string fields, in the order their columns are written.
fn string_columns(model: &Model) -> [&Text; 11] {
    [
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
    ]
}

/// A stage's string fields, in the order their columns are written.
fn stage_columns(stage: &Stage) -> [&Text; 5] {
    [
        &stage.id,
        &stage.label,
        &stage.label_zh,
        &stage.scale,
        &stage.scale_zh,
    ]
}

/// The distinct strings of the data, each written once, and the columns of
/// string numbers that refer to them.
#[derive(Default)]
struct Strings {
    text: String,
    lengths: Vec<u8>,
    count: u64,
    numbers: HashMap<String, u64>,
}

impl Strings {
    /// Appends to `body` a reference to `value`: 0 if it is new (the table's
    /// next string, which it is added as), else its number plus one. A column
    /// of strings met for the first time is a run of zeros.
    fn push(&mut self, value: &str, body: &mut Vec<u8>) {
        match self.numbers.get(value) {
            Some(number) => push_varint(body, number + 1),
            None => {
                self.numbers.insert(value.to_owned(), self.count);
                self.count += 1;
                self.text.push_str(value);
                push_varint(&mut self.lengths, value.len() as u64);
                body.push(0);
            }
        }
    }
}

/// The position of `value` in `all`, as a code of a few bits.
fn index_of<T: PartialEq>(all: &[T], value: &T) -> u8 {
    all.iter().position(|item| item == value).unwrap_or(0) as u8
}

/// The three date columns (year, month, day) of some dates; a missing date
/// is year 0.
fn push_dates(body: &mut Vec<u8>, dates: &[Option<Date>]) {
    for date in dates {
        push_varint(body, u64::from(date.map_or(0, |date| date.year)));
    }
    body.extend(dates.iter().map(|date| date.map_or(0, |date| date.month)));
    body.extend(dates.iter().map(|date| date.map_or(0, |date| date.day)));
}

fn flags(model: &Model) -> u8 {
    index_of(&Architecture::ALL, &model.architecture)
        | (index_of(&Modality::ALL, &model.modality) << 2)
        | (u8::from(model.in_article) << 4)
        | (index_of(&Status::ALL, &model.status) << 5)
}

/// Encodes validated models and stages (see [`decode_binary`]).
pub fn encode_binary(models: &[Model], stages: &[Stage]) -> Vec<u8> {
    let mut strings = Strings::default();
    let mut body = Vec::new();
    for column in 0..11 {
        for model in models {
            strings.push(string_columns(model)[column], &mut body);
        }
    }
    let dates: Vec<Option<Date>> = models.iter().map(|model| Some(model.date)).collect();
    push_dates(&mut body, &dates);
    let dates: Vec<Option<Date>> = models.iter().map(|model| model.article_date).collect();
    push_dates(&mut body, &dates);
    for count in [
        |model: &Model| model.params,
        |model: &Model| model.active_params,
        |model: &Model| model.article_params,
    ] {
        for model in models {
            push_count(&mut body, count(model));
        }
    }
    body.extend(models.iter().map(flags));
    for stage in stages {
        for value in stage_columns(stage) {
            strings.push(value, &mut body);
        }
        push_varint(&mut body, stage.params_from);
        push_varint(&mut body, stage.params_to);
    }
    let mut bytes = Vec::with_capacity(32 + strings.text.len() + strings.lengths.len());
    bytes.extend_from_slice(BINARY_MAGIC);
    for number in [models.len() as u64, stages.len() as u64, strings.count] {
        push_varint(&mut bytes, number);
    }
    bytes.extend_from_slice(&strings.lengths);
    bytes.extend_from_slice(strings.text.as_bytes());
    bytes.extend_from_slice(&body);
    bytes
}

/// A count as its decimal exponent (a byte) and mantissa (a varint):
/// 175,000,000,000 is 9 and 175. Round counts cost two or three bytes, and
/// the exponents of a column repeat.
fn push_count(bytes: &mut Vec<u8>, count: Option<u64>) {
    let mut mantissa = count.unwrap_or(0);
    let mut exponent = 0_u8;
    while mantissa != 0 && mantissa.is_multiple_of(10) {
        mantissa /= 10;
        exponent += 1;
    }
    bytes.push(exponent);
    push_varint(bytes, mantissa);
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
    /// The number of the next string a column meets for the first time.
    next_string: usize,
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

    fn length(&mut self) -> Option<usize> {
        usize::try_from(self.varint()?).ok()
    }

    /// `count` values read one after another, as one column.
    fn column<T>(&mut self, count: usize, read: fn(&mut Self) -> Option<T>) -> Option<Vec<T>> {
        let mut values = Vec::with_capacity(count.min(self.bytes.len()));
        for _ in 0..count {
            values.push(read(self)?);
        }
        Some(values)
    }

    /// A count (see `push_count`), where 0 means none.
    fn count(&mut self) -> Option<Option<u64>> {
        let exponent = u32::from(self.byte()?);
        let count = 10_u64.checked_pow(exponent)?.checked_mul(self.varint()?)?;
        Some(Some(count).filter(|count| *count > 0))
    }

    /// A string reference (see `Strings::push`): 0 is the table's next
    /// string, any other number that string's number plus one.
    fn string(&mut self) -> Option<Text> {
        let number = match self.length()? {
            0 => {
                self.next_string += 1;
                self.next_string - 1
            }
            number => number - 1,
        };
        Some(Cow::Borrowed(*self.strings.get(number)?))
    }

    /// The three date columns of `count` dates; year 0 is no date.
    fn dates(&mut self, count: usize) -> Option<Vec<Option<Date>>> {
        let years = self.column(count, Self::varint)?;
        let months = self.take(count)?;
        let days = self.take(count)?;
        years
            .iter()
            .zip(months.iter().zip(days))
            .map(|(&year, (&month, &day))| {
                let year = u16::try_from(year).ok()?;
                Some((year > 0).then_some(Date { year, month, day }))
            })
            .collect()
    }

    /// The table of strings: `count` lengths, then their text.
    fn read_strings(&mut self, count: usize) -> Option<()> {
        let lengths = self.column(count, Self::length)?;
        let total = lengths
            .iter()
            .try_fold(0_usize, |total, length| total.checked_add(*length))?;
        let text: &'static str = std::str::from_utf8(self.take(total)?).ok()?;
        self.strings = Vec::with_capacity(count);
        let mut start = 0;
        for length in lengths {
            let end = start + length;
            self.strings.push(text.get(start..end)?);
            start = end;
        }
        Some(())
    }

    /// The model columns, put together row by row.
    fn models(&mut self, count: usize) -> Option<Vec<Model>> {
        let mut texts = Vec::with_capacity(11);
        for _ in 0..11 {
            texts.push(self.column(count, Self::string)?.into_iter());
        }
        let dates = self.dates(count)?;
        let article_dates = self.dates(count)?;
        let params = self.column(count, Self::count)?;
        let active_params = self.column(count, Self::count)?;
        let article_params = self.column(count, Self::count)?;
        let flags = self.take(count)?;
        let mut models = Vec::with_capacity(count);
        for row in 0..count {
            let [id, name, name_zh, organization, organization_zh, country, source_url, article_claim, article_claim_en, note, note_zh] =
                [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map(|column| texts[column].next());
            let flags = flags[row];
            models.push(Model {
                id: id?,
                name: name?,
                name_zh: name_zh?,
                organization: organization?,
                organization_zh: organization_zh?,
                country: country?,
                date: dates[row]?,
                params: params[row],
                active_params: active_params[row],
                architecture: *Architecture::ALL.get(usize::from(flags & 3))?,
                status: *Status::ALL.get(usize::from((flags >> 5) & 3))?,
                modality: Modality::ALL[usize::from((flags >> 2) & 3)],
                source_url: source_url?,
                article_claim: article_claim?,
                article_claim_en: article_claim_en?,
                article_date: article_dates[row],
                article_params: article_params[row],
                in_article: flags & 16 != 0,
                note: note?,
                note_zh: note_zh?,
            });
        }
        Some(models)
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
        next_string: 0,
    };
    if reader.take(BINARY_MAGIC.len())? != BINARY_MAGIC {
        return None;
    }
    let (n_models, n_stages, n_strings) = (reader.length()?, reader.length()?, reader.length()?);
    if n_strings > bytes.len() || n_models > bytes.len() {
        return None;
    }
    reader.read_strings(n_strings)?;
    let models = reader.models(n_models)?;
    let stages = reader.column(n_stages, Reader::stage)?;
    (reader.at == bytes.len()).then_some((models, stages))
}
