// Param Scale on a host page. Load it once with
//   <script type="module" src="https://…/www/embed.js"></script>
// (and, before the charts' divs, <link rel="stylesheet" href="https://…/www/style.css">,
// so that each div has its final height before this script runs) and it
// 1. resizes every <iframe data-param-scale-frame> showing the chart to the
//    height its page reports ({ type: "param-scale:height", height }), each
//    iframe on its own, when it differs from the frame's height by more than
//    a pixel. The snippet's frame already has the right height from the host's
//    first layout (a formula of its width), and keeps it: this only grows a
//    frame that is too small for the chart (a browser without container
//    queries, or a host that gave the frame no height);
// 2. renders every <div data-param-scale> inline, without an iframe, with
//    its data-lang, data-theme, data-hide, data-from, data-to and data-focus
//    attributes as options (and data-count, data-fit, data-claims,
//    data-step). Each chart is its own instance (element.chart); nothing is
//    added to window;
// 3. steps those charts through the article's story from paragraphs marked
//    data-param-scale-step="N" as the reader scrolls (see followStorySteps).

const MIN_HEIGHT = 200;
const MAX_HEIGHT = 4000;

window.addEventListener("message", (event) => {
  const data = event.data;
  if (
    data === null ||
    typeof data !== "object" ||
    data.type !== "param-scale:height" ||
    typeof data.height !== "number" ||
    !Number.isFinite(data.height)
  ) {
    return;
  }
  for (const frame of document.querySelectorAll("iframe[data-param-scale-frame]")) {
    if (frame.contentWindow === event.source) {
      const height = Math.min(Math.max(Math.round(data.height), MIN_HEIGHT), MAX_HEIGHT);
      // A height already right stays as the host's CSS gives it (it follows the width).
      if (Math.abs(frame.getBoundingClientRect().height - height) > 1) {
        frame.style.height = `${height}px`;
      }
    }
  }
});

const OPTION_ATTRIBUTES = ["lang", "theme", "hide", "from", "to", "count", "fit", "claims", "step", "focus"];

async function renderInline() {
  const containers = [...document.querySelectorAll("[data-param-scale]")].filter(
    (element) => !element.chart,
  );
  if (containers.length === 0) {
    return;
  }
  const styleUrl = new URL("style.css", import.meta.url).href;
  if (![...document.querySelectorAll("link[rel=stylesheet]")].some((link) => link.href === styleUrl)) {
    const link = document.createElement("link");
    link.rel = "stylesheet";
    link.href = styleUrl;
    document.head.append(link);
  }
  const pageUrl = new URL("../index.html", import.meta.url).href;
  let chartModule;
  try {
    chartModule = await import(new URL("../pkg/param_scale.js", import.meta.url).href);
    await chartModule.default();
  } catch (error) {
    console.error(error);
    for (const container of containers) {
      showError(container, error);
    }
    return;
  }
  for (const container of containers) {
    const options = { url: false, pageUrl };
    for (const name of OPTION_ATTRIBUTES) {
      if (container.dataset[name] !== undefined) {
        options[name] = container.dataset[name];
      }
    }
    try {
      container.chart = chartModule.createChart(container, options);
    } catch (error) {
      console.error(error);
      showError(container, error);
    }
  }
  followStorySteps();
}

// 3. Scrollytelling: a host paragraph marked data-param-scale-step="N" steps
//    a chart to step N of the story as it scrolls into the middle of the
//    viewport. It steps the chart named by its data-param-scale-for (an
//    element id), else the inline chart in its closest .ps-scrolly, else the
//    page's first inline chart.
function followStorySteps() {
  const paragraphs = document.querySelectorAll("[data-param-scale-step]");
  if (paragraphs.length === 0 || !("IntersectionObserver" in window)) {
    return;
  }
  const chartOf = (paragraph) => {
    const named = paragraph.dataset.paramScaleFor;
    const scrolly = paragraph.closest(".ps-scrolly");
    const container =
      (named && document.getElementById(named)) ||
      (scrolly && scrolly.querySelector("[data-param-scale]")) ||
      document.querySelector("[data-param-scale]");
    return container && container.chart;
  };
  const observer = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) {
          continue;
        }
        const step = Number(entry.target.dataset.paramScaleStep);
        const chart = chartOf(entry.target);
        if (!Number.isInteger(step) || step < 0) {
          console.warn(`param-scale: data-param-scale-step="${entry.target.dataset.paramScaleStep}" is not a step number; ignored`);
          continue;
        }
        for (const other of document.querySelectorAll("[data-param-scale-step].ps-step-active")) {
          other.classList.remove("ps-step-active");
        }
        entry.target.classList.add("ps-step-active");
        if (chart) {
          chart.step(step);
        }
      }
    },
    // A paragraph counts once it crosses the middle of the viewport.
    { rootMargin: "-45% 0px -45% 0px" },
  );
  for (const paragraph of paragraphs) {
    observer.observe(paragraph);
  }
}

// In place of a chart that cannot run: the message and the static chart
// made at build time, as the chart's own page shows (www/main.js).
function showError(container, error) {
  const message = error instanceof Error ? error.message : String(error);
  container.setAttribute("data-state", "error");
  const note = document.createElement("p");
  note.className = "chart-error";
  note.setAttribute("role", "alert");
  note.textContent = `图表无法加载 · The chart could not load: ${message}`;
  const lang = (container.dataset.lang || document.documentElement.lang || "").startsWith("en") ? "en" : "zh";
  const image = document.createElement("img");
  image.className = "ps-fallback-image";
  image.src = new URL(`../chart-${lang}.svg`, import.meta.url).href;
  image.alt = "";
  container.replaceChildren(note, image);
}

renderInline();
