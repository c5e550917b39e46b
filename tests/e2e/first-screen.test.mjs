// The first screen (issue 12, part 4): rendered at build time by the widget's own
// components and shown by the loader before the wasm arrives; the live widget then
// takes its place without moving it, keeping what the visitor chose on it. It is not
// shown where the live widget would start elsewhere, and a widget whose module cannot
// load gives the host's own fallback content back.
import { test } from "node:test";
import assert from "node:assert/strict";
import { session, axe } from "./harness.mjs";

let server, b;
session((s, br) => {
  server = s;
  b = br;
});

const LIVE = ".cer-root:not([data-first-screen])";
const FIRST = ".cer-root[data-first-screen]";

/// A page holding one widget with these attributes; its wasm is held back until `release()`.
/// Notes in `window.__sawFirst` whether a first screen was ever in a shadow root.
async function page({ attrs = "", width = 390, hash = "", hold = true, before, csp } = {}) {
  const context = await b.newContext({ viewport: { width, height: 900 } });
  const p = await context.newPage();
  p.errors = [];
  p.on("pageerror", (e) => p.errors.push(e.message));
  let release;
  const gate = new Promise((ok) => (release = ok));
  if (hold) await p.route("**/ce_roadmap_wasm_bg.wasm", async (r) => { await gate; await r.continue(); });
  p.console = [];
  p.on("console", (m) => { if (m.type() === "error") p.console.push(m.text()); });
  await p.route("**/first.html", (r) => r.fulfill({
    contentType: "text/html; charset=utf-8",
    headers: csp ? { "content-security-policy": csp } : {},
    body: `<!doctype html><html lang="ja"><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>First screen</title>
<script type="module" src="/ce-roadmap.js"></script><h1>Host page</h1>
<ce-roadmap ${attrs}><a href="/fallback.html">資格ロードマップ</a></ce-roadmap><p id="after">After the widget</p>`,
  }));
  await p.addInitScript(() => {
    // Every layout shift, for the cumulative layout shift (CLS) across the takeover.
    window.__shifts = [];
    new PerformanceObserver((l) => window.__shifts.push(...l.getEntries().map((e) => e.value)))
      .observe({ type: "layout-shift", buffered: true });
    window.__sawFirst = false;
    const tick = () => {
      const r = document.querySelector("ce-roadmap")?.shadowRoot;
      if (r?.querySelector("[data-first-screen]")) window.__sawFirst = true;
      if (!r?.querySelector(".cer-root:not([data-first-screen])")) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  if (before) await before(p);
  await p.goto(`${server.url}/first.html${hash}`);
  p.release = release;
  return p;
}

/// The header's and the first questions' boxes and texts, in order, inside the widget's root.
async function boxes(p, root) {
  return p.$eval(`ce-roadmap >> ${root}`, (el) =>
    [...el.querySelectorAll(".cer-header h2, .cer-header p, button.cer-lang, .cer-ask > fieldset:first-child legend, .cer-ask > fieldset:first-child label, .cer-ask > fieldset:first-child select, .cer-ask > fieldset:first-child input")]
      .map((e) => {
        const r = e.getBoundingClientRect();
        return { tag: e.tagName, text: e.textContent.trim().slice(0, 40), value: e.value ?? null, x: r.x, y: r.y, w: r.width, h: r.height };
      }));
}

function sameBoxes(before, after, what) {
  assert.ok(before.length > 3, `${what}: the first screen has its questions (${before.length} boxes)`);
  const live = after.slice(0, before.length);
  for (const [i, a] of before.entries()) {
    const z = live[i];
    assert.equal(z.tag + z.text, a.tag + a.text, `${what}: element ${i} is the same`);
    for (const k of ["x", "y", "w", "h"]) {
      assert.ok(Math.abs(a[k] - z[k]) <= 1, `${what}: ${a.tag} “${a.text}” ${k} ${a[k]} → ${z[k]}`);
    }
  }
}

const CASES = [
  ["choose", "ja", 390], ["choose", "en", 390], ["choose", "ja", 1280], ["choose", "en", 1280],
  ["licensed", "ja", 390], ["licensed", "en", 1280], ["it", "en", 390],
  ["prospective", "ja", 1280], ["student", "ja", 390], ["student", "en", 1280],
];

test("the first screen shows before the wasm, in each mode and language, passes axe-core, and the live widget takes its place without moving it", async () => {
  for (const [mode, lang, width] of CASES) {
    const what = `${mode} ${lang} ${width}px`;
    const p = await page({ attrs: `lang="${lang}"${mode === "choose" ? "" : ` mode="${mode}"`}`, width });
    await p.waitForSelector(`ce-roadmap >> ${FIRST}[lang=${lang}]`);
    // The wasm is held back: this screen came with the loader alone.
    assert.equal(await p.$(`ce-roadmap >> ${LIVE}`), null, `${what}: no live widget yet`);
    const first = await boxes(p, FIRST);
    const below = await p.$eval("#after", (e) => e.getBoundingClientRect().y);
    await p.screenshot({ path: `target/screenshots/first-screen-${mode}-${lang}-${width}.png` });
    assert.deepEqual(await axe(p), [], `${what}: axe-core on the first screen`);
    const shiftsBefore = await p.evaluate(() => window.__shifts.length);
    p.release();
    await p.waitForSelector(`ce-roadmap >> ${LIVE}`);
    assert.equal(await p.$(`ce-roadmap >> ${FIRST}`), null, `${what}: the first screen is gone`);
    assert.equal(await p.$$eval("ce-roadmap >> .cer-root", (r) => r.length), 1, `${what}: one root`);
    sameBoxes(first, await boxes(p, LIVE), what);
    if (mode === "choose") {
      // The live widget starts with this same screen (and its date in the footer's
      // reserved place): the host's content below it stays where it was.
      const now = await p.$eval("#after", (e) => e.getBoundingClientRect().y);
      assert.ok(Math.abs(now - below) <= 1, `${what}: the host's text below moved ${below} → ${now}`);
      // And the browser's own measure: no layout shift at all at the takeover (CLS 0).
      await p.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
      const cls = await p.evaluate((n) => window.__shifts.slice(n).reduce((a, v) => a + v, 0), shiftsBefore);
      assert.equal(cls, 0, `${what}: layout shift at the takeover`);
    }
    assert.deepEqual(p.errors, [], what);
    await p.context().close();
  }
});

test("what the visitor chose on the first screen is there in the live widget", async () => {
  // The visitor's kind and the language, before the wasm.
  let p = await page({ attrs: 'lang="ja"' });
  await p.waitForSelector(`ce-roadmap >> ${FIRST}`);
  await p.click("ce-roadmap >> input[value=licensed]");
  // The language switches at once, on the first screen, keeping the choice.
  await p.click("ce-roadmap >> button.cer-lang");
  await p.waitForSelector(`ce-roadmap >> ${FIRST}[lang=en]`);
  assert.ok(await p.isChecked("ce-roadmap >> input[value=licensed]"));
  assert.match(await p.textContent("ce-roadmap >> .cer-kinds legend"), /Who are you|you/i);
  p.release();
  await p.waitForSelector(`ce-roadmap >> ${LIVE}[lang=en]`);
  assert.ok(await p.isChecked("ce-roadmap >> input[value=licensed]"));
  await p.waitForSelector("ce-roadmap >> .cer-work-areas", { timeout: 5000 });
  assert.match(await p.textContent("ce-roadmap >> .cer-work-areas legend"), /Where do you work/);
  assert.equal(await p.evaluate(() => document.querySelector("ce-roadmap").shadowRoot.activeElement?.className), "cer-lang",
    "the focus is on the live language switch, where the visitor left it");
  await p.context().close();

  // A school's questions: the course, the start year and an area, before the wasm.
  p = await page({ attrs: 'lang="ja" mode="student"' });
  await p.waitForSelector(`ce-roadmap >> ${FIRST}`);
  // A student started this April at the latest: the year before.
  const start = Number(await p.$eval("ce-roadmap >> #cer-start-year", (s) => s.value)) - 1;
  await p.selectOption("ce-roadmap >> #cer-school-years", "4");
  await p.selectOption("ce-roadmap >> #cer-start-year", String(start));
  await p.check("ce-roadmap >> input[data-plan-area=respiratory]");
  p.release();
  await p.waitForSelector(`ce-roadmap >> ${LIVE}`);
  assert.equal(await p.$eval("ce-roadmap >> #cer-school-years", (s) => s.value), "4");
  assert.equal(await p.$eval("ce-roadmap >> #cer-start-year", (s) => s.value), String(start));
  assert.ok(await p.isChecked("ce-roadmap >> input[data-plan-area=respiratory]"));
  // The answers are the widget's, not only the controls': the licence comes after four
  // years from that start, and the share link says so.
  await p.waitForFunction((y) => document.querySelector("ce-roadmap").shadowRoot.textContent.includes(`${y}年`), start + 4);
  assert.deepEqual(p.errors, []);
  await p.context().close();
});

test("the school forms' first screens serve this fiscal year and the next, each with its own year choices", async () => {
  // Today in Japan, as the loader reads it; the build ran in this fiscal year.
  const jst = new Date(Date.now() + 9 * 3600e3);
  const fy = jst.getUTCMonth() + 1 >= 4 ? jst.getUTCFullYear() : jst.getUTCFullYear() - 1;
  for (const year of [fy, fy + 1]) {
    const p = await page({ attrs: `lang="ja" mode="prospective" as-of="${year}-06-01"` });
    await p.waitForSelector(`ce-roadmap >> ${FIRST}`);
    // Someone choosing a school starts next April.
    assert.equal(await p.$eval("ce-roadmap >> #cer-start-year", (s) => s.value), String(year + 1), `FY${year}: the year chosen first`);
    p.release();
    await p.waitForSelector(`ce-roadmap >> ${LIVE}`);
    assert.equal(await p.$eval("ce-roadmap >> #cer-start-year", (s) => s.value), String(year + 1));
    await p.context().close();
  }
});

test("no first screen where the live widget starts elsewhere; a plain page has one", async () => {
  const plain = await page({ attrs: 'lang="ja"', hold: false });
  await plain.waitForSelector(`ce-roadmap >> ${LIVE}`);
  assert.equal(await plain.evaluate(() => window.__sawFirst), true, "the detector sees a first screen");
  await plain.context().close();
  const cases = [
    ["answers in the link", { hash: "#v1;k=l;li=ce;ex=blood_purification:2.5" }],
    ["saved answers", { before: (p) => p.addInitScript(() => localStorage.setItem("ce-roadmap:answers:v1", "v1;k=l;li=ce")) }],
    ["the host's areas", { attrs: 'lang="ja" mode="licensed" areas="endoscopy"' }],
    ["the host's rule file", { attrs: 'lang="ja" rules="/rules/association.json"' }],
    ["a school form for a fiscal year it was not rendered for", { attrs: 'lang="ja" mode="student" as-of="2019-05-01"' }],
    ["an unknown mode", { attrs: 'lang="ja" mode="doctor"' }],
  ];
  for (const [what, o] of cases) {
    const p = await page({ attrs: 'lang="ja"', ...o, hold: false });
    await p.waitForFunction(() => document.querySelector("ce-roadmap").shadowRoot
      ?.querySelector(".cer-root:not([data-first-screen]), .cer-embed-error"));
    await p.waitForTimeout(100);
    assert.equal(await p.evaluate(() => window.__sawFirst), false, what);
    await p.context().close();
  }
});

test("under Trusted Types the first screen comes through the loader's own policy; a page that does not allow it gets the live widget alone", async () => {
  let p = await page({ attrs: 'lang="ja"', csp: "require-trusted-types-for 'script'" });
  await p.waitForSelector(`ce-roadmap >> ${FIRST}`);
  await p.click("ce-roadmap >> button.cer-lang"); // the other language's screen, through the policy too
  await p.waitForSelector(`ce-roadmap >> ${FIRST}[lang=en]`);
  p.release();
  await p.waitForSelector(`ce-roadmap >> ${LIVE}[lang=en]`);
  assert.deepEqual([...p.errors, ...p.console], []);
  await p.context().close();

  p = await page({ attrs: 'lang="ja"', hold: false, csp: "require-trusted-types-for 'script'; trusted-types another-policy" });
  await p.waitForSelector(`ce-roadmap >> ${LIVE}`);
  assert.equal(await p.evaluate(() => window.__sawFirst), false);
  await p.check("ce-roadmap >> input[value=licensed]");
  await p.waitForSelector("ce-roadmap >> .cer-work-areas");
  assert.deepEqual(p.errors, []);
  await p.context().close();
});

test("a widget whose module cannot load gives back the host's own content, not a dead first screen", async () => {
  const p = await page({
    attrs: 'lang="ja"', hold: false,
    before: (pg) => pg.route("**/ce_roadmap_wasm_bg.wasm", (r) => r.abort()),
  });
  await p.waitForFunction(() => {
    const r = document.querySelector("ce-roadmap").shadowRoot;
    return r && r.querySelector("slot") && !r.querySelector(".cer-root");
  });
  assert.ok(await p.isVisible("ce-roadmap > a"), "the host's link shows");
  await p.context().close();
});
