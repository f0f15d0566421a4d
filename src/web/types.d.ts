// Types of the plain objects the module takes and gives, appended by `cargo xtask dist` to
// the declarations wasm-bindgen generates (`pkg/param_scale.d.ts`), where `createChart`
// takes a `ChartOptions` and `models()` returns `ModelRow[]`.
// Kept in step with the code by tests in xtask/src/typescript.rs: the keys of
// `ChartOptions` are those `createChart` reads (`OPTION_KEYS` in src/options.rs, `url`
// and `pageUrl`), the keys of `ModelRow` the fields of `ModelJs` in src/web/.

/** A series a reader can hide: a region, or an architecture. */
export type SeriesCode = "us" | "eu" | "cn" | "other" | "dense" | "moe";

/**
 * The options of `createChart`. Every key may be left out; an unknown key or a bad value
 * is ignored with a console warning, never an error.
 */
export interface ChartOptions {
    /** The language; default: the reader's browser language. */
    lang?: "zh" | "en";
    /** The colours; default: the reader's system setting. */
    theme?: "light" | "dark";
    /** Series to hide, as a comma list of {@link SeriesCode}s: `"cn,moe"`. */
    hide?: string;
    /** The first year shown, such as `"2018"` or `2018`. */
    from?: string | number;
    /** The last year shown. */
    to?: string | number;
    /** The count mixtures of experts are drawn at: every parameter, or those active per token. */
    count?: "total" | "active";
    /** The y axis: `"log"` (the default; each step ×10) or `"linear"` (from zero). */
    scale?: "log" | "linear";
    /** `"all"` brings demonstrations into the trend; `"models"` (the default) leaves them out. */
    fit?: "all" | "models";
    /** `"1"` draws the article's claims beside the sources, as ghosts. */
    claims?: "0" | "1" | 0 | 1;
    /** A step of the article's story (1 to `story().length`); 0 leaves the story. */
    step?: string | number;
    /** The id of a model to focus, such as `"gpt-3"`. */
    focus?: string;
    /** Read the view from the page's URL and keep the URL in step (default `true`). */
    url?: boolean;
    /** The chart page's own http(s) address, for the embed snippets (set by `embed.js`). */
    pageUrl?: string;
}

/** One model of the embedded data, as `models()` returns it. */
export interface ModelRow {
    /** A stable slug: `"gpt-3"`. */
    id: string;
    name: string;
    /** The Chinese name; empty when the English one is used. */
    nameZh: string;
    organization: string;
    organizationZh: string;
    /** ISO 3166-1 alpha-2 code of the lead organization: `"US"`, `"CN"`… */
    country: string;
    /** When the count became public: `YYYY-MM-DD`, or `YYYY-MM` when the day is unknown. */
    date: string;
    /** The total parameter count; `null` when it was never disclosed. */
    params: number | null;
    /** A mixture of experts' parameters active per token; `null` when not published or dense. */
    activeParams: number | null;
    architecture: "dense" | "moe" | "undisclosed";
    /** Weights or a product people use; only a paper; or a demonstration of scale. */
    status: "released" | "paper" | "demonstration";
    /** The paper, model card or announcement the figures come from. */
    sourceUrl: string;
    /** The source article's words for the model, in Chinese; may be empty. */
    articleClaim: string;
    /** Their English rendering; may be empty. */
    articleClaimEn: string;
    note: string;
    /** The note in Chinese; may be empty. */
    noteZh: string;
}
