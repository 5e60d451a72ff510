/* EIG Pulse, the dashboard's static first paint (written into index.html and en.html by `eig-pulse page`):
   runs before the first paint (a classic script in <head>). It shows the page in the asked
   scheme, folds the filters on phones as the interactive page does, and says how the static page
   is shown on <html data-first-paint>: `static` (the default view, as the interactive page will
   draw it), `filtered` (the address asks for filters or another export: the figures are greyed
   and marked as loading until the interactive page applies them), `off` (one chart alone) or
   `leaving` (the address asks for the other language: the reader is sent, query kept, to that
   language's page and its own static paint). Without scripts, no mark: the page is the static
   one alone. No inline script: the page keeps the strict CSP. */
(function () {
  "use strict";
  var params = new URLSearchParams(location.search);
  var root = document.documentElement;
  var theme = params.get("theme");
  var dark =
    theme === "dark" ||
    (theme !== "light" && window.matchMedia("(prefers-color-scheme: dark)").matches);
  root.setAttribute("data-fr-scheme", theme === "dark" || theme === "light" ? theme : "system");
  root.setAttribute("data-fr-theme", dark ? "dark" : "light");
  // As src/sections/filter_bar.rs (WIDE_SCREEN): narrower, the filters fold.
  if (!window.matchMedia("(min-width: 48em)").matches) root.setAttribute("data-fold-filters", "");
  // The parameters only the interactive page can draw (the filters, another export), written in
  // by `eig-pulse embeds` from the dashboard's Rust (crates/cli/src/embeds.rs); an empty value is
  // no filter, and any other name (`fbclid`, `utm_source`, …) leaves the static page be.
  var shared = /* eig-pulse embeds: shared values */ null;
  var live = false;
  params.forEach(function (value, key) {
    if (value !== "" && shared.liveParameters.indexOf(key) >= 0) live = true;
  });
  // `?lang=` asking for the other language than this page's: that language's page (`shared.pages`,
  // `index.html` and `en.html` by their relative links), with the same query and fragment. One
  // chart alone (`?chart=`) is drawn in any language by the interactive page.
  // Sent once: a host that answers every address with index.html (a catch-all rewrite, en.html
  // not deployed) would send the reader back and forth; there the interactive page alone says the
  // asked language.
  var off = params.has("chart");
  var asked = (params.get("lang") || "").trim().toLowerCase();
  var other = Object.prototype.hasOwnProperty.call(shared.pages, asked) && asked !== root.lang;
  // The mark lives for one navigation: the next of these pages to load reads and removes it.
  var sent = "eigPulseSentToLanguage";
  var store = null;
  try {
    store = window.sessionStorage;
  } catch (blocked) {}
  var justSent = !!store && store.getItem(sent) === "1";
  if (store) store.removeItem(sent);
  if (!off && other && store && !justSent) {
    store.setItem(sent, "1");
    root.setAttribute("data-first-paint", "leaving");
    location.replace(shared.pages[asked] + location.search + location.hash);
    return;
  }
  // Not sent (just sent here, or nowhere to mark it): this page's static paint, in the other
  // language, is left out.
  if (other) off = true;
  root.setAttribute("data-first-paint", off ? "off" : live ? "filtered" : "static");
  // When the first frame was drawn (`window.eigPulseTimings.firstFrame`): start.js asks for the
  // code after it.
  requestAnimationFrame(function () {
    var timings = (window.eigPulseTimings = window.eigPulseTimings || {});
    timings.firstFrame = performance.now();
  });
})();
