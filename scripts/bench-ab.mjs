// Two builds side by side: `node scripts/bench-ab.mjs OLD_DIST NEW_DIST [rate] [rounds] [--input]`.
// Alternates the two so a busy shared machine slows both alike, and prints each round's
// medians and the ratio new/old: first render painted (10 cold loads each per round,
// `BENCH_LOADS`), or with --input, input-to-paint (50 stepper clicks, `BENCH_INPUTS`).
// An old build: `git worktree add /tmp/old REV`, then build it there (see issue 5's note).
import { serve, browser, AS_OF } from "../tests/e2e/harness.mjs";

const args = process.argv.slice(2).filter((a) => a !== "--input");
const INPUT = process.argv.includes("--input");
const [dirA, dirB] = args;
const rate = Number(args[2] || 1);
const rounds = Number(args[3] || 3);
const LOADS = Number(process.env.BENCH_LOADS || 10);
const INPUTS = Number(process.env.BENCH_INPUTS || 50);
if (!dirA || !dirB) {
  console.error("usage: node scripts/bench-ab.mjs OLD_DIST NEW_DIST [cpu-rate] [rounds] [--input]");
  process.exit(2);
}
const LINK = "#v1;k=l;li=ce;ex=blood_purification:2.5,intensive_care:1,respiratory:3;me=jacet:3,jhrs:1;ca=cath_assists:120,pci_assists:60";
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

async function run(b, url) {
  const painted = [];
  for (let i = 0; i < LOADS; i++) {
    const context = await b.newContext({ viewport: { width: 390, height: 900 } });
    const p = await context.newPage();
    if (rate > 1) await (await context.newCDPSession(p)).send("Emulation.setCPUThrottlingRate", { rate });
    // As scripts/bench.mjs: the task after the first frame with a card has been painted.
    await p.addInitScript(() => {
      const seen = () => [...document.querySelectorAll("ce-roadmap, [data-ce-roadmap]")]
        .some((el) => el.shadowRoot && el.shadowRoot.querySelector("article.cer-card"));
      const after = new MessageChannel();
      after.port1.onmessage = () => { window.__firstPainted = performance.now(); };
      const tick = () => (seen() ? after.port2.postMessage(0) : requestAnimationFrame(tick));
      requestAnimationFrame(tick);
    });
    await p.goto(`${url}/index.html?asOf=${AS_OF}${LINK}`);
    await p.waitForFunction(() => window.__firstPainted !== undefined, null, { timeout: 120_000 });
    painted.push(await p.evaluate(() => window.__firstPainted));
    await context.close();
  }
  return median(painted);
}

/// As scripts/bench.mjs: a year-stepper click until the widget's DOM is updated and laid out.
async function input(b, url) {
  const context = await b.newContext({ viewport: { width: 390, height: 900 } });
  const p = await context.newPage();
  if (rate > 1) await (await context.newCDPSession(p)).send("Emulation.setCPUThrottlingRate", { rate });
  await p.goto(`${url}/index.html?asOf=${AS_OF}${LINK}`);
  await p.waitForSelector("article.cer-card");
  const times = await p.evaluate(async (n) => {
    const root = document.querySelector("ce-roadmap").shadowRoot;
    const plus = root.querySelector("[aria-label='呼吸治療 増やす']");
    const minus = root.querySelector("[aria-label='呼吸治療 減らす']");
    const frame = () => new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 0)));
    const out = [];
    for (let i = 0; i < n; i++) {
      await frame();
      out.push(await new Promise((ok, no) => {
        const give = setTimeout(() => no(new Error("a click changed nothing")), 10_000);
        let t0;
        const mo = new MutationObserver(() => {
          mo.disconnect();
          root.host.getBoundingClientRect();
          clearTimeout(give);
          ok(performance.now() - t0);
        });
        mo.observe(root, { subtree: true, childList: true, characterData: true, attributes: true });
        t0 = performance.now();
        (i % 2 ? minus : plus).click();
      }));
    }
    return out;
  }, INPUTS);
  await context.close();
  return median(times);
}

const servers = [await serve(dirA), await serve(dirB)];
const b = await browser();
try {
  const measure = INPUT ? input : run;
  console.log(INPUT ? `input-to-paint, ${rate}× CPU, median of ${INPUTS} clicks per build and round`
    : `first render painted, ${rate}× CPU, median of ${LOADS} cold loads per build and round`);
  for (let r = 1; r <= rounds; r++) {
    const a = await measure(b, servers[0].url);
    const n = await measure(b, servers[1].url);
    console.log(`round ${r}: ${dirA} ${a.toFixed(0)} ms, ${dirB} ${n.toFixed(0)} ms, ratio ${(n / a).toFixed(2)}`);
  }
} finally {
  await b.close();
  for (const s of servers) await s.close();
}
