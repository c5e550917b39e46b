// Phone first (issue 13): the results stay in view while the visitor answers, areas are
// chosen before their steppers, the details groups open where the roadmap asks and count
// their answers, sources say whose page they are; a screenshot of each visitor kind.
import { test } from "node:test";
import assert from "node:assert/strict";
import { open, shown, cli, axe, work, AS_OF, session, inView, openGroup } from "./harness.mjs";

let server, b;
session((s, br) => {
  server = s;
  b = br;
});

const PHONE = { width: 390, height: 844 };

/// Where the summary is on screen, and whether all of it is inside the viewport.
async function summaryInView(page) {
  return page.$eval(".cer-summary", (el) => {
    const r = el.getBoundingClientRect();
    return { top: Math.round(r.top), bottom: Math.round(r.bottom), inView: r.height > 0 && r.top >= 0 && r.bottom <= innerHeight };
  });
}

/// The counts by status among the cards, as the summary should give them.
function counts(got) {
  const n = (s) => Object.values(got).filter((c) => c.status === s).length;
  return [n("eligible"), n("waiting"), n("action")];
}

test("at 390 px the summary is in the first viewport after an answer, follows every answer, and jumps to the roadmap", async () => {
  const page = await open(b, server.url, PHONE);
  assert.equal(await page.$(".cer-summary"), null, "no summary before the first answer");
  await page.locator("input[value=licensed]").scrollIntoViewIfNeeded();
  await page.check("input[value=licensed]");
  await page.waitForSelector(".cer-summary");
  let at = await summaryInView(page);
  assert.ok(at.inView, `summary after choosing the kind: ${JSON.stringify(at)}`);
  // Nothing chosen yet: a general credential is next.
  assert.match(await page.textContent(".cer-summary-next"), /MDIC|ME/);
  // Choose dialysis: its credentials are next. Then two years: where the visitor's eyes
  // are (the stepper), the summary is in view with the new date.
  await work(page, "blood_purification");
  const chosen = await page.textContent(".cer-summary-next");
  assert.doesNotMatch(chosen, /MDIC/);
  await work(page, "blood_purification", 2);
  at = await summaryInView(page);
  assert.ok(at.inView, `summary after typing years: ${JSON.stringify(at)}`);
  const text = await page.textContent(".cer-summary");
  assert.notEqual(await page.textContent(".cer-summary-next"), chosen, "two years bring the next date forward");
  const [now, time, step] = counts(await shown(page));
  assert.match(text, new RegExp(`いま受けられる ${now}.*時期が来れば受けられる ${time}.*準備が必要 ${step}`));
  assert.match(text, /次に取得できる資格: .+（(準備を進めれば)?(、?早くても)?\d{4}年度(から)?）/);
  // The roadmap is far below, off screen, while the summary is in view.
  const roadmapTop = await page.$eval("#cer-roadmap-h", (h) => h.getBoundingClientRect().top);
  assert.ok(roadmapTop > PHONE.height, `the roadmap starts at ${roadmapTop}`);
  await page.screenshot({ path: "target/screenshots/summary-ja-390.png" });
  // The jump brings the roadmap to the top of the screen.
  await page.click(".cer-summary-jump");
  await page.waitForFunction(() => {
    const h = document.querySelector("ce-roadmap, [data-ce-roadmap]").shadowRoot.querySelector("#cer-roadmap-h");
    const r = h.getBoundingClientRect();
    return r.top > -2 && r.bottom <= innerHeight; // sub-pixel layout
  });
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("the summary in English, and none beside the two-column layout at 1280 px", async () => {
  const page = await open(b, server.url, { ...PHONE, lang: "en" });
  await page.check("input[value=licensed]");
  await work(page, "respiratory", 3);
  const text = await page.textContent(".cer-summary");
  const [now, time, step] = counts(await shown(page));
  assert.match(text, new RegExp(`${now} open now.*${time} open later with time alone.*${step} need steps first`));
  assert.match(text, /Next to hold: .+, (from )?FY\d{4}/);
  assert.match(text, /To the roadmap/);
  assert.ok((await summaryInView(page)).inView);
  await page.screenshot({ path: "target/screenshots/summary-en-390.png" });
  await page.setViewportSize({ width: 1280, height: 900 });
  assert.equal(await page.isVisible(".cer-summary"), false, "hidden when the roadmap is beside the questions");
  await page.close();
});

test("areas first: a stepper only for a chosen area; unchoosing takes its years away", async () => {
  const page = await open(b, server.url, PHONE);
  await page.check("input[value=licensed]");
  assert.equal(await page.$$eval("input[data-area]", (els) => els.length), 12, "the twelve areas as a choice");
  assert.equal(await page.$(".cer-number input[id^=cer-exp-]"), null, "no stepper before an area is chosen");
  await work(page, "blood_purification");
  await work(page, "respiratory");
  const steppers = await page.$$eval(".cer-number input[id^=cer-exp-]", (els) => els.map((e) => e.id));
  assert.deepEqual(steppers, ["cer-exp-blood_purification", "cer-exp-respiratory"]);
  // Chosen without years: counted as starting now (a plan area), as the CLI says.
  assert.deepEqual(await shown(page), cli({ stage: "licensed", licences: ["ce"], plan_areas: ["blood_purification", "respiratory"] }));
  await work(page, "blood_purification", 2.5);
  // Stepped back to 0, the area stays chosen and its stepper stays.
  await page.fill("#cer-exp-blood_purification", "0");
  assert.ok(await page.isVisible("#cer-exp-blood_purification"));
  await page.fill("#cer-exp-blood_purification", "2.5");
  await page.uncheck("input[data-area=blood_purification]");
  assert.equal(await page.$("#cer-exp-blood_purification"), null);
  assert.deepEqual(await shown(page), cli({ stage: "licensed", licences: ["ce"], plan_areas: ["respiratory"] }));
  // A shared link with years but no choice shows those areas chosen, with their years.
  const link = await open(b, server.url, PHONE);
  await link.goto(`${server.url}/index.html?asOf=${AS_OF}#v1;k=l;li=ce;ex=perfusion:4`);
  await link.waitForSelector("#cer-exp-perfusion");
  assert.equal(await link.isChecked("input[data-area=perfusion]"), true);
  assert.equal(await link.inputValue("#cer-exp-perfusion"), "4");
  assert.deepEqual(page.errors, []);
  assert.deepEqual(link.errors, []);
  await link.close();
  await page.close();
});

test("details: groups open only when opened, the roadmap marks those it asks about, and each title counts the answers it holds", async () => {
  const page = await open(b, server.url, PHONE);
  await page.check("input[value=licensed]");
  await work(page, "blood_purification", 2.5);
  const groups = () => page.$$eval(".cer-details details.cer-sub", (ds) => ds.map((d) => ({ title: d.querySelector("summary").textContent, open: d.open,
    asked: !d.querySelector(".cer-asked").hasAttribute("data-off") })));
  let g = await groups();
  const find = (re) => g.find((x) => re.test(x.title));
  assert.equal(find(/学会・技士会の会員歴/).open, false, "closed until opened");
  assert.equal(find(/学会・技士会の会員歴/).asked, true, "the roadmap asks to join a body: marked");
  assert.equal(find(/ほかに持っている免許/).asked, false);
  await openGroup(page, "学会・技士会の会員歴");
  await openGroup(page, "受講済みの講習");
  assert.equal(find(/ほかに持っている免許/).open, false);
  assert.doesNotMatch(find(/学会・技士会の会員歴/).title, /件選択/);
  await page.check("text=日本臨床工学技士会の会員である");
  await page.check("text=透析技術認定士 認定講習会");
  g = await groups();
  assert.match(find(/会員歴/).title, /（1件選択）/);
  assert.equal(find(/会員歴/).open, true, "a group with an answer stays open");
  assert.match(find(/受講済みの講習/).title, /（1件選択）/);
  // A closed group still says what it holds.
  const licences = page.locator("details.cer-sub", { has: page.locator("summary", { hasText: "ほかに持っている免許" }) });
  await licences.locator("summary").click();
  await licences.locator("label", { hasText: "看護師" }).locator("input").check();
  await licences.locator("summary").click();
  g = await groups();
  assert.equal(find(/ほかに持っている免許/).open, false);
  assert.match(find(/ほかに持っている免許/).title, /（1件選択）/);
  await page.click(".cer-lang");
  await page.waitForSelector(".cer-root[lang=en]:not([data-first-screen])");
  g = await groups();
  assert.match(find(/Other licences/).title, /\(1 chosen\)/);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("cards: the status badge is filled in its colour; source links say whose page they are", async () => {
  const page = await open(b, server.url, PHONE);
  await page.check("input[value=licensed]");
  await work(page, "blood_purification", 3);
  const card = page.locator("article.cer-card[data-id=dialysis_tech]");
  const badge = await card.locator(".cer-badge").evaluate((el) => [getComputedStyle(el).backgroundColor, getComputedStyle(el).color]);
  assert.notEqual(badge[0], "rgba(0, 0, 0, 0)", "a filled badge");
  assert.equal(badge[1], "rgb(255, 255, 255)");
  if (!(await card.locator(".cer-card-body").isVisible())) await card.locator(".cer-more").click();
  const links = await card.locator(".cer-source a").allTextContents();
  // Two of the committee's pages: each named, with its title to tell them apart.
  assert.ok(links.some((t) => t.startsWith("透析療法合同専門委員会のページ")), links.join(" / "));
  assert.ok(links.some((t) => /^非公式の資料（[a-z0-9.-]+）$/.test(t)), links.join(" / "));
  // Each condition that rests on an unofficial page says so beside it (licence and years: S1,
  // an unofficial article); the course rests on the committee's own page and carries no mark.
  const crit = await card.locator(".cer-criteria > li").evaluateAll((lis) => lis.map((li) => li.querySelector(":scope > .cer-unofficial")?.textContent ?? null));
  assert.equal(crit.length, 3, crit.join(" / "));
  assert.match(crit[0], /^非公式の資料による（[a-z0-9.-]+）$/);
  assert.equal(crit[1], crit[0]);
  assert.equal(crit[2], null);
  await inView(card);
  await page.screenshot({ path: "target/screenshots/card-dialysis-ja-390.png" });
  await page.close();
});

test("cards: a sitting whose applications closed is not promised; the card says when to apply", async () => {
  // One year of endoscopy on 21 Nov 2026: two years on 21 Nov 2027, after the 30 Sep 2027
  // deadline for the March 2028 exam (S60), so the first open sitting is March 2029.
  for (const [lang, sentence, window] of [
    ["ja", /、2029年3月の試験から受験できます。申込みの締切は2028年9月30日。/, /申込み: 3月の試験: 8月29日から9月30日まで（/],
    ["en", /From the Mar 2029 exam \(after .*\); applications close 30 Sep 2028\./, /Applications: Mar exam: 29 Aug to 30 Sep \(/],
  ]) {
    const page = await open(b, server.url, { ...PHONE, lang });
    await page.check("input[value=licensed]");
    await work(page, "endoscopy", 1);
    const card = page.locator("article.cer-card[data-id=gi_endoscopy_tech]");
    assert.match(await card.locator(".cer-earliest").textContent(), sentence);
    if (!(await card.locator(".cer-card-body").isVisible())) await card.locator(".cer-more").click();
    assert.match(await card.locator(".cer-facts").textContent(), window);
    await inView(card);
    await page.screenshot({ path: `target/screenshots/card-gi-apply-${lang}-390.png` });
    assert.deepEqual(page.errors, []);
    await page.close();
  }
});

// Each visitor kind at a phone's and a desktop's width, in both languages, after its first
// answers: the viewport as the visitor sees it (the summary in view on the phone).
const KINDS = {
  prospective: async (page, en) => {
    await page.check("input[value=prospective]");
    await page.locator(".cer-check", { hasText: en ? "Blood purification" : "血液浄化" }).first().locator("input").check();
  },
  student: async (page, en) => {
    await page.check("input[value=student]");
    await page.locator(".cer-check", { hasText: en ? "Respiratory care" : "呼吸治療" }).first().locator("input").check();
  },
  licensed: async (page) => {
    await page.check("input[value=licensed]");
    await work(page, "blood_purification", 2.5);
    await work(page, "intensive_care", 1);
  },
  it: async (page) => {
    await page.check("input[value=it]");
    await work(page, "medical_it", 4.5);
  },
};

test("screenshots: each visitor kind at 390 px and 1280 px, ja and en, axe-clean, no horizontal scroll", async () => {
  for (const [kind, answer] of Object.entries(KINDS)) {
    for (const lang of ["ja", "en"]) {
      for (const width of [390, 1280]) {
        const page = await open(b, server.url, { width, height: width === 390 ? 844 : 900, lang });
        await answer(page, lang === "en");
        await page.waitForSelector("article.cer-card");
        const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(scroll <= width, `${kind} ${lang} ${width}: page is ${scroll} px wide`);
        if (width === 390) assert.ok((await summaryInView(page)).inView, `${kind} ${lang}: summary in view`);
        await page.screenshot({ path: `target/screenshots/kind-${kind}-${lang}-${width}.png` });
        if (width === 390) assert.deepEqual(await axe(page), [], `${kind} ${lang}`);
        assert.deepEqual(page.errors, []);
        await page.close();
      }
    }
  }
});
