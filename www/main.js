// Loads the chart module once and creates the page's chart. All chart logic
// is Rust (src/); this file only starts it, reports a failure to load, and
// in an iframe embed (`?embed=1`) marks the page (.embed: it fills its frame,
// www/style.css) and tells the host page its height, which differs from the
// frame's only when the frame is too small for the chart.
document.documentElement.classList.remove("no-js");
const figure = document.getElementById("chart");
const parameters = new URLSearchParams(location.search);
const embedded = parameters.has("embed");
// The chart drawn into the page at build time (.ps-first) is shown in the
// figure's language: set it now to the one the module will pick (the `lang`
// parameter, else English on the English page en.html, else the browser's
// first Chinese or English preference, else English:
// Lang::from_preferences in src/lang.rs).
const englishPage = document.documentElement.lang === "en";
const chartLang = (() => {
  const primary = (tag) => tag.trim().split(/[-_]/)[0].toLowerCase();
  const known = (tag) => primary(tag) === "zh" || primary(tag) === "en";
  const asked = parameters.get("lang") ?? "";
  if (asked === "zh" || asked === "en") {
    return asked;
  }
  if (englishPage) {
    return "en";
  }
  const preferred = [...(navigator.languages ?? []), navigator.language ?? ""].find(known);
  return preferred ? primary(preferred) : "en";
})();
figure.lang = chartLang === "zh" ? "zh-CN" : "en";
// And in the theme asked for (the module marks the root the same way).
const theme = parameters.get("theme");
if (theme === "light" || theme === "dark") {
  document.documentElement.setAttribute("data-theme", theme);
}
// A step the host asked for before the chart existed.
let pendingStep = null;

// Without the module, the message and the static chart made at build time.
function showError(message) {
  figure.setAttribute("data-state", "error");
  const note = document.createElement("p");
  note.className = "chart-error";
  note.setAttribute("role", "alert");
  note.textContent = `图表无法加载 · The chart could not load: ${message}`;
  const image = document.createElement("img");
  image.className = "ps-fallback-image";
  image.src = chartLang === "en" ? "chart-en.svg" : "chart-zh.svg";
  image.alt = "";
  figure.replaceChildren(note, image);
}

if (embedded) {
  document.documentElement.classList.add("embed");
  // Message shape (documented in README): { type: "param-scale:height", height }.
  const postHeight = () => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    window.parent.postMessage({ type: "param-scale:height", height }, "*");
  };
  new ResizeObserver(postHeight).observe(document.documentElement);
  // The host steps the chart through the story (documented in README):
  // frame.contentWindow.postMessage({ type: "param-scale:step", step: N }, origin).
  // Only that shape, from the parent page, is taken; nothing is answered.
  window.addEventListener("message", (event) => {
    if (event.source !== window.parent) {
      return;
    }
    const data = event.data;
    const valid =
      data !== null &&
      typeof data === "object" &&
      data.type === "param-scale:step" &&
      Number.isInteger(data.step) &&
      data.step >= 0 &&
      Object.keys(data).every((key) => key === "type" || key === "step");
    if (!valid) {
      console.warn("param-scale: the only message taken is { type: \"param-scale:step\", step: <integer ≥ 0> }; ignored", data);
      return;
    }
    if (figure.chart) {
      figure.chart.step(data.step);
    } else {
      pendingStep = data.step;
    }
  });
}

// The WebAssembly module (which index.html preloads) is compiled from here,
// off the main thread, while this thread loads the fonts below; the chart
// module is then handed the compiled module. A server that sends the wrong
// type for .wasm gets the slower, non-streaming compile.
const compiled = (async () => {
  const response = await fetch(new URL("../pkg/param_scale_bg.wasm", import.meta.url));
  if (!response.ok) {
    throw new Error(`failed to fetch the WebAssembly module: ${response.status} ${response.statusText}`);
  }
  if (response.headers.get("Content-Type") === "application/wasm") {
    return WebAssembly.compileStreaming(response);
  }
  return WebAssembly.compile(await response.arrayBuffer());
})();
// Reported where it is awaited, below, not as an unhandled rejection.
compiled.catch(() => {});

// Meanwhile, load the fonts the chart's first text needs (the page's own
// family, regular and bold; Chinese and Latin): otherwise its first
// measurement does, after the download.
const warmUp = document.createElement("canvas").getContext("2d");
if (warmUp) {
  for (const weight of ["normal", "bold"]) {
    warmUp.font = `${weight} 12px ${getComputedStyle(figure).fontFamily}`;
    warmUp.measureText("大模型参数 Parameters 2020");
  }
}

try {
  const chartModule = await import("../pkg/param_scale.js");
  await chartModule.default({ module_or_path: await compiled });
  // The instance stays reachable from its element (e.g. for `drawnPoints()`).
  // The canvas takes the first paint's place in the same task: no frame
  // between them, and the stage has the same box. The module adopts the
  // first paint's block as its root and keeps its heading, the same element
  // (src/web/dom.rs), and takes out the rest.
  // The English page is in English unless the URL asks otherwise.
  const options = englishPage && !parameters.has("lang") ? { url: true, lang: "en" } : { url: true };
  figure.chart = chartModule.createChart(figure, options);
  if (pendingStep !== null) {
    figure.chart.step(pendingStep);
  }
} catch (error) {
  console.error(error);
  showError(error instanceof Error ? error.message : String(error));
}
