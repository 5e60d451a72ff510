/* EIG Pulse: sizes the embedded charts of a host page to their content.
   Include once: <script src=".../embed.js" async></script>. Only iframes marked
   data-eig-pulse whose src is on this script's own origin (the dashboard's) are resized,
   and only from messages their own window sends from that origin. */
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
  // copies it into the build (crates/cli/src/embeds.rs, src/browser/embed_protocol.rs): the height
  // message's key and the tallest height taken. Never written by hand.
  var SHARED = /* eig-pulse embeds: shared values */ null;
  var MESSAGE = SHARED.heightMessage;
  var LIMIT = SHARED.heightLimit;
  function originOf(src) {
    try { return new URL(src, document.baseURI).origin; } catch (e) { return null; }
  }
  function frameOf(source) {
    var frames = document.querySelectorAll("iframe[data-eig-pulse]");
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === source) return frames[i];
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
  window.addEventListener("message", function (event) {
    if (event.origin !== DASHBOARD) return;
    var frame = frameOf(event.source);
    if (!frame || originOf(frame.getAttribute("src")) !== DASHBOARD) return;
    var height = heightOf(event.data);
    if (typeof height !== "number" || !isFinite(height) || height <= 0 || height > LIMIT) return;
    frame.style.height = Math.ceil(height) + "px";
  });
})();
