// Cuts the Marianne web fonts down to the characters the dashboard can show (hb-subset through
// the npm package subset-font), in two files a weight, so that the first screen downloads only
// the characters of the dashboard's own words.
// The characters kept: printable ASCII, Latin-1 and the French typography's marks and spaces (so
// that names in any export of the programme keep their font), and every character of the given
// files. They go in two files a weight, told apart by the stylesheet's `unicode-range`:
// - `Marianne-<weight>.woff2`: printable ASCII, the typography's marks, the
//   letters of French and every character of the dashboard's words (the `--words` files, their
//   `\u{…}` escapes read);
// - `Marianne-<weight>.rest.woff2`: the others (letters of Latin-1 and signs only the export's
//   texts bring), asked for by the browser only when a page shows one of them.
// The stylesheet's `@font-face` rules of each Marianne woff2 are rewritten in place: the rule
// takes the first range, and a copy after it takes the rest's file and range.
// The list of characters kept goes to <characters out>, for the end-to-end test that reads the
// page's text against it (tests/e2e.rs).
// Usage: node font-subset.mjs <subset-font module dir> <fonts dir> <characters out> <stylesheet>
//        --words <file>... --data <file>...
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";

const [moduleDir, fontsDir, charactersOut, stylesheet, ...lists] = process.argv.slice(2);
const subsetFont = createRequire(import.meta.url)(path.resolve(moduleDir));
const words = lists.slice(lists.indexOf("--words") + 1, lists.indexOf("--data"));
const data = lists.slice(lists.indexOf("--data") + 1);
if (!stylesheet || lists.indexOf("--words") !== 0 || words.length === 0 || data.length === 0) {
  process.stderr.write("usage: node font-subset.mjs <module> <fonts> <characters out> <stylesheet> --words <file>... --data <file>...\n");
  process.exit(2);
}

const range = (set, first, last) => {
  for (let code = first; code <= last; code++) set.add(String.fromCodePoint(code));
};
const addAll = (set, text) => {
  for (const c of text) set.add(c);
};
// A JSON file's keys and strings as read (escapes such as \u2003 undone).
const walk = (set, value) => {
  if (typeof value === "string") addAll(set, value);
  else if (value && typeof value === "object") {
    for (const [key, inner] of Object.entries(value)) {
      addAll(set, key);
      walk(set, inner);
    }
  }
};

// The first file's characters.
const first = new Set();
range(first, 0x20, 0x7e);
// Every width of space (an em space in a défi's description, thin spaces in figures).
range(first, 0xa0, 0xa0);
range(first, 0x2000, 0x200a);
// The letters of French, both cases (a name of a region or a town brings « Î » or « Ç »).
addAll(first, "àâäæçéèêëîïôöùûüÿœÀÂÄÆÇÉÈÊËÎÏÔÖÙÛÜŸŒ");
// The typographic quotes, dashes, ellipsis, bullet, euro, arrows, signs, the narrow no-break space
// and the word joiner that French text and the dashboard's words use.
addAll(first, "‘’‚“”„‹›–—…•€→←↑↓↗↘×−≤≥≈·\u202f\u2060");
for (const file of words) {
  const text = fs.readFileSync(file, "utf8");
  addAll(first, text);
  // Rust's escapes (`\u{202F}`) say characters too.
  for (const [, hex] of text.matchAll(/\\u\{([0-9a-fA-F]{1,6})\}/g)) {
    const code = parseInt(hex, 16);
    if (code <= 0x10ffff && (code < 0xd800 || code > 0xdfff)) first.add(String.fromCodePoint(code));
  }
}

// Every character kept: the first file's, Latin-1 and the data's.
const kept = new Set(first);
range(kept, 0xa0, 0xff);
for (const file of data) {
  const text = fs.readFileSync(file, "utf8");
  addAll(kept, text);
  if (file.endsWith(".json")) walk(kept, JSON.parse(text));
}

// Controls are not glyphs.
const glyphs = (set) => [...set].filter((c) => c.codePointAt(0) >= 0x20).sort();
const firstText = glyphs(first).join("");
const restText = glyphs(kept).filter((c) => !first.has(c)).join("");
const count = (text) => [...text].length;

/** `text`'s code points as a CSS `unicode-range`: runs of consecutive code points merged. */
const unicodeRange = (text) => {
  const codes = [...new Set([...text].map((c) => c.codePointAt(0)))].sort((a, b) => a - b);
  const runs = [];
  for (const code of codes) {
    const last = runs[runs.length - 1];
    if (last && last[1] === code - 1) last[1] = code;
    else runs.push([code, code]);
  }
  const hex = (code) => code.toString(16).toUpperCase();
  return runs.map(([a, b]) => (a === b ? `U+${hex(a)}` : `U+${hex(a)}-${hex(b)}`)).join(",");
};

// Without hinting (browsers on screens of today draw Marianne's outlines unhinted or re-hint them)
// and with the OpenType features the page's text asks for alone: kerning, the local forms, and
// tabular figures (`font-variant-numeric: tabular-nums` in style.css); not the fractions,
// superscripts, ordinals and stylistic sets no rule asks for. A first file of Marianne Regular
// goes from 17.0 to 9.9 kB.
const SUBSET_OPTIONS = { targetFormat: "woff2", noHinting: true, keepFeatures: ["kern", "locl", "tnum"] };

for (const name of fs.readdirSync(fontsDir)) {
  if (!/^Marianne-[A-Za-z_]+\.woff2$/.test(name)) continue;
  const file = path.join(fontsDir, name);
  const whole = fs.readFileSync(file);
  const cut = await subsetFont(whole, firstText, SUBSET_OPTIONS);
  const rest = await subsetFont(whole, restText, SUBSET_OPTIONS);
  fs.writeFileSync(file, cut);
  fs.writeFileSync(file.replace(/\.woff2$/, ".rest.woff2"), rest);
  process.stderr.write(`[fonts] ${name}: ${whole.length} → ${cut.length} bytes, and ${rest.length} for the rest\n`);
}

// Each Marianne rule: the first range on it, the rest's file and range on a copy after it.
const css = fs.readFileSync(stylesheet, "utf8");
let rules = 0;
const rewritten = css.replace(/@font-face\s*\{[^}]*\}/g, (rule) => {
  const woff2 = rule.match(/url\((fonts\/Marianne-[A-Za-z_]+)\.woff2\)/);
  if (!woff2) return rule;
  rules += 1;
  const firstRule = rule.replace(/\}$/, `;unicode-range:${unicodeRange(firstText)}}`);
  const restRule = rule
    .replace(`url(${woff2[1]}.woff2)`, `url(${woff2[1]}.rest.woff2)`)
    .replace(/\}$/, `;unicode-range:${unicodeRange(restText)}}`);
  return firstRule + restRule;
});
if (rules === 0) {
  process.stderr.write(`[fonts] no Marianne @font-face rule in ${stylesheet}\n`);
  process.exit(1);
}
fs.writeFileSync(stylesheet, rewritten);
fs.writeFileSync(charactersOut, glyphs(kept).join(""));
process.stderr.write(`[fonts] ${count(firstText)} characters in the first files, ${count(restText)} in the rest; ${rules} rules split\n`);
