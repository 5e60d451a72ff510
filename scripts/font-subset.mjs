// Cuts the Marianne web fonts down to the characters the dashboard can show (hb-subset through
// the npm package subset-font), so that a weight weighs about 21 kB instead of 41.
// The characters: printable ASCII, Latin-1 and the French typography's marks and spaces (so that
// names in any export of the programme keep their font), and every character of the given files
// (the dashboard's words in its sources, the embedded export). The list is written out for the
// end-to-end test that reads the page's text against it (tests/e2e.rs).
// Usage: node font-subset.mjs <subset-font module dir> <fonts dir> <characters out> <file>...
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";

const [moduleDir, fontsDir, charactersOut, ...files] = process.argv.slice(2);
const subsetFont = createRequire(import.meta.url)(path.resolve(moduleDir));

const characters = new Set();
const range = (first, last) => {
  for (let code = first; code <= last; code++) characters.add(String.fromCodePoint(code));
};
range(0x20, 0x7e);
range(0xa0, 0xff);
// Every width of space (an em space in a défi's description, thin spaces in figures).
range(0x2000, 0x200a);
// Œ œ Ÿ, the typographic quotes, dashes, ellipsis, bullet, euro, arrows, signs, the narrow no-break
// space and the word joiner that French text and the dashboard's words use.
for (const c of "ŒœŸ‘’‚“”„‹›–—…•€→←↑↓↗↘×−≤≥≈·\u202f\u2060") characters.add(c);
const addAll = (text) => {
  for (const c of text) characters.add(c);
};
// A JSON file's keys and strings as read (escapes such as \u2003 undone).
const walk = (value) => {
  if (typeof value === "string") addAll(value);
  else if (value && typeof value === "object") {
    for (const [key, inner] of Object.entries(value)) {
      addAll(key);
      walk(inner);
    }
  }
};
for (const file of files) {
  const text = fs.readFileSync(file, "utf8");
  addAll(text);
  if (file.endsWith(".json")) walk(JSON.parse(text));
}
// Controls are not glyphs.
const text = [...characters].filter((c) => c.codePointAt(0) >= 0x20).sort().join("");

for (const name of fs.readdirSync(fontsDir)) {
  if (!/^Marianne-.*\.woff2$/.test(name)) continue;
  const file = path.join(fontsDir, name);
  const whole = fs.readFileSync(file);
  const cut = await subsetFont(whole, text, { targetFormat: "woff2" });
  fs.writeFileSync(file, cut);
  process.stderr.write(`[fonts] ${name}: ${whole.length} → ${cut.length} bytes\n`);
}
fs.writeFileSync(charactersOut, text);
