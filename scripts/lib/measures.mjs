// Browser measures shared by scripts/bench.mjs and scripts/bench-ab.mjs, so the
// benchmark and the side-by-side comparison measure exactly the same thing.
import { AS_OF } from "../../tests/e2e/harness.mjs";

// A licensed technologist with some history, so the first screen is a roadmap.
export const LINK = "#v1;k=l;li=ce;ex=blood_purification:2.5,intensive_care:1,respiratory:3;me=jacet:3,jhrs:1;ca=cath_assists:120,pci_assists:60";

/// The demo page at the benchmark's date, opened on that visitor's roadmap.
export const demoUrl = (serverUrl) => `${serverUrl}/index.html?asOf=${AS_OF}${LINK}`;

export const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return { n: s.length, median: q(0.5), min: s[0], max: s[s.length - 1], p10: q(0.1), p90: q(0.9) };
};

/// A fresh phone-sized page at `rate`× CPU throttling and, given `network` ({ kbps, rtt }),
/// an emulated connection.
async function freshPage(b, rate, network) {
  const context = await b.newContext({ viewport: { width: 390, height: 900 } });
  const p = await context.newPage();
  if (rate > 1 || network) {
    const cdp = await context.newCDPSession(p);
    if (rate > 1) await cdp.send("Emulation.setCPUThrottlingRate", { rate });
    if (network) {
      await cdp.send("Network.enable");
      const bytes = (network.kbps * 1000) / 8;
      await cdp.send("Network.emulateNetworkConditions", {
        offline: false, latency: network.rtt, downloadThroughput: bytes, uploadThroughput: bytes,
      });
    }
  }
  return p;
}

// For the pages' init scripts: `__afterPaint(f)`, called in a rAF callback, runs `f` once
// that frame has been laid out, painted and committed. A user-blocking task
// (scheduler.postTask) runs next; a posted message waited behind whatever task came first:
// in traces of the snippet page, the wasm glue's evaluation, 15–25 ms after the commit.
const AFTER_PAINT = `window.__afterPaint = (f) => globalThis.scheduler?.postTask
  ? scheduler.postTask(f, { priority: "user-blocking" })
  : (() => { const c = new MessageChannel(); c.port1.onmessage = f; c.port2.postMessage(0); })();`;

export async function page(b, url, rate) {
  const p = await freshPage(b, rate);
  await p.addInitScript({ content: AFTER_PAINT });
  await p.addInitScript(() => {
    // Notes the first animation frame whose DOM holds a rendered roadmap card, and
    // when that frame has been laid out and painted.
    const seen = () => [...document.querySelectorAll("ce-roadmap, [data-ce-roadmap]")]
      .some((el) => el.shadowRoot && el.shadowRoot.querySelector("article.cer-card"));
    const tick = () => {
      if (!seen()) return requestAnimationFrame(tick);
      window.__firstRoadmap = performance.now();
      window.__afterPaint(() => { window.__firstPainted = performance.now(); });
    };
    requestAnimationFrame(tick);
  });
  await p.goto(url);
  await p.waitForFunction(() => window.__firstPainted !== undefined, null, { timeout: 120_000 });
  return p;
}

/// Navigation start to the first frame with the roadmap (its rAF callback) and to
/// that frame painted, over `loads` cold loads (a fresh context each).
export async function firstRender(b, url, rate, loads) {
  const frame = [], painted = [];
  for (let i = 0; i < loads; i++) {
    const p = await page(b, url, rate);
    const t = await p.evaluate(() => [window.__firstRoadmap, window.__firstPainted]);
    frame.push(t[0]);
    painted.push(t[1]);
    await p.context().close();
  }
  return { frame: stats(frame), painted: stats(painted) };
}

/// `inputs` year-stepper clicks, each until the widget's DOM is updated and laid out (forced), at `rate`.
export async function inputToPaint(b, url, rate, inputs) {
  const p = await page(b, url, rate);
  const times = await p.evaluate(async (n) => {
    const root = document.querySelector("#demo").shadowRoot;
    const plus = root.querySelector("[aria-label='呼吸治療 増やす']");
    const minus = root.querySelector("[aria-label='呼吸治療 減らす']");
    if (!plus || !minus) throw new Error("no respiratory stepper");
    const frame = () => new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 0)));
    const out = [];
    for (let i = 0; i < n; i++) {
      await frame();
      const t = await new Promise((ok, no) => {
        const give = setTimeout(() => no(new Error("a stepper click changed nothing")), 10_000);
        let t0;
        const mo = new MutationObserver(() => {
          mo.disconnect();
          root.host.getBoundingClientRect(); // style and layout now, inside the measurement
          clearTimeout(give);
          ok(performance.now() - t0);
        });
        mo.observe(root, { subtree: true, childList: true, characterData: true, attributes: true });
        t0 = performance.now();
        (i % 2 ? minus : plus).click();
      });
      out.push(t);
    }
    return out;
  }, inputs);
  await p.context().close();
  return stats(times);
}

/// A page holding only the documented snippet (its fallback link is the page's own
/// first contentful paint), served beside dist/ so the loader is same-origin.
export const SNIPPET_PAGE = `<!doctype html><html lang="ja"><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>snippet</title>
<script type="module" src="/ce-roadmap.js"></script>
<ce-roadmap lang="ja"><a href="/roadmap.html">資格ロードマップ</a></ce-roadmap>`;

/// The widget's first screen (its first question in the shadow root) painted, less the
/// host page's own first contentful paint, over `loads` cold loads of the snippet page;
/// also the live widget's takeover (the first screen replaced) from navigation, and the
/// layout shift (CLS) from the first screen on.
/// `network`: { kbps, rtt } to emulate a phone's connection (files are served uncompressed).
export async function firstScreen(b, serverUrl, rate, loads, network) {
  const after = [], fcp = [], live = [], cls = [];
  for (let i = 0; i < loads; i++) {
    const p = await freshPage(b, rate, network);
    await p.route("**/snippet-only.html", (r) => r.fulfill({ contentType: "text/html; charset=utf-8", body: SNIPPET_PAGE }));
    await p.addInitScript({ content: AFTER_PAINT });
    await p.addInitScript(() => {
      // Layout shifts from the first screen on: the takeover's share of CLS.
      window.__cls = 0;
      new PerformanceObserver((l) => {
        for (const e of l.getEntries()) if (window.__screen !== undefined) window.__cls += e.value;
      }).observe({ type: "layout-shift", buffered: true });
      const root = () => document.querySelector("ce-roadmap")?.shadowRoot;
      const note = (name) => window.__afterPaint(() => { window[name] ??= performance.now(); });
      const tick = () => {
        const r = root();
        if (window.__screen === undefined && r?.querySelector(".cer-kinds legend")) note("__screen");
        if (r?.querySelector(".cer-root:not([data-first-screen])")) return note("__live");
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    await p.goto(`${serverUrl}/snippet-only.html`);
    await p.waitForFunction(() => window.__live !== undefined, null, { timeout: 120_000 });
    // Two frames more, so a shift the takeover caused is reported.
    await p.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
    const t = await p.evaluate(() => ({
      cls: window.__cls,
      fcp: performance.getEntriesByName("first-contentful-paint")[0]?.startTime,
      screen: window.__screen, live: window.__live,
    }));
    fcp.push(t.fcp);
    after.push(t.screen - t.fcp);
    live.push(t.live);
    cls.push(t.cls);
    await p.context().close();
  }
  return { after_fcp: stats(after), fcp: stats(fcp), live: stats(live), cls: stats(cls) };
}
