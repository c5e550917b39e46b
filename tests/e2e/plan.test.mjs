// The plan in the widget: the year-by-year view agrees with `ce-roadmap eval`'s
// plan, "aim for this" narrows it and goes into the share link, a case rate
// dates a credential that needs cases, and the timeline marks "after steps".
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { open, AS_OF, work, session, openGroup, inView } from "./harness.mjs";

let server, b;
session((s, br) => {
  server = s;
  b = br;
});

function evalJson(profile) {
  const bin = process.env.CE_ROADMAP_BIN || "target/release/ce-roadmap";
  const r = spawnSync(bin, ["eval", "--profile", "-", "--as-of", AS_OF], { input: JSON.stringify(profile), encoding: "utf8" });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout);
}

const root = (page) => page.locator("ce-roadmap").first();

async function planYears(page) {
  return page.$$eval("ce-roadmap >> .cer-plan-years > li", (lis) => lis.map((li) => ({
    year: li.querySelector("h4").textContent,
    steps: [...li.querySelectorAll(".cer-plan-steps li")].map((s) => s.textContent),
  })));
}

test("a clinical engineer with 2 years of dialysis sees a dated plan; aiming for one credential narrows it", async () => {
  const page = await open(b, server.url, { lang: "en" });
  await page.check("input[value=licensed]");
  await work(page, "blood_purification", "2");
  await page.waitForSelector(".cer-plan-years > li");
  const years = await planYears(page);
  assert.ok(years.length >= 2, `a plan over several years: ${JSON.stringify(years)}`);
  assert.match(years[0].year, /^FY2026/);
  const all = years.flatMap((y) => y.steps).join("\n");
  assert.match(all, /Join JACET/);
  assert.match(all, /Take the dialysis technician certification course/);
  // The JACET certification: its exam can be sat once the area's course is taken, now;
  // certification follows in FY2028 (join now, two years as a member), as the CLI says.
  const cli = evalJson({ stage: "licensed", licences: ["ce"], experience: { blood_purification: 2 }, plan_areas: ["blood_purification"] });
  const jacet = cli.credentials.find((c) => c.id === "jacet_cert_blood_purification").earliest;
  assert.equal(jacet.on, "2026-11-21");
  assert.equal(jacet.certify_on, "2028-11-21");
  const card = page.locator("article.cer-card[data-id=jacet_cert_blood_purification]");
  assert.equal(await card.getAttribute("data-status"), "action");
  assert.match(await card.locator(".cer-earliest").textContent(), /^Conditions met on 21 Nov 2026 \(after the course\).*certification from 21 Nov 2028 \(after joining, the meeting, the courses, the units and passing the exam\)/);
  // The plan lists it as certifiable in FY2028.
  const fy2028 = page.locator(".cer-plan-years > li", { hasText: "FY2028" });
  assert.match(await fy2028.locator(".cer-plan-opens").textContent(), /Can be held: .*JACET certified CE: blood purification/);

  // Aim for it: the plan narrows to it, and the link carries the target.
  await card.locator(".cer-aim").click();
  await page.waitForSelector("text=Narrowed to your targets");
  // ...and takes the visitor to the plan it narrowed, from the card far below it.
  await page.waitForFunction(() => {
    const p = document.querySelector("ce-roadmap").shadowRoot.querySelector(".cer-plan");
    const top = p.getBoundingClientRect().top;
    return top > -2 && top < innerHeight / 2;
  });
  assert.equal(await card.locator(".cer-aim").getAttribute("aria-pressed"), "true");
  const narrowed = (await planYears(page)).flatMap((y) => y.steps).join("\n");
  assert.doesNotMatch(narrowed, /dialysis technician certification course/, "other credentials' steps leave the plan");
  assert.match(narrowed, /Join JACET/);
  await page.click("text=Copy link");
  await page.waitForFunction(() => location.hash.includes("tg="));
  assert.match(await page.evaluate(() => location.hash), /tg=jacet_cert_blood_purification/);
  await page.setViewportSize({ width: 390, height: 900 });
  await inView(page.locator(".cer-plan"));
  await page.screenshot({ path: "target/screenshots/plan-en-390.png", fullPage: false });
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("a yearly case rate dates the intervention technologist; without it the card says why", async () => {
  const page = await open(b, server.url, { lang: "en" });
  await page.check("input[value=licensed]");
  await work(page, "cardiac_cath", "3");
  const card = page.locator("article.cer-card[data-id=ite]");
  await card.locator(".cer-earliest[data-blocked]").waitFor({ state: "attached" });
  assert.match(await card.textContent(), /Depends on your case volume/);
  await openGroup(page, "Cases");
  await page.fill("#cer-cases-cath_assists", "150");
  await page.fill("#cer-cases-pci_assists", "100");
  await page.fill("#cer-rate-cath_assists", "100");
  await card.locator("p.cer-earliest").waitFor({ state: "attached" });
  // The cases are reached in May 2027, after that year's March sitting (CVIT's exam month,
  // S16), so the card dates the next one.
  assert.match(await card.locator("p.cer-earliest").textContent(), /From the Mar 2028 exam/);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("plan screenshots: a student and a clinical engineer, 390 px and 1280 px, ja and en", async () => {
  for (const lang of ["ja", "en"]) {
    for (const width of [390, 1280]) {
      const page = await open(b, server.url, { lang, width });
      await page.check("input[value=student]");
      const area = lang === "ja" ? "血液浄化" : "Blood purification";
      await page.locator("fieldset.cer-checks .cer-check", { hasText: area }).first().locator("input").check();
      await page.waitForSelector(".cer-plan-years > li");
      const years = await planYears(page);
      // Licence in FY2029 (a 3-year school from 2026), the dialysis certifications two years on.
      assert.ok(years.some((y) => /2029/.test(y.year)), JSON.stringify(years));
      await inView(page.locator(".cer-plan"));
      await page.screenshot({ path: `target/screenshots/plan-student-${lang}-${width}.png` });
      assert.deepEqual(page.errors, []);
      await page.close();
    }
  }
});

test("the plan prints with the page, without the 'aim for this' and calendar buttons", async () => {
  const page = await open(b, server.url, { lang: "ja" });
  await page.check("input[value=licensed]");
  await work(page, "blood_purification", "2");
  await page.waitForSelector(".cer-plan-years > li");
  await page.emulateMedia({ media: "print" });
  assert.ok(await page.locator(".cer-plan-years > li").first().isVisible(), "plan visible in print");
  const aims = await page.locator(".cer-aim").count();
  assert.ok(aims > 0);
  for (let i = 0; i < aims; i++) assert.equal(await page.locator(".cer-aim").nth(i).isVisible(), false);
  assert.equal(await page.locator(".cer-calendar").count(), 1);
  assert.equal(await page.locator(".cer-calendar").isVisible(), false, "no calendar button on paper");
  await page.pdf({ path: "target/screenshots/plan-print-ja.pdf", format: "A4" });
  await page.screenshot({ path: "target/screenshots/plan-print-ja.png", fullPage: true });
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("a held credential with its year shows its renewal, and the plan downloads as a calendar that parses", async () => {
  const { default: ICAL } = await import("ical.js");
  const page = await open(b, server.url, { width: 390 });
  await page.check("input[value=it]");
  await work(page, "medical_it", "2");
  await openGroup(page, "取得済みの資格");
  await page.check("label:has-text('医療情報技師'):not(:has-text('上級'))");
  await page.selectOption("#cer-since-hcit", "2022");
  const hcit = page.locator("article.cer-card[data-id=hcit]");
  await hcit.locator("text=次の更新: 2027年（日付は認定証で確認）").waitFor();
  await page.locator("#cer-since-hcit").scrollIntoViewIfNeeded();
  await page.screenshot({ path: "target/screenshots/held-since-ja-390.png" });
  await inView(hcit);
  await page.screenshot({ path: "target/screenshots/card-renewal-ja-390.png" });
  await page.locator("article.cer-card[data-id=senior_hcit] .cer-aim").click();
  await page.waitForSelector("text=目指す資格とその前提にしぼった計画です。");
  const steps = (await planYears(page)).flatMap((y) => y.steps).join("\n");
  assert.match(steps, /2027年中医療情報技師を更新する（5年ごとに50点とセミナー受講）/);
  await inView(page.locator(".cer-plan"));
  await page.screenshot({ path: "target/screenshots/plan-renewal-ja-390.png" });

  const [download] = await Promise.all([page.waitForEvent("download"), page.click("text=カレンダーに追加（.ics）")]);
  assert.equal(download.suggestedFilename(), "ce-roadmap-plan.ics");
  const text = readFileSync(await download.path(), "utf8");
  // RFC 5545's form: CRLF lines of at most 75 octets, the calendar's required properties.
  assert.ok(text.endsWith("END:VCALENDAR\r\n") && !/[^\r]\n/.test(text), "CRLF line ends");
  for (const line of text.split("\r\n")) assert.ok(Buffer.byteLength(line) <= 75, `folded: ${line}`);
  const cal = new ICAL.Component(ICAL.parse(text));
  assert.equal(cal.getFirstPropertyValue("version"), "2.0");
  assert.ok(cal.getFirstPropertyValue("prodid"));
  const events = cal.getAllSubcomponents("vevent");
  // The renewal of the held one, and the sitting of the target (no published window).
  assert.equal(events.length, 2, events.map((e) => e.toString()).join("\n"));
  const uids = new Set();
  for (const e of events) {
    for (const p of ["uid", "dtstamp", "dtstart", "summary"]) assert.ok(e.getFirstPropertyValue(p), `${p} in ${e.toString()}`);
    assert.equal(e.getFirstPropertyValue("dtstart").isDate, true, "all-day");
    assert.match(e.getFirstPropertyValue("description"), /出典: https:\/\//);
    uids.add(e.getFirstPropertyValue("uid"));
  }
  assert.equal(uids.size, events.length, "UIDs are unique");
  const renewal = events.find((e) => e.getFirstPropertyValue("uid") === "renew-hcit@ce-roadmap");
  assert.equal(renewal.getFirstPropertyValue("dtstart").toString(), "2027-01-01");
  assert.match(renewal.getFirstPropertyValue("summary"), /^【更新の年】医療情報技師を更新する/);
  const sitting = events.find((e) => e.getFirstPropertyValue("uid") === "sit-senior_hcit@ce-roadmap");
  assert.equal(sitting.getFirstPropertyValue("dtstart").toString(), "2030-08-01");
  // The same events as the CLI's file for the same answers.
  const bin = process.env.CE_ROADMAP_BIN || "target/release/ce-roadmap";
  const profile = { stage: "it", experience: { medical_it: 2 }, plan_areas: ["medical_it"], held: ["hcit"], held_since: { hcit: 2022 }, targets: ["senior_hcit"] };
  const r = spawnSync(bin, ["plan", "--profile", "-", "--as-of", AS_OF, "--ics"], { input: JSON.stringify(profile), encoding: "utf8" });
  assert.equal(r.status, 0, r.stderr);
  const key = (c) => new ICAL.Component(ICAL.parse(c)).getAllSubcomponents("vevent")
    .map((e) => `${e.getFirstPropertyValue("uid")} ${e.getFirstPropertyValue("dtstart")} ${e.getFirstPropertyValue("summary")}`);
  assert.deepEqual(key(text), key(r.stdout));
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("the renewal and the calendar button in English at desktop width", async () => {
  const page = await open(b, server.url, { width: 1280, lang: "en" });
  await page.check("input[value=licensed]");
  await work(page, "blood_purification", "3");
  await openGroup(page, "Credentials held");
  await page.check("label:has-text('Dialysis technology certified technician')");
  await page.selectOption("#cer-since-dialysis_tech", "2019");
  const card = page.locator("article.cer-card[data-id=dialysis_tech]");
  await card.locator("text=Next renewal: 2029 (the day is on your certificate)").waitFor();
  const steps = (await planYears(page)).flatMap((y) => y.steps).join("\n");
  assert.match(steps, /during 2029Renew your dialysis technology certified technician \(every 5 years: 50 points, including one parent-society meeting\)/);
  // Unticked, the year goes from the answers' profile, and the renewal with it.
  await page.uncheck("label:has-text('Dialysis technology certified technician') input");
  await page.waitForFunction(() => !document.querySelector("ce-roadmap").shadowRoot.textContent.includes("during 2029"));
  await page.check("label:has-text('Dialysis technology certified technician') input");
  assert.equal(await page.inputValue("#cer-since-dialysis_tech"), "2019", "the year is kept");
  await inView(page.locator(".cer-plan"));
  await page.screenshot({ path: "target/screenshots/plan-renewal-en-1280.png" });
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("graduate school: chosen in the details, its milestones are marked as the visitor's choice, and full-time study moves the dates the CLI moves", async () => {
  const base = { stage: "licensed", experience: { blood_purification: 1 }, plan_areas: ["blood_purification"] };
  const ready = (mode) => evalJson({ ...base, graduate: { degree: "master", mode, start_year: 2027 } })
    .credentials.find((c) => c.id === "dialysis_tech").ready_on;
  const [working, fullTime] = [ready("working"), ready("full_time")];
  assert.ok(fullTime > working, `${fullTime} after ${working}`);
  for (const [lang, width] of [["ja", 390], ["en", 1280], ["ja", 1280], ["en", 390]]) {
    const ja = lang === "ja";
    const page = await open(b, server.url, { lang, width });
    await page.check("input[value=licensed]");
    await work(page, "blood_purification", "1");
    await openGroup(page, ja ? "大学院（任意）" : "Graduate school (optional)");
    await page.selectOption("#cer-grad-degree", "master");
    await page.selectOption("#cer-grad-start", "2027");
    await page.selectOption("#cer-grad-mode", "working");
    const card = page.locator("article.cer-card[data-id=dialysis_tech]");
    await page.waitForFunction((d) => document.querySelector("ce-roadmap").shadowRoot
      .querySelector("article.cer-card[data-id=dialysis_tech]")?.dataset.readyOn === d, working);
    await page.selectOption("#cer-grad-mode", "full_time");
    await page.waitForFunction((d) => document.querySelector("ce-roadmap").shadowRoot
      .querySelector("article.cer-card[data-id=dialysis_tech]")?.dataset.readyOn === d, fullTime);
    const choice = await page.$$eval("ce-roadmap >> .cer-plan-steps li[data-choice]", (lis) => lis.map((l) => l.textContent));
    assert.deepEqual(choice, ja
      ? ["2027年4月 入学大学院の修士課程に進む 任意・あなたの選択", "2029年3月 修了大学院の修士課程を修了する（標準2年） 任意・あなたの選択"]
      : ["Apr 2027 startEnter a master's course at graduate school optional, your choice", "Mar 2029 finishFinish the master's course (2 years as standard) optional, your choice"]);
    // The moved date says why.
    await card.locator(ja ? "text=全日制の大学院に在学する間は" : "text=The years of full-time graduate study").first().waitFor({ state: "attached" });
    await inView(page.locator("#cer-grad-degree"));
    await page.screenshot({ path: `target/screenshots/graduate-form-${lang}-${width}.png` });
    await inView(page.locator(".cer-plan li[data-choice]").first());
    await page.screenshot({ path: `target/screenshots/plan-graduate-${lang}-${width}.png` });
    // "No graduate school" takes the milestones and the pause away again.
    await page.selectOption("#cer-grad-degree", "");
    await page.waitForFunction(() => !document.querySelector("ce-roadmap").shadowRoot.querySelector(".cer-plan li[data-choice]"));
    assert.equal(await card.getAttribute("data-ready-on"), ready("working"));
    assert.deepEqual(page.errors, []);
    await page.close();
  }
});

test("the renewal and 基本情報技術者 at 390 px and 1280 px, in Japanese and English", async () => {
  for (const [lang, width] of [["ja", 1280], ["en", 390], ["ja", 390], ["en", 1280]]) {
    const ja = lang === "ja";
    const page = await open(b, server.url, { lang, width });
    await page.check("input[value=it]");
    await work(page, "medical_it", "2");
    await openGroup(page, ja ? "取得済みの資格" : "Credentials held");
    await page.check(ja ? "label:has-text('医療情報技師'):not(:has-text('上級'))" : "label:has-text('Healthcare Information Technologist'):not(:has-text('Senior'))");
    await page.selectOption("#cer-since-hcit", "2022");
    const hcit = page.locator("article.cer-card[data-id=hcit]");
    await hcit.locator(ja ? "text=次の更新: 2027年（日付は認定証で確認）" : "text=Next renewal: 2027 (the day is on your certificate)").waitFor();
    await inView(hcit);
    await page.screenshot({ path: `target/screenshots/card-renewal-${lang}-${width}.png` });
    // The national IT exam: open to anyone, sat by computer all year, its sources not the body's own.
    const fe = page.locator("article.cer-card[data-id=fe]");
    assert.equal(await fe.getAttribute("data-status"), "eligible");
    const text = await fe.textContent();
    assert.match(text, ja ? /2023年4月から通年/ : /All year round since April 2023/);
    assert.match(text, ja ? /IPA自身のページはこのデータの出典にまだありません/ : /IPA's own page is not yet among this data's sources/);
    assert.match(text, ja ? /毎月（通年）/ : /Every month \(all year\)/);
    await inView(fe);
    await page.screenshot({ path: `target/screenshots/card-fe-${lang}-${width}.png` });
    // The plan's calendar file at this width and language: it parses, and holds the renewal.
    const { default: ICAL } = await import("ical.js");
    await inView(page.locator(".cer-calendar"));
    await page.screenshot({ path: `target/screenshots/plan-calendar-${lang}-${width}.png` });
    const [download] = await Promise.all([page.waitForEvent("download"), page.click(".cer-calendar")]);
    const cal = new ICAL.Component(ICAL.parse(readFileSync(await download.path(), "utf8")));
    const renewal = cal.getAllSubcomponents("vevent").find((e) => e.getFirstPropertyValue("uid") === "renew-hcit@ce-roadmap");
    assert.equal(renewal.getFirstPropertyValue("dtstart").toString(), "2027-01-01");
    assert.match(renewal.getFirstPropertyValue("summary"), ja ? /^【更新の年】医療情報技師を更新する/ : /^Renewal year: Renew your Healthcare Information Technologist \(every 5 years: 50 points and a seminar\)/);
    assert.deepEqual(page.errors, []);
    await page.close();
  }
});
