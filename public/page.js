/* EIG Pulse, the dashboard's static first paint (index.html and en.html, written by `eig-pulse page`), until
   the interactive page takes over (src/browser/first_paint.rs): plots in an explicitly asked
   scheme, the address's filters shown in the form and a changed field sent as the address's
   query, the folded form on phones, the language button leading to the other language's page,
   and the control a reader clicks kept to be clicked again once the interactive page is there.
   If the code cannot load, the page says so in the words written into it. Only attributes are
   ever written into the page. */

const root = document.documentElement;
const page = document.getElementById("static-page");
const params = new URLSearchParams(location.search);
const timings = (window.eigPulseTimings = window.eigPulseTimings || {});

if (page) {
  // An explicit scheme overrides the system's: every source takes that scheme's plot.
  const theme = params.get("theme");
  if (theme === "dark" || theme === "light") {
    const other = theme === "dark" ? ".light." : ".dark.";
    for (const node of page.querySelectorAll(".chart-frame source, .chart-frame img")) {
      const attribute = node instanceof HTMLImageElement ? "src" : "srcset";
      node.setAttribute(attribute, node.getAttribute(attribute).replace(other, `.${theme}.`));
    }
    for (const node of page.querySelectorAll(".chart-frame source")) {
      node.setAttribute("media", node.getAttribute("media").replace(/\(prefers-color-scheme: dark\) and \(scripting: enabled\)( and )?/, ""));
    }
  }
  const chosen = theme === "dark" || theme === "light" ? theme : "auto";
  const input = page.querySelector(`.scheme-switch input[value="${chosen}"]`);
  if (input) input.checked = true;

  const plot = page.querySelector(".chart-frame img");
  const painted = () => {
    timings.staticChart = timings.staticChart || performance.now();
  };
  if (plot && plot.complete && plot.naturalWidth > 0) painted();
  else if (plot) plot.addEventListener("load", painted, { once: true });

  // Filters in the address: the figures below are not theirs yet.
  if (root.getAttribute("data-first-paint") === "filtered") {
    page.querySelector("main").setAttribute("aria-busy", "true");
  }

  // The form shows the address's filters; a change sends it, with the page's other parameters.
  const form = page.querySelector(".filters-form");
  if (form) {
    for (const field of form.querySelectorAll("[name]")) {
      if (params.has(field.name)) field.value = params.get(field.name);
    }
    const send = () => {
      const query = new URLSearchParams(params);
      for (const field of form.querySelectorAll("[name]")) {
        query.delete(field.name);
        if (field.value !== "") query.set(field.name, field.value);
      }
      const text = query.toString();
      location.assign(location.pathname + (text ? `?${text}` : "") + location.hash);
    };
    form.addEventListener("change", (event) => {
      if (event.target.name) send();
    });
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      send();
    });
    // On phones the form starts folded, as the interactive page's (page-head.js marked it).
    if (root.hasAttribute("data-fold-filters")) {
      form.querySelector(".filters-disclosure").open = false;
      root.removeAttribute("data-fold-filters");
    }
  }

  // The language button before the code arrives: the other language's page (`data-page`), with
  // its own static paint and this page's query; not clicked again afterwards.
  const language = page.querySelector(".lang-switch[data-page]");
  if (language) {
    language.addEventListener("click", (event) => {
      event.stopPropagation();
      const query = new URLSearchParams(params);
      query.set("lang", language.getAttribute("lang"));
      location.assign(`${language.dataset.page}?${query}${location.hash}`);
    });
  }

  // A button clicked before the code arrives is clicked again on its twin afterwards.
  page.addEventListener("click", (event) => {
    const button = event.target.closest("button");
    if (button && !button.disabled) window.eigPulseReplay = button;
  });

  // The same module as index.html's own script: this only learns if it failed.
  import("./start.js").catch(() => {
    const failed = page.querySelector(".code-failed");
    failed.hidden = false;
    root.setAttribute("data-first-paint", "failed");
    page.querySelector("main").removeAttribute("aria-busy");
  });
}
