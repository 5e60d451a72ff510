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
  // The parameters only the interactive chart can draw (the filters, another export), written in
  // by `eig-pulse embeds` from the dashboard's Rust (crates/cli/src/embeds.rs); any other name
  // (`fbclid`, `utm_source`, … added by the sites a post is shared on) leaves the static page be.
  var shared = /* eig-pulse embeds: shared values */ null;
  var live = false;
  params.forEach(function (value, key) {
    if (shared.liveParameters.indexOf(key) >= 0) live = true;
  });
  if (live) root.setAttribute("data-embed-live", "");
  if (params.get("plain") === "1") root.setAttribute("data-embed-plain", "");
})();
