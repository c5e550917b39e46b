// The embed options have one source: crates/web/options.json. From it this script
//   --write           writes EMBEDDING.md's options table and the MountOptions interface in
//                     www/ce-roadmap.d.ts (between their "options" markers);
//   --loader FILE     inlines the attribute table into a built loader (scripts/build);
//   (no flag)         checks that those two files are as written, that the loader reads
//                     attributes through the inlined table, and that embed.rs (with the
//                     shared readers of crates/js/src/options.rs) reads exactly
//                     the options of the table (with the same defaults). Exit 1 on drift.
// tests/e2e/options.test.mjs runs the check, so the test command fails on drift.
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const read = (f) => readFileSync(join(ROOT, f), "utf8");

export const FILES = {
  table: "crates/web/options.json",
  embedding: "EMBEDDING.md",
  dts: "www/ce-roadmap.d.ts",
  loader: "www/ce-roadmap.js",
  embed: "crates/web/src/embed.rs",
  // Where the options every entry point shares (`asOf`) are read.
  shared: "crates/js/src/options.rs",
};
// Keys the loader itself hands to the wasm (not options a host sets).
const INTERNAL = ["rulesName", "rulesError", "rulesBytes"];
const PLACEHOLDER = '"__CE_ROADMAP_OPTIONS__"';

export function options() {
  return JSON.parse(read(FILES.table)).options;
}

function markdownTable(rows) {
  const head = "| attribute | option (JS) | values | default | what it does |\n|---|---|---|---|---|\n";
  return head + rows.map((o) =>
    `| ${o.attr ? "`" + o.attr + "`" : "—"} | \`${o.js}\` | ${o.values}${o.attr && o.ts === "boolean" ? " (JS: `true`, `false`)" : ""} | ${o.default} | ${o.doc} |`).join("\n") + "\n";
}

function mountOptions(rows) {
  return rows.map((o) => `  /** ${o.doc.replaceAll("*/", "*\\/")} Default: ${o.ts === "boolean" ? o.flag : o.default}. */\n  ${o.js}?: ${o.ts};`).join("\n") + "\n";
}

/** The attributes the loader reads: [attribute, option, 1 for on/off flags]. */
export function loaderTable(rows) {
  return rows.filter((o) => o.attr).map((o) => [o.attr, o.js, o.ts === "boolean" ? 1 : 0]);
}

const BLOCKS = [
  { file: FILES.embedding, begin: "<!-- options: generated from crates/web/options.json by `node scripts/options.mjs --write` -->\n", end: "<!-- /options -->", body: markdownTable },
  { file: FILES.dts, begin: "  // options: generated from crates/web/options.json by `node scripts/options.mjs --write`\n", end: "  // /options", body: mountOptions },
];

function splice(text, block, body, file) {
  const i = text.indexOf(block.begin);
  const j = text.indexOf(block.end, i + 1);
  if (i < 0 || j < 0) throw new Error(`${file}: the options markers are missing`);
  return text.slice(0, i + block.begin.length) + body + text.slice(j);
}

/** Every difference between the table and the places that follow it, as sentences. */
export function drift() {
  const rows = options();
  const problems = [];
  for (const b of BLOCKS) {
    const text = read(b.file);
    if (splice(text, b, b.body(rows), b.file) !== text) {
      problems.push(`${b.file}: the options block differs from ${FILES.table}; run \`node scripts/options.mjs --write\``);
    }
  }
  const loader = read(FILES.loader);
  if (!loader.includes(`const OPTIONS = ${PLACEHOLDER};`)) {
    problems.push(`${FILES.loader}: no \`const OPTIONS = ${PLACEHOLDER};\` for the build to fill`);
  }
  // What embed.rs reads (itself or through the shared readers), and the default of each flag.
  const embed = read(FILES.embed) + read(FILES.shared);
  const reads = new Map();
  for (const m of embed.matchAll(/\b(string|boolean)\(\s*&?options,\s*"([A-Za-z]+)"(?:,\s*(true|false))?\)/g)) {
    reads.set(m[2], { kind: m[1], flag: m[3] === undefined ? undefined : m[3] === "true" });
  }
  for (const o of rows) {
    if (o.loaderOnly) continue;
    const r = reads.get(o.js);
    if (!r) problems.push(`${FILES.embed}: option \`${o.js}\` is in the table but never read`);
    else if (o.ts === "boolean" && (r.kind !== "boolean" || r.flag !== o.flag)) {
      problems.push(`${FILES.embed}: \`${o.js}\` should be read with boolean(options, "${o.js}", ${o.flag})`);
    }
  }
  for (const name of reads.keys()) {
    if (!INTERNAL.includes(name) && !rows.some((o) => o.js === name && !o.loaderOnly)) {
      problems.push(`${FILES.embed}: reads \`${name}\`, which is not in ${FILES.table}`);
    }
  }
  return problems;
}

const args = process.argv.slice(2);
if (import.meta.url === `file://${process.argv[1]}`) {
  if (args[0] === "--write") {
    const rows = options();
    for (const b of BLOCKS) writeFileSync(join(ROOT, b.file), splice(read(b.file), b, b.body(rows), b.file));
    console.log(`wrote the options from ${FILES.table} into ${BLOCKS.map((b) => b.file).join(" and ")}`);
  } else if (args[0] === "--loader") {
    const text = readFileSync(args[1], "utf8");
    if (!text.includes(PLACEHOLDER)) throw new Error(`${args[1]} has no options placeholder`);
    writeFileSync(args[1], text.replace(PLACEHOLDER, () => JSON.stringify(loaderTable(options()))));
  } else {
    const problems = drift();
    for (const p of problems) console.error(p);
    if (problems.length) process.exit(1);
    console.log(`the embed options agree with ${FILES.table}`);
  }
}
