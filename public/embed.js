/* EIG Pulse: sizes the embedded charts of a host page to their content.
   Include once: <script src=".../embed.js" async></script>. Only iframes marked
   data-eig-pulse are resized, and only from messages their own window sends. */
(function () {
  "use strict";
  if (window.__eigPulseEmbed) return;
  window.__eigPulseEmbed = true;
  var LIMIT = 20000;
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
    var sizes = data["eig-pulse-height"];
    if (sizes && typeof sizes === "object") {
      for (var key in sizes) {
        if (Object.prototype.hasOwnProperty.call(sizes, key)) return sizes[key];
      }
    }
    if (data.sentinel === "amp" && data.type === "embed-size") return data.height;
    return null;
  }
  window.addEventListener("message", function (event) {
    var frame = frameOf(event.source);
    if (!frame) return;
    var height = heightOf(event.data);
    if (typeof height !== "number" || !isFinite(height) || height <= 0 || height > LIMIT) return;
    frame.style.height = Math.ceil(height) + "px";
  });
})();
