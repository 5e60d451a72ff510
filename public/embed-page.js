/* EIG Pulse, the light embed page (embed.html): paints one chart at once from the files
   `eig-pulse embeds` drew with the dashboard's own code (embed/<chart>.<lang>.json, the words;
   embed/<chart>.<lang>.<scheme>.<width>.svg, the plot), then loads the interactive chart — the
   dashboard's WebAssembly, through start.js — at the reader's first gesture, and hands that
   gesture over. The address's filters or another export can only be drawn by the interactive
   chart: then it loads at once. Only text is ever written into the page (no HTML strings). */

// The widths drawn by `eig-pulse embeds` (crates/cli/src/embeds.rs, WIDTHS).
const WIDTHS = [360, 520, 680, 840];
// Parameters the static chart honours; any other one needs the interactive chart.
const STATIC_PARAMETERS = new Set(["chart", "lang", "theme", "plain"]);
const MESSAGES = {
  fr: {
    failed: "Le graphique interactif n'a pas pu être chargé",
    retry: "Recharger la page pour réessayer.",
  },
  en: {
    failed: "The interactive chart could not be loaded",
    retry: "Reload the page to try again.",
  },
};

const params = new URLSearchParams(location.search);
const chart = params.get("chart") || "";
const lang = params.get("lang") === "en" ? "en" : "fr";
const plain = params.get("plain") === "1";
const theme = params.get("theme");
const root = document.documentElement;
const container = document.getElementById("embed-static");
const timings = (window.eigPulseTimings = window.eigPulseTimings || {});

// DSFR's scheme attributes, as the dashboard sets them (src/scheme.rs).
const dark =
  theme === "dark" ||
  (theme !== "light" && window.matchMedia("(prefers-color-scheme: dark)").matches);
root.lang = lang;
root.setAttribute("data-fr-scheme", theme === "dark" || theme === "light" ? theme : "system");
root.setAttribute("data-fr-theme", dark ? "dark" : "light");

const validSlug = /^[a-z0-9-]{1,64}$/.test(chart);
const needsLive = !validSlug || [...params.keys()].some((key) => !STATIC_PARAMETERS.has(key));

let live = null;
// What the reader did before the interactive chart arrived: done again on it.
let replay = null;

/** Loads the interactive chart once; it replaces the static one when drawn. */
function goLive() {
  if (live) return live;
  live = import("./start.js").catch((error) => {
    const text = MESSAGES[lang];
    const status = document.createElement("p");
    status.className = "embed-status fr-error-text";
    status.setAttribute("role", "alert");
    status.textContent = `${text.failed} (${new URL("start.js", location.href).href} : ${error && error.message ? error.message : error}). ${text.retry}`;
    container.append(status);
  });
  return live;
}

window.addEventListener("eig-pulse-live", () => {
  if (!replay) return;
  const target = document.querySelector(replay.selector);
  if (!target) return;
  if (replay.click) target.click();
  else target.focus();
});

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** A button of the static chart: a gesture on it loads the interactive chart and is replayed. */
function replayButton(className, text, selector) {
  const button = element("button", className, text);
  button.type = "button";
  button.addEventListener("click", () => {
    replay = { selector, click: true };
    goLive();
  });
  return button;
}

/** The plot width drawn nearest to the room available. */
function plotWidth() {
  const room = Math.max(0, document.documentElement.clientWidth - 8);
  return WIDTHS.reduce((best, w) => (Math.abs(w - room) < Math.abs(best - room) ? w : best));
}

function postHeight() {
  if (window.parent === window || !root.hasAttribute("data-embed-static")) return;
  const height = Math.ceil(container.getBoundingClientRect().height);
  window.parent.postMessage({ "eig-pulse-height": { [chart]: height } }, "*");
  window.parent.postMessage({ sentinel: "amp", type: "embed-size", height }, "*");
}

/** Builds the static twin of the dashboard's embedded chart view (src/chart_view.rs). */
function paint(words, plot) {
  const labels = words.labels;
  const figure = element("figure", "chart");
  figure.dataset.chart = chart;
  if (!plain) {
    const caption = element("figcaption");
    caption.append(element("h1", "chart-title", words.title));
    caption.append(element("p", "chart-guide", words.guide));
    figure.append(caption);
    const tools = element("div", "chart-tools");
    tools.append(
      replayButton("fr-btn fr-btn--secondary fr-btn--sm tool table-toggle", labels.show_data, ".table-toggle"),
    );
    tools.append(element("span", "chart-tools-label", labels.download));
    for (const format of ["svg", "png", "csv"]) {
      tools.append(
        replayButton("fr-btn fr-btn--tertiary fr-btn--sm tool", format.toUpperCase(), `[data-download="${format}"]`),
      );
    }
    figure.append(tools);
  }
  const legend = element("ul", "legend");
  legend.setAttribute("aria-label", labels.legend);
  words.legend.forEach((entry, index) => {
    const item = element("li");
    const button = replayButton(
      "fr-tag fr-tag--sm legend-entry",
      undefined,
      `.embed .legend li:nth-child(${index + 1}) button`,
    );
    button.setAttribute("aria-pressed", "true");
    const swatch = element("span", "swatch");
    // Through the CSSOM, never a style attribute: allowed by a strict CSP.
    swatch.style.background = dark ? entry.dark : entry.light;
    button.append(swatch, entry.label);
    item.append(button);
    legend.append(item);
  });
  figure.append(legend);
  const frame = element("div", "chart-frame");
  if (plot) {
    plot.alt = words.summary;
    plot.tabIndex = 0;
    plot.setAttribute("aria-describedby", `clavier-${chart}`);
    plot.height = words.plot_height;
    plot.addEventListener("focus", () => {
      replay = replay || { selector: ".chart-frame canvas", click: false };
      goLive();
    });
    frame.append(plot);
  } else {
    const placeholder = element("div", "plot-placeholder", labels.loading);
    placeholder.setAttribute("role", "status");
    placeholder.style.height = `${words.plot_height}px`;
    frame.append(placeholder);
  }
  figure.append(frame);
  const keyboard = element("p", "fr-sr-only", labels.keyboard);
  keyboard.id = `clavier-${chart}`;
  figure.append(keyboard);
  container.append(figure);
  if (!plain) {
    const credit = element("p", "embed-credit", `${words.credit} · `);
    const link = element("a", undefined, labels.full_dashboard);
    link.href = new URL("./", location.href).href;
    link.target = "_blank";
    link.rel = "noopener noreferrer";
    credit.append(link);
    container.append(credit);
  }
  new ResizeObserver(postHeight).observe(container);
}

async function start() {
  if (needsLive) goLive();
  if (!validSlug) return;
  const base = `embed/${chart}.${lang}`;
  let plot = null;
  if (!needsLive) {
    // Asked for at once, beside the words: the image is ready when they are.
    const width = plotWidth();
    plot = new Image(width);
    plot.decoding = "async";
    plot.addEventListener("load", () => {
      timings.staticChart = performance.now();
    });
    plot.src = `${base}.${dark ? "dark" : "light"}.${width}.svg`;
  }
  let words;
  try {
    const response = await fetch(`${base}.json`);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    words = await response.json();
  } catch (error) {
    // No static twin (an unknown chart, a network failure): the interactive chart says why.
    goLive();
    return;
  }
  paint(words, plot);
  if (!needsLive) {
    for (const gesture of ["pointerover", "touchstart", "focusin", "keydown"]) {
      window.addEventListener(gesture, goLive, { once: true, passive: true });
    }
  }
}

start();
