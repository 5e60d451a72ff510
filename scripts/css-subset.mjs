// Keeps only the CSS rules whose selectors the given sources name (PurgeCSS), so that a page
// downloads the rules it uses, not the whole design system.
// Usage: node css-subset.mjs <purgecss module dir> <out.css> [--no-fonts] [--inline-icons <dir>]
//        --css <a.css>... --content <file>...
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const [purgecssDir, out, ...rest] = process.argv.slice(2);
const noFonts = rest.includes("--no-fonts");
const icons = rest.includes("--inline-icons") ? rest[rest.indexOf("--inline-icons") + 1] : null;
const css = rest.slice(rest.indexOf("--css") + 1, rest.indexOf("--content"));
const content = rest.slice(rest.indexOf("--content") + 1);
const { PurgeCSS } = await import(pathToFileURL(path.join(purgecssDir, "lib/purgecss.esm.js")).href);
const results = await new PurgeCSS().purge({
  content,
  css,
  variables: true,
  keyframes: true,
  fontFace: true,
  // The scheme attributes are set on <html> by code (src/context/scheme.rs, embed-head.js).
  safelist: { standard: ["html", "body"], greedy: [/data-fr-theme/, /data-fr-scheme/] },
});
let text = results.map((r) => r.css).join("\n");
// Without web fonts, text takes the design system's fallbacks (Arial, sans-serif).
if (noFonts) text = text.replace(/@font-face\s*\{[^}]*\}/g, "");
// Icons as data: URLs (the page's CSP allows them for images): no request of their own.
if (icons) {
  text = text.replace(/url\((icons\/[^)]+\.svg)\)/g, (_, file) => {
    const svg = fs.readFileSync(path.join(icons, file.slice("icons/".length)));
    return `url("data:image/svg+xml;base64,${svg.toString("base64")}")`;
  });
}
fs.writeFileSync(out, text);
