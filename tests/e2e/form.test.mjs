// The school page and the form as a phone visitor meets them (issue 33): the admissions
// flow reaches its comparison early, a tap never moves what is under it, groups open
// only when opened, focus is never under the sticky summary, every tap target is
// 44 px, and the form's fields have names of their own.
import { test } from "node:test";
import assert from "node:assert/strict";
import { AS_OF, session, axe, work } from "./harness.mjs";

let server, b;
session((s, br) => {
  server = s;
  b = br;
});

async function open(path, { width = 390, height = 844, lang, link } = {}) {
  const context = await b.newContext({ viewport: { width, height } });
  const page = await context.newPage();
  page.errors = [];
  page.on("pageerror", (e) => page.errors.push(e.message));
  const sep = path.includes("?") ? "&" : "?";
  await page.goto(`${server.url}/${path}${sep}asOf=${AS_OF}${lang ? `&lang=${lang}` : ""}${link ? `#${link}` : ""}`);
  await page.waitForSelector(".cer-root:not([data-first-screen])");
  return page;
}

const frames = (page) => page.evaluate(() => new Promise((ok) => setTimeout(() => requestAnimationFrame(() => requestAnimationFrame(ok)), 0)));
/// An element's box in page coordinates.
const box = (loc) => loc.evaluate((el) => { const r = el.getBoundingClientRect(); return { top: r.top + scrollY, left: r.left + scrollX, width: r.width, height: r.height }; });

const CATHLAB = "v1;k=l;ex=cardiac_cath:6;me=jacet:5;ca=cath_assists:300,pci_assists:150";

for (const lang of ["ja", "en"]) {
  test(`admissions (${lang}): entry year next April, and the comparison within two screens after three answers`, async () => {
    const page = await open("school.html", { lang });
    // 21 Nov 2026: fiscal year 2026 is under way, so the next April is 2027's.
    assert.equal(await page.inputValue("ce-roadmap >> #cer-start-year"), "2027");
    const years = await page.$$eval("ce-roadmap >> #cer-start-year option", (o) => o.map((x) => Number(x.value)));
    assert.ok(years.every((y) => y >= 2027), `no year already past is offered: ${years}`);
    await page.selectOption("ce-roadmap >> #cer-start-year", "2028");
    await page.selectOption("ce-roadmap >> #cer-school-years", "4");
    await page.check("ce-roadmap >> input[data-plan-area=blood_purification]");
    await frames(page);
    const routes = await box(page.locator("ce-roadmap >> .cer-routes"));
    assert.ok(routes.top < 2 * 844, `the comparison starts at ${routes.top} px`);
    // Nothing about held credentials, passed exams or graduate school before it.
    const details = await box(page.locator("ce-roadmap >> .cer-details"));
    assert.ok(details.top > routes.top, "the held and passed lists come after the comparison");
    assert.equal(await page.locator("ce-roadmap >> details.cer-sub[open]").count(), 0);
    assert.deepEqual(page.errors, []);
  });
}

test("a student is asked the year they started, and only years up to this one", async () => {
  const page = await open("index.html");
  await page.click("ce-roadmap >> input[value=student]");
  await frames(page);
  const label = await page.textContent("ce-roadmap >> label[for=cer-start-year]");
  assert.match(label, /入学した年/);
  assert.equal(await page.inputValue("ce-roadmap >> #cer-start-year"), "2026");
  const years = await page.$$eval("ce-roadmap >> #cer-start-year option", (o) => o.map((x) => Number(x.value)));
  assert.ok(years.every((y) => y <= 2026), `${years}`);
});

test("ticking an item leaves its box where it was, and no question goes away", async () => {
  const page = await open("index.html", { link: CATHLAB });
  await page.click("ce-roadmap >> details.cer-sub >> summary:has-text('取得済みの資格')");
  await page.click("ce-roadmap >> details.cer-sub >> summary:has-text('学会・技士会の会員歴')");
  const ite = page.locator("ce-roadmap >> label.cer-check", { hasText: "心血管インターベンション技師" }).first();
  await ite.scrollIntoViewIfNeeded();
  const before = await box(ite);
  const questions = await page.$$eval("ce-roadmap >> .cer-details input", (l) => l.length);
  const cvit = await page.locator("ce-roadmap >> .cer-member", { hasText: "日本心血管インターベンション治療学会" }).count();
  await ite.locator("input").check();
  await frames(page);
  assert.deepEqual(await box(ite), before, "the ticked item did not move");
  assert.ok(await page.$$eval("ce-roadmap >> .cer-details input", (l) => l.length) >= questions, "no question went away");
  assert.equal(await page.locator("ce-roadmap >> .cer-member", { hasText: "日本心血管インターベンション治療学会" }).count(), cvit);
  // The IT worker's held list leads with the IT credentials.
  const it = await open("index.html", { link: "v1;k=i;ex=medical_it:3.5" });
  await it.click("ce-roadmap >> details.cer-sub >> summary:has-text('取得済みの資格')");
  const first = await it.$$eval("ce-roadmap >> details.cer-sub[open] label.cer-check span", (s) => s.slice(0, 3).map((x) => x.textContent));
  assert.deepEqual(first, ["医療情報技師", "上級医療情報技師", "基本情報技術者"]);
});

test("no group opens by itself: a tap on a title opens it, and it stays open", async () => {
  const page = await open("index.html", { link: CATHLAB });
  assert.equal(await page.locator("ce-roadmap >> details.cer-sub[open]").count(), 0);
  const marker = await page.locator("ce-roadmap >> details.cer-sub > summary").first()
    .evaluate((s) => getComputedStyle(s, "::before").borderLeftWidth);
  assert.notEqual(marker, "0px", "a disclosure marker");
  const group = page.locator("ce-roadmap >> details.cer-sub", { has: page.locator("summary", { hasText: "取得済みの資格" }) });
  await group.locator("summary").click();
  assert.equal(await group.evaluate((d) => d.open), true);
  // Another answer elsewhere leaves it as the visitor left it, and opens no other.
  await page.fill("ce-roadmap >> #cer-exp-cardiac_cath", "7");
  await frames(page);
  assert.equal(await group.evaluate((d) => d.open), true);
  assert.equal(await page.locator("ce-roadmap >> details.cer-sub[open]").count(), 1);
});

test("keyboard focus is never under the sticky summary", async () => {
  const page = await open("index.html", { link: "v1;k=l;ex=blood_purification:2,intensive_care:1;me=jacet:3" });
  await page.focus("ce-roadmap >> input[value=licensed]");
  const covered = [];
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press("Tab");
    await frames(page);
    const r = await page.evaluate(() => {
      const host = document.querySelector("ce-roadmap");
      const el = host.shadowRoot.activeElement;
      const summary = host.shadowRoot.querySelector(".cer-summary");
      if (!el || !summary || summary.contains(el)) return null;
      const e = el.getBoundingClientRect(), s = summary.getBoundingClientRect();
      // Only while the summary is stuck over the form (the form is above it in the page).
      if (!el.closest(".cer-ask")) return null;
      return { what: el.outerHTML.slice(0, 80), bottom: e.bottom, top: s.top };
    });
    if (r && r.bottom > r.top + 0.5) covered.push(r);
  }
  assert.deepEqual(covered, []);
});

for (const lang of ["ja", "en"]) {
  test(`every tap target is 44 × 44 px or more, and every field has a name of its own (${lang})`, async () => {
    const page = await open("association.html", { lang });
    await page.waitForSelector("[data-ce-roadmap] >> .cer-card");
    await work(page, "blood_purification", 3, "[data-ce-roadmap] >> ");
    await frames(page);
    await page.locator("[data-ce-roadmap] >> details.cer-sub > summary").evaluateAll((s) => s.forEach((x) => x.click()));
    await page.locator("[data-ce-roadmap] >> .cer-more").first().click();
    await page.evaluate(() => document.querySelectorAll("[data-ce-roadmap]").forEach((el) => {
      const s = new CSSStyleSheet();
      s.replaceSync(".cer-card, .cer-routes, .cer-timeline, .cer-plan { content-visibility: visible !important; }");
      el.shadowRoot.adoptedStyleSheets = [...el.shadowRoot.adoptedStyleSheets, s];
    }));
    const small = await page.evaluate(() => {
      const root = document.querySelector("[data-ce-roadmap]").shadowRoot;
      const out = [];
      for (const el of root.querySelectorAll("button, select, input[type=text], summary, a, label.cer-check, label.cer-kind")) {
        // A checkbox is hit through its label; both are listed, the label is measured.
        const r = el.getBoundingClientRect();
        if (r.width === 0 && r.height === 0) continue;
        if (r.width < 44 || r.height < 43.5) out.push(`${el.tagName.toLowerCase()}.${el.className} "${el.textContent.trim().slice(0, 30)}" ${Math.round(r.width)}×${Math.round(r.height)}`);
      }
      return out;
    });
    assert.deepEqual(small, []);
    const names = await page.evaluate(() => {
      const root = document.querySelector("[data-ce-roadmap]").shadowRoot;
      const name = (el) => el.getAttribute("aria-label")
        || (el.id && root.querySelector(`label[for="${el.id}"]`)?.textContent)
        || el.closest("label")?.textContent || "";
      return [...root.querySelectorAll(".cer-ask input, .cer-ask select, .cer-ask .cer-step")].map((el) => name(el).trim());
    });
    const seen = new Map();
    for (const n of names) seen.set(n, (seen.get(n) || 0) + 1);
    const twice = [...seen].filter(([n, c]) => c > 1 || n === "");
    assert.deepEqual(twice, [], "fields that share a name, or have none");
    assert.ok(names.some((n) => (lang === "ja" ? /^日本臨床工学技士会の単位$/ : /^Units \(Japan Association for Clinical Engineers/).test(n)), names.join(" | "));
    assert.deepEqual(await axe(page), []);
  });
}

test("the member portal reads as the default widget: no 「参加を受講」, rules no older than the built-in ones", async () => {
  const page = await open("association.html");
  await page.waitForSelector("[data-ce-roadmap] >> .cer-card");
  const text = await page.evaluate(() => {
    const root = document.querySelector("[data-ce-roadmap]").shadowRoot;
    root.querySelectorAll("[hidden]").forEach((e) => e.removeAttribute("hidden"));
    return root.textContent;
  });
  assert.doesNotMatch(text, /参加を受講/);
  const version = await page.getAttribute("[data-ce-roadmap] >> .cer-rules-id", "data-version");
  const builtIn = (await (await open("index.html")).getAttribute("ce-roadmap >> .cer-rules-id", "data-version"));
  const date = (v) => v.split(/[-]/)[0].split(".").map(Number);
  const [a, c] = [date(version), date(builtIn)];
  assert.ok(a[0] * 10000 + a[1] * 100 + a[2] >= c[0] * 10000 + c[1] * 100 + c[2], `${version} is older than ${builtIn}`);
});
