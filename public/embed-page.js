/* EIG Pulse, light embed pages. On `embed/<chart>.<lang>.html` (written by `eig-pulse embeds`,
   already painted when this module runs): takes the asked scheme's plot, colours the legend,
   tells the host page its height, and loads the interactive chart — the dashboard's WebAssembly,
   through start.js — at the reader's first gesture, which it hands over; at once when the address
   asks for what only the interactive chart can draw (embed-head.js marks it). On `embed.html?chart=`
   it sends the reader to that chart's page. Only text is ever written into the page. */

// What this page shares with the dashboard's Rust, written in by `eig-pulse embeds` when it copies
// this script into the build (crates/cli/src/embeds.rs): the charts that have a page (ChartId::ALL)
// and the height message's key (src/browser/embed_protocol.rs). Never written by hand.
const { charts: CHARTS, heightMessage: HEIGHT_MESSAGE } = /* eig-pulse embeds: shared values */ null;
// The page's words in each language ({file} and {detail} are filled in when said).
const MESSAGES = {
  fr: {
    failed:
      "Le graphique interactif n'a pas pu être chargé ({file} : {detail}). Recharger la page pour réessayer.",
  },
  en: {
    failed: "The interactive chart could not be loaded ({file}: {detail}). Reload the page to try again.",
  },
};

const root = document.documentElement;
const params = new URLSearchParams(location.search);
const container = document.getElementById("embed-static");
const timings = (window.eigPulseTimings = window.eigPulseTimings || {});
const chart = root.dataset.embedChart || params.get("chart") || "";
const pageLang = root.dataset.embedChart ? root.lang : null;
const lang = params.get("lang") === "en" || (!params.has("lang") && pageLang === "en") ? "en" : "fr";

let live = null;
// What the reader did before the interactive chart arrived: done again on it.
let replay = null;

/** Loads the interactive chart once; it replaces the static one when drawn (src/views/embed_page.rs). */
function goLive() {
  if (live) return live;
  live = import("./start.js").catch((error) => {
    const status = document.createElement("p");
    status.className = "embed-status fr-error-text";
    status.setAttribute("role", "alert");
    const detail = error && error.message ? error.message : String(error);
    const file = new URL("start.js", document.baseURI).href;
    // Replacements as functions: a `$` in the detail is not a pattern.
    status.textContent = MESSAGES[lang].failed
      .replace("{file}", () => file)
      .replace("{detail}", () => detail);
    container.append(status);
    root.removeAttribute("data-embed-live");
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

/** The address of `chart`'s page in `lang`, keeping the other parameters. */
function pageOf(lang) {
  const rest = new URLSearchParams(params);
  rest.delete("chart");
  rest.delete("lang");
  const query = rest.toString();
  return new URL(`embed/${chart}.${lang}.html${query ? `?${query}` : ""}`, document.baseURI).href;
}

function postHeight() {
  if (window.parent === window || !root.hasAttribute("data-embed-static")) return;
  // Loading at once (filters): the frame keeps the snippet's height until the interactive
  // chart, with its filters in words, says its own; a shorter static height would move the host.
  if (root.hasAttribute("data-embed-live")) return;
  const height = Math.ceil(container.getBoundingClientRect().height);
  window.parent.postMessage({ [HEIGHT_MESSAGE]: { [chart]: height } }, "*");
  window.parent.postMessage({ sentinel: "amp", type: "embed-size", height }, "*");
}

/** The static page: its scheme, its legend, its height, its hand-over. */
function staticPage() {
  const dark = root.getAttribute("data-fr-theme") === "dark";
  const theme = params.get("theme");
  // An explicit scheme overrides the system's: every source takes that scheme's plot.
  if (theme === "dark" || theme === "light") {
    const other = theme === "dark" ? ".light." : ".dark.";
    for (const node of container.querySelectorAll(".chart-frame source, .chart-frame img")) {
      const attribute = node instanceof HTMLImageElement ? "src" : "srcset";
      node.setAttribute(attribute, node.getAttribute(attribute).replace(other, `.${theme}.`));
    }
  }
  for (const swatch of container.querySelectorAll(".swatch")) {
    // Through the CSSOM, never a style attribute: allowed by a strict CSP.
    swatch.style.background = dark ? swatch.dataset.dark : swatch.dataset.light;
  }
  const plot = container.querySelector(".chart-frame img");
  const painted = () => {
    timings.staticChart = timings.staticChart || performance.now();
  };
  if (plot.complete && plot.naturalWidth > 0) painted();
  else plot.addEventListener("load", painted, { once: true });
  plot.addEventListener("focus", () => {
    replay = replay || { selector: ".chart-frame canvas", click: false };
    goLive();
  });
  for (const button of container.querySelectorAll("[data-replay]")) {
    button.addEventListener("click", () => {
      replay = { selector: button.dataset.replay, click: true };
      goLive();
    });
  }
  new ResizeObserver(postHeight).observe(container);
  if (root.hasAttribute("data-embed-live")) {
    goLive();
    return;
  }
  for (const gesture of ["pointerover", "touchstart", "focusin", "keydown"]) {
    window.addEventListener(gesture, goLive, { once: true, passive: true });
  }
}

if (root.dataset.embedChart) {
  if (params.has("lang") && lang !== pageLang) location.replace(pageOf(lang));
  else staticPage();
} else if (CHARTS.includes(chart)) {
  // `embed.html?chart=<id>`: that chart's own page.
  location.replace(pageOf(lang));
} else {
  // No such chart: the interactive page says so.
  goLive();
}
