// The five visitors of the review (issue 32), each opened from a shared link, in
// Japanese and English at phone width (and two at desktop width): the timeline and
// the plan as a practitioner reads them, with screenshots of each to look at.
import { test } from "node:test";
import assert from "node:assert/strict";
import { AS_OF, session, inView } from "./harness.mjs";

/// The demo opened from a shared link: the query before the fragment.
async function open(b, url, link, { width = 390, height = 900, lang } = {}) {
  const context = await b.newContext({ viewport: { width, height } });
  const page = await context.newPage();
  page.errors = [];
  page.on("pageerror", (e) => page.errors.push(e.message));
  page.on("console", (m) => { if (m.type() === "error" && !/favicon|404/.test(m.text())) page.errors.push(m.text()); });
  await page.goto(`${url}/index.html?asOf=${AS_OF}${lang ? `&lang=${lang}` : ""}#${link}`);
  await page.waitForSelector(".cer-root:not([data-first-screen])");
  return page;
}

let server, b;
session((s, br) => {
  server = s;
  b = br;
});

const VISITORS = [
  ["highschool", "v1;k=p;sc=3:2027;pa=blood_purification,respiratory"],
  ["student", "v1;k=s;sc=3:2025;pa=blood_purification"],
  ["dialysis-icu", "v1;k=l;ex=blood_purification:2,intensive_care:1;me=jacet:3"],
  ["cathlab", "v1;k=l;ex=cardiac_cath:6;me=cvit:5,jacet:5;ca=cath_assists:300,pci_assists:150;he=ite;tg=jacet_spec_cardiac_cath"],
  ["it", "v1;k=i;ex=medical_it:3.5;tg=senior_hcit"],
];

const UNSCHEDULED = { ja: "次の開催で（日程未公表）", en: "At the next session (dates not published)" };

async function planSteps(page) {
  return page.$$eval("ce-roadmap >> .cer-plan-steps li", (lis) => lis.map((li) => ({
    action: li.dataset.action,
    when: li.querySelector(".cer-plan-when").textContent,
    text: li.textContent,
  })));
}

for (const [name, link] of VISITORS) {
  for (const lang of ["ja", "en"]) {
    test(`visitor ${name} (${lang}): no course, meeting, units or exam without dates is given a day`, async () => {
      const page = await open(b, server.url, link, { lang });
      await page.waitForSelector("ce-roadmap >> .cer-plan");
      const steps = await planSteps(page);
      for (const s of steps) {
        if (["course", "units"].includes(s.action)) assert.equal(s.when, UNSCHEDULED[lang], s.text);
        // No step reads as due on the evaluation date (21 Nov 2026) but joining or starting work.
        if (!["join", "work_in_area", "work", "apply"].includes(s.action)) {
          assert.doesNotMatch(s.when, lang === "ja" ? /2026年11月21日/ : /21 Nov 2026/, s.text);
        }
      }
      const plan = await page.textContent("ce-roadmap >> .cer-plan");
      const timeline = await page.textContent("ce-roadmap >> .cer-timeline");
      // 臨床ME専門認定士: its CE years are unpublished, so nobody's plan or timeline dates it.
      assert.doesNotMatch(plan + timeline, /臨床ME専門認定士|Clinical ME specialist/);
      if (name === "cathlab") {
        // Only the visitor's areas and the general credentials: no endoscopy, no hyperbaric.
        assert.doesNotMatch(timeline, /専門内視鏡|専門高気圧酸素|endoscopy|hyperbaric/i);
        // Its JACET specialist title rests on courses and units without dates: the earliest.
        assert.match(timeline, lang === "ja" ? /専門心・血管カテーテル臨床工学技士（早くても）/ : /catheterisation \(at the earliest\)/);
      }
      if (name === "dialysis-icu") {
        // Licensed CEs are not told to sit ME class 2, which their licence makes pointless.
        assert.doesNotMatch(plan + timeline, /第2種ME|class 2/);
        assert.equal(await page.locator("ce-roadmap >> #cer-clinical-years").count(), 1);
      }
      for (const [part, sel] of [["timeline", ".cer-timeline"], ["plan", ".cer-plan"]]) {
        await inView(page.locator(`ce-roadmap >> ${sel}`));
        await page.screenshot({ path: `target/screenshots/visitor-${name}-${part}-${lang}-390.png` });
      }
      if (name === "dialysis-icu" || name === "highschool") {
        await page.setViewportSize({ width: 1280, height: 900 });
        await inView(page.locator("ce-roadmap >> .cer-timeline"));
        await page.screenshot({ path: `target/screenshots/visitor-${name}-${lang}-1280.png` });
      }
      assert.deepEqual(page.errors, []);
      await page.close();
    });
  }
}

test("visitor: the clinical years answer counts the dialysis and ICU years as one career", async () => {
  const page = await open(b, server.url, "v1;k=l;ex=blood_purification:2,intensive_care:1;me=jhrs:0", { lang: "ja" });
  const card = page.locator("article.cer-card[data-id=jhrs_ecg_specialist]");
  await card.waitFor({ state: "attached" });
  assert.match(await card.textContent(), /臨床の実務 3年以上（現在 2年、最も長い分野の年数）/);
  await page.fill("ce-roadmap >> #cer-clinical-years", "3");
  await page.waitForFunction(() => {
    const c = document.querySelector("ce-roadmap").shadowRoot.querySelector("article.cer-card[data-id=jhrs_ecg_specialist]");
    return c && /臨床の実務 3年以上（現在 3年）/.test(c.textContent);
  });
  assert.equal(await card.getAttribute("data-status"), "eligible");
  assert.deepEqual(page.errors, []);
  await page.close();
});
