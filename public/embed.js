/* EIG Pulse: sizes the embedded charts of a host page to their content and tells them the host's
   theme. Include once: <script src=".../embed.js" async></script>. Only iframes marked
   data-eig-pulse whose src is on this script's own origin (the dashboard's) are touched, and only
   from messages their own window sends from that origin. Heights are set through the CSSOM,
   never a style attribute: a host CSP `style-src 'self'` allows it. */
(function () {
  "use strict";
  // A Symbol key: no element id of the host page can shadow it (ids become window names).
  var ONCE = typeof Symbol === "function" ? Symbol.for("eig-pulse-embed") : "__eigPulseEmbed";
  if (window[ONCE] === true) return;
  var script = document.currentScript;
  var DASHBOARD = null;
  try { DASHBOARD = new URL(script && script.src).origin; } catch (e) { return; }
  if (!DASHBOARD || DASHBOARD === "null") return;
  try {
    Object.defineProperty(window, ONCE, { value: true });
  } catch (e) { return; }
  // What this script shares with the dashboard's Rust, written in by `eig-pulse embeds` when it
  // copies it into the build (crates/cli/src/embeds.rs, crates/core/src/contract/embed.rs): the
  // height message's key, the tallest height taken and the theme message's key. Never written by
  // hand.
  var SHARED = /* eig-pulse embeds: shared values */ null;
  var MESSAGE = SHARED.heightMessage;
  var LIMIT = SHARED.heightLimit;
  var THEME = SHARED.themeMessage;
  function originOf(src) {
    try { return new URL(src, document.baseURI).origin; } catch (e) { return null; }
  }
  /** The host's frames of the dashboard (the snippet's attributes set their width and border). */
  function frames() {
    var found = [];
    var all = document.querySelectorAll("iframe[data-eig-pulse]");
    for (var i = 0; i < all.length; i++) {
      if (originOf(all[i].getAttribute("src")) === DASHBOARD) found.push(all[i]);
    }
    return found;
  }
  function frameOf(source) {
    var all = frames();
    for (var i = 0; i < all.length; i++) {
      if (all[i].contentWindow === source) return all[i];
    }
    return null;
  }
  function heightOf(data) {
    if (typeof data === "string") {
      try { data = JSON.parse(data); } catch (e) { return null; }
    }
    if (!data || typeof data !== "object") return null;
    var sizes = data[MESSAGE];
    if (sizes && typeof sizes === "object") {
      for (var key in sizes) {
        if (Object.prototype.hasOwnProperty.call(sizes, key)) return sizes[key];
      }
    }
    if (data.sentinel === "amp" && data.type === "embed-size") return data.height;
    return null;
  }
  var SYSTEM_DARK = window.matchMedia ? window.matchMedia("(prefers-color-scheme: dark)") : null;
  /** Whether a CSS colour (any syntax the browser knows: rgb, oklch, lab, color()…) is opaque
      enough to be a background, and dark; null when it is not a background. */
  function darkColour(colour) {
    var pen = document.createElement("canvas").getContext("2d");
    if (!pen || !colour) return null;
    pen.fillStyle = colour;
    pen.fillRect(0, 0, 1, 1);
    var pixel = pen.getImageData(0, 0, 1, 1).data;
    if (pixel[3] < 128) return null;
    return 0.2126 * pixel[0] + 0.7152 * pixel[1] + 0.0722 * pixel[2] < 128;
  }
  /** Whether the page asks for a dark canvas (`color-scheme: dark` and nothing lighter). */
  function darkScheme(node) {
    var scheme = getComputedStyle(node).colorScheme || "";
    return /\bdark\b/.test(scheme) && !/\blight\b/.test(scheme);
  }
  /** The host's theme: DSFR's data-fr-theme (or data-fr-scheme) on <html>, else the page's own
      background, else its color-scheme; a page with none of them is light, whatever the system
      prefers. */
  function hostTheme() {
    var root = document.documentElement;
    var theme = root.getAttribute("data-fr-theme");
    if (theme === "dark" || theme === "light") return theme;
    var scheme = root.getAttribute("data-fr-scheme");
    if (scheme === "dark" || scheme === "light") return scheme;
    if (scheme === "system") return SYSTEM_DARK && SYSTEM_DARK.matches ? "dark" : "light";
    var layers = [document.body, root];
    for (var i = 0; i < layers.length; i++) {
      if (!layers[i]) continue;
      var dark = darkColour(getComputedStyle(layers[i]).backgroundColor);
      if (dark !== null) return dark ? "dark" : "light";
    }
    // No background of its own: the browser's canvas, dark only where the page asks for it.
    return darkScheme(root) ? "dark" : "light";
  }
  function tell(frame, theme) {
    var message = {};
    message[THEME] = theme;
    if (frame.contentWindow) frame.contentWindow.postMessage(message, DASHBOARD);
  }
  var told = hostTheme();
  function tellAll() {
    told = hostTheme();
    var all = frames();
    for (var i = 0; i < all.length; i++) tell(all[i], told);
  }
  /** Tells every frame again when the host's theme changes. */
  function followHost() {
    if (hostTheme() !== told) tellAll();
  }
  window.addEventListener("message", function (event) {
    if (event.origin !== DASHBOARD) return;
    var frame = frameOf(event.source);
    if (!frame) return;
    var height = heightOf(event.data);
    if (typeof height !== "number" || !isFinite(height) || height <= 0 || height > LIMIT) return;
    frame.style.height = Math.ceil(height) + "px";
    // A frame that speaks is listening: it hears the theme, read now (the host's styles may have
    // arrived since), and answers only a change.
    followHost();
    tell(frame, told);
  });
  if (typeof MutationObserver === "function") {
    var watched = {
      attributes: true,
      attributeFilter: ["data-fr-theme", "data-fr-scheme", "class", "style"],
    };
    new MutationObserver(followHost).observe(document.documentElement, watched);
    var watchBody = function () {
      if (document.body) new MutationObserver(followHost).observe(document.body, watched);
    };
    if (document.body) watchBody();
    else document.addEventListener("DOMContentLoaded", watchBody);
  }
  if (SYSTEM_DARK && SYSTEM_DARK.addEventListener) {
    SYSTEM_DARK.addEventListener("change", followHost);
  }
  // The host's own styles may arrive after this script: its background is read again then.
  document.addEventListener("DOMContentLoaded", followHost);
  window.addEventListener("load", followHost);
  // Frames that spoke before this script arrived hear the theme now, and answer with their height.
  tellAll();
})();
