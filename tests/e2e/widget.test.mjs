// The widget in real headless Chromium, used as a visitor would: each kind of
// visitor's path, agreement with `ce-roadmap eval`, the language toggle, share
// links, saving, bad input, phone width, accessibility, print, screenshots.
import { test } from "node:test";
import assert from "node:assert/strict";
import { open, shown, cli, hasJapanese, axe, shot, work, openGroup, openGroups, session } from "./harness.mjs";

let server, b;
session((s, br) => {
  server = s;
  b = br;
});

async function licensedPath(page) {
  await page.check("input[value=licensed]");
  await work(page, "blood_purification", "2.5");
  await work(page, "intensive_care", "1");
  // Memberships and courses appear once the roadmap names them, in groups the visitor opens.
  await openGroups(page);
  await page.check("text=日本臨床工学技士会の会員である");
  await page.fill("#cer-mem-jacet", "1");
  await page.check("text=透析技術認定士 認定講習会");
  await page.fill("#cer-units-jacet", "20");
}
const licensedProfile = {
  stage: "licensed", licences: ["ce"], experience: { blood_purification: 2.5, intensive_care: 1 },
  plan_areas: ["blood_purification", "intensive_care"],
  membership: { jacet: 1 }, units: { jacet: 20 }, courses: ["dialysis_course"],
};

test("a licensed clinical engineer types their years and sees the same roadmap as the CLI", async () => {
  const page = await open(b, server.url);
  await licensedPath(page);
  const got = await shown(page);
  assert.equal(Object.keys(got).length, 27);
  assert.deepEqual(got, cli(licensedProfile));
  assert.equal(got.dialysis_tech.status, "eligible");
  // Its exam needs the area's designated course (S41), not yet taken: that is the step.
  assert.equal(got.jacet_cert_blood_purification.status, "action");
  // Results are announced politely.
  const live = await page.textContent("[aria-live=polite]");
  assert.match(live, /ロードマップを更新しました/);
  assert.deepEqual(page.errors, []);
  await shot(page, "licensed-ja-390");
  await page.close();
});

test("the steppers change years by half a year", async () => {
  const page = await open(b, server.url);
  await page.check("input[value=licensed]");
  await work(page, "respiratory");
  await page.click("[aria-label='呼吸治療の経験年数を増やす']");
  await page.click("[aria-label='呼吸治療の経験年数を増やす']");
  await page.click("[aria-label='呼吸治療の経験年数を増やす']");
  assert.equal(await page.inputValue("#cer-exp-respiratory"), "1.5");
  await page.click("[aria-label='呼吸治療の経験年数を減らす']");
  assert.equal(await page.inputValue("#cer-exp-respiratory"), "1");
  assert.deepEqual(await shown(page), cli({ stage: "licensed", licences: ["ce"], experience: { respiratory: 1 }, plan_areas: ["respiratory"] }));
  await page.close();
});

test("a high-school student sees the licence year, then the roadmap from it", async () => {
  const page = await open(b, server.url);
  await page.check("input[value=prospective]");
  await page.selectOption("#cer-school-years", "4");
  await page.selectOption("#cer-start-year", "2027");
  await page.check("text=血液浄化");
  const licence = await page.textContent(".cer-licence");
  assert.match(licence, /2031年3月/);       // the national exam
  assert.match(licence, /2031年6月1日/);    // the licence
  const got = await shown(page);
  assert.deepEqual(got, cli({ stage: "prospective", school: { years: 4, start_year: 2027 }, plan_areas: ["blood_purification"] }));
  assert.equal(got.me2.status, "eligible");
  assert.equal(got.me1.status, "waiting");
  assert.equal(got.me1.ready_on, "2031-06-01"); // counted from registration
  assert.equal(got.dialysis_tech.ready_on, "2033-06-01");
  // The timeline lists the licence year for screen readers too.
  assert.match(await page.textContent(".cer-tl-list"), /2031年度/);
  await shot(page, "prospective-ja-390");
  await page.close();
});

test("a student at a CE school", async () => {
  const page = await open(b, server.url);
  await page.check("input[value=student]");
  await page.selectOption("#cer-school-years", "3");
  await page.selectOption("#cer-start-year", "2025");
  await page.check("text=呼吸治療");
  assert.deepEqual(await shown(page), cli({ stage: "student", school: { years: 3, start_year: 2025 }, plan_areas: ["respiratory"] }));
  // Each fiscal year once in the timeline's list, the licence in its year's row.
  const years = await page.$$eval("ce-roadmap >> .cer-tl-list > li > strong", (els) => els.map((e) => e.textContent));
  assert.equal(new Set(years).size, years.length, years.join(" / "));
  const licenceRow = await page.textContent(".cer-tl-list > li:has(.cer-tl-licence-row)");
  assert.match(licenceRow, /^2028年度.*臨床工学技士免許の見込み: 2028年6月1日/);
  await page.close();
});

test("hospital IT: medical information systems first", async () => {
  const page = await open(b, server.url);
  await page.check("input[value=it]");
  const first = await page.$eval(".cer-chips .cer-chip span", (l) => l.textContent);
  assert.match(first, /医療情報システム|一般のIT業務/);
  await work(page, "medical_it", "4.5");
  await openGroup(page, "取得済みの資格");
  await page.check("label:has-text('医療情報技師'):not(:has-text('上級'))");
  const got = await shown(page);
  assert.deepEqual(got, cli({ stage: "it", experience: { medical_it: 4.5 }, plan_areas: ["medical_it"], held: ["hcit"] }));
  assert.equal(got.senior_hcit.status, "waiting");
  assert.equal(got.senior_hcit.ready_on, "2027-05-21");
  await page.close();
});

test("English is complete: no Japanese left after the toggle, and back", async () => {
  const page = await open(b, server.url);
  await licensedPath(page);
  await page.click(".cer-lang");
  await page.waitForSelector(".cer-root[lang=en]:not([data-first-screen])");
  const text = await page.$eval(".cer-root", (root) => {
    const clone = root.cloneNode(true);
    clone.querySelectorAll("[lang=ja]").forEach((n) => n.remove()); // the toggle names 日本語 on purpose
    clone.querySelectorAll("[hidden]").forEach((n) => n.removeAttribute("hidden"));
    return clone.textContent;
  });
  const mixed = text.match(/.{0,20}[\u3040-\u30ff\u3400-\u9fff\uff00-\uffef].{0,20}/g);
  assert.equal(mixed, null, `Japanese in English mode: ${mixed?.slice(0, 5).join(" | ")}`);
  assert.match(text, /Your roadmap/);
  await shot(page, "licensed-en-390");
  await page.click(".cer-lang");
  assert.match(await page.textContent(".cer-title"), /資格ロードマップ/);
  await page.close();
});

test("desktop width, both languages", async () => {
  for (const lang of ["ja", "en"]) {
    const page = await open(b, server.url, { width: 1280, lang });
    await page.check("input[value=licensed]");
    await work(page, "blood_purification", "2.5");
    await work(page, "intensive_care", "1");
    await shot(page, `licensed-${lang}-1280`);
    await page.close();
  }
});

test("bad input shows a message in the visitor's language and keeps the last roadmap", async () => {
  const page = await open(b, server.url);
  await page.check("input[value=licensed]");
  await work(page, "blood_purification", "2");
  const before = await shown(page);
  for (const [bad, msg] of [["abc", /数字で入力/], ["-1", /0以上/], ["1e9", /数字で入力/], ["99", /大きすぎ/], ["x".repeat(5000), /数字で入力/]]) {
    await work(page, "blood_purification", bad);
    assert.match(await page.textContent(".cer-field-error"), msg, bad.slice(0, 10));
    assert.equal(await page.getAttribute("#cer-exp-blood_purification", "aria-invalid"), "true");
    assert.deepEqual(await shown(page), before, `roadmap changed after ${bad.slice(0, 10)}`);
  }
  // A pasted number with full-width digits is fine.
  await work(page, "blood_purification", "３");
  assert.equal(await page.$(".cer-field-error"), null);
  await page.click(".cer-lang");
  await work(page, "blood_purification", "lots");
  assert.match(await page.textContent(".cer-field-error"), /Please enter a number/);
  await page.fill("#cer-cases-icu_case_reports", "1.5").catch(() => {});
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("a copied link restores the answers; a broken one gives a notice and a clean start", async () => {
  const context = await b.newContext({ viewport: { width: 390, height: 900 } });
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.url });
  const page = await context.newPage();
  await page.goto(`${server.url}/?asOf=2026-11-21`);
  await page.waitForSelector(".cer-root:not([data-first-screen])");
  await licensedPath(page);
  const before = await shown(page);
  await page.click("text=リンクをコピー");
  await page.waitForSelector("text=リンクをコピーしました。");
  const link = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(link, /#v1;k=l;/);
  assert.ok(link.length < 300, `link is ${link.length} characters`);
  const again = await context.newPage();
  await again.goto(link.replace("/#", "/?asOf=2026-11-21#"));
  await again.waitForSelector("article.cer-card");
  assert.deepEqual(await shown(again), before);
  assert.equal(await again.inputValue("#cer-exp-blood_purification"), "2.5");

  for (const broken of ["#v1;k=l;ex=blood_purification:abc", "#v1;zz=1", "#v9;k=l", "#v1;ex=no_such_area:2"]) {
    const p = await context.newPage();
    const errors = [];
    p.on("pageerror", (e) => errors.push(e.message));
    await p.goto(`${server.url}/?asOf=2026-11-21${broken}`);
    await p.waitForSelector(".cer-notice");
    assert.match(await p.textContent(".cer-notice"), /共有リンクを読み取れなかった/);
    assert.equal(await p.isChecked("input[value=licensed]"), false);
    assert.deepEqual(errors, []);
    await p.close();
  }
  await context.close();
});

test("saving on this device survives a reload; turning it off forgets", async () => {
  const context = await b.newContext({ viewport: { width: 390, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${server.url}/?asOf=2026-11-21`);
  await page.waitForSelector(".cer-root:not([data-first-screen])");
  await licensedPath(page);
  await page.check("text=この端末に保存する");
  const before = await shown(page);
  await page.reload();
  await page.waitForSelector("article.cer-card");
  assert.deepEqual(await shown(page), before);
  assert.equal(await page.isChecked("text=この端末に保存する"), true);
  await page.uncheck("text=この端末に保存する");
  await page.reload();
  await page.waitForSelector(".cer-root:not([data-first-screen])");
  assert.equal(await page.isChecked("input[value=licensed]"), false);
  // Broken saved answers: a notice and a clean start.
  await page.evaluate(() => localStorage.setItem("ce-roadmap:answers:v1", "v1;ex=x:y"));
  await page.reload();
  await page.waitForSelector(".cer-notice");
  await context.close();
});

test("start over clears the answers", async () => {
  const page = await open(b, server.url);
  await licensedPath(page);
  await page.click("text=最初からやり直す");
  assert.equal(await page.isChecked("input[value=licensed]"), false);
  assert.equal(await page.$("article.cer-card"), null);
  await page.close();
});

test("a phone is 390 px wide: no horizontal scroll, tap targets at least 24 px", async () => {
  for (const lang of ["ja", "en"]) {
    const page = await open(b, server.url, { lang });
    await licensedPath(page).catch(async () => {
      await page.check("input[value=licensed]");
      await work(page, "blood_purification", "2.5");
    });
    await page.$$eval(".cer-more", (bs) => bs.forEach((b) => b.click()));
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 390, `${lang}: page is ${width} px wide`);
    const small = await page.$$eval(".cer-root button, .cer-root input, .cer-root select, .cer-root summary", (els) =>
      els.filter((e) => e.offsetParent !== null).map((e) => [e.outerHTML.slice(0, 60), e.getBoundingClientRect()])
        .filter(([, r]) => r.width < 24 || r.height < 24).map(([h, r]) => `${h} ${r.width}x${r.height}`));
    assert.deepEqual(small, [], `${lang}: small tap targets`);
    await page.close();
  }
});

test("cards far below skip rendering until the visitor scrolls to them, then show", async () => {
  const page = await open(b, server.url);
  await licensedPath(page);
  const rendered = () => page.$eval("article.cer-card:last-of-type h3, article.cer-card:last-of-type h4",
    (h) => h.checkVisibility({ contentVisibilityAuto: true }));
  assert.equal(await rendered(), false, "the last card is rendered before it is near the screen");
  await page.$eval("article.cer-card:last-of-type", (c) => c.scrollIntoView());
  await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
  assert.equal(await rendered(), true, "the last card is still skipped once scrolled to");
  await page.close();
});

test("keyboard: the visitor kind and a stepper are operable without a mouse", async () => {
  const page = await open(b, server.url);
  await page.focus("input[value=prospective]");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  assert.equal(await page.isChecked("input[value=licensed]"), true);
  // The area chip by keyboard (Space), then its stepper.
  await page.focus("input[data-area=respiratory]");
  await page.keyboard.press("Space");
  await page.waitForSelector("#cer-exp-respiratory");
  await page.focus("#cer-exp-respiratory");
  await page.keyboard.press("Shift+Tab");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  assert.equal(await page.inputValue("#cer-exp-respiratory"), "0.5");
  await page.close();
});

test("axe-core finds no serious or critical violations, in Japanese and English", async () => {
  for (const lang of ["ja", "en"]) {
    const page = await open(b, server.url, { lang });
    assert.deepEqual(await axe(page), [], `${lang}: start`);
    await page.check("input[value=licensed]");
    await work(page, "blood_purification", "2.5");
    await work(page, "intensive_care", "abc");
    await page.$$eval(".cer-more", (bs) => bs.forEach((b) => b.click()));
    assert.deepEqual(await axe(page), [], `${lang}: roadmap`);
    await page.close();
    const student = await open(b, server.url, { lang });
    await student.check("input[value=student]");
    assert.deepEqual(await axe(student), [], `${lang}: student`);
    await student.close();
  }
});

test("print shows every card's text", async () => {
  const page = await open(b, server.url);
  await licensedPath(page);
  await page.emulateMedia({ media: "print" });
  const hidden = await page.$$eval(".cer-card-body, #cer-others", (els) => els.filter((e) => getComputedStyle(e).display === "none").length);
  assert.equal(hidden, 0);
  const cards = await page.$$eval("article.cer-card", (els) => els.filter((e) => e.offsetParent !== null).length);
  assert.equal(cards, 27);
  const skipped = await page.$$eval("article.cer-card", (els) => els.filter((e) => getComputedStyle(e).contentVisibility !== "visible").length);
  assert.equal(skipped, 0, "cards that skip rendering off screen are all printed");
  await page.pdf({ path: "target/screenshots/print-ja.pdf" });
  await page.close();
});

test("every form field fed hostile values: a message, no crash, the roadmap kept; a second widget still works", async () => {
  const page = await open(b, server.url);
  await licensedPath(page);
  // Every area chosen, so every stepper is there to be fed.
  for (const area of await page.$$eval("input[data-area]", (els) => els.map((e) => e.dataset.area))) await work(page, area);
  await openGroups(page);
  const before = await shown(page);
  const ids = await page.$$eval("input[type=text]", (els) => els.map((e) => e.id));
  assert.ok(ids.length >= 10, `text fields: ${ids.join(", ")}`);
  const hostile = ["NaN", "Infinity", "-Infinity", "-1", "1e308", "-0.5e-400", "0x10", "{}", "[]", "null", "2;3", "１２３４５６７８９０"];
  for (const id of ids) {
    for (const bad of hostile) {
      await page.fill(`#${id}`, bad);
      assert.equal(await page.getAttribute(`#${id}`, "aria-invalid"), "true", `${id} accepted ${bad}`);
      assert.deepEqual(await shown(page), before, `${id}: the roadmap changed after ${bad}`);
    }
  }
  // A 1 MB paste into one field.
  const big = "9".repeat(1 << 20);
  await page.$eval("#cer-exp-respiratory", (el, v) => { el.value = v; el.dispatchEvent(new Event("input", { bubbles: true })); }, big);
  assert.equal(await page.getAttribute("#cer-exp-respiratory", "aria-invalid"), "true");
  // Select boxes given values they do not offer (a script could), on the school form.
  await page.check("input[value=prospective]");
  await page.$$eval("select", (els) => els.forEach((el) => {
    const o = document.createElement("option");
    o.value = "NaN";
    el.append(o);
    el.value = "NaN";
    el.dispatchEvent(new Event("change", { bubbles: true }));
  }));
  assert.ok(await page.$(".cer-licence"), "the school form still shows the licence year");
  assert.deepEqual(page.errors, []);
  // A second widget on the same page mounts and answers clicks.
  const second = await page.evaluate(async () => {
    const el = document.createElement("div");
    el.id = "second";
    document.body.append(el);
    await window.CeRoadmap.mount(el, { mode: "licensed", asOf: "2026-11-21", lang: "en" });
    const wait = async (f) => { for (let t = 0; t < 100 && !f(); t++) await new Promise((ok) => setTimeout(ok, 50)); };
    el.shadowRoot.querySelector("input[data-area=respiratory]")?.click();
    await wait(() => el.shadowRoot.querySelector("[aria-label='More: Years in respiratory care']"));
    el.shadowRoot.querySelector("[aria-label='More: Years in respiratory care']")?.click();
    // Wait for the redraw (a frame is not always enough on a busy machine), 5 s at most.
    const field = () => el.shadowRoot.querySelector("#cer-exp-respiratory")?.value;
    for (let t = 0; t < 100 && field() !== "0.5"; t++) await new Promise((ok) => setTimeout(ok, 50));
    return { cards: el.shadowRoot.querySelectorAll("article.cer-card").length, value: field() };
  });
  assert.ok(second.cards > 0, "the second widget renders its roadmap");
  assert.equal(second.value, "0.5", "the second widget answers a click");
  assert.deepEqual(page.errors, []);
  await page.close();
});
