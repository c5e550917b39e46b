// Two builds side by side: `node scripts/bench-ab.mjs OLD_DIST NEW_DIST [rate] [rounds] [--input|--screen]`.
// Alternates the two so a busy shared machine slows both alike, and prints each round's
// medians and the ratio new/old: first render painted (10 cold loads each per round,
// `BENCH_LOADS`), with --input input-to-paint (50 stepper clicks, `BENCH_INPUTS`), or with
// --screen the snippet page's first screen painted from navigation.
// The measures are scripts/bench.mjs's own (scripts/lib/measures.mjs).
// An old build: `git worktree add /tmp/old REV`, then build it there (see issue 5's note).
import { serve, browser } from "../tests/e2e/harness.mjs";
import { firstRender, firstScreen, inputToPaint, demoUrl } from "./lib/measures.mjs";

const args = process.argv.slice(2).filter((a) => a !== "--input" && a !== "--screen");
const INPUT = process.argv.includes("--input");
const SCREEN = process.argv.includes("--screen");
// BENCH_NET=kbps/rtt (e.g. 1600/150) emulates a phone's connection for --screen.
const NET = process.env.BENCH_NET && (([kbps, rtt]) => ({ kbps: +kbps, rtt: +rtt }))(process.env.BENCH_NET.split("/"));
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
  : SCREEN
    ? async (b, url) => {
      const f = await firstScreen(b, url.slice(0, url.indexOf("/index.html")), rate, LOADS, NET);
      return f.fcp.median + f.after_fcp.median;
    }
    : async (b, url) => (await firstRender(b, url, rate, LOADS)).painted.median;

const servers = [await serve(dirA), await serve(dirB)];
const b = await browser();
try {
  console.log(INPUT ? `input-to-paint, ${rate}× CPU, median of ${INPUTS} clicks per build and round`
    : SCREEN ? `snippet page: first screen painted from navigation, ${rate}× CPU${NET ? `, ${NET.kbps} kbit/s and ${NET.rtt} ms round trips` : ""}, median of ${LOADS} cold loads per build and round`
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
