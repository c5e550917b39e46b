// The benchmark: sizes, first render, input-to-paint, evaluation in the browser,
// a 1,000-credential catalogue, wasm memory. Prints a table and writes
// target/bench/bench.json. Figures, not assertions: this machine is shared and noisy.
// Run through scripts/bench, which builds dist/ and the native figures first.
import { readFileSync, writeFileSync, mkdirSync, existsSync } from "node:fs";
import { serve, browser, AS_OF } from "../tests/e2e/harness.mjs";
import { shippedSizes, compilerSizes, BUDGET_BROTLI, COMPILER_BUDGET_BROTLI, FIRST_LOAD, FIRST_LOAD_BUDGET_BROTLI, kb } from "./lib/sizes.mjs";
import { stats, page, firstRender, firstScreen, inputToPaint, demoUrl } from "./lib/measures.mjs";

const LOADS = Number(process.env.BENCH_LOADS || 10);
const INPUTS = Number(process.env.BENCH_INPUTS || 50);
const OUT = "target/bench";
const PROFILE = JSON.stringify({
  as_of: AS_OF, stage: "licensed", licences: ["ce"],
  experience: { blood_purification: 2.5, intensive_care: 1, respiratory: 3 },
  membership: { jacet: 3, jhrs: 1 }, cases: { cath_assists: 120, pci_assists: 60 },
  units: { jacet: 25 }, courses: ["dialysis_course", "jacet_orientation"], held: ["me2"],
});

/// Evaluation inside the shipped evaluation module (benchEvaluate), per call in µs.
/// `compiled`: rules from `ce-roadmap compile` (bytes), else the embedded ones.
/// `judgeOnly`: the evaluation alone (`judge`: no dates, no plan).
async function wasmEval(p, compiled, batch, rounds, judgeOnly = false) {
  const ms = await p.evaluate(async ({ profile, compiled, batch, rounds, judgeOnly }) => {
    const glue = await import("./ce_roadmap_eval.js");
    await glue.default({ module_or_path: "./ce_roadmap_eval_bg.wasm" });
    const rules = compiled && new Uint8Array(compiled);
    profile = JSON.parse(profile);
    glue.benchEvaluate(profile, rules, 1, judgeOnly); // decode and warm up
    const out = [];
    for (let i = 0; i < rounds; i++) out.push(glue.benchEvaluate(profile, rules, batch, judgeOnly) / batch);
    return out;
  }, { profile: PROFILE, compiled, batch, rounds, judgeOnly });
  return stats(ms.map((x) => x * 1000));
}

/// Mounting a widget with the 1,000-credential rule file until its roadmap is in a frame,
/// and until every card is (the widget builds the first cards for the first frame and the
/// rest a step per frame). The file is parsed once beforehand (cached by its text), so
/// this is evaluation and render.
async function bigRender(p, rulesText, rounds) {
  return p.evaluate(async ({ rulesText, rounds, asOf }) => {
    const api = window.CeRoadmap;
    const times = [], all = [];
    let cards = 0, firstCards = 0;
    for (let i = 0; i <= rounds; i++) {
      const el = document.createElement("div");
      document.body.append(el);
      const t0 = performance.now();
      const w = await api.mount(el, { rulesText, mode: "licensed", asOf, lang: "ja" });
      const count = () => el.shadowRoot.querySelectorAll("article.cer-card").length;
      const frameWith = (enough) => new Promise((ok) => {
        const tick = () => (enough(count()) ? ok() : requestAnimationFrame(tick));
        requestAnimationFrame(tick);
      });
      await frameWith((n) => n > 0);
      const first = performance.now() - t0;
      firstCards = count();
      await frameWith((n) => n >= 1000);
      if (i > 0) { times.push(first); all.push(performance.now() - t0); } // round 0 parses the file
      cards = count();
      w.destroy();
      el.remove();
    }
    return { times, all, cards, firstCards };
  }, { rulesText, rounds, asOf: AS_OF });
}

/// A host's JSON rule file on a page that has not used one yet: the rule compiler
/// fetched and instantiated, the file parsed, checked and compiled, then evaluated.
async function jsonRulesCost(b, url, text, rounds) {
  const first = [], again = [];
  for (let i = 0; i < rounds; i++) {
    const p = await page(b, url, 1);
    const t = await p.evaluate(async ({ text, profile }) => {
      const api = window.CeRoadmap;
      const run = async (rules) => {
        const t0 = performance.now();
        await api.evaluate(JSON.parse(profile), rules === undefined ? {} : { rules });
        return performance.now() - t0;
      };
      await run(undefined); // the widget's module warm, as on a page that shows the widget
      const plain = await run(undefined);
      const cold = await run(text);
      const warm = await run(text + " "); // compiler loaded; this text compiled anew
      return { cold: cold - plain, warm: warm - plain };
    }, { text, profile: PROFILE });
    first.push(t.cold);
    again.push(t.warm);
    await p.context().close();
  }
  return { first: stats(first), again: stats(again) };
}

/// The embedded rules' cost at start: the first `version()` in a fresh page (it reads
/// the default rules: decoding the compiled form), after the module is instantiated.
async function defaultRulesAtStart(b, url, rounds) {
  const times = [];
  for (let i = 0; i < rounds; i++) {
    const ctx = await b.newContext();
    const p = await ctx.newPage();
    await p.goto(new URL("ce-roadmap.css", url).href); // same origin, no widget
    times.push(await p.evaluate(async () => {
      const glue = await import("./ce_roadmap_wasm.js");
      await glue.default({ module_or_path: "./ce_roadmap_wasm_bg.wasm" });
      const t0 = performance.now();
      glue.version();
      return performance.now() - t0;
    }));
    await ctx.close();
  }
  return stats(times);
}

async function memory(p) {
  return p.evaluate(async () => {
    const glue = await import("./ce_roadmap_wasm.js");
    const exports = await glue.default(); // already initialised: returns the instance's exports
    return exports.memory.buffer.byteLength;
  });
}

const rows = [];
const row = (name, figure, budget, ok, extra = "") => rows.push({ name, figure, budget, status: ok === undefined ? "" : ok ? "within" : "OVER", extra });
const ms = (x) => `${x.toFixed(x < 10 ? 2 : 0)} ms`;
const spread = (s) => `min ${ms(s.min)}, p10 ${ms(s.p10)}, p90 ${ms(s.p90)}, max ${ms(s.max)}, n=${s.n}`;
const us = (x) => `${x.toFixed(1)} µs`;

mkdirSync(OUT, { recursive: true });
const result = { date: new Date().toISOString(), machine: `${process.platform} ${process.arch}` };

// Sizes.
const sizes = shippedSizes("dist");
result.sizes = sizes;
for (const [f, s] of Object.entries(sizes.files)) row(`size: ${f}`, `${kb(s.brotli)} br`, "", undefined, `raw ${s.raw} B, gzip ${s.gzip} B, brotli ${s.brotli} B`);
const firstLoad = FIRST_LOAD.reduce((n, f) => n + sizes.files[f].brotli, 0);
result.first_load_brotli = firstLoad;
row("size: first load (before the first screen: the loader, screens inlined)", `${kb(firstLoad)} br`, `≤ ${kb(FIRST_LOAD_BUDGET_BROTLI)}`,
  firstLoad <= FIRST_LOAD_BUDGET_BROTLI, FIRST_LOAD.join(" + "));
row("size: the live widget (loader, glue and wasm)", `${kb(sizes.total.brotli)} br`, `≤ ${kb(BUDGET_BROTLI)}`, sizes.total.brotli <= BUDGET_BROTLI,
  `raw ${sizes.total.raw} B, gzip ${sizes.total.gzip} B, brotli ${sizes.total.brotli} B`);
const compiler = compilerSizes("dist");
result.compiler_sizes = compiler;
row("size: rule compiler (only for JSON rule files)", `${kb(compiler.total.brotli)} br`, `≤ ${kb(COMPILER_BUDGET_BROTLI)}`,
  compiler.total.brotli <= COMPILER_BUDGET_BROTLI,
  Object.entries(compiler.files).map(([f, s]) => `${f} ${s.brotli} B`).join(", "));

// Native figures from `ce-roadmap bench --json`.
if (existsSync(`${OUT}/native.json`)) {
  const native = JSON.parse(readFileSync(`${OUT}/native.json`, "utf8")).native;
  result.native = native;
  for (const f of native) {
    if (!["full_catalogue_judge", "full_catalogue_eval", "prospective_routes_eval", "student_one_course_eval", "catalogue_1000_eval"].includes(f.key)) continue;
    const fmt = (ns) => (ns >= 1e6 ? ms(ns / 1e6) : us(ns / 1e3));
    row(`native: ${f.name}`, fmt(f.median_ns), f.budget_ns ? `≤ ${fmt(f.budget_ns)}` : "", f.within_budget ?? undefined,
      `p10 ${fmt(f.p10_ns)}, p90 ${fmt(f.p90_ns)}`);
  }
}

const server = await serve();
const b = await browser();
try {
  const url = demoUrl(server.url);
  for (const [rate, budget] of [[1, 50], [4, 150]]) {
    const f = await firstScreen(b, server.url, rate, LOADS);
    result[`first_screen_after_fcp_${rate}x_ms`] = f.after_fcp;
    result[`first_screen_live_${rate}x_ms`] = f.live;
    row(`first screen painted after the host's FCP, ${rate}× CPU (snippet page, ${LOADS} cold loads)`, ms(f.after_fcp.median), `≤ ${budget} ms`,
      f.after_fcp.median <= budget, `${spread(f.after_fcp)}; host FCP median ${ms(f.fcp.median)}`);
    row(`  the live widget in its place, from navigation, ${rate}× CPU`, ms(f.live.median), "", undefined, spread(f.live));
    result[`first_screen_takeover_cls_${rate}x`] = f.cls;
    row(`  layout shift from the first screen to the live widget (CLS), ${rate}× CPU`, f.cls.max.toFixed(4), "0", f.cls.max === 0,
      `max over ${f.cls.n} loads`);
  }
  {
    // A phone's connection (files served uncompressed): the first screen needs the loader only.
    const net = { kbps: 1600, rtt: 150 };
    const f = await firstScreen(b, server.url, 1, Math.min(LOADS, 5), net);
    result.first_screen_after_fcp_slow_network_ms = f.after_fcp;
    result.first_screen_live_slow_network_ms = f.live;
    row(`first screen painted after the host's FCP, 1.6 Mbit/s and 150 ms round trips`, ms(f.after_fcp.median), "", undefined,
      `${spread(f.after_fcp)}; host FCP median ${ms(f.fcp.median)}`);
    row(`  the live widget in its place, from navigation, same network`, ms(f.live.median), "", undefined, spread(f.live));
  }
  for (const [rate, budget] of [[1, 300], [4, 1000]]) {
    const { frame, painted } = await firstRender(b, url, rate, LOADS);
    result[`first_render_${rate}x_ms`] = painted;
    result[`first_frame_${rate}x_ms`] = frame;
    row(`first roadmap painted (link answers), ${rate}× CPU (${LOADS} cold loads)`, ms(painted.median), `≤ ${budget} ms`, painted.median <= budget, spread(painted));
    row(`  its frame begins (rAF), ${rate}× CPU`, ms(frame.median), "", undefined, spread(frame));
  }
  const itp = await inputToPaint(b, url, 4, INPUTS);
  result.input_to_paint_4x_ms = itp;
  row(`input-to-paint, 4× CPU (${INPUTS} stepper clicks)`, ms(itp.median), "≤ 16 ms", itp.median <= 16, spread(itp));

  const start = await defaultRulesAtStart(b, url, 15);
  result.default_rules_at_start_ms = start;
  row("default rules at start (decoded), 1× CPU", ms(start.median), "", undefined, spread(start));
  const json = await jsonRulesCost(b, url, readFileSync("www/rules/association.json", "utf8"), 5);
  result.json_rules_added_ms = json;
  row("a JSON rule file: compiler fetched, file checked (added)", ms(json.first.median), "", undefined, spread(json.first));
  row("  a second JSON rule file, compiler loaded (added)", ms(json.again.median), "", undefined, spread(json.again));

  const p = await page(b, url, 1);
  result.wasm_memory_after_load_bytes = await memory(p);
  row("wasm memory after load", kb(result.wasm_memory_after_load_bytes), "≤ 4096.0 KB", result.wasm_memory_after_load_bytes <= 4 << 20);
  // Issue 12 budgets evaluation in wasm at 50 µs: the evaluation alone (judge); the
  // widget's call also dates each credential and plans, printed beside it.
  const judged = await wasmEval(p, undefined, 200, 31, true);
  result.wasm_full_catalogue_judge_us = judged;
  row("wasm: full catalogue: judge alone (no dates, no plan)", us(judged.median), "≤ 50.0 µs", judged.median <= 50, `p10 ${us(judged.p10)}, p90 ${us(judged.p90)}`);
  const full = await wasmEval(p, undefined, 200, 31);
  result.wasm_full_catalogue_eval_us = full;
  row("wasm: full catalogue: evaluate, plan included", us(full.median), "", undefined, `p10 ${us(full.p10)}, p90 ${us(full.p90)}`);

  const big = readFileSync(`${OUT}/catalogue-1000.json`, "utf8");
  const bigEval = await wasmEval(p, [...readFileSync(`${OUT}/catalogue-1000.bin`)], 5, 21);
  result.wasm_catalogue_1000_eval_us = bigEval;
  row("wasm: 1,000 credentials: evaluate", ms(bigEval.median / 1000), "≤ 1 ms", bigEval.median <= 1000,
    `p10 ${ms(bigEval.p10 / 1000)}, p90 ${ms(bigEval.p90 / 1000)}`);
  const render = await bigRender(p, big, 10);
  const r = stats(render.times);
  const a = stats(render.all);
  result.catalogue_1000_render_ms = { ...r, cards: render.firstCards };
  result.catalogue_1000_all_cards_ms = { ...a, cards: render.cards };
  row("1,000 credentials: mount to roadmap in a frame", ms(r.median), "≤ 100 ms", r.median <= 100, `${render.firstCards} cards in that frame; ${spread(r)}`);
  row("  and to every card in a frame", ms(a.median), "", undefined, `${render.cards} cards; ${spread(a)}`);
  result.wasm_memory_after_big_bytes = await memory(p);
  row("wasm memory after the 1,000-credential runs", kb(result.wasm_memory_after_big_bytes), "", undefined);
  await p.context().close();
} finally {
  await b.close();
  await server.close();
}

result.table = rows;
writeFileSync(`${OUT}/bench.json`, JSON.stringify(result, null, 2) + "\n");
const w = [Math.max(...rows.map((r) => r.name.length)), Math.max(...rows.map((r) => r.figure.length)), Math.max(...rows.map((r) => r.budget.length))];
console.log(`\n${"measure".padEnd(w[0])}  ${"median".padStart(w[1])}  ${"budget".padEnd(w[2])}  status  spread / detail`);
for (const x of rows) console.log(`${x.name.padEnd(w[0])}  ${x.figure.padStart(w[1])}  ${x.budget.padEnd(w[2])}  ${x.status.padEnd(6)}  ${x.extra}`);
console.log(`\nwrote ${OUT}/bench.json (this machine is shared: compare medians and ratios, not single runs)`);
