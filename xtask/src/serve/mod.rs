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
//! Every response carries the page's security headers ([`SECURITY_HEADERS`]) and allows
//! pages of any origin to use it ([`SHARING_HEADERS`]: the script embed on a news site): a Content
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
//! [`http`] holds what knows HTTP but no socket — the request line and head, request targets
//! as paths, content types, accepted encodings, statuses and the security headers; this
//! file is the socket loop: listening, one thread per connection, files and responses. The
//! tests are in `serve/tests.rs`.

mod http;
#[cfg(test)]
mod tests;

use std::fs;
use std::io::{self, BufReader, Write};
use std::net::{SocketAddr, TcpListener, TcpStream, ToSocketAddrs};
use std::path::{Path, PathBuf};
use std::thread;
use std::time::Duration;

use self::http::{
    accepted_encodings, content_type_for, parse_request_line, read_request_head,
    relative_path_from_target, Method, RequestLineError, Status, SECURITY_HEADERS, SHARING_HEADERS,
};

/// How long a connection may stay silent before the server gives up on it.
const READ_TIMEOUT: Duration = Duration::from_secs(10);

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
    for (name, value) in SECURITY_HEADERS
        .iter()
        .chain(&SHARING_HEADERS)
        .chain(extra_headers)
    {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes())?;
    if send_body {
        stream.write_all(body)?;
    }
    stream.flush()
}
