// First render of two builds side by side: `node scripts/bench-ab.mjs OLD_DIST NEW_DIST [rate] [rounds]`.
// Alternates the two (10 cold loads each per round, `BENCH_LOADS`) so a busy shared
// machine slows both alike, and prints each round's medians and the ratio new/old.
// An old build: `git worktree add /tmp/old REV`, then build it there (see issue 5's note).
import { serve, browser, AS_OF } from "../tests/e2e/harness.mjs";

const [dirA, dirB] = process.argv.slice(2, 4);
const rate = Number(process.argv[4] || 1);
const rounds = Number(process.argv[5] || 3);
const LOADS = Number(process.env.BENCH_LOADS || 10);
if (!dirA || !dirB) {
  console.error("usage: node scripts/bench-ab.mjs OLD_DIST NEW_DIST [cpu-rate] [rounds]");
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

const servers = [await serve(dirA), await serve(dirB)];
const b = await browser();
try {
  console.log(`first render painted, ${rate}× CPU, median of ${LOADS} cold loads per build and round`);
  for (let r = 1; r <= rounds; r++) {
    const a = await run(b, servers[0].url);
    const n = await run(b, servers[1].url);
    console.log(`round ${r}: ${dirA} ${a.toFixed(0)} ms, ${dirB} ${n.toFixed(0)} ms, ratio ${(n / a).toFixed(2)}`);
  }
} finally {
  await b.close();
  for (const s of servers) await s.close();
}
