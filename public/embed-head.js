/* EIG Pulse, light embed pages: run before the first paint (a classic script in <head>), so the
   page shows at once in the asked scheme, and hides the static plot when the address asks for
   what only the interactive chart can draw (filters, another export). No inline script: the
   page keeps the strict CSP. */
(function () {
  "use strict";
  var params = new URLSearchParams(location.search);
  var theme = params.get("theme");
  var root = document.documentElement;
  var dark =
    theme === "dark" ||
    (theme !== "light" && window.matchMedia("(prefers-color-scheme: dark)").matches);
  root.setAttribute("data-fr-scheme", theme === "dark" || theme === "light" ? theme : "system");
  root.setAttribute("data-fr-theme", dark ? "dark" : "light");
  // The parameters the static page honours; any other needs the interactive chart.
  var own = { chart: 1, lang: 1, theme: 1, plain: 1 };
  var live = false;
  params.forEach(function (value, key) {
    if (!own[key]) live = true;
  });
  if (live) root.setAttribute("data-embed-live", "");
  if (params.get("plain") === "1") root.setAttribute("data-embed-plain", "");
})();
