#!/usr/bin/env node
// `npm run bench:vscode`: UI latency where the user sees it. The .vsix installed in code-server,
// driven in headless Chromium: open generated backlogs of 1,000 and 5,000 stories, time the first
// findings after opening, then keystroke → Problems updated for typing a benefit into a story that
// lacks one, and for undoing it. Times are taken inside the page (keydown → the status bar's problem
// count changing), so the driver's own round trips do not count. The debounce is reported apart.
// Usage: node scripts/vscode/ui-bench.mjs [--vsix FILE] [--stories 1000,5000] [--samples 12] [--run-dir DIR] [--json FILE]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import { bundle } from '../lib/bundle-run.mjs';
import {
  HARNESS_HOME,
  sleep,
  makeRunDir,
  writeUserSettings,
  installVsix,
  startCodeServer,
  stopCodeServer,
  launchBrowser,
  shooter,
  workbenchUrl,
  quickOpen,
} from './lib.mjs';

const { values: opt } = parseArgs({
  options: {
    vsix: { type: 'string' },
    stories: { type: 'string' },
    samples: { type: 'string' },
    'run-dir': { type: 'string' },
    json: { type: 'string' },
  },
});
const vsix = path.resolve(opt.vsix ?? path.join(HARNESS_HOME, 'backlog-lint.vsix'));
if (!fs.existsSync(vsix)) {
  console.error(`${vsix} is missing: npm run package -- --out ${vsix}`);
  process.exit(2);
}
const SIZES = (opt.stories ?? '1000,5000').split(',').map(Number);
const SAMPLES = Number(opt.samples ?? 12);
const DEBOUNCE_MS = 250; // the setting's default, written into the workspace so the figure is known
const BENEFIT = ', so that I can plan the next week';
const TYPING_DELAY_MS = 40; // a fast typist, well under the debounce, so one lint follows the last key
const TIMEOUT_MS = 90_000; // a cold lint of 5,000 stories on a loaded machine

const run = makeRunDir(
  opt['run-dir'] ? path.resolve(opt['run-dir']) : path.join(HARNESS_HOME, 'runs', 'bench'),
  'bench',
);
const ws = path.join(run, 'workspace');
fs.mkdirSync(path.join(ws, '.vscode'), { recursive: true });
// No time budget: on a loaded machine the first (cold) lint of 5,000 stories can pass the default 5 s,
// and a stopped lint would be timed as "no findings" instead of as the slow lint it is.
fs.writeFileSync(
  path.join(ws, '.vscode', 'settings.json'),
  JSON.stringify(
    {
      'backlogLint.debounceMs': DEBOUNCE_MS,
      'backlogLint.maxTimePerFileMs': 0,
      // One rendered line per text line, so the driver reads back the whole line it edited.
      '[markdown]': { 'editor.wordWrap': 'off' },
    },
    null,
    2,
  ),
);
// The bench's own generator (scripts/bench/corpus.ts): the same backlogs `npm run bench` measures in-process.
const corpus = createRequire(import.meta.url)(
  await bundle('vscode-bench-corpus', { contents: "export { bigBacklog } from './scripts/bench/corpus';" }),
);
const files = SIZES.map((n) => {
  const text = corpus.bigBacklog(n);
  const name = `backlog-${n}.md`;
  fs.writeFileSync(path.join(ws, name), text);
  const lines = text.split('\n');
  // Stories without a benefit ("As a …, I want to ….") spread over the file: where the benefit is typed.
  const targets = lines.flatMap((l, i) => (/^As an? [^,]+, I want to [^,]+\.$/.test(l) ? [i + 1] : []));
  const step = Math.max(1, Math.floor(targets.length / SAMPLES));
  return {
    n,
    name,
    bytes: Buffer.byteLength(text),
    lines: lines.length,
    targets: targets.filter((_, i) => i % step === Math.floor(step / 2)).slice(0, SAMPLES),
  };
});
writeUserSettings(run);

const percentile = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] : NaN;
};
const stats = (xs) => ({
  p50: Math.round(percentile(xs, 50)),
  p95: Math.round(percentile(xs, 95)),
  max: Math.round(Math.max(...xs)),
  n: xs.length,
});

/** The extension's debug lines "linted FILE vN: config …, worker …, diagnostics …" from this run's log. */
function extensionLog(dir) {
  const logs = path.join(dir, 'data', 'logs');
  const found = [];
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name === 'Backlog Lint.log') found.push(p);
    }
  };
  if (fs.existsSync(logs)) walk(logs);
  return found.flatMap((f) =>
    fs
      .readFileSync(f, 'utf8')
      .split('\n')
      .filter((l) => /linted |took more than/.test(l)),
  );
}

let server, browser;
const result = {
  run,
  debounceMs: DEBOUNCE_MS,
  loadavg: os.loadavg().map((l) => Number(l.toFixed(2))),
  cpus: os.cpus().length,
  files: [],
};
try {
  installVsix(run, vsix);
  // Debug level: the extension logs where each lint's time went (config, worker, diagnostics).
  server = await startCodeServer(run, ws, ['--disable-workspace-trust', '--log', 'debug']);
  let page;
  ({ ctx: browser, page } = await launchBrowser(run));
  const shot = shooter(page, run);
  await page.goto(workbenchUrl(server, ws));
  await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 90_000 });
  await page.locator('#status\\.problems').waitFor({ timeout: 90_000 });
  await sleep(2000); // let the workbench settle (extensions scan, explorer) before timing anything
  // Every keydown and every change of the problem counts, on the page's clock. Two counts: VS Code's own
  // shows "1K" from 1,000 problems on, so past that only the extension's item (the active file's exact
  // count, set in the same turn as the diagnostics) sees a finding come or go. The item counts only once
  // it shows a number: opening a file shows "Backlog Lint" until the first lint, so the first findings
  // are timed on VS Code's count alone.
  await page.evaluate(() => {
    const bench = { keys: [], changes: [] };
    window.__bench = bench;
    const text = (selector) => document.querySelector(selector)?.textContent ?? '';
    window.__problems = () => text('#status\\.problems');
    window.__counts = () =>
      `${window.__problems()} | ${/\d/.test(text('[id$="backlogLint.status"]')) ? text('[id$="backlogLint.status"]') : ''}`;
    document.addEventListener('keydown', () => bench.keys.push(performance.now()), true);
    let last = window.__counts();
    new MutationObserver(() => {
      const now = window.__counts();
      if (now !== last) {
        last = now;
        bench.changes.push({ t: performance.now(), text: last, problems: window.__problems() });
      }
    }).observe(document.querySelector('.part.statusbar'), {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
    });
  });
  // textContent, as the observer records it (innerText lays it out with line breaks).
  const counter = () => page.evaluate(() => window.__counts());
  /** The first change of the counts (`field`: 'problems' for VS Code's alone) after the latest keydown, in ms. */
  const waitForChange = async (from, want, field = 'text') => {
    for (const t0 = Date.now(); Date.now() - t0 < TIMEOUT_MS; await sleep(20)) {
      const r = await page.evaluate(
        ({ from, want, field }) => {
          const b = window.__bench;
          const key = b.keys[b.keys.length - 1];
          const c = b.changes.find((x) => x.t > key && x[field] !== from && (want === null || x[field] === want));
          return c ? { ms: c.t - key, text: c[field] } : null;
        },
        { from, want, field },
      );
      if (r) return r;
    }
    return null;
  };
  /** The text of the line the cursor is on, as the editor renders it. */
  const cursorLine = () =>
    page.evaluate(() => {
      const cur = document.querySelector('.editor-instance .view-overlays .current-line');
      const top = cur?.parentElement?.style.top;
      const line = [...document.querySelectorAll('.editor-instance .view-lines .view-line')].find(
        (l) => l.style.top === top,
      );
      return (line?.textContent ?? '').replace(/\u00a0/g, ' ');
    });

  for (const f of files) {
    const entry = { stories: f.n, bytes: f.bytes, samples: f.targets.length };
    result.files.push(entry);
    const before = await page.evaluate(() => window.__problems());
    await quickOpen(page, f.name);
    const first = await waitForChange(before, null, 'problems');
    if (!first) throw new Error(`no findings within ${TIMEOUT_MS} ms of opening ${f.name}`);
    entry.firstFindingsMs = Math.round(first.ms);
    await page.locator('.tabs-container .tab.active', { hasText: f.name }).waitFor({ timeout: 30_000 });
    // The whole file linted: the count has settled (no later change for a while).
    await sleep(3000);
    await shot(`opened-${f.n}`);
    const type = [];
    const undo = [];
    const goTo = async (line) => {
      await page.keyboard.press('Control+G');
      await page.keyboard.type(String(line));
      await page.keyboard.press('Enter');
      await page.keyboard.press('End');
      await page.keyboard.press('ArrowLeft'); // before the full stop
      await sleep(300);
    };
    const settle = async () => {
      for (let last = await counter(), i = 0; i < 40; i++) {
        await sleep(250);
        const now = await counter();
        if (now === last && i > 8) return;
        last = now;
      }
    };
    // Typing makes several undo stops (one per word): count them once, untimed, at the first story.
    await goTo(f.targets[0]);
    const original0 = await cursorLine();
    await page.keyboard.type(BENEFIT);
    await settle();
    let undoStops = 0;
    while (undoStops < 40 && (await cursorLine()) !== original0) {
      await page.keyboard.press('Control+Z');
      undoStops++;
    }
    if ((await cursorLine()) !== original0) throw new Error(`undo did not restore ${f.name}:${f.targets[0]}`);
    await settle();
    /** Runs `keys`, then the ms from its last keydown to the next change of the count; `early` when the
     *  count changed before the last key (a stall in the driver let a lint in): that sample is dropped. */
    const timed = async (keys, from) => {
      const c0 = await page.evaluate(() => window.__bench.changes.length);
      await keys();
      const early = await page.evaluate((c0) => {
        const b = window.__bench;
        return b.changes.slice(c0).some((c) => c.t <= b.keys[b.keys.length - 1]);
      }, c0);
      if (early) {
        await settle();
        return { early };
      }
      return { early, change: await waitForChange(from, null) };
    };
    entry.dropped = 0;
    for (const line of f.targets) {
      await goTo(line);
      const original = await cursorLine();
      const count = await counter();
      const t = await timed(() => page.keyboard.type(BENEFIT, { delay: TYPING_DELAY_MS }), count);
      if (!t.early && !t.change)
        throw new Error(`Problems did not change within ${TIMEOUT_MS} ms of typing a benefit at ${f.name}:${line}`);
      if (!(await cursorLine()).includes(BENEFIT))
        throw new Error(`the benefit did not land at ${f.name}:${line}: ${await cursorLine()}`);
      if (t.change) type.push(t.change.ms);
      else entry.dropped++;
      await sleep(500);
      const after = await counter();
      const u = await timed(async () => {
        for (let i = 0; i < undoStops; i++) await page.keyboard.press('Control+Z');
      }, after);
      if ((await cursorLine()) !== original)
        throw new Error(`${undoStops} undos did not restore ${f.name}:${line}: ${await cursorLine()}`);
      if (!u.early && !u.change)
        throw new Error(`Problems did not change within ${TIMEOUT_MS} ms of undoing at ${f.name}:${line}`);
      if (u.change) undo.push(u.change.ms);
      else entry.dropped++;
      await settle();
      if ((await counter()) !== count)
        throw new Error(
          `after undoing at ${f.name}:${line} Problems shows ${JSON.stringify(await counter())}, not ${JSON.stringify(count)} as before`,
        );
    }
    entry.typeMs = stats(type);
    entry.undoMs = stats(undo);
    entry.typeAfterDebounceMs = stats(type.map((x) => x - DEBOUNCE_MS));
    entry.undoAfterDebounceMs = stats(undo.map((x) => x - DEBOUNCE_MS));
    await shot(`edited-${f.n}`);
    console.log(JSON.stringify(entry));
  }
  result.loadavgAfter = os.loadavg().map((l) => Number(l.toFixed(2)));
  result.ok = true;
} catch (e) {
  result.ok = false;
  result.error = String(e?.stack || e);
  console.error(result.error);
} finally {
  await browser?.close().catch(() => {});
  await stopCodeServer(server?.child);
  result.lintLog = extensionLog(run);
  fs.writeFileSync(path.join(run, 'result.json'), JSON.stringify(result, null, 2));
  if (opt.json) fs.writeFileSync(path.resolve(opt.json), JSON.stringify(result, null, 2));
}
console.log(
  `\nUI latency (code-server, installed .vsix; debounce ${DEBOUNCE_MS} ms; load average ${result.loadavg.join(' ')} on ${result.cpus} cores)`,
);
for (const f of result.files) {
  if (!f.typeMs) continue;
  console.log(
    `${String(f.stories).padStart(5)} stories (${(f.bytes / 1024).toFixed(0)} KB): first findings ${f.firstFindingsMs} ms after opening; ` +
      `type p50/p95 ${f.typeMs.p50}/${f.typeMs.p95} ms (after the debounce ${f.typeAfterDebounceMs.p50}/${f.typeAfterDebounceMs.p95}); ` +
      `undo ${f.undoMs.p50}/${f.undoMs.p95} ms (after the debounce ${f.undoAfterDebounceMs.p50}/${f.undoAfterDebounceMs.p95}); n=${f.typeMs.n}`,
  );
}
console.log(`run: ${run}`);
process.exit(result.ok ? 0 : 1);
