// Shared by the browser tests: a static server for dist/ on loopback, Debian's
// Chromium through playwright-core, and the CLI for comparison.
import { before, after } from "node:test";
import { mkdirSync } from "node:fs";
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { spawnSync } from "node:child_process";
import { extname, join, normalize } from "node:path";
import { chromium } from "playwright-core";

export const AS_OF = "2026-11-21";
const MIME = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".mjs": "text/javascript",
  ".wasm": "application/wasm", ".css": "text/css", ".json": "application/json", ".toml": "text/plain; charset=utf-8",
};

export async function serve(dir = "dist") {
  const requests = [];
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    requests.push(path);
    const file = normalize(join(dir, path.endsWith("/") ? path + "index.html" : path));
    if (!file.startsWith(normalize(dir))) { res.writeHead(403).end(); return; }
    try {
      const body = await readFile(file);
      res.writeHead(200, { "content-type": MIME[extname(file)] || "application/octet-stream" }).end(body);
    } catch {
      res.writeHead(404).end("not found");
    }
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}`, requests, close: () => new Promise((ok) => server.close(ok)) };
}

export async function browser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync"],
  });
}

/// A page with the widget mounted; collects console errors and page errors.
export async function open(b, url, { width = 390, height = 900, lang } = {}) {
  const context = await b.newContext({ viewport: { width, height } });
  const page = await context.newPage();
  page.errors = [];
  page.on("pageerror", (e) => page.errors.push(e.message));
  page.on("console", (m) => { if (m.type() === "error" && !/favicon/.test(m.text()) && !/404/.test(m.text())) page.errors.push(m.text()); });
  const sep = url.includes("?") ? "&" : "?";
  await page.goto(`${url}${sep}asOf=${AS_OF}${lang ? `&lang=${lang}` : ""}`.replace(/\?&/, "?"));
  await page.waitForSelector(".cer-root:not([data-first-screen])");
  return page;
}

/// The statuses and ready_on dates the widget shows, by credential id.
export async function shown(page) {
  return page.$$eval("article.cer-card", (cards) =>
    Object.fromEntries(cards.map((c) => [c.dataset.id, { status: c.dataset.status, ready_on: c.dataset.readyOn || null }])));
}

/// The same from `ce-roadmap eval` for a profile.
export function cli(profile) {
  const bin = process.env.CE_ROADMAP_BIN || "target/release/ce-roadmap";
  const r = spawnSync(bin, ["eval", "--profile", "-", "--as-of", AS_OF], { input: JSON.stringify(profile), encoding: "utf8" });
  if (r.status !== 0) throw new Error(`ce-roadmap eval failed: ${r.stderr}`);
  const roadmap = JSON.parse(r.stdout);
  return Object.fromEntries(roadmap.credentials.map((c) => [c.id, { status: c.status, ready_on: c.ready_on }]));
}

export const hasJapanese = (s) => /[\u3040-\u30ff\u3400-\u9fff\uff00-\uffef]/.test(s);

export async function axe(page) {
  await page.addScriptTag({ path: "node_modules/axe-core/axe.min.js" });
  // Cards and the sections below the fold (course comparison, timeline, plan) skip layout
  // while off screen (content-visibility: auto), so axe would read colours at positions
  // where nothing is laid out (behind another card's filled badge): render them all for
  // the check, as a visitor scrolling down sees each.
  await page.evaluate(() => document.querySelectorAll("ce-roadmap, [data-ce-roadmap]").forEach((el) => {
    if (!el.shadowRoot) return;
    const s = new CSSStyleSheet();
    s.replaceSync(".cer-card, .cer-routes, .cer-timeline, .cer-plan { content-visibility: visible !important; }");
    el.shadowRoot.adoptedStyleSheets = [...el.shadowRoot.adoptedStyleSheets, s];
  }));
  // The whole document: axe looks into open shadow roots.
  const result = await page.evaluate(async () => window.axe.run(document, { resultTypes: ["violations"] }));
  return result.violations.filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join("; ")}`);
}

/// Brings an element to the top of the view for a screenshot. Sections below the fold skip
/// rendering until they are on screen (content-visibility: auto) and change the page's
/// height when they render: scroll, let two frames pass, scroll again, two frames more.
export async function inView(locator) {
  for (let i = 0; i < 2; i++) {
    await locator.evaluate((el) => el.scrollIntoView({ block: "start" }));
    await locator.page().evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
  }
}

export async function shot(page, name) {
  // Cards off screen skip rendering (content-visibility: auto) and a full-page capture
  // does not scroll, so the viewport is made as tall as the page for the capture, as a
  // visitor scrolling down would see every card.
  const size = page.viewportSize();
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: size.width, height: Math.max(size.height, height) });
  await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
  await page.screenshot({ path: `target/screenshots/${name}.png`, fullPage: true });
  await page.setViewportSize(size);
}

/// A working visitor's area: its chip chosen (once), then, given years, its stepper typed.
/// `scope` pierces to one widget on a page of several ("#second >> ").
export async function work(page, area, years, scope = "") {
  const chip = `${scope}input[data-area=${area}]`;
  if (!(await page.isChecked(chip))) await page.check(chip);
  if (years !== undefined) await page.fill(`${scope}#cer-exp-${area}`, String(years));
}

/// Opens a details group by its title (a group the roadmap asks about is open already).
export async function openGroup(page, title, scope = "") {
  const group = page.locator(`${scope}details.cer-sub`, { has: page.locator("summary", { hasText: title }) }).first();
  if (!(await group.evaluate((d) => d.open))) await group.locator("summary").click();
}

/// Opens every closed details group (none opens by itself).
export async function openGroups(page, scope = "") {
  await page.locator(`${scope}details.cer-sub:not([open]) > summary`).evaluateAll((s) => s.forEach((x) => x.click()));
}

/// One static server and one Chromium for a test file: started before its tests, closed
/// after; `ready(server, browser)` hands them over.
export function session(ready) {
  let server, b;
  before(async () => {
    mkdirSync("target/screenshots", { recursive: true });
    server = await serve();
    b = await browser();
    ready(server, b);
  });
  after(async () => {
    await b?.close();
    await server?.close();
  });
}
