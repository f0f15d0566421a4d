// Loads the chart module once and creates the page's chart. All chart logic
// is Rust (src/); this file only starts it and reports a failure to load.
const figure = document.getElementById("chart");

function showError(message) {
  figure.setAttribute("data-state", "error");
  const note = document.createElement("p");
  note.className = "chart-error";
  note.setAttribute("role", "alert");
  note.textContent = `图表无法加载 · The chart could not load: ${message}`;
  figure.replaceChildren(note);
}

try {
  const chartModule = await import("../pkg/param_scale.js");
  await chartModule.default();
  chartModule.createChart(figure, {});
} catch (error) {
  console.error(error);
  showError(error instanceof Error ? error.message : String(error));
}
