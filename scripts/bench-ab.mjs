// Two builds side by side: `node scripts/bench-ab.mjs OLD_DIST NEW_DIST [rate] [rounds] [--input]`.
// Alternates the two so a busy shared machine slows both alike, and prints each round's
// medians and the ratio new/old: first render painted (10 cold loads each per round,
// `BENCH_LOADS`), or with --input, input-to-paint (50 stepper clicks, `BENCH_INPUTS`).
// The measures are scripts/bench.mjs's own (scripts/lib/measures.mjs).
// An old build: `git worktree add /tmp/old REV`, then build it there (see issue 5's note).
import { serve, browser } from "../tests/e2e/harness.mjs";
import { firstRender, inputToPaint, demoUrl } from "./lib/measures.mjs";

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

const measure = INPUT
  ? async (b, url) => (await inputToPaint(b, url, rate, INPUTS)).median
  : async (b, url) => (await firstRender(b, url, rate, LOADS)).painted.median;

const servers = [await serve(dirA), await serve(dirB)];
const b = await browser();
try {
  console.log(INPUT ? `input-to-paint, ${rate}× CPU, median of ${INPUTS} clicks per build and round`
    : `first render painted, ${rate}× CPU, median of ${LOADS} cold loads per build and round`);
  for (let r = 1; r <= rounds; r++) {
    const a = await measure(b, demoUrl(servers[0].url));
    const n = await measure(b, demoUrl(servers[1].url));
    console.log(`round ${r}: ${dirA} ${a.toFixed(0)} ms, ${dirB} ${n.toFixed(0)} ms, ratio ${(n / a).toFixed(2)}`);
  }
} finally {
  await b.close();
  for (const s of servers) await s.close();
}
