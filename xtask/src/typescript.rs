//! TypeScript declarations for the web module: `pkg/param_scale.d.ts`.
//!
//! wasm-bindgen writes the declarations of the exported functions and of `Chart`, but it
//! knows the options object and the model rows only as `any`. [`typed_declarations`]
//! appends the hand-written interfaces of `src/web/types.d.ts` ([`INTERFACES`]) and gives
//! `createChart` and `models` those types; it fails when wasm-bindgen's signatures are not
//! the expected ones, so a changed export cannot leave a stale type behind. [`check`] reads
//! a built site's declarations back (the `test` step after the build calls it). The unit
//! tests hold the interfaces to the code: the option keys `createChart` reads, and the
//! fields of the model rows `models()` serializes.

use std::fs;
use std::path::Path;

use anyhow::{bail, Context, Result};

/// The interfaces, as written by hand beside the web module.
pub const INTERFACES: &str = include_str!("../../src/web/types.d.ts");

/// What wasm-bindgen declares, and the typed declaration that replaces it.
const SIGNATURES: [(&str, &str); 2] = [
    (
        "export function createChart(container: Element, options: any): Chart;",
        "export function createChart(container: Element, options?: ChartOptions | null): Chart;",
    ),
    (
        "export function models(): any;",
        "export function models(): ModelRow[];",
    ),
];

/// The declarations wasm-bindgen `generated`, with typed options and model rows.
pub fn typed_declarations(generated: &str) -> Result<String> {
    let mut typed = generated.to_owned();
    for (untyped, replacement) in SIGNATURES {
        if !typed.contains(untyped) {
            bail!(
                "wasm-bindgen no longer declares `{untyped}`: update xtask/src/typescript.rs \
                 and src/web/types.d.ts to the module's exports"
            );
        }
        typed = typed.replace(untyped, replacement);
    }
    typed.push_str("\n// The options object and the model rows (src/web/types.d.ts).\n");
    typed.push_str(INTERFACES);
    Ok(typed)
}

/// Rewrites `pkg_dir/<module>.d.ts` with the typed declarations.
pub fn install(pkg_dir: &Path, module_name: &str) -> Result<()> {
    let path = pkg_dir.join(format!("{module_name}.d.ts"));
    let generated =
        fs::read_to_string(&path).with_context(|| format!("cannot read {}", path.display()))?;
    fs::write(&path, typed_declarations(&generated)?)
        .with_context(|| format!("cannot write {}", path.display()))
}

/// Checks that a built site's `pkg/param_scale.d.ts` declares the typed `createChart`,
/// `models` and both interfaces.
pub fn check(site: &Path) -> Result<()> {
    let path = site.join("pkg").join("param_scale.d.ts");
    let declarations = fs::read_to_string(&path)
        .with_context(|| format!("no declarations at {}", path.display()))?;
    for expected in SIGNATURES.iter().map(|(_, typed)| *typed).chain([
        "export interface ChartOptions {",
        "export interface ModelRow {",
        "export class Chart {",
    ]) {
        if !declarations.contains(expected) {
            bail!("{} does not declare `{expected}`", path.display());
        }
    }
    println!(
        "{} declares createChart(…, ChartOptions) and models(): ModelRow[]",
        path.display()
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::process::workspace_root;

    /// The keys an interface of `declarations` declares (`key?: type;` lines), in order.
    fn interface_keys(declarations: &str, name: &str) -> Option<Vec<String>> {
        let start = declarations.find(&format!("export interface {name} {{"))?;
        let body = &declarations[start..];
        let body = &body[..body.find("\n}")?];
        Some(
            body.lines()
                .skip(1)
                .map(str::trim)
                .filter(|line| {
                    !line.starts_with("/*") && !line.starts_with('*') && !line.is_empty()
                })
                .filter_map(|line| line.split_once(':'))
                .map(|(key, _)| key.trim_end_matches('?').to_owned())
                .collect(),
        )
    }

    /// `snake_case` as `camelCase`, as serde's `rename_all = "camelCase"` spells it.
    fn camel_case(name: &str) -> String {
        let mut camel = String::new();
        let mut upper = false;
        for character in name.chars() {
            if character == '_' {
                upper = true;
            } else if upper {
                camel.extend(character.to_uppercase());
                upper = false;
            } else {
                camel.push(character);
            }
        }
        camel
    }

    /// The fields of `struct name` in Rust `source` (`name: Type,` lines), in order.
    fn struct_fields(source: &str, name: &str) -> Option<Vec<String>> {
        let start = source.find(&format!("struct {name}"))?;
        let body = &source[start..];
        let body = &body[body.find('{')? + 1..body.find('}')?];
        Some(
            body.lines()
                .map(str::trim)
                .filter(|line| !line.starts_with("//") && !line.starts_with('#'))
                .filter_map(|line| line.split_once(':'))
                .map(|(field, _)| field.trim_start_matches("pub ").trim().to_owned())
                .collect(),
        )
    }

    const GENERATED: &str = "export class Chart {\n    redraw(): void;\n}\n\
        export function createChart(container: Element, options: any): Chart;\n\
        export function models(): any;\n";

    #[test]
    fn create_chart_and_models_get_their_types_and_the_interfaces_are_appended() {
        let typed = typed_declarations(GENERATED).expect("the expected signatures");
        assert!(typed
            .contains("createChart(container: Element, options?: ChartOptions | null): Chart;"));
        assert!(typed.contains("export function models(): ModelRow[];"));
        assert!(!typed.contains(": any"), "{typed}");
        assert!(typed.ends_with(INTERFACES));
    }

    #[test]
    fn a_changed_export_is_an_error_not_a_stale_type() {
        let changed = GENERATED.replace("options: any", "options: any, extra: any");
        let error = typed_declarations(&changed).expect_err("must refuse");
        assert!(error.to_string().contains("createChart"), "{error}");
    }

    #[test]
    fn the_options_interface_has_exactly_the_keys_create_chart_reads() {
        let mut declared = interface_keys(INTERFACES, "ChartOptions").expect("ChartOptions");
        let mut read: Vec<String> = param_scale::options::OPTION_KEYS
            .iter()
            .chain(&["url", "pageUrl"])
            .map(|key| (*key).to_owned())
            .collect();
        declared.sort();
        read.sort();
        assert_eq!(
            declared, read,
            "src/web/types.d.ts ChartOptions vs the options parser"
        );
        // The two keys outside OPTION_KEYS are the ones the web module reads itself.
        let web = fs::read_to_string(workspace_root().join("src/web/js_options.rs"))
            .expect("cannot read src/web/js_options.rs");
        for key in ["\"url\"", "\"pageUrl\""] {
            assert!(
                web.contains(key),
                "src/web/js_options.rs no longer reads {key}"
            );
        }
    }

    #[test]
    fn the_model_row_interface_has_exactly_the_fields_models_serializes() {
        let web_dir = workspace_root().join("src/web");
        let source = fs::read_dir(&web_dir)
            .expect("cannot read src/web")
            .filter_map(|entry| fs::read_to_string(entry.ok()?.path()).ok())
            .find(|source| source.contains("struct ModelJs"))
            .expect("no `struct ModelJs` in src/web: update this test to what models() serializes");
        let fields: Vec<String> = struct_fields(&source, "ModelJs")
            .expect("ModelJs fields")
            .iter()
            .map(|field| camel_case(field))
            .collect();
        let declared = interface_keys(INTERFACES, "ModelRow").expect("ModelRow");
        assert_eq!(declared, fields, "src/web/types.d.ts ModelRow vs ModelJs");
    }

    #[test]
    fn names_are_read_as_serde_spells_them() {
        assert_eq!(camel_case("organization_zh"), "organizationZh");
        assert_eq!(camel_case("id"), "id");
        let source = "struct Row<'a> {\n    // a comment: with a colon\n    id: &'a str,\n    name_zh: String,\n}";
        assert_eq!(
            struct_fields(source, "Row"),
            Some(vec!["id".to_owned(), "name_zh".to_owned()])
        );
    }
}
