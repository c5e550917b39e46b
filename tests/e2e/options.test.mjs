// The embed options have one source (crates/web/options.json): EMBEDDING.md's table, the d.ts,
// the loader and embed.rs must follow it (scripts/options.mjs says how they drift).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { drift, loaderTable, options } from "../../scripts/options.mjs";

test("the embed options agree everywhere with crates/web/options.json", () => {
  assert.deepEqual(drift(), []);
});

test("the built loader carries the attribute table, and only attributes in it are observed", () => {
  const built = readFileSync("dist/ce-roadmap.js", "utf8");
  assert.ok(!built.includes("__CE_ROADMAP_OPTIONS__"), "the placeholder was filled at build");
  const attrs = loaderTable(options()).map(([a]) => a);
  assert.deepEqual(attrs, ["lang", "mode", "areas", "route", "fees", "rules", "fallback", "save", "as-of"]);
  for (const a of attrs) assert.ok(built.includes(JSON.stringify(a)), `built loader names ${a}`);
});
