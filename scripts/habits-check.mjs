// Size habits of the browser build that clippy cannot see, checked on the built module.
// The widget's module must carry neither core's float formatting (`{}` of an f64: use
// `num::plain`) nor its float parsing (`str::parse::<f64>`: use `input::parse_number`);
// ARCHITECTURE.md "Size". Read from the names that scripts/build keeps in
// target/bindgen (the shipped dist/ copy has none). Run by scripts/test after the build.
import { readFileSync } from "node:fs";

const MODULE = process.argv[2] ?? "target/bindgen/ce_roadmap_wasm_bg.wasm";
const FORBIDDEN = [
  ["flt2dec", "core's float formatting (write numbers with num::plain)"],
  ["dec2flt", "core's float parsing (parse with input::parse_number)"],
];

const bytes = readFileSync(MODULE);
// Without function names (a stripped build) the check would pass on anything.
if (!bytes.includes("ce_roadmap_core")) {
  console.error(`${MODULE}: no function names to check`);
  process.exit(1);
}
const found = FORBIDDEN.filter(([needle]) => bytes.includes(needle));
for (const [needle, what] of found) console.error(`${MODULE}: carries ${what} (a function named *${needle}*)`);
if (found.length) process.exit(1);
console.log(`${MODULE}: no float formatting or parsing from core`);
