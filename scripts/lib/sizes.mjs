// Sizes of what a host page transfers: raw, gzip -9 and brotli (quality 11).
// Shared by the benchmark (scripts/bench) and the size budget check (scripts/size-check).
import { readFileSync } from "node:fs";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";

/// What one widget load transfers. The stylesheet is inlined in the loader and the
/// default rules are embedded in the wasm, so these three are the whole transfer.
export const SHIPPED = ["ce-roadmap.js", "ce_roadmap_wasm.js", "ce_roadmap_wasm_bg.wasm"];
export const BUDGET_BROTLI = 80 * 1024;
/// Issue 12's first load: what a page with the plain snippet fetches before the widget's first
/// screen. The screens are prerendered into the loader, so that is the loader alone.
export const FIRST_LOAD = ["ce-roadmap.js"];
export const FIRST_LOAD_BUDGET_BROTLI = 90 * 1024;
/// The rule compiler module: fetched only by pages with a JSON rule file (issue 12: ≤ 40 KB more).
export const COMPILER = ["ce_roadmap_compiler.js", "ce_roadmap_compiler_bg.wasm"];
export const COMPILER_BUDGET_BROTLI = 40 * 1024;

export function sizeOf(path) {
  const body = readFileSync(path);
  return {
    raw: body.length,
    gzip: gzipSync(body, { level: 9 }).length,
    brotli: brotliCompressSync(body, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
    }).length,
  };
}

/// The evaluation module: fetched only by the JS API's `evaluate()`. No budget of its own
/// (issue 12 names none); held to its baseline like the others.
export const EVAL = ["ce_roadmap_eval.js", "ce_roadmap_eval_bg.wasm"];

export function evalSizes(dir = "dist") {
  return shippedSizes(dir, EVAL);
}

export function compilerSizes(dir = "dist") {
  return shippedSizes(dir, COMPILER);
}

export function shippedSizes(dir = "dist", names = SHIPPED) {
  const files = Object.fromEntries(names.map((f) => [f, sizeOf(`${dir}/${f}`)]));
  const total = { raw: 0, gzip: 0, brotli: 0 };
  for (const s of Object.values(files)) for (const k of Object.keys(total)) total[k] += s[k];
  return { files, total };
}

export const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
