// The TypeScript declarations agree with what the engine outputs: every key
// the roadmap JSON carries is declared on its interface (or the interface
// says it takes more), and every key declared as required is there. Run on
// `ce-roadmap eval` for profiles that reach every part of the output.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { spawnSync } from "node:child_process";

const AS_OF = "2026-11-21";
const dts = readFileSync("www/ce-roadmap.d.ts", "utf8");

// A type: an interface by name, an inline object `{ ... }`, or a leaf; `[]` for lists.
function parseFields(body) {
  const fields = {};
  let open = false;
  // Split on ';' and newlines at brace depth 0.
  let depth = 0, cur = "";
  const parts = [];
  for (const ch of body.replace(/\/\*\*[\s\S]*?\*\//g, "")) {
    if (ch === "{") depth++;
    if (ch === "}") depth--;
    if (depth === 0 && (ch === ";" || ch === "\n")) { parts.push(cur); cur = ""; } else cur += ch;
  }
  parts.push(cur);
  for (const p of parts.map((s) => s.trim()).filter(Boolean)) {
    if (/^\[\w+: string\]/.test(p)) { open = true; continue; }
    const m = p.match(/^(\w+)(\?)?:\s*([\s\S]+)$/);
    if (m) fields[m[1]] = { optional: !!m[2], type: m[3].trim() };
  }
  return { fields, open };
}

const interfaces = {};
// One-line interfaces (`{ ja: string; en: string }`) and multi-line ones.
for (const m of dts.matchAll(/^export interface (\w+) \{(?:([^\n]*)\}|\n([\s\S]*?)\n\})/gm)) {
  interfaces[m[1]] = parseFields(m[2] ?? m[3]);
}

// String unions by name (`export type Status = "held" | ...`), so values are checked too.
const unions = {};
for (const m of dts.matchAll(/^export type (\w+) =([^;]*);/gm)) {
  const values = [...m[2].matchAll(/"([^"]*)"/g)].map((v) => v[1]);
  if (values.length && !/[^\s|"\w-]/.test(m[2].replace(/"[^"]*"/g, ""))) unions[m[1]] = values;
}

// The values a leaf type allows, when it is a union of strings (named or written inline).
function allowed(type) {
  const t = type.replace(/\s*\|\s*null$/, "").replace(/\[\]$/, "").trim();
  if (unions[t]) return unions[t];
  const m = t.match(/^"[^"]*"(\s*\|\s*"[^"]*")*$/);
  return m ? [...t.matchAll(/"([^"]*)"/g)].map((v) => v[1]) : null;
}

// The shape behind a type text: an interface, an inline object, or null (a leaf).
function shapeOf(type) {
  const t = type.replace(/\s*\|\s*null$/, "").replace(/\[\]$/, "");
  if (interfaces[t]) return interfaces[t];
  const inline = t.match(/^\{([\s\S]*)\}$/);
  return inline ? parseFields(inline[1]) : null;
}

function check(value, shape, path, problems) {
  if (Array.isArray(value)) { value.forEach((v, i) => check(v, shape, `${path}[${i}]`, problems)); return; }
  if (value === null || typeof value !== "object" || !shape) return;
  for (const [k, v] of Object.entries(value)) {
    const f = shape.fields[k];
    if (!f) { if (!shape.open) problems.push(`${path}.${k} is not declared`); continue; }
    const values = allowed(f.type);
    for (const x of [v].flat()) {
      if (values && typeof x === "string" && !values.includes(x)) problems.push(`${path}.${k} = "${x}" is not in ${f.type}`);
    }
    check(v, shapeOf(f.type), `${path}.${k}`, problems);
  }
  for (const [k, f] of Object.entries(shape.fields)) {
    if (!f.optional && !(k in value)) problems.push(`${path}.${k} is declared required but missing`);
  }
}

function evalJson(profile) {
  const bin = process.env.CE_ROADMAP_BIN || "target/release/ce-roadmap";
  const r = spawnSync(bin, ["eval", "--profile", "-", "--as-of", AS_OF], { input: JSON.stringify(profile), encoding: "utf8" });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout);
}

const profiles = [
  {},
  { stage: "student", school: { years: 3, start_year: 2025 }, plan_areas: ["blood_purification", "intensive_care"] },
  { stage: "prospective", school: { years: 4, start_year: 2027 }, plan_areas: ["blood_purification", "respiratory"] },
  { stage: "licensed", licences: ["ce"], experience: { blood_purification: 2.5, intensive_care: 1, cardiac_cath: 3 },
    membership: { jacet: 3, jhrs: 1 }, cases: { cath_assists: 120, pci_assists: 60 }, case_rates: { cath_assists: 50 },
    units: { jacet: 25 }, courses: ["dialysis_course", "jacet_orientation"], held: ["me2", "hcit", "cdr"], held_since: { hcit: 2022 }, passed_exams: ["jacet_spec_respiratory"],
    targets: ["senior_hcit", "jsicm_intensive_care"] },
];

test("the d.ts declares every key of the roadmap JSON and every kind string, and the required keys are always there", () => {
  assert.ok(interfaces.Roadmap && interfaces.Criterion && interfaces.PlanStep, "interfaces found in the d.ts");
  // The checker itself: an undeclared key and a missing required one are both caught.
  const probe = [];
  check({ kind: "x", extra: 1 }, interfaces.SubCount, "probe", probe);
  assert.ok(probe.some((p) => /extra is not declared/.test(p)) && probe.some((p) => /have is declared required/.test(p)), probe.join("\n"));
  // And a string outside its declared union.
  const bad = [];
  check({ kind: "no_such_kind", met: true, waiting: false, have: null, need: null, source: null, text: {} }, interfaces.Criterion, "probe", bad);
  assert.ok(bad.some((p) => /"no_such_kind" is not in CriterionKind/.test(p)), bad.join("\n"));
  assert.ok(unions.BlockerKind && unions.AssumptionKind && unions.Action, "unions found in the d.ts");
  const problems = [];
  for (const p of profiles) check(evalJson(p), interfaces.Roadmap, "roadmap", problems);
  assert.deepEqual([...new Set(problems.map((p) => p.replace(/\[\d+\]/g, "[]")))], []);
});
