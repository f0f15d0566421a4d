//! The article's story, step by step (`data/story.csv`): for each step a
//! heading and a sentence or two in both languages, the models it is about,
//! and the years to show. Validated like the models: every model id exists,
//! both languages are there, steps are numbered 1, 2, 3… with none missing.

use std::collections::HashSet;

use super::validate::{Row, Table};
use super::{DataError, Model, Text, YEAR_RANGE};

/// The most models one step may highlight.
pub const MAX_STEP_MODELS: usize = 16;

/// The columns of `story.csv`.
pub const STORY_COLUMNS: [&str; 8] = [
    "step", "from", "to", "models", "title_zh", "title", "text_zh", "text",
];

/// One step of the story.
#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    /// 1, 2, 3…: its place in the story.
    pub number: u32,
    /// The years the chart shows at this step, both included.
    pub from: u16,
    pub to: u16,
    /// The ids of the models this step highlights.
    pub models: Vec<Text>,
    pub title: Text,
    pub title_zh: Text,
    pub text: Text,
    pub text_zh: Text,
}

/// Parses and validates `story.csv` against the models it names.
pub fn parse_story(file: &str, text: &str, models: &[Model]) -> Result<Vec<Step>, Vec<DataError>> {
    let mut errors = Vec::new();
    let Some(table) = Table::read(file, text, &STORY_COLUMNS, &mut errors) else {
        return Err(errors);
    };
    let ids: HashSet<&str> = models.iter().map(|model| &*model.id).collect();
    let mut steps: Vec<Step> = Vec::new();
    for record in &table.rows {
        let Some(row) = table.row(record, &mut errors) else {
            continue;
        };
        let expected = steps.len() as u32 + 1;
        let before = errors.len();
        let step = step_row(&row, expected, &ids, &mut errors);
        if errors.len() == before {
            steps.extend(step);
        }
    }
    if errors.is_empty() {
        Ok(steps)
    } else {
        Err(errors)
    }
}

fn step_row(
    row: &Row<'_, '_>,
    expected: u32,
    ids: &HashSet<&str>,
    errors: &mut Vec<DataError>,
) -> Option<Step> {
    let number = row.get("step").parse::<u32>().ok();
    if number != Some(expected) {
        errors.push(row.error(
            "step",
            &format!(
                "'{}' is not {expected}: steps are numbered 1, 2, 3… in order, none missing",
                row.get("step")
            ),
        ));
    }
    let year = |field: &str, errors: &mut Vec<DataError>| {
        let year = row
            .get(field)
            .parse::<u16>()
            .ok()
            .filter(|year| (YEAR_RANGE.0..=YEAR_RANGE.1).contains(year));
        if year.is_none() {
            errors.push(row.error(
                field,
                &format!(
                    "'{}' is not a year from {} to {}",
                    row.get(field),
                    YEAR_RANGE.0,
                    YEAR_RANGE.1
                ),
            ));
        }
        year
    };
    let (from, to) = (year("from", errors), year("to", errors));
    if let (Some(from), Some(to)) = (from, to) {
        if to < from {
            errors.push(row.error("to", "must not be before from"));
        }
    }
    let models: Vec<Text> = row
        .get("models")
        .split_whitespace()
        .map(|id| Text::Owned(id.to_owned()))
        .collect();
    if models.is_empty() {
        errors.push(row.error(
            "models",
            "missing (each step highlights at least one model)",
        ));
    }
    for id in models.iter().filter(|id| !ids.contains(&***id)) {
        errors.push(row.error("models", &format!("no model has the id '{id}'")));
    }
    let [title_zh, title, text_zh, text] =
        ["title_zh", "title", "text_zh", "text"].map(|field| row.required(field, errors));
    Some(Step {
        number: number?,
        from: from?,
        to: to?,
        models,
        title: title?,
        title_zh: title_zh?,
        text: text?,
        text_zh: text_zh?,
    })
}

/// Encodes the steps for embedding: length-prefixed UTF-8 fields.
pub fn encode_story(steps: &[Step]) -> Vec<u8> {
    let mut bytes = Vec::new();
    let field = |text: &str, bytes: &mut Vec<u8>| {
        bytes.extend_from_slice(&(text.len() as u32).to_le_bytes());
        bytes.extend_from_slice(text.as_bytes());
    };
    bytes.extend_from_slice(&(steps.len() as u32).to_le_bytes());
    for step in steps {
        bytes.extend_from_slice(&step.number.to_le_bytes());
        bytes.extend_from_slice(&step.from.to_le_bytes());
        bytes.extend_from_slice(&step.to.to_le_bytes());
        field(&step.models.join(" "), &mut bytes);
        for text in [&step.title, &step.title_zh, &step.text, &step.text_zh] {
            field(text, &mut bytes);
        }
    }
    bytes
}

/// Reads length-prefixed fields front to back; every read is checked.
struct Cursor {
    bytes: &'static [u8],
    at: usize,
}

impl Cursor {
    fn take(&mut self, count: usize) -> Option<&'static [u8]> {
        let taken = self.bytes.get(self.at..self.at.checked_add(count)?)?;
        self.at += count;
        Some(taken)
    }

    fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }

    fn u16(&mut self) -> Option<u16> {
        Some(u16::from_le_bytes(self.take(2)?.try_into().ok()?))
    }

    fn text(&mut self) -> Option<&'static str> {
        let length = self.u32()? as usize;
        std::str::from_utf8(self.take(length)?).ok()
    }

    fn step(&mut self) -> Option<Step> {
        let number = self.u32()?;
        let (from, to) = (self.u16()?, self.u16()?);
        let models = self.text()?.split(' ').map(Text::Borrowed).collect();
        let [title, title_zh, text, text_zh] = [(); 4].map(|()| self.text());
        Some(Step {
            number,
            from,
            to,
            models,
            title: Text::Borrowed(title?),
            title_zh: Text::Borrowed(title_zh?),
            text: Text::Borrowed(text?),
            text_zh: Text::Borrowed(text_zh?),
        })
    }
}

/// Reads what [`encode_story`] wrote; `None` if it is not that. The texts
/// borrow from `bytes`.
pub fn decode_story(bytes: &'static [u8]) -> Option<Vec<Step>> {
    let mut cursor = Cursor { bytes, at: 0 };
    let n_steps = cursor.u32()? as usize;
    let mut steps = Vec::with_capacity(n_steps.min(bytes.len()));
    for _ in 0..n_steps {
        steps.push(cursor.step()?);
    }
    (cursor.at == bytes.len()).then_some(steps)
}
