#!/usr/bin/env node
// UI route for where fixes land, with the installed .vsix in code-server (test/vscode-fixes-workspace):
//   snippet    "Add a Problem section" on a PRD: the first <placeholder> is selected and on screen,
//              Tab moves to the next one, typing replaces it; saved to disk
//   fix-all    "Fix all in file" from the command palette on a backlog with the cursor mid-file:
//              the cursor stays on the line it was on
//   table-row  "Disable … for this line" on a roadmap table row: the comment at the end of the row
// Exit 0 = every check passed, 1 = a check failed, 2 = setup.
// Usage: node scripts/vscode/ui-fixes.mjs --vsix FILE [--run-dir DIR]
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  ROOT,
  fail,
  sleep,
  makeRunDir,
  copyWorkspace,
  writeUserSettings,
  installVsix,
  startCodeServer,
  launchBrowser,
  shooter,
  workbenchUrl,
  checker,
  recordFailure,
  finishRoute,
  quickOpen,
} from './lib.mjs';

const { values: opt } = parseArgs({ options: { vsix: { type: 'string' }, 'run-dir': { type: 'string' } } });
if (!opt.vsix) fail('usage: node ui-fixes.mjs --vsix FILE [--run-dir DIR]');
const run = makeRunDir(opt['run-dir'], 'ui-fixes');
const ws = copyWorkspace(path.join(ROOT, 'test/vscode-fixes-workspace'), run);
writeUserSettings(run);

const result = { run, checks: [] };
const check = checker(result);

let server,
  browser,
  page,
  shot = async () => {};
try {
  installVsix(run, opt.vsix);
  server = await startCodeServer(run, ws, ['--disable-workspace-trust']);
  ({ ctx: browser, page } = await launchBrowser(run));
  shot = shooter(page, run);
  await page.goto(workbenchUrl(server, ws));
  await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 90_000 });
  await page.locator('#status\\.problems').waitFor({ timeout: 90_000 });

  const open = async (name) => {
    await quickOpen(page, name);
    await page.locator('.tabs-container .tab.active', { hasText: name }).waitFor({ timeout: 30_000 });
  };
  /** "Ln 12, Col 5 (61 selected)" → { line, column, selected }. */
  const selection = async () => {
    const text = await page.locator('#status\\.editor\\.selection').innerText();
    const m = /Ln (\d+), Col (\d+)(?: \((\d+) selected\))?/.exec(text);
    return m ? { line: Number(m[1]), column: Number(m[2]), selected: Number(m[3] ?? 0) } : { text };
  };
  /** The text of the cursor's line (from the status bar's "Ln") as rendered: null unless that line is on screen. */
  const cursorLine = async () => {
    const { line } = await selection();
    return page.evaluate((line) => {
      const number = [...document.querySelectorAll('.editor-instance .margin-view-overlays .line-numbers')].find(
        (n) => n.textContent.trim() === String(line),
      );
      const top = number?.parentElement?.style.top;
      const text =
        top &&
        [...document.querySelectorAll('.editor-instance .view-lines .view-line')].find((l) => l.style.top === top);
      return text ? text.textContent.replace(/\u00a0/g, ' ') : null;
    }, line);
  };
  const quickFix = async (problem, title) => {
    await page.keyboard.press('Control+Shift+M');
    const row = page.locator('.markers-panel .monaco-list-row', { hasText: problem }).first();
    await row.waitFor({ timeout: 60_000 });
    const item = page.locator('.action-widget .monaco-list-row.action', { hasText: title }).first();
    for (let presses = 0; presses < 4; presses++) {
      await row.dblclick();
      await sleep(500);
      await page.keyboard.press('Control+Period');
      if (
        await item.waitFor({ timeout: 5_000 }).then(
          () => true,
          () => false,
        )
      )
        break;
      await page.keyboard.press('Escape');
    }
    await shot(`menu-${title.replace(/\W+/g, '-').toLowerCase()}`);
    await item.click();
    await page.locator('.tabs-container .tab.active.dirty').waitFor({ timeout: 10_000 });
    await sleep(300);
  };
  const save = async (file, want) => {
    await page.keyboard.press('Control+S');
    let disk = '';
    for (let i = 0; i < 100 && !disk.includes(want); i++) {
      await sleep(100);
      disk = fs.readFileSync(path.join(ws, file), 'utf8');
    }
    return disk;
  };

  // snippet: the template's placeholders are tab stops, the first selected and revealed.
  await open('prd.md');
  await quickFix('does not say what problem it solves', 'Add a Problem section');
  // The templates write slots as \\<slot>; the backslash is part of the placeholder Tab selects.
  const first = '\\<Who has the problem, what it is, and what it costs them today.>';
  const second = '\\<Why solving it matters now: the evidence (research, support tickets, data).>';
  let sel = await selection();
  await shot('snippet-first-stop');
  check('the first placeholder is selected', sel.selected === first.length, JSON.stringify(sel));
  check('and on screen', (await cursorLine()) === first, String(await cursorLine()));
  await page.keyboard.press('Tab');
  await sleep(300);
  sel = await selection();
  check(
    'Tab selects the next placeholder',
    sel.selected === second.length && (await cursorLine()) === second,
    JSON.stringify(sel),
  );
  const typed = 'Clerks lose three hours at every month end exporting invoices one by one.';
  await page.keyboard.type(typed);
  await page.keyboard.press('Escape');
  await shot('snippet-typed');
  const prd = await save('prd.md', typed);
  check(
    'typing replaced the placeholder, saved',
    prd.includes(`## Problem\n\n${first}\n\n${typed}\n`),
    JSON.stringify(prd.slice(prd.indexOf('## Problem'))),
  );

  // fix-all: the cursor stays on its line, far from the first fix and before the last.
  await open('backlog.md');
  await page.keyboard.press('Control+Shift+M');
  await page
    .locator('.markers-panel .monaco-list-row', { hasText: 'no acceptance criteria' })
    .first()
    .waitFor({ timeout: 60_000 });
  await page.keyboard.press('Control+1'); // back to the editor
  await page.keyboard.press('Control+G');
  await page.keyboard.type('199');
  await page.keyboard.press('Enter');
  await sleep(300);
  const before = await cursorLine();
  await page.keyboard.press('F1');
  await page.keyboard.type('Backlog Lint: Fix all in file');
  await page
    .locator('.quick-input-list .monaco-list-row', { hasText: 'Fix all in file' })
    .first()
    .waitFor({ timeout: 10_000 });
  await page.keyboard.press('Enter');
  await page.locator('.tabs-container .tab.active.dirty').waitFor({ timeout: 30_000 });
  await sleep(500);
  await shot('fix-all');
  const after = await cursorLine();
  sel = await selection();
  check(
    'fix all leaves the cursor on its line, on screen',
    after === before && sel.line > 199 && /type 33 /.test(after ?? ''),
    `${JSON.stringify(before)} → ${JSON.stringify(after)} at ${JSON.stringify(sel)}`,
  );

  // table-row: the disable comment at the end of the row, inside its last cell. The others closed
  // first, so the roadmap's problems are not scrolled out of the Problems list by the backlog's.
  await page.keyboard.press('Control+S');
  await page.locator('.tabs-container .tab.active.dirty').waitFor({ state: 'detached', timeout: 10_000 });
  await page.keyboard.press('Control+K');
  await page.keyboard.press('Control+W');
  await page
    .locator('.tabs-container .tab')
    .first()
    .waitFor({ state: 'detached', timeout: 10_000 })
    .catch(() => {});
  await open('roadmap.md');
  await quickFix('Roadmap item does not say why', 'Disable roadmap-item-why for this line');
  const row = '| Faster checkout for returning shoppers | Now | <!-- backlog-lint-disable-line roadmap-item-why --> |';
  const roadmap = await save('roadmap.md', row);
  await shot('table-row');
  check(
    'the disable comment ends the table row',
    roadmap.split('\n')[4] === row,
    JSON.stringify(roadmap.split('\n')[4]),
  );
  result.ok = true;
} catch (e) {
  await recordFailure(result, e, shot);
} finally {
  await finishRoute(result, { browser, server, run });
}
