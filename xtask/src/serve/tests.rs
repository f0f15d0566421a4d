//! The static server's tests: HTTP parsing alone, then the server over a real socket.

use std::io::Read;

use super::http::*;
use super::*;

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

    // Every response carries the security and sharing headers, whatever its status.
    for response in [&page, &head, &escape, &missing, &post, &redirect] {
        for (name, value) in SECURITY_HEADERS.iter().chain(&SHARING_HEADERS) {
            let line = format!("\r\n{name}: {value}\r\n");
            assert!(response.contains(&line), "no {line:?} in {response}");
        }
    }
}

#[test]
fn the_request_head_gives_the_request_line_and_accept_encoding_only() {
    let mut head: &[u8] =
        b"GET /www/app.js HTTP/1.1\r\nHost: x\r\naccept-encoding: gzip, br\r\n\r\nignored body";
    let (line, encoding) = read_request_head(&mut head).expect("a complete head");
    assert_eq!(line, "GET /www/app.js HTTP/1.1");
    assert_eq!(encoding, "gzip, br");
    let mut bare: &[u8] = b"HEAD / HTTP/1.0\n\n";
    assert_eq!(
        read_request_head(&mut bare).expect("a bare head"),
        ("HEAD / HTTP/1.0".to_owned(), String::new())
    );
}

#[test]
fn an_unfinished_empty_or_oversized_head_is_refused() {
    let mut unfinished: &[u8] = b"GET / HTTP/1.1\r\nHost: x\r\n";
    assert!(read_request_head(&mut unfinished).is_err());
    let mut empty: &[u8] = b"\r\n\r\n";
    assert!(read_request_head(&mut empty).is_err());
    let oversized = format!("GET / HTTP/1.1\r\nX: {}\r\n\r\n", "a".repeat(20 * 1024));
    assert!(read_request_head(&mut oversized.as_bytes()).is_err());
}
