// Embedding: the demo pages, options as attributes, live changes, teardown,
// isolation (shadow DOM, hostile CSS, strict CSP), host rule files, the JS API.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { serve, browser, AS_OF, shot, work, openGroup, cli, inView } from "./harness.mjs";

let server, b;
before(async () => {
  server = await serve();
  b = await browser();
});
after(async () => {
  await b?.close();
  await server?.close();
});

const association = JSON.parse(readFileSync("www/rules/association.json", "utf8"));

/** Opens a demo page; records console errors, page errors, CSP violations and every request. */
async function page(path, { width = 390, route } = {}) {
  const context = await b.newContext({ viewport: { width, height: 1000 } });
  const p = await context.newPage();
  p.problems = [];
  p.requests = [];
  p.on("pageerror", (e) => p.problems.push(`pageerror: ${e.message}`));
  p.on("console", (m) => {
    if (m.type() === "error" && !/favicon|status of 404/.test(m.text())) p.problems.push(`console: ${m.text()}`);
    if (/Content Security Policy/i.test(m.text())) p.problems.push(`csp: ${m.text()}`);
  });
  p.on("request", (r) => p.requests.push(r.url()));
  if (route) await route(p);
  await p.goto(`${server.url}/${path}${path.includes("?") ? "&" : "?"}asOf=${AS_OF}`);
  await p.waitForFunction(() => document.documentElement.dataset.loaded === "true");
  return p;
}

const compilerRequests = (p) => p.requests.filter((u) => /ce_roadmap_compiler/.test(u));
const evalRequests = (p) => p.requests.filter((u) => /ce_roadmap_eval/.test(u)).map((u) => new URL(u).pathname.split("/").pop()).sort();

function onlyOwnOrigin(p) {
  const foreign = p.requests.filter((u) => !u.startsWith(server.url));
  assert.deepEqual(foreign, [], "requests to other origins");
}

test("index: the custom element mounts in an open shadow root; its placeholder content is replaced", async () => {
  const p = await page("index.html");
  await p.waitForSelector("#demo >> .cer-root:not([data-first-screen])");
  assert.equal(await p.evaluate(() => document.querySelector("#demo").shadowRoot.mode), "open");
  assert.equal(await p.isVisible("text=読み込み中"), false);
  assert.match(await p.textContent("pre.snippet"), /ce-roadmap\.js/);
  onlyOwnOrigin(p);
  assert.deepEqual(p.problems, []);
  await p.context().close();
});

test("school page: prospective mode, Japanese, school colours, no save option", async () => {
  const p = await page("school.html");
  await p.waitForSelector(".cer-root:not([data-first-screen])");
  assert.equal(await p.$("input[value=licensed]"), null, "no visitor-kind picker in a fixed mode");
  assert.equal(await p.isVisible("#cer-school-years"), true);
  await p.check("text=血液浄化");
  assert.match(await p.textContent(".cer-licence"), /免許/);
  assert.equal(await p.$("text=この端末に保存する"), null);
  const accent = await p.$eval(".cer-toolbar .cer-button:not(.cer-secondary)", (el) => getComputedStyle(el).backgroundColor);
  assert.equal(accent, "rgb(176, 20, 75)", "the school's accent colour reaches into the shadow root");
  onlyOwnOrigin(p);
  assert.deepEqual(p.problems, []);
  await shot(p, "embed-school-390");
  await p.context().close();
});

test("school page: the courses side by side, the school's own chosen and marked; a tap on another chooses it", async () => {
  const p = await page("school.html");
  await p.waitForSelector(".cer-root:not([data-first-screen])");
  await p.check("text=血液浄化");
  await p.check("text=呼吸治療");
  const rows = p.locator(".cer-routes tbody tr");
  await rows.first().waitFor();
  const text = await rows.allTextContents();
  assert.equal(text.length, 4, text.join("\n"));
  // The same start year (this fiscal year) on each course; the CLI's comparison agrees.
  const cliRoutes = (() => {
    const bin = process.env.CE_ROADMAP_BIN || "target/release/ce-roadmap";
    const profile = { stage: "prospective", school: { years: 3, start_year: 2027 }, plan_areas: ["blood_purification", "respiratory"] };
    const r = spawnSync(bin, ["eval", "--profile", "-", "--as-of", AS_OF], { input: JSON.stringify(profile), encoding: "utf8" });
    return JSON.parse(r.stdout).routes;
  })();
  assert.deepEqual(cliRoutes.map((r) => r.school_years), [3, 4, 2, 1]);
  assert.match(text[0], /3年制（専門学校・短大）この学校の課程2027年4月に入学2030年3月 国家試験2030年6月1日 免許/);
  assert.match(text[0], /血液浄化.*: 透析技術認定士（2032年度〜）/);
  assert.match(text[1], /4年制（大学・専門学校）2027年4月に入学2031年3月 国家試験2031年6月1日 免許/);
  // The 2- and 1-year courses follow study elsewhere (臨床工学技士法 第14条): they start
  // later and reach the licence no sooner than the 3-year course (issue 33).
  assert.match(text[2], /2年制（大学などで1年以上学んだ後）大学などで1年以上（高専は4年以上）学び、国の指定する科目を修めてから、2028年4月に入学2030年3月 国家試験2030年6月1日 免許/);
  assert.match(text[3], /1年制（大学などで2年以上学んだ後）大学などで2年以上（高専は5年以上）学び、国の指定する科目を修めてから、2029年4月に入学2030年3月 国家試験2030年6月1日 免許/);
  assert.deepEqual(cliRoutes.map((r) => [r.start_year, r.licence_on]), [[2027, "2030-06-01"], [2027, "2031-06-01"], [2028, "2030-06-01"], [2029, "2030-06-01"]]);
  assert.match(await p.textContent(".cer-routes h3"), /2027年4月に学び始めた場合/);
  assert.equal(await p.getAttribute(".cer-routes tbody tr:first-child .cer-route-pick", "aria-pressed"), "true");
  // The same on one axis: a lane per course, its licence, and its areas' first credentials.
  const lanes = await p.$$eval("ce-roadmap >> .cer-lanes svg > g", (gs) => gs.map((g) => ({
    chosen: g.hasAttribute("data-chosen"),
    label: g.querySelector(".cer-lanes-label").textContent,
    licence: g.querySelectorAll(".cer-lanes-licence").length,
    areas: [...g.querySelectorAll(".cer-lanes-n")].reduce((n, t) => n + Number(t.textContent), 0),
  })));
  assert.deepEqual(lanes, [
    { chosen: true, label: "3年制", licence: 1, areas: 2 },
    { chosen: false, label: "4年制", licence: 1, areas: 2 },
    { chosen: false, label: "2年制", licence: 1, areas: 2 },
    { chosen: false, label: "1年制", licence: 1, areas: 2 },
  ]);
  // The lanes' licence years are the table's: the 4-year diamond one column right of the 3-year one,
  // the 2- and 1-year ones in the 3-year one's column, each after a dotted stretch of study first.
  const xs = await p.$$eval("ce-roadmap >> .cer-lanes-licence", (rs) => rs.map((r) => Number(r.getAttribute("x"))));
  const colWidth = xs[1] - xs[0];
  assert.ok(colWidth > 0, `${xs}`);
  assert.deepEqual([xs[2], xs[3]], [xs[0], xs[0]]);
  const prior = await p.$$eval("ce-roadmap >> .cer-lanes svg > g", (gs) => gs.map((g) => g.querySelectorAll(".cer-lanes-prior").length));
  assert.deepEqual(prior, [0, 0, 1, 1]);
  // An area no course can date (perfusion: its case records come with work) says so on every row.
  await p.check("text=体外循環");
  await p.waitForFunction(() => document.querySelector("ce-roadmap").shadowRoot.querySelectorAll(".cer-route-undated").length === 4);
  assert.match(await p.textContent(".cer-route-undated >> nth=0"), /^体外循環: 体外循環技術認定士。体外循環の症例記録は働き始めてから積み重ねるため、まだ日付を出せません。$/);
  assert.doesNotMatch(await p.textContent(".cer-card[data-id=perfusionist]"), /年間の件数/);
  await p.uncheck("text=体外循環");
  await inView(p.locator(".cer-routes"));
  await p.screenshot({ path: "target/screenshots/routes-ja-390.png" });
  await p.setViewportSize({ width: 1280, height: 900 });
  await inView(p.locator(".cer-routes"));
  await p.screenshot({ path: "target/screenshots/routes-ja-1280.png" });
  // Choosing the 4-year course from the table is the same answer as the form's.
  await p.click("text=4年制（大学・専門学校） >> nth=-1");
  await p.waitForFunction(() => document.querySelector("ce-roadmap").shadowRoot.querySelector("#cer-school-years").value === "4");
  assert.match(await p.textContent(".cer-licence"), /2031年6月1日/);
  assert.equal(await p.getAttribute(".cer-routes tbody tr:nth-child(2) .cer-route-pick", "aria-pressed"), "true");
  onlyOwnOrigin(p);
  assert.deepEqual(p.problems, []);
  await p.context().close();
});

test("the courses compared in English at desktop width, and a route the rules do not allow is an error", async () => {
  const p = await page("index.html", { width: 1280 });
  const errors = await p.evaluate(async () => {
    const el = document.createElement("div");
    document.body.append(el);
    try { await window.CeRoadmap.mount(el, { mode: "prospective", route: "5" }); return null; } catch (e) { return String(e.message); }
  });
  assert.match(errors, /route `5` is not a course length of the rules: 3, 4, 2, 1/);
  await p.evaluate(async () => {
    const el = document.createElement("div");
    el.id = "routes-en";
    document.body.prepend(el);
    await window.CeRoadmap.mount(el, { mode: "prospective", route: "4", lang: "en", asOf: "2026-11-21", readLink: false });
  });
  await p.check("#routes-en >> text=Blood purification");
  const rows = p.locator("#routes-en >> .cer-routes tbody tr");
  await rows.first().waitFor();
  const text = await rows.allTextContents();
  assert.match(text[1], /4 years \(university or vocational school\)This school's courseStarts April 2027National exam Mar 2031Licence 1 Jun 2031/);
  assert.match(text[3], /1 year \(after 2\+ years at a university or similar\)After 2\+ years at a university or similar \(5 at a technical college\) with the subjects the state designates: starts April 2029National exam Mar 2030/);
  assert.match(text[1], /Blood purification.*: Dialysis technology certified technician \(FY2033 on\)/);
  await inView(p.locator("#routes-en >> .cer-routes"));
  await p.screenshot({ path: "target/screenshots/routes-en-1280.png" });
  await p.setViewportSize({ width: 390, height: 900 });
  await inView(p.locator("#routes-en >> .cer-routes"));
  await p.screenshot({ path: "target/screenshots/routes-en-390.png" });
  assert.deepEqual(p.problems, []);
  await p.context().close();
});

test("fee support: the national schemes with their official source for prospective students; fees=off hides them", async () => {
  const p = await page("school.html");
  await p.waitForSelector(".cer-fees");
  const schemes = await p.$$eval("ce-roadmap >> .cer-scheme", (els) => els.map((e) => e.dataset.id));
  assert.deepEqual(schemes, ["study_support", "many_children"]);
  const text = await p.textContent(".cer-fees");
  assert.match(text, /学費の支援（国の制度）/);
  assert.match(text, /扶養する子どもが3人以上いる世帯の学生。/);
  assert.match(text, /2026-11-23 閲覧/);
  assert.match(text, /学費の分納や延納は学校ごとの制度です。/);
  assert.equal(await p.getAttribute(".cer-scheme[data-id=many_children] a", "href"), "https://www.mext.go.jp/a_menu/koutou/hutankeigen/index.htm");
  await inView(p.locator(".cer-fees"));
  await p.screenshot({ path: "target/screenshots/fees-ja-390.png" });
  await p.setViewportSize({ width: 1280, height: 900 });
  await inView(p.locator(".cer-fees"));
  await p.screenshot({ path: "target/screenshots/fees-ja-1280.png" });
  // The host switches it off: the attribute updates the widget at once.
  await p.evaluate(() => document.querySelector("ce-roadmap").setAttribute("fees", "off"));
  await p.waitForFunction(() => !document.querySelector("ce-roadmap").shadowRoot.querySelector(".cer-fees"));
  assert.ok(await p.isVisible(".cer-routes"), "the rest stays");
  assert.deepEqual(p.problems, []);
  await p.context().close();

  const q = await page("index.html", { width: 1280 });
  await q.evaluate(async () => {
    const el = document.createElement("div");
    el.id = "fees-en";
    document.body.prepend(el);
    await window.CeRoadmap.mount(el, { mode: "prospective", lang: "en", asOf: "2026-11-21", readLink: false });
  });
  await q.waitForSelector("#fees-en >> .cer-fees");
  assert.match(await q.textContent("#fees-en >> .cer-fees"), /Free tuition for households with three or more children/);
  await inView(q.locator("#fees-en >> .cer-fees"));
  await q.screenshot({ path: "target/screenshots/fees-en-1280.png" });
  await q.setViewportSize({ width: 390, height: 900 });
  await inView(q.locator("#fees-en >> .cer-fees"));
  await q.screenshot({ path: "target/screenshots/fees-en-390.png" });
  assert.deepEqual(q.problems, []);
  await q.context().close();
});

test("association page: licensed, three areas, the host's rule file, its own theme", async () => {
  const p = await page("association.html", { width: 1280 });
  await p.waitForSelector("article.cer-card");
  // The host's three areas to choose from; a stepper only once one is chosen.
  const chips = await p.$$eval("input[data-area]", (els) => els.map((e) => e.dataset.area));
  assert.deepEqual(chips.sort(), ["blood_purification", "intensive_care", "respiratory"].sort());
  assert.equal(await p.$(".cer-experience"), null, "no steppers before an area is chosen");
  const ids = await p.$$eval("article.cer-card", (els) => els.map((e) => e.dataset.id));
  assert.ok(!ids.includes("perfusionist") && !ids.includes("ite"), `other areas hidden: ${ids}`);
  assert.ok(ids.includes("dialysis_tech") && ids.includes("me2"));
  assert.equal(await p.getAttribute(".cer-rules-id", "data-version"), association.version);
  assert.ok(p.requests.some((u) => u.endsWith("/rules/association.json")));
  // The held and passed lists follow the host's areas: their credentials, the general
  // ones and what they require (issue 13), not all 27.
  await openGroup(p, "取得済みの資格");
  await openGroup(p, "合格済み");
  await p.locator(".cer-details .cer-more[aria-expanded=false]").evaluateAll((bs) => bs.forEach((b) => b.click()));
  const lists = await p.$$eval(".cer-details details.cer-sub", (ds) => ds.map((d) => [d.querySelector("summary").textContent,
    [...d.querySelectorAll("input[type=checkbox]")].map((i) => i.closest("label").textContent.trim())]));
  const held = lists.find(([t]) => /取得済みの資格/.test(t))[1];
  const passed = lists.find(([t]) => /合格済み/.test(t))[1];
  assert.ok(held.some((l) => /認定集中治療関連臨床工学技士/.test(l)) && held.some((l) => /第2種ME技術者/.test(l)), held.join(" / "));
  assert.ok(!held.some((l) => /体外循環技術認定士|心血管インターベンション技師/.test(l)), held.join(" / "));
  assert.ok(!passed.some((l) => /専門内視鏡/.test(l)), passed.join(" / "));
  await shot(p, "association-details-1280");
  onlyOwnOrigin(p);
  assert.deepEqual(p.problems, []);
  await shot(p, "embed-association-1280");
  await p.context().close();
});

test("hostile page: global resets and huge fonts do not reach in; strict CSP; two independent widgets", async () => {
  const p = await page("hostile.html");
  await p.waitForSelector("#first >> .cer-root:not([data-first-screen])");
  await p.waitForSelector("#second >> .cer-root:not([data-first-screen])");
  for (const id of ["#first", "#second"]) {
    const style = await p.$eval(`${id} >> .cer-root`, (el) => {
      const s = getComputedStyle(el);
      return { display: s.display, fontSize: s.fontSize, transform: s.textTransform };
    });
    assert.deepEqual(style, { display: "block", fontSize: "16px", transform: "none" }, id);
    const button = await p.$eval(`${id} >> .cer-lang`, (el) => el.getBoundingClientRect().height);
    assert.ok(button >= 44 && button < 60, `${id}: the language button is ${button}px tall`);
  }
  assert.match(await p.textContent("#first >> .cer-title"), /資格ロードマップ/);
  assert.match(await p.textContent("#second >> .cer-title"), /credential roadmap/);
  await work(p, "cardiac_cath", 2.5, "#second >> ");
  assert.equal(await p.$("#first >> .cer-work-areas"), null, "the student widget asks no work areas");
  assert.equal(await p.$eval("#first >> #cer-school-years", (s) => s.value), "3");
  // The host's own 40px headline overflows; the widgets stay inside the phone's width.
  for (const id of ["#first", "#second"]) {
    const box = await p.$eval(id, (el) => {
      const root = el.shadowRoot.querySelector(".cer-root");
      return { right: el.getBoundingClientRect().right, scroll: root.scrollWidth, client: root.clientWidth };
    });
    assert.ok(box.right <= 390 && box.scroll <= box.client, `${id}: ${JSON.stringify(box)}`);
  }
  // The rule compiler module loads under the same strict policy (CSP line in EMBEDDING.md).
  const checked = await p.evaluate(async (rules) => (await window.CeRoadmap.validateRules(rules)).length, association);
  assert.equal(checked, 0);
  assert.ok(compilerRequests(p).length === 2, "the compiler was fetched for validateRules");
  onlyOwnOrigin(p);
  assert.deepEqual(p.problems, [], "no errors and no CSP violations");
  await shot(p, "embed-hostile-390");
  await p.context().close();
});

test("attributes change the widget live; removing the element tears it down; re-adding mounts again", async () => {
  const p = await page("index.html");
  await p.waitForSelector("#demo >> .cer-root:not([data-first-screen])");
  await p.evaluate(() => document.querySelector("#demo").setAttribute("lang", "en"));
  await p.waitForSelector("#demo >> .cer-root[lang=en]:not([data-first-screen])");
  await p.evaluate(() => document.querySelector("#demo").setAttribute("mode", "licensed"));
  await p.waitForSelector("#demo >> input[data-area=blood_purification]");
  assert.equal(await p.$("#demo >> input[value=student]"), null);
  await p.evaluate(() => document.querySelector("#demo").setAttribute("areas", "endoscopy"));
  await p.waitForFunction(() => document.querySelector("#demo").shadowRoot.querySelectorAll("input[data-area]").length === 1);
  await p.evaluate(() => document.querySelector("#demo").removeAttribute("mode"));
  await p.waitForSelector("#demo >> input[value=student]");
  // Teardown.
  await p.evaluate(() => { window.kept = document.querySelector("#demo"); window.kept.remove(); });
  await p.waitForFunction(() => window.kept.shadowRoot.querySelector(".cer-root") === null);
  // Back again.
  await p.evaluate(() => document.querySelector("main").append(window.kept));
  await p.waitForFunction(() => window.kept.shadowRoot.querySelector(".cer-root") !== null);
  // A bad attribute gives a clear message, not a dead page.
  await p.evaluate(() => window.kept.setAttribute("mode", "doctor"));
  await p.waitForSelector("#demo >> .cer-embed-error");
  assert.match(await p.textContent("#demo >> .cer-embed-error"), /mode `doctor`/);
  await p.evaluate(() => { window.kept.removeAttribute("areas"); window.kept.setAttribute("mode", "it"); });
  await p.waitForSelector("#demo >> input[data-area=medical_it]");
  assert.deepEqual(p.problems.filter((x) => !/mode `doctor`/.test(x)), []);
  await p.context().close();
});

test("placeholders added later mount too, and are torn down when removed", async () => {
  const p = await page("index.html");
  await p.evaluate(() => {
    const d = document.createElement("div");
    d.id = "late";
    d.dataset.ceRoadmap = "";
    d.dataset.lang = "en";
    d.dataset.mode = "licensed";
    document.body.append(d);
  });
  await p.waitForSelector("#late >> .cer-root[lang=en]:not([data-first-screen])");
  await p.evaluate(() => { window.late = document.querySelector("#late"); window.late.remove(); });
  await p.waitForFunction(() => window.late.shadowRoot.querySelector(".cer-root") === null);
  await p.context().close();
});

test("the evaluation module is fetched only when a page calls evaluate(), once, and under the strict CSP", async () => {
  for (const path of ["index.html", "hostile.html"]) {
    const p = await page(path);
    await p.waitForSelector("ce-roadmap >> .cer-root:not([data-first-screen])");
    await p.waitForTimeout(200);
    assert.deepEqual(evalRequests(p), [], `${path}: showing the widget never downloads the evaluation module`);
    const out = await p.evaluate(async (asOf) => {
      const first = await window.CeRoadmap.evaluate({ stage: "licensed", licences: ["ce"], experience: { blood_purification: 3 } }, { asOf });
      await window.CeRoadmap.evaluate({ stage: "student" }, { asOf });
      let bad;
      try { await window.CeRoadmap.evaluate({ experience: { blood_purification: "three" } }, { asOf }); } catch (e) { bad = e.message; }
      return { dialysis: first.credentials.find((c) => c.id === "dialysis_tech").status, bad };
    }, AS_OF);
    assert.equal(out.dialysis, cli({ stage: "licensed", licences: ["ce"], experience: { blood_purification: 3 } }).dialysis_tech.status, path);
    assert.match(out.bad, /^ce-roadmap: invalid profile: .*experience\.blood_purification/, path);
    assert.deepEqual(evalRequests(p), ["ce_roadmap_eval.js", "ce_roadmap_eval_bg.wasm"], `${path}: fetched once for three calls`);
    onlyOwnOrigin(p);
    assert.deepEqual(p.problems, [], path);
    await p.context().close();
  }
});

test("the rule compiler module is fetched only for JSON rule files; compiled rules from `ce-roadmap compile` need none", async () => {
  // The plain snippet: the widget's module alone.
  const plain = await page("index.html");
  await plain.waitForSelector("#demo >> .cer-root:not([data-first-screen])");
  assert.deepEqual(compilerRequests(plain), [], "a page with the plain snippet never downloads the compiler");
  await plain.context().close();

  // A JSON rule file: the compiler is fetched (glue and wasm), once.
  const json = await page("association.html");
  await json.waitForSelector("article.cer-card");
  const fetched = compilerRequests(json).map((u) => new URL(u).pathname.split("/").pop()).sort();
  assert.deepEqual(fetched, ["ce_roadmap_compiler.js", "ce_roadmap_compiler_bg.wasm"]);
  await json.context().close();

  // The same rules compiled by the CLI and served in place of the JSON file.
  const out = "target/e2e-association.bin";
  const r = spawnSync(process.env.CE_ROADMAP_BIN || "target/release/ce-roadmap", ["compile", "www/rules/association.json", "-o", out], { encoding: "utf8" });
  assert.equal(r.status, 0, r.stderr);
  const bin = readFileSync(out);
  const compiled = await page("association.html", {
    route: (p) => p.route("**/rules/association.json", (rt) => rt.fulfill({ status: 200, contentType: "application/octet-stream", body: bin })),
  });
  await compiled.waitForSelector("article.cer-card");
  assert.equal(await compiled.getAttribute(".cer-rules-id", "data-version"), association.version);
  assert.deepEqual(compilerRequests(compiled), [], "compiled rules are read by the widget's module itself");
  // The JS API takes them too, and says what is wrong with a damaged copy.
  const api = await compiled.evaluate(async (bytes) => {
    const { evaluate } = await import("./ce-roadmap.js");
    const rules = new Uint8Array(bytes);
    const ok = (await evaluate({ licences: ["ce"] }, { rules, asOf: "2026-11-21" })).rules.version;
    const cut = rules.slice(0, rules.length - 10);
    let bad;
    try { await evaluate({}, { rules: cut }); } catch (e) { bad = e.message; }
    return { ok, bad };
  }, [...bin]);
  assert.equal(api.ok, association.version);
  assert.match(api.bad, /^ce-roadmap: invalid rules: the checksum does not match/);
  assert.deepEqual(compilerRequests(compiled), []);
  assert.deepEqual(compiled.problems, []);
  await compiled.context().close();
});

async function withRules(body, status = 200) {
  return (p) => p.route("**/rules/association.json", (r) => r.fulfill({ status, contentType: "application/json", body }));
}

test("an invalid host rule file: a clear error in the visitor's language with the path; fallback when allowed", async () => {
  const broken = structuredClone(association);
  broken.credentials[3].conditions[0].yeras = 2;
  const p = await page("association.html", { route: await withRules(JSON.stringify(broken)) });
  await p.waitForSelector(".cer-rules-problem");
  const text = await p.textContent(".cer-rules-problem");
  assert.match(text, /ルールファイルに誤りがあるため、ロードマップを表示できません/);
  assert.match(text, /credentials\[3\]\.conditions\[0\]\.yeras/);
  // The details name the file once, with the line: `…/association.json:777: credentials[3]…`.
  const detail = await p.textContent(".cer-rules-problem code");
  assert.equal(detail.split("association.json").length - 1, 1, detail);
  assert.match(detail, /association\.json:\d+: credentials\[3\]\.conditions\[0\]\.yeras: unknown field `yeras`/);
  assert.equal(await p.$("article.cer-card"), null);
  // The host allows falling back to the embedded rules.
  await p.evaluate(() => document.querySelector("[data-ce-roadmap]").setAttribute("data-fallback", "on"));
  await p.waitForSelector("article.cer-card");
  assert.match(await p.textContent(".cer-rules-problem"), /組み込みのルールで表示しています/);
  await p.context().close();

  const missing = await page("association.html", { route: await withRules("not found", 404) });
  await missing.waitForSelector(".cer-rules-problem");
  assert.match(await missing.textContent(".cer-rules-problem"), /HTTP 404/);
  assert.match(await missing.textContent(".cer-rules-problem code"), /association\.json: .*HTTP 404/);
  await missing.context().close();
});

test("rule text with HTML or script is shown as text", async () => {
  const evil = structuredClone(association);
  evil.credentials[0].ja = '<img src=x onerror="window.pwned=1">第2種<b>ME</b>';
  evil.credentials[0].notes = [{ ja: "<script>window.pwned=2</script>注意", en: "<script>window.pwned=2</script>note" }];
  const p = await page("association.html", { route: await withRules(JSON.stringify(evil)) });
  await p.waitForSelector("article[data-id=me2]");
  assert.match(await p.textContent("article[data-id=me2] h4"), /<img src=x onerror="window.pwned=1">第2種<b>ME<\/b>/);
  assert.equal(await p.evaluate(() => document.querySelector("[data-ce-roadmap]").shadowRoot.querySelectorAll("img, script, b").length), 0);
  assert.equal(await p.evaluate(() => window.pwned), undefined);
  await p.context().close();
});

function cliRoadmap(profile) {
  const r = spawnSync(process.env.CE_ROADMAP_BIN || "target/release/ce-roadmap", ["eval", "--profile", "-", "--as-of", AS_OF], { input: JSON.stringify(profile), encoding: "utf8" });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout);
}

test("JS API: evaluate returns the same roadmap as `ce-roadmap eval`; validateRules gives paths; mount returns a handle", async () => {
  const p = await page("index.html");
  const profile = { stage: "licensed", licences: ["ce"], experience: { blood_purification: 2.5, intensive_care: 1 }, membership: { jacet: 3 }, cases: { pci_assists: 120 }, units: { jacet: 25 }, courses: ["dialysis_course"], held: ["me2"] };
  const got = await p.evaluate(async ([profile, asOf]) => {
    const api = await import("./ce-roadmap.js");
    return api.evaluate(profile, { asOf });
  }, [profile, AS_OF]);
  assert.deepEqual(got, cliRoadmap(profile));
  // asOf is read as the widget reads it: spaces around the date are ignored, empty is today.
  const spaced = await p.evaluate(async ([profile, asOf]) => {
    const api = await import("./ce-roadmap.js");
    const today = await api.evaluate(profile, {});
    return { spaced: await api.evaluate(profile, { asOf: ` ${asOf}\n` }), empty: (await api.evaluate(profile, { asOf: "  " })).as_of === today.as_of };
  }, [profile, AS_OF]);
  assert.deepEqual(spaced.spaced, got);
  assert.equal(spaced.empty, true);
  // With the host's rules.
  const hosted = await p.evaluate(async ([profile, rules, asOf]) => (await import("./ce-roadmap.js")).evaluate(profile, { asOf, rules }), [profile, association, AS_OF]);
  assert.equal(hosted.rules.version, association.version);

  const errors = await p.evaluate(async (rules) => {
    const { validateRules } = await import("./ce-roadmap.js");
    const bad = structuredClone(rules);
    bad.credentials[0].body = "nobody";
    bad.sources[0].read = "last week";
    // A credential written as a list: refused at its own path (structs are read from objects only).
    const listed = structuredClone(rules);
    listed.credentials[1] = Object.values(listed.credentials[1]);
    return { good: await validateRules(rules), bad: await validateRules(bad), text: await validateRules(JSON.stringify(bad)), syntax: await validateRules("{ nope"),
      listed: await validateRules(JSON.stringify(listed, null, 1)) };
  }, association);
  assert.deepEqual(errors.good, []);
  assert.equal(errors.listed.length, 1);
  assert.equal(errors.listed[0].path, "credentials[1]");
  assert.match(errors.listed[0].message, /invalid type: sequence, expected struct CredentialDef/);
  assert.ok(errors.listed[0].line > 1, "the line of the list");
  assert.deepEqual(errors.bad.map((e) => e.path).sort(), ["credentials[0].body", "sources[0].read"]);
  assert.ok(errors.bad.every((e) => typeof e.message === "string" && e.message.length > 10));
  assert.deepEqual(errors.text, errors.bad);
  assert.equal(errors.syntax.length, 1);

  const flow = await p.evaluate(async () => {
    const { mount } = await import("./ce-roadmap.js");
    const el = document.createElement("section");
    document.body.append(el);
    const h = await mount(el, { lang: "en", mode: "licensed", asOf: "2026-11-21" });
    const t1 = el.shadowRoot.querySelector(".cer-title").textContent;
    await h.update({ lang: "ja" });
    await new Promise((r) => setTimeout(r, 50));
    const t2 = el.shadowRoot.querySelector(".cer-title").textContent;
    // Hostile updates: each a clear Error; the widget keeps its last good options.
    const bad = [];
    for (const o of [null, 42, "en", { lang: 5 }, { asOf: NaN }, { asOf: "9999-99-99" }, { mode: "x".repeat(1 << 20) },
      { areas: ["respiratory"] }, { save: "maybe" }, { rules: 1e308 }]) {
      try { await h.update(o); bad.push("no error"); } catch (e) { bad.push(`${e instanceof Error} ${e.message.length < 600} ${e.message.slice(0, 60)}`); }
    }
    const t3 = el.shadowRoot.querySelector(".cer-title").textContent;
    h.destroy();
    const gone = el.shadowRoot.querySelector(".cer-root") === null;
    let after = "";
    try { await h.update({}); } catch (e) { after = e.message; }
    return { t1, t2, t3, bad, gone, after, api: Object.keys(globalThis.CeRoadmap).sort() };
  });
  for (const b of flow.bad) assert.match(b, /^true true ce-roadmap: /);
  assert.equal(flow.t3, flow.t2, "the widget still shows its last good state");
  assert.match(flow.t1, /credential roadmap/);
  assert.match(flow.t2, /資格ロードマップ/);
  assert.equal(flow.gone, true);
  assert.match(flow.after, /destroyed/);
  assert.deepEqual(flow.api, ["evaluate", "mount", "validateRules", "version"]);
  assert.deepEqual(p.problems, []);
  await p.context().close();
});

test("JS API: bad arguments throw clear Errors and the module keeps working", async () => {
  const p = await page("index.html");
  const results = await p.evaluate(async () => {
    const api = await import("./ce-roadmap.js");
    const attempt = async (f) => { try { await f(); return "no error"; } catch (e) { return `${e instanceof Error}: ${e.message}`; } };
    const deep = {};
    let node = deep;
    for (let i = 0; i < 5000; i++) { node.x = {}; node = node.x; }
    const cyclic = {};
    cyclic.self = cyclic;
    const out = {
      nullProfile: await attempt(() => api.evaluate(null)),
      arrayProfile: await attempt(() => api.evaluate([1, 2])),
      negative: await attempt(() => api.evaluate({ experience: { blood_purification: -1 } })),
      nan: await attempt(() => api.evaluate({ experience: { blood_purification: NaN } })),
      infinity: await attempt(() => api.evaluate({ membership: { jacet: Infinity } })),
      huge: await attempt(() => api.evaluate({ cases: { pci_assists: 1e308 } })),
      wrongType: await attempt(() => api.evaluate({ licences: "ce" })),
      unknownArea: await attempt(() => api.evaluate({ experience: { dialysis: 2 } })),
      bigString: await attempt(() => api.evaluate({ stage: "x".repeat(1_000_000) })),
      deep: await attempt(() => api.evaluate({ school: deep })),
      cyclic: await attempt(() => api.evaluate(cyclic)),
      badAsOf: await attempt(() => api.evaluate({}, { asOf: "yesterday" })),
      badRules: await attempt(() => api.evaluate({}, { rules: "{}" })),
      validateNumber: await attempt(() => api.validateRules(42)),
      mountString: await attempt(() => api.mount("#demo")),
      mountBadMode: await attempt(() => api.mount(document.createElement("div"), { mode: "doctor" })),
      mountBadAreas: await attempt(() => api.mount(document.createElement("div"), { areas: "nowhere" })),
      mountBadOptions: await attempt(() => api.mount(document.createElement("div"), "en")),
      mountBadLangType: await attempt(() => api.mount(document.createElement("div"), { lang: 5 })),
      mountNaNAsOf: await attempt(() => api.mount(document.createElement("div"), { asOf: NaN })),
      mountHugeAreas: await attempt(() => api.mount(document.createElement("div"), { areas: "a".repeat(1 << 20) })),
      mountHugeMode: await attempt(() => api.mount(document.createElement("div"), { mode: "m".repeat(1 << 20) })),
      deepRules: await attempt(() => api.evaluate({}, { rules: "[".repeat(100000) })),
      hugeRules: await attempt(() => api.evaluate({}, { rules: { version: "x".repeat(1 << 20) } })),
      infinityProfileAsOf: await attempt(() => api.evaluate({ as_of: "Infinity" })),
      gradEarly: await attempt(() => api.evaluate({ stage: "student", school: { years: 3, start_year: 2025 }, graduate: { degree: "master", mode: "full_time", start_year: 2026 } })),
      gradDegree: await attempt(() => api.evaluate({ graduate: { degree: "phd", mode: "working", start_year: 2030 } })),
      gradOk: (await api.evaluate({ graduate: { degree: "doctor", mode: "working", start_year: 2030 } }, { asOf: "2026-11-21" }))
        .plan.flatMap((y) => y.steps).filter((s) => s.choice).map((s) => `${s.action}:${s.target}@${s.by}`),
    };
    // validateRules reports errors as data rather than throwing.
    out.validateDeep = await api.validateRules("[".repeat(100000));
    out.validateHuge = await api.validateRules({ version: "x".repeat(1 << 20), credentials: 1e308 });
    // A widget given unreadable rule text shows the problem in its own box.
    const bad = document.createElement("div");
    document.body.append(bad);
    await api.mount(bad, { rulesText: "{".repeat(100000), asOf: "2026-11-21", lang: "en" });
    out.badRulesWidget = bad.shadowRoot.querySelector("[role=alert]")?.textContent ?? "(nothing)";
    // Still alive: a valid evaluation and a second widget.
    out.after = (await api.evaluate({ licences: ["ce"] }, { asOf: "2026-11-21" })).credentials.length;
    const el = document.createElement("div");
    document.body.append(el);
    await api.mount(el, { mode: "licensed", asOf: "2026-11-21" });
    // The first render may land a frame after mount resolves on a busy machine: 5 s at most.
    const cards = () => el.shadowRoot.querySelectorAll("article.cer-card").length;
    for (let t = 0; t < 100 && cards() === 0; t++) await new Promise((ok) => setTimeout(ok, 50));
    out.second = cards();
    out.firstStillThere = document.querySelector("#demo").shadowRoot.querySelector(".cer-root") !== null;
    return out;
  });
  // Profile errors name the bad value's path, as for JSON text (the object crosses as an object).
  assert.match(results.wrongType, /^true: ce-roadmap: invalid profile: licences: invalid type: expected a list/);
  assert.match(results.nan, /^true: ce-roadmap: invalid profile: experience\.blood_purification: /);
  assert.match(results.unknownArea, /^true: ce-roadmap: invalid profile: .*dialysis/);
  for (const [k, v] of Object.entries(results)) {
    if (["after", "second", "firstStillThere", "validateDeep", "validateHuge", "badRulesWidget", "gradOk"].includes(k)) continue;
    assert.match(v, /^true: ce-roadmap: /, `${k}: ${v}`);
    assert.ok(v.length < 600, `${k}: the message is ${v.length} characters`);
  }
  assert.ok(results.validateDeep.length >= 1 && results.validateDeep[0].message && results.validateDeep[0].line === 1, JSON.stringify(results.validateDeep));
  assert.ok(results.validateHuge.length >= 1, "a 1 MB version string and a number for credentials are errors");
  assert.ok(JSON.stringify(results.validateHuge).length < 5000, "errors do not echo a 1 MB value");
  assert.match(results.badRulesWidget, /rules/i);
  assert.ok(results.badRulesWidget.length < 600, results.badRulesWidget.slice(0, 200));
  assert.match(results.negative, /experience\.blood_purification: -1 is negative/);
  assert.match(results.nan, /experience\.blood_purification/);
  assert.match(results.unknownArea, /unknown area `dialysis`/);
  assert.match(results.mountBadMode, /mode `doctor`/);
  assert.match(results.mountBadAreas, /unknown area `nowhere`/);
  assert.match(results.gradEarly, /^true: ce-roadmap: invalid profile: graduate\.start_year: graduate school from 2026 starts before the school course ends: 2028 at the earliest/);
  assert.match(results.gradDegree, /^true: ce-roadmap: invalid profile: graduate\.degree/);
  assert.deepEqual(results.gradOk, ["graduate_start:master@2030-04-01", "graduate_finish:master@2032-03-31", "graduate_start:doctor@2032-04-01", "graduate_finish:doctor@2035-03-31"]);
  assert.equal(results.after, 27);
  assert.ok(results.second > 0);
  assert.equal(results.firstStillThere, true);
  await p.context().close();
});

test("no globals beyond the custom element and window.CeRoadmap", async () => {
  const context = await b.newContext();
  const p = await context.newPage();
  await p.route(`${server.url}/__blank.html`, (r) => r.fulfill({ contentType: "text/html", body: "<!doctype html><title>blank</title>" }));
  await p.goto(`${server.url}/__blank.html`);
  const added = await p.evaluate(async () => {
    const before = new Set(Object.getOwnPropertyNames(window));
    await import("./ce-roadmap.js");
    return Object.getOwnPropertyNames(window).filter((n) => !before.has(n));
  });
  assert.deepEqual(added, ["CeRoadmap"]);
  assert.equal(await p.evaluate(() => typeof customElements.get("ce-roadmap")), "function");
  await context.close();
});

test("a panic replaces every widget on the page with an apology and a reload link; the API then refuses clearly", async () => {
  const p = await page("hostile.html", { width: 390 });
  await p.waitForSelector("#first >> .cer-root:not([data-first-screen])");
  await p.waitForSelector("#second >> .cer-root:not([data-first-screen])");
  const out = await p.evaluate(async () => {
    const glue = await import("./ce_roadmap_wasm.js");
    let thrown;
    try {
      glue.crashForTest();
    } catch (e) {
      thrown = `${e.constructor.name}: ${e.message}`;
    }
    const box = (id) => {
      const root = document.getElementById(id).shadowRoot;
      const b = root.querySelector(".cer-crashed");
      return b && { text: b.textContent, lang: b.lang, link: b.querySelector("a")?.href, forms: root.querySelectorAll("input, button").length };
    };
    let after;
    try {
      await window.CeRoadmap.evaluate({ licences: ["ce"] });
      after = "no error";
    } catch (e) {
      after = e.message;
    }
    return { thrown, first: box("first"), second: box("second"), after };
  });
  assert.match(out.thrown, /RuntimeError/);
  assert.ok(out.first, "the first widget shows the apology");
  assert.ok(out.second, "the second widget shows the apology");
  assert.equal(out.first.lang, "ja");
  assert.match(out.first.text, /申し訳ありません.*再読み込み/);
  assert.equal(out.second.lang, "en");
  assert.match(out.second.text, /^Sorry: .*Reload the page/);
  assert.equal(out.first.link, p.url());
  assert.equal(out.first.forms, 0, "no frozen form is left");
  assert.match(out.after, /^ce-roadmap: stopped after an internal error \(.*crashForTest.*\); reload the page$/);
  await shot(p, "crashed-390");
  // The reload link brings the widgets back.
  await p.locator("#second >> .cer-crashed a").click();
  await p.waitForSelector("#second >> .cer-root:not([data-first-screen])");
  await p.context().close();
});

test("a catalogue of 1,000 credentials: the first cards show at once, the rest follow, the counts are whole from the start", async () => {
  const file = "target/e2e-catalogue-1000.json";
  const made = spawnSync(process.env.CE_ROADMAP_BIN || "target/release/ce-roadmap", ["bench", "--write-catalogue", file], { encoding: "utf8" });
  assert.equal(made.status, 0, made.stderr);
  const p = await page("index.html");
  const out = await p.evaluate(async ([rulesText, asOf]) => {
    const el = document.createElement("div");
    document.body.append(el);
    await window.CeRoadmap.mount(el, { rulesText, mode: "licensed", asOf });
    const count = () => el.shadowRoot.querySelectorAll("article.cer-card").length;
    const frameWith = (enough) => new Promise((ok, no) => {
      const give = setTimeout(() => no(new Error(`only ${count()} cards after 60 s`)), 60_000);
      const tick = () => (enough(count()) ? (clearTimeout(give), ok()) : requestAnimationFrame(tick));
      requestAnimationFrame(tick);
    });
    await frameWith((n) => n > 0);
    const first = count();
    const counted = [...el.shadowRoot.querySelectorAll(".cer-group .cer-count")]
      .reduce((sum, c) => sum + Number(c.textContent.replace(/\D/g, "")), 0);
    await frameWith((n) => n >= 1000);
    return { first, counted, all: count() };
  }, [readFileSync(file, "utf8"), AS_OF]);
  assert.ok(out.first > 0 && out.first < 1000, `${out.first} cards in the first frame`);
  assert.equal(out.counted, 1000, "the group headings count every credential from the first frame");
  assert.equal(out.all, 1000);
  assert.deepEqual(p.problems, []);
  await p.context().close();
});

test("wasm memory stays flat over many answers, and each mount and destroy keeps little", async () => {
  const p = await page("index.html");
  const out = await p.evaluate(async (asOf) => {
    const glue = await import("./ce_roadmap_wasm.js");
    const memory = (await glue.default()).memory; // already initialised: the same instance
    const frame = () => new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 0)));
    // A widget's first card, or a clear failure rather than a hung test.
    const firstCard = (el) => new Promise((ok, no) => {
      const give = setTimeout(() => no(new Error("no card 30 s after mounting")), 30_000);
      const t = () => (el.shadowRoot.querySelector("article.cer-card") ? (clearTimeout(give), ok()) : requestAnimationFrame(t));
      t();
    });
    // A licensed visitor's answers in the link, so the widget opens on a roadmap.
    history.replaceState(null, "", "#v1;k=l;li=ce;ex=blood_purification:2.5,respiratory:1;me=jacet:3");
    const host = document.createElement("div");
    document.body.append(host);
    await window.CeRoadmap.mount(host, { asOf, lang: "ja", save: false });
    await firstCard(host);
    history.replaceState(null, "", location.pathname + location.search);
    const root = host.shadowRoot;
    const plus = root.querySelector("[aria-label='呼吸治療の経験年数を増やす']");
    const minus = root.querySelector("[aria-label='呼吸治療の経験年数を減らす']");
    const clicks = async (n) => { for (let i = 0; i < n; i++) { (i % 2 ? minus : plus).click(); await frame(); } };
    await clicks(100); // the allocator's working set settles
    const beforeClicks = memory.buffer.byteLength;
    await clicks(400);
    const afterClicks = memory.buffer.byteLength;
    const cycle = async () => {
      const el = document.createElement("div");
      document.body.append(el);
      const w = await window.CeRoadmap.mount(el, { mode: "licensed", asOf, lang: "ja" });
      await firstCard(el);
      w.destroy();
      el.remove();
    };
    for (let i = 0; i < 5; i++) await cycle();
    const beforeMounts = memory.buffer.byteLength;
    for (let i = 0; i < 50; i++) await cycle();
    return { beforeClicks, afterClicks, beforeMounts, afterMounts: memory.buffer.byteLength };
  }, AS_OF);
  // Memory grows in 64 KiB pages: 400 answers may take one page, a leak of 200 B an answer would take two.
  assert.ok(out.afterClicks - out.beforeClicks <= 65536, `400 answers grew wasm memory by ${out.afterClicks - out.beforeClicks} B`);
  // Yew 0.23 keeps each app root's event handlers (and so its listener registry) for the life of
  // the page, about 10 KB a mount; a widget that kept its roadmap or rules would keep far more.
  const perMount = (out.afterMounts - out.beforeMounts) / 50;
  assert.ok(perMount <= 20_000, `each mount and destroy kept ${perMount} B`);
  assert.deepEqual(p.problems, []);
  await p.context().close();
});
