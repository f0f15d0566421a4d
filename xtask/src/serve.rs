//! A small static file server for the built site, using only the standard library.
//!
//! It exists so that `cargo xtask serve` and the browser tests need nothing installed:
//! one thread per connection, HTTP/1.1 `GET` and `HEAD`, `Connection: close` after every
//! response. A request target maps to a file under the served root: the query string and
//! fragment are dropped, `%XX` escapes are decoded, and a target with a `..` segment (or
//! anything else that could leave the root) is refused before the file system is touched.
//! `/` and directories serve their `index.html`; a directory named without its trailing
//! slash is redirected to it, so relative links inside it resolve.
//!
//! Every response carries the page's security headers ([`SECURITY_HEADERS`]): a Content
//! Security Policy that allows nothing but the site's own files (and the compilation of its
//! WebAssembly), `nosniff`, and no referrer. The page must work under them — the browser
//! tests run against this server and fail on any CSP violation — so a static host that
//! sends the same headers is safe.
//!
//! `dist` writes precompressed `.br` and `.gz` copies beside the larger files; when the request's
//! `Accept-Encoding` allows it, the server sends the copy (brotli first) with its
//! `Content-Encoding` and `Vary: Accept-Encoding`, as a static host configured for
//! precompressed files would.
//!
//! The pure parts — [`parse_request_line`], [`relative_path_from_target`],
//! [`content_type_for`] and [`accepted_encodings`] — know nothing about sockets, and are what
//! the unit tests check.

use std::fmt;
use std::fs;
use std::io::{self, BufRead, BufReader, Write};
use std::net::{SocketAddr, TcpListener, TcpStream, ToSocketAddrs};
use std::path::{Component, Path, PathBuf};
use std::thread;
use std::time::Duration;

/// The longest request head (request line and headers) the server reads.
const MAX_REQUEST_HEAD_BYTES: usize = 16 * 1024;

/// How long a connection may stay silent before the server gives up on it.
const READ_TIMEOUT: Duration = Duration::from_secs(10);

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
fn percent_decode(text: &str) -> Option<String> {
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

/// What the server does with a request target.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Resolution {
    /// Send this file.
    File(PathBuf),
    /// The target names a directory without its trailing slash: redirect to this target.
    AddTrailingSlash(String),
    /// The target tries to leave the root or cannot be decoded.
    BadTarget,
    /// Nothing is there.
    NotFound,
}

/// Maps a request target to a file under `root`.
fn resolve(root: &Path, target: &str) -> Resolution {
    let Some(relative) = relative_path_from_target(target) else {
        return Resolution::BadTarget;
    };
    let path = root.join(relative);
    if path.is_dir() {
        let path_part = target.split(['?', '#']).next().unwrap_or_default();
        if !path_part.ends_with('/') {
            return Resolution::AddTrailingSlash(format!("{path_part}/"));
        }
        let index = path.join("index.html");
        return if index.is_file() {
            Resolution::File(index)
        } else {
            Resolution::NotFound
        };
    }
    if path.is_file() {
        Resolution::File(path)
    } else {
        Resolution::NotFound
    }
}

/// Serves `root` on `127.0.0.1:port` until the process ends.
pub fn serve_forever(root: &Path, port: u16) -> anyhow::Result<()> {
    let listener = TcpListener::bind(("127.0.0.1", port))
        .map_err(|error| anyhow::anyhow!("cannot listen on 127.0.0.1:{port}: {error}"))?;
    let address = listener.local_addr()?;
    println!("Serving http://{address}/");
    accept_loop(&listener, root);
    Ok(())
}

/// Starts serving `root` on a background thread and returns the address it is bound to.
///
/// Pass port 0 to let the system choose a free port. The thread runs until the process ends.
pub fn spawn(root: &Path, address: impl ToSocketAddrs) -> io::Result<SocketAddr> {
    let listener = TcpListener::bind(address)?;
    let bound = listener.local_addr()?;
    let root = root.to_path_buf();
    thread::Builder::new()
        .name("static-server".to_owned())
        .spawn(move || accept_loop(&listener, &root))?;
    Ok(bound)
}

fn accept_loop(listener: &TcpListener, root: &Path) {
    for stream in listener.incoming() {
        let Ok(stream) = stream else { continue };
        let root = root.to_path_buf();
        // A failed connection only concerns its client; the server goes on either way.
        let _ = thread::Builder::new()
            .name("static-connection".to_owned())
            .spawn(move || {
                let _ = handle_connection(stream, &root);
            });
    }
}

/// A response status the server sends.
#[derive(Debug, Clone, Copy)]
enum Status {
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

fn handle_connection(stream: TcpStream, root: &Path) -> io::Result<()> {
    stream.set_read_timeout(Some(READ_TIMEOUT))?;
    let mut reader = BufReader::new(stream.try_clone()?);
    let (request_line, accept_encoding) = read_request_head(&mut reader)?;
    let mut stream = stream;
    let request = match parse_request_line(&request_line) {
        Ok(request) => request,
        Err(RequestLineError::MethodNotAllowed) => {
            let extra = [("Allow", "GET, HEAD")];
            return write_text(&mut stream, Status::MethodNotAllowed, &extra, true);
        }
        Err(RequestLineError::Malformed) => {
            return write_text(&mut stream, Status::BadRequest, &[], true);
        }
    };
    let send_body = request.method == Method::Get;
    match resolve(root, request.target) {
        Resolution::File(path) => {
            // A precompressed copy beside the file, if the client takes its encoding
            // and the copy is not older than the file (a stale copy is ignored).
            let modified = |path: &Path| fs::metadata(path).and_then(|meta| meta.modified()).ok();
            let precompressed =
                accepted_encodings(&accept_encoding)
                    .into_iter()
                    .find_map(|extension| {
                        let mut name = path.file_name()?.to_os_string();
                        name.push(format!(".{extension}"));
                        let copy = path.with_file_name(name);
                        if modified(&copy)? < modified(&path)? {
                            return None;
                        }
                        let body = fs::read(copy).ok()?;
                        Some((if extension == "br" { "br" } else { "gzip" }, body))
                    });
            let vary = ("Vary", "Accept-Encoding");
            match precompressed {
                Some((encoding, body)) => write_response(
                    &mut stream,
                    Status::Ok,
                    content_type_for(&path),
                    &[("Content-Encoding", encoding), vary],
                    &body,
                    send_body,
                ),
                None => match fs::read(&path) {
                    Ok(body) => write_response(
                        &mut stream,
                        Status::Ok,
                        content_type_for(&path),
                        &[vary],
                        &body,
                        send_body,
                    ),
                    Err(_) => write_text(&mut stream, Status::NotFound, &[], send_body),
                },
            }
        }
        Resolution::AddTrailingSlash(location) => write_text(
            &mut stream,
            Status::MovedPermanently,
            &[("Location", &location)],
            send_body,
        ),
        Resolution::BadTarget => write_text(&mut stream, Status::BadRequest, &[], send_body),
        Resolution::NotFound => write_text(&mut stream, Status::NotFound, &[], send_body),
    }
}

/// Reads the request line and the `Accept-Encoding` header (empty when absent); the server
/// needs nothing else from the headers.
fn read_request_head(reader: &mut impl BufRead) -> io::Result<(String, String)> {
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

fn write_text(
    stream: &mut TcpStream,
    status: Status,
    extra_headers: &[(&str, &str)],
    send_body: bool,
) -> io::Result<()> {
    let body = format!("{status}\n");
    let content_type = "text/plain; charset=utf-8";
    write_response(
        stream,
        status,
        content_type,
        extra_headers,
        body.as_bytes(),
        send_body,
    )
}

fn write_response(
    stream: &mut TcpStream,
    status: Status,
    content_type: &str,
    extra_headers: &[(&str, &str)],
    body: &[u8],
    send_body: bool,
) -> io::Result<()> {
    let mut head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\
         Cache-Control: no-cache\r\nConnection: close\r\n",
        body.len()
    );
    for (name, value) in SECURITY_HEADERS.iter().chain(extra_headers) {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes())?;
    if send_body {
        stream.write_all(body)?;
    }
    stream.flush()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    #[test]
    fn a_get_request_line_is_parsed_into_method_and_target() {
        let parsed = parse_request_line("GET /www/app.js?v=2 HTTP/1.1");
        let expected = RequestLine {
            method: Method::Get,
            target: "/www/app.js?v=2",
        };
        assert_eq!(parsed, Ok(expected));
    }

    #[test]
    fn a_head_request_line_is_parsed() {
        let parsed = parse_request_line("HEAD / HTTP/1.0");
        assert_eq!(
            parsed,
            Ok(RequestLine {
                method: Method::Head,
                target: "/"
            })
        );
    }

    #[test]
    fn a_post_request_line_is_a_method_not_allowed() {
        let parsed = parse_request_line("POST /index.html HTTP/1.1");
        assert_eq!(parsed, Err(RequestLineError::MethodNotAllowed));
    }

    #[test]
    fn request_lines_of_the_wrong_shape_are_malformed() {
        for line in [
            "",
            "GET",
            "GET /",
            "GET / HTTP/1.1 extra",
            "GET  / HTTP/1.1",
            "GET / SPDY/3",
            "GET http://example.org/ HTTP/1.1",
            "get / HTTP/1.1",
        ] {
            let parsed = parse_request_line(line);
            assert_eq!(parsed, Err(RequestLineError::Malformed), "line {line:?}");
        }
    }

    #[test]
    fn the_content_security_policy_is_the_documented_one() {
        let documented = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; \
            style-src 'self'; img-src 'self' data: blob:; object-src 'none'; base-uri 'none'";
        assert_eq!(CONTENT_SECURITY_POLICY, documented);
    }

    #[test]
    fn the_root_target_is_the_empty_relative_path() {
        assert_eq!(relative_path_from_target("/"), Some(PathBuf::new()));
    }

    #[test]
    fn the_query_string_and_fragment_are_ignored() {
        let expected = Some(PathBuf::from("index.html"));
        assert_eq!(relative_path_from_target("/index.html?lang=zh"), expected);
        assert_eq!(relative_path_from_target("/index.html#chart"), expected);
    }

    #[test]
    fn percent_escapes_are_decoded() {
        let expected = Some(PathBuf::from("www/a b.css"));
        assert_eq!(relative_path_from_target("/www/a%20b.css"), expected);
    }

    #[test]
    fn a_path_with_dot_dot_is_rejected() {
        for target in [
            "/..",
            "/../etc/passwd",
            "/www/../../etc/passwd",
            "/www/..",
            "/%2e%2e/etc/passwd",
            "/%2E%2E%2Fetc%2Fpasswd",
        ] {
            assert_eq!(relative_path_from_target(target), None, "target {target:?}");
        }
    }

    #[test]
    fn a_path_with_a_backslash_a_nul_or_a_broken_escape_is_rejected() {
        for target in ["/..\\secret", "/a%00b", "/a%zz", "/a%2", "/%ff%fe"] {
            assert_eq!(relative_path_from_target(target), None, "target {target:?}");
        }
    }

    #[test]
    fn dot_segments_and_repeated_slashes_are_dropped() {
        let expected = Some(PathBuf::from("www/app.js"));
        assert_eq!(relative_path_from_target("//www/./app.js"), expected);
    }

    #[test]
    fn content_types_follow_the_file_extension() {
        let cases = [
            ("index.html", "text/html; charset=utf-8"),
            ("pkg/param_scale.js", "text/javascript; charset=utf-8"),
            ("www/module.mjs", "text/javascript; charset=utf-8"),
            ("pkg/param_scale_bg.wasm", "application/wasm"),
            ("www/style.css", "text/css; charset=utf-8"),
            ("www/logo.svg", "image/svg+xml"),
            ("www/shot.PNG", "image/png"),
            ("data.json", "application/json"),
            ("models.csv", "text/csv; charset=utf-8"),
            ("notes.txt", "text/plain; charset=utf-8"),
            ("no_extension", "application/octet-stream"),
        ];
        for (path, expected) in cases {
            assert_eq!(content_type_for(Path::new(path)), expected, "path {path}");
        }
    }

    /// A fresh directory under the system temp dir, removed when dropped.
    struct TempSite(PathBuf);

    impl TempSite {
        fn new(name: &str) -> TempSite {
            let unique = format!("xtask-serve-{name}-{}", std::process::id());
            let path = std::env::temp_dir().join(unique);
            let _ = fs::remove_dir_all(&path);
            fs::create_dir_all(path.join("www")).expect("create the temp site");
            fs::write(path.join("index.html"), "<!doctype html>hi").expect("write index.html");
            fs::write(path.join("www/app.js"), "export {};").expect("write app.js");
            TempSite(path)
        }
    }

    impl Drop for TempSite {
        fn drop(&mut self) {
            let _ = fs::remove_dir_all(&self.0);
        }
    }

    #[test]
    fn accepted_encodings_prefer_brotli_and_respect_q_zero() {
        assert_eq!(accepted_encodings("gzip, deflate, br, zstd"), ["br", "gz"]);
        assert_eq!(accepted_encodings("gzip"), ["gz"]);
        assert_eq!(accepted_encodings("br;q=0, gzip;q=0.5"), ["gz"]);
        assert_eq!(accepted_encodings("GZIP"), ["gz"]);
        assert!(accepted_encodings("").is_empty());
        assert!(accepted_encodings("identity").is_empty());
    }

    #[test]
    fn a_precompressed_copy_is_sent_when_the_client_accepts_it() {
        let site = TempSite::new("encoding");
        fs::write(site.0.join("www/app.js.gz"), "gzipped").expect("write app.js.gz");
        let address = spawn(&site.0, ("127.0.0.1", 0)).expect("start the server");
        let gzipped = fetch(
            address,
            "GET /www/app.js HTTP/1.1\r\nAccept-Encoding: gzip, br\r\n\r\n",
        );
        assert!(gzipped.contains("Content-Encoding: gzip\r\n"), "{gzipped}");
        assert!(gzipped.contains("Vary: Accept-Encoding\r\n"), "{gzipped}");
        assert!(
            gzipped.contains("Content-Type: text/javascript; charset=utf-8\r\n"),
            "{gzipped}"
        );
        assert!(gzipped.ends_with("\r\n\r\ngzipped"), "{gzipped}");
        let plain = fetch(address, "GET /www/app.js HTTP/1.1\r\n\r\n");
        assert!(!plain.contains("Content-Encoding"), "{plain}");
        assert!(plain.ends_with("\r\n\r\nexport {};"), "{plain}");
        // A file changed after its copy was made is sent as it is now.
        std::thread::sleep(std::time::Duration::from_millis(20));
        fs::write(site.0.join("www/app.js"), "export {}; // new").expect("rewrite app.js");
        let fresh = fetch(
            address,
            "GET /www/app.js HTTP/1.1\r\nAccept-Encoding: gzip\r\n\r\n",
        );
        assert!(!fresh.contains("Content-Encoding"), "{fresh}");
        assert!(fresh.ends_with("// new"), "{fresh}");
    }

    #[test]
    fn directories_resolve_to_their_index_and_need_a_trailing_slash() {
        let site = TempSite::new("resolve");
        let root = &site.0;
        assert_eq!(
            resolve(root, "/?lang=en"),
            Resolution::File(root.join("index.html"))
        );
        assert_eq!(
            resolve(root, "/www"),
            Resolution::AddTrailingSlash("/www/".to_owned())
        );
        assert_eq!(resolve(root, "/www/"), Resolution::NotFound);
        assert_eq!(
            resolve(root, "/www/app.js"),
            Resolution::File(root.join("www/app.js"))
        );
        assert_eq!(resolve(root, "/missing.js"), Resolution::NotFound);
        assert_eq!(resolve(root, "/www/../../x"), Resolution::BadTarget);
    }

    fn fetch(address: SocketAddr, request: &str) -> String {
        let mut stream = TcpStream::connect(address).expect("connect to the test server");
        stream
            .write_all(request.as_bytes())
            .expect("send the request");
        let mut response = String::new();
        stream
            .read_to_string(&mut response)
            .expect("read the response");
        response
    }

    #[test]
    fn the_server_answers_get_head_and_refuses_escapes_over_a_socket() {
        let site = TempSite::new("socket");
        let address = spawn(&site.0, ("127.0.0.1", 0)).expect("start the server");

        let page = fetch(address, "GET /?lang=zh HTTP/1.1\r\nHost: x\r\n\r\n");
        assert!(page.starts_with("HTTP/1.1 200 OK\r\n"), "{page}");
        assert!(
            page.contains("Content-Type: text/html; charset=utf-8\r\n"),
            "{page}"
        );
        assert!(page.contains("Cache-Control: no-cache\r\n"), "{page}");
        assert!(page.ends_with("\r\n\r\n<!doctype html>hi"), "{page}");

        let head = fetch(address, "HEAD /www/app.js HTTP/1.1\r\n\r\n");
        assert!(
            head.contains("Content-Type: text/javascript; charset=utf-8\r\n"),
            "{head}"
        );
        assert!(head.contains("Content-Length: 10\r\n"), "{head}");
        assert!(
            head.ends_with("\r\n\r\n"),
            "a HEAD response has no body: {head}"
        );

        let escape = fetch(address, "GET /../Cargo.toml HTTP/1.1\r\n\r\n");
        assert!(
            escape.starts_with("HTTP/1.1 400 Bad Request\r\n"),
            "{escape}"
        );

        let missing = fetch(address, "GET /nothing.css HTTP/1.1\r\n\r\n");
        assert!(
            missing.starts_with("HTTP/1.1 404 Not Found\r\n"),
            "{missing}"
        );

        let post = fetch(address, "POST / HTTP/1.1\r\nContent-Length: 0\r\n\r\n");
        assert!(
            post.starts_with("HTTP/1.1 405 Method Not Allowed\r\n"),
            "{post}"
        );
        assert!(post.contains("Allow: GET, HEAD\r\n"), "{post}");

        let redirect = fetch(address, "GET /www?x=1 HTTP/1.1\r\n\r\n");
        assert!(
            redirect.starts_with("HTTP/1.1 301 Moved Permanently\r\n"),
            "{redirect}"
        );
        assert!(redirect.contains("Location: /www/\r\n"), "{redirect}");

        // Every response carries the security headers, whatever its status.
        for response in [&page, &head, &escape, &missing, &post, &redirect] {
            for (name, value) in SECURITY_HEADERS {
                let line = format!("\r\n{name}: {value}\r\n");
                assert!(response.contains(&line), "no {line:?} in {response}");
            }
        }
    }
}
