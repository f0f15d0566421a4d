//! A small, total reader for RFC 4180 CSV.
//!
//! The data file is edited by hand, so the reader must never panic and must
//! say where a record starts: every [`Record`] carries the 1-based line on
//! which it begins. Fields may be quoted (`"a, b"`), quotes inside quoted
//! fields are doubled (`""`), and quoted fields may span lines. Both `\n` and
//! `\r\n` end a record. A leading byte-order mark is skipped.
//!
//! This module is shared with `build.rs` (through `#[path]`), so it uses
//! nothing but `std`.

/// One record of a CSV file and the line on which it starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    pub line: usize,
    pub fields: Vec<String>,
}

/// A syntax error: the line on which it was found and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    pub line: usize,
    pub message: String,
}

/// Splits `text` into records. Blank lines are skipped.
pub fn parse_records(text: &str) -> Result<Vec<Record>, SyntaxError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut records = Vec::new();
    let mut fields: Vec<String> = Vec::new();
    let mut field = String::new();
    let mut in_quotes = false;
    // Whether the current field was opened by a quote, and has been closed.
    let mut quoted = false;
    let mut line = 1;
    let mut record_line = 1;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if in_quotes {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => in_quotes = false,
                '\n' => {
                    line += 1;
                    field.push('\n');
                }
                _ => field.push(c),
            }
            continue;
        }
        match c {
            '"' if field.is_empty() && !quoted => {
                in_quotes = true;
                quoted = true;
            }
            '"' => return Err(SyntaxError {
                line,
                message:
                    "a quote inside an unquoted field (quote the whole field and double the quote)"
                        .into(),
            }),
            ',' => {
                fields.push(std::mem::take(&mut field));
                quoted = false;
            }
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' => {
                fields.push(std::mem::take(&mut field));
                quoted = false;
                push_record(&mut records, record_line, std::mem::take(&mut fields));
                line += 1;
                record_line = line;
            }
            _ if quoted => {
                return Err(SyntaxError {
                    line,
                    message: "text after the closing quote of a field".into(),
                })
            }
            _ => field.push(c),
        }
    }
    if in_quotes {
        return Err(SyntaxError {
            line: record_line,
            message: "a quoted field is never closed".into(),
        });
    }
    if !field.is_empty() || !fields.is_empty() || quoted {
        fields.push(field);
        push_record(&mut records, record_line, fields);
    }
    Ok(records)
}

fn push_record(records: &mut Vec<Record>, line: usize, fields: Vec<String>) {
    let blank = fields.len() == 1 && fields[0].trim().is_empty();
    if !blank {
        records.push(Record { line, fields });
    }
}
