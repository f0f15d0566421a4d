//! HTTP without sockets: reading a request head from any reader, the request line, request
//! targets as paths below the root, content types, accepted encodings, response statuses
//! and the security headers every response carries.

use std::fmt;
use std::io::{self, BufRead};
use std::path::{Component, Path, PathBuf};

/// The longest request head (request line and headers) the server reads.
const MAX_REQUEST_HEAD_BYTES: usize = 16 * 1024;

/// The Content Security Policy of the site: its own files only, no inline script or style,
/// and WebAssembly compilation (`'wasm-unsafe-eval'`), which the chart needs.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; \
     script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:; \
     object-src 'none'; base-uri 'none'";

/// The headers sent with every response, whatever its status.
pub const SECURITY_HEADERS: [(&str, &str); 3] = [
    ("Content-Security-Policy", CONTENT_SECURITY_POLICY),
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "no-referrer"),
];

/// Headers that let pages of any origin use the chart's files: the script
/// embed, pasted into an article on a news site's own domain, loads
/// `www/embed.js`, the module and its wasm from the chart's server, and a
/// browser runs a module or compiles wasm from another origin only when its
/// server allows it. The files are public; nothing is sent with credentials.
pub const SHARING_HEADERS: [(&str, &str); 1] = [("Access-Control-Allow-Origin", "*")];

/// The request methods the server answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    /// Send the headers and the body.
    Get,
    /// Send the headers only.
    Head,
}

/// The parts of an HTTP request line the server uses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestLine<'a> {
    /// The request method.
    pub method: Method,
    /// The request target as sent, for example `/www/app.js?v=2`.
    pub target: &'a str,
}

/// Why a request line could not be served.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RequestLineError {
    /// Not `METHOD TARGET HTTP/x.y`, or the target is not an origin-form path.
    Malformed,
    /// A well-formed request with a method other than `GET` or `HEAD`.
    MethodNotAllowed,
}

/// Parses a request line such as `GET /index.html HTTP/1.1` (without its line ending).
pub fn parse_request_line(line: &str) -> Result<RequestLine<'_>, RequestLineError> {
    let mut parts = line.split(' ');
    let (Some(method), Some(target), Some(version), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(RequestLineError::Malformed);
    };
    if !version.starts_with("HTTP/1.") || !target.starts_with('/') {
        return Err(RequestLineError::Malformed);
    }
    let method = match method {
        "GET" => Method::Get,
        "HEAD" => Method::Head,
        other if !other.is_empty() && other.bytes().all(|byte| byte.is_ascii_uppercase()) => {
            return Err(RequestLineError::MethodNotAllowed)
        }
        _ => return Err(RequestLineError::Malformed),
    };
    Ok(RequestLine { method, target })
}

/// Turns a request target into a path relative to the served root.
///
/// Drops the query string and fragment and decodes `%XX` escapes. Returns `None` for a
/// target that must not be served: one with a `..` segment, a backslash, a NUL byte, a
/// malformed escape, or bytes that are not UTF-8 once decoded. `/` gives an empty path.
pub fn relative_path_from_target(target: &str) -> Option<PathBuf> {
    let path_part = target.split(['?', '#']).next().unwrap_or_default();
    let decoded = percent_decode(path_part)?;
    let mut relative = PathBuf::new();
    for segment in decoded.split('/') {
        match segment {
            "" | "." => {}
            ".." => return None,
            _ if segment.contains(['\\', '\0']) => return None,
            _ => relative.push(segment),
        }
    }
    // Belt and braces: whatever `push` made of the segments must stay below the root.
    if relative
        .components()
        .all(|component| matches!(component, Component::Normal(_)))
    {
        Some(relative)
    } else {
        None
    }
}

/// Decodes `%XX` escapes; `None` when an escape is malformed or the result is not UTF-8.
pub(super) fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut index = 0;
    while index < bytes.len() {
        if bytes[index] == b'%' {
            let hex = bytes.get(index + 1..index + 3)?;
            let hex = std::str::from_utf8(hex).ok()?;
            decoded.push(u8::from_str_radix(hex, 16).ok()?);
            index += 3;
        } else {
            decoded.push(bytes[index]);
            index += 1;
        }
    }
    String::from_utf8(decoded).ok()
}

/// The `Content-Type` header value for a file, chosen by its extension.
pub fn content_type_for(path: &Path) -> &'static str {
    let extension = path
        .extension()
        .and_then(|extension| extension.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    match extension.as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ico" => "image/x-icon",
        "json" | "map" => "application/json",
        "csv" => "text/csv; charset=utf-8",
        "txt" => "text/plain; charset=utf-8",
        "woff2" => "font/woff2",
        _ => "application/octet-stream",
    }
}

/// The precompressed encodings a request accepts, best first: `br`, then `gzip`.
///
/// Reads an `Accept-Encoding` value; an encoding with `q=0` is refused.
pub fn accepted_encodings(accept_encoding: &str) -> Vec<&'static str> {
    let accepted = |wanted: &str| {
        accept_encoding.split(',').any(|item| {
            let mut parts = item.split(';');
            let name = parts.next().unwrap_or_default().trim();
            let refused = parts.any(|parameter| {
                let parameter = parameter.trim().replace(' ', "");
                parameter
                    .strip_prefix("q=")
                    .and_then(|q| q.parse::<f64>().ok())
                    .is_some_and(|q| q <= 0.0)
            });
            name.eq_ignore_ascii_case(wanted) && !refused
        })
    };
    [("br", "br"), ("gzip", "gz")]
        .into_iter()
        .filter(|(name, _)| accepted(name))
        .map(|(_, extension)| extension)
        .collect()
}

/// A response status the server sends.
#[derive(Debug, Clone, Copy)]
pub enum Status {
    Ok,
    MovedPermanently,
    BadRequest,
    NotFound,
    MethodNotAllowed,
}

impl fmt::Display for Status {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str(match self {
            Status::Ok => "200 OK",
            Status::MovedPermanently => "301 Moved Permanently",
            Status::BadRequest => "400 Bad Request",
            Status::NotFound => "404 Not Found",
            Status::MethodNotAllowed => "405 Method Not Allowed",
        })
    }
}

/// Reads the request line and the `Accept-Encoding` header (empty when absent); the server
/// needs nothing else from the headers.
pub fn read_request_head(reader: &mut impl BufRead) -> io::Result<(String, String)> {
    let mut request_line = String::new();
    let mut accept_encoding = String::new();
    let mut total = 0;
    let mut line = String::new();
    loop {
        line.clear();
        let read = reader.read_line(&mut line)?;
        total += read;
        if read == 0 || total > MAX_REQUEST_HEAD_BYTES {
            return Err(io::Error::new(
                io::ErrorKind::InvalidData,
                "bad request head",
            ));
        }
        if request_line.is_empty() {
            request_line = line.trim_end_matches(['\r', '\n']).to_owned();
            if request_line.is_empty() {
                return Err(io::Error::new(
                    io::ErrorKind::InvalidData,
                    "empty request line",
                ));
            }
        } else if line == "\r\n" || line == "\n" {
            return Ok((request_line, accept_encoding));
        } else if let Some((name, value)) = line.split_once(':') {
            if name.trim().eq_ignore_ascii_case("accept-encoding") {
                accept_encoding = value.trim().to_owned();
            }
        }
    }
}
