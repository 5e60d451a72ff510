/* EIG Pulse, light embed pages. On `embed/<chart>.<lang>.html` (written by `eig-pulse embeds`,
   already painted when this module runs): takes the asked scheme's plot, colours the legend,
   tells the host page its height (at once, when the plot arrives and when it changes), follows
   the host's theme when the host's embed.js tells it, and loads the interactive chart — the
   dashboard's WebAssembly, through start.js — at the reader's first gesture, which it hands over;
   at once when the address asks for what only the interactive chart can draw (embed-head.js marks
   it). On `embed.html?chart=` it sends the reader to that chart's page. Only text is ever written
   into the page. */

// What this page shares with the dashboard's Rust, written in by `eig-pulse embeds` when it copies
// this script into the build (crates/cli/src/embeds.rs): the charts that have a page (ChartId::ALL)
// and the keys of the height and theme messages (crates/core/src/contract/embed.rs). Never written
// by hand.
const {
  charts: CHARTS,
  heightMessage: HEIGHT_MESSAGE,
  themeMessage: THEME_MESSAGE,
} = /* eig-pulse embeds: shared values */ null;
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
  // The reader's control keeps the focus through the hand-over (unless the reader has left the
  // frame meanwhile), and a click is done again.
  if (document.hasFocus()) target.focus({ preventScroll: true });
  if (replay.click) target.click();
});

/** Remembers that the reader's focus is on the static control that `selector` finds in the live
    chart; a click waiting to be done again keeps its own control. */
function rememberFocus(selector) {
  if (!replay || !replay.click) replay = { selector, click: false };
}

/** Forgets a remembered focus once the reader moves it elsewhere than a replayed control (not
    when the static chart itself goes, at the hand-over). */
function forgetFocus(event) {
  if (!root.hasAttribute("data-embed-static")) return;
  const next = event.relatedTarget;
  const kept = next && next.closest && next.closest("[data-replay], .chart-frame img");
  if (replay && !replay.click && !kept) replay = null;
}

/** The address of `chart`'s page in `lang`, keeping the other parameters: beside this page
    (pinned too), or in embed/. */
function pageOf(lang) {
  const rest = new URLSearchParams(params);
  rest.delete("chart");
  rest.delete("lang");
  const query = rest.toString();
  const folder = root.dataset.embedChart ? location.href : new URL("embed/", document.baseURI);
  return new URL(`${chart}.${lang}.html${query ? `?${query}` : ""}`, folder).href;
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

/** Shows the static page in `scheme` ("light" or "dark"): every source takes that scheme's plot,
    the legend that scheme's colours. */
function showScheme(scheme) {
  root.setAttribute("data-fr-theme", scheme);
  for (const node of container.querySelectorAll(".chart-frame source, .chart-frame img")) {
    const attribute = node instanceof HTMLImageElement ? "src" : "srcset";
    node.dataset.written = node.dataset.written || node.getAttribute(attribute);
    node.setAttribute(attribute, node.dataset.written.replace(/\.(light|dark)\./, `.${scheme}.`));
  }
  showSwatches();
}

/** Colours the legend's swatches for the scheme shown. */
function showSwatches() {
  const dark = root.getAttribute("data-fr-theme") === "dark";
  for (const swatch of container.querySelectorAll(".swatch")) {
    // Through the CSSOM, never a style attribute: allowed by a strict CSP.
    swatch.style.background = dark ? swatch.dataset.dark : swatch.dataset.light;
  }
}

/** The host's theme, told by its embed.js: followed unless the address fixes a scheme; the page
    answers a change with its height. The interactive chart reads it on <html> and hears the
    event. */
function followHost() {
  const fixed = ["dark", "light"].includes(params.get("theme"));
  window.addEventListener("message", (event) => {
    if (event.source !== window.parent || !event.data || typeof event.data !== "object") return;
    const theme = event.data[THEME_MESSAGE];
    if ((theme !== "dark" && theme !== "light") || theme === root.dataset.hostTheme) return;
    root.dataset.hostTheme = theme;
    if (!fixed) {
      showScheme(theme);
      window.dispatchEvent(new Event("eig-pulse-host-theme"));
    }
    postHeight();
  });
}

/** The static page: its scheme, its legend, its height, its hand-over. */
function staticPage() {
  const theme = params.get("theme");
  // An explicit scheme overrides the system's and the host's.
  if (theme === "dark" || theme === "light") showScheme(theme);
  else showSwatches();
  // A pinned page's link to the stable one keeps the query.
  for (const a of container.querySelectorAll("[data-keep-query]")) a.search = location.search;
  followHost();
  const plot = container.querySelector(".chart-frame img");
  const painted = () => {
    timings.staticChart = timings.staticChart || performance.now();
    postHeight();
  };
  if (plot.complete && plot.naturalWidth > 0) painted();
  else plot.addEventListener("load", painted, { once: true });
  plot.addEventListener("focus", () => {
    rememberFocus(".chart-frame canvas");
    goLive();
  });
  plot.addEventListener("blur", forgetFocus);
  for (const button of container.querySelectorAll("[data-replay]")) {
    // Focus first (the keyboard), then a click: the control is found again in the live chart.
    button.addEventListener("focus", () => rememberFocus(button.dataset.replay));
    button.addEventListener("blur", forgetFocus);
    // A copy is not clicked again: the browser allows the clipboard only in the reader's own
    // click; the reader's focus waits on the live button.
    const again = !button.hasAttribute("data-focus-only");
    button.addEventListener("click", () => {
      replay = { selector: button.dataset.replay, click: again };
      goLive();
    });
  }
  // At once (an off-screen frame may not run its resize observer before the reader reaches it),
  // then at every change of size.
  postHeight();
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
