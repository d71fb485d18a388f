#!/usr/bin/env node
// UI route for what a Product Owner sees beyond one quick fix, on the installed .vsix in code-server:
//   theme       the injection grammar in the default colour theme (a screenshot to look at)
//   menu        Ctrl+. on a PRD's title: fixes, then Fix all, then one Disable per rule, then docs
//   docs        the rule id in Problems opens the bundled docs in their own tab, which stays on file switch
//   config      a broken config: the error on the key in Problems, a relative path, the toast closed on fix
//   status      the status bar item shows the error icon when the file has errors
//   preview     template slots as fixes write them (\\<role>) show as <role> in the Markdown preview, and are reported
// Exit 0 = every check passed, 1 = a check failed, 2 = bad arguments or setup.
// Usage: node scripts/vscode/ui-editor.mjs --vsix FILE [--run-dir DIR]
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  fail,
  sleep,
  timer,
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
if (!opt.vsix) fail('usage: node ui-editor.mjs --vsix FILE [--run-dir DIR]');

const SHOWCASE = `# PAY-12: Pay by card

As a <role>, I want to pay by card, so that I can finish my order quickly.

When I am in a hurry, I want to pay with a saved card, so I can leave sooner.

## Acceptance criteria

- Given a saved card, when I pay, then the order is confirmed within 2 seconds.
- Given <context>, when <action>, then <observable outcome>

<!-- backlog-lint-disable-next-line story-minimal -->
Depends on PAY-3.
`;
const PRD = `---
type: prd
---
# PRD: Shared shopping lists

## Audience

Families who shop together.

## Scope

Share a list with a household; everyone sees edits live.
`;

const run = makeRunDir(opt['run-dir'], 'ui-editor');
const ws = copyWorkspace(null, run);
fs.mkdirSync(path.join(ws, 'stories'));
fs.writeFileSync(path.join(ws, 'stories', 'pay-by-card.md'), SHOWCASE);
fs.writeFileSync(
  path.join(ws, 'stories', 'login.md'),
  '# LOG-1: Log in\n\nAs a returning customer, I want to log in with my email, so that I can see my past orders.\n',
);
fs.mkdirSync(path.join(ws, 'docs'));
fs.writeFileSync(path.join(ws, 'docs', 'lists.prd.md'), PRD);
// As the story template writes it: a bare <role> would be an HTML tag to the preview, and vanish.
const SLOTS = 'As a \\<role>, I want \\<goal>, so that \\<benefit>.';
fs.writeFileSync(path.join(ws, 'stories', 'slots.md'), `# SLOT-1: A story still to write\n\n${SLOTS}\n`);
writeUserSettings(run);

const T = timer();
const result = { run, checks: [], timings_ms: T.marks };
let server,
  browser,
  page,
  shot = async () => {};
const check = checker(result);
const until = async (fn, ms = 30_000) => {
  for (const t0 = Date.now(); Date.now() - t0 < ms; await sleep(200)) {
    const v = await fn();
    if (v) return v;
  }
  return fn();
};

async function openFile(rel) {
  await quickOpen(page, rel);
  await page.locator('.tabs-container .tab.active', { hasText: path.basename(rel) }).waitFor({ timeout: 30_000 });
}

const problemsPanel = async () => {
  await page.keyboard.press('Control+Shift+M');
  const panel = page.locator('.markers-panel');
  await panel.waitFor({ state: 'visible' });
  return panel;
};

try {
  installVsix(run, opt.vsix);
  T.mark('install_vsix');
  server = await startCodeServer(run, ws, ['--disable-workspace-trust']);
  ({ ctx: browser, page } = await launchBrowser(run));
  shot = shooter(page, run);
  await page.goto(workbenchUrl(server, ws));
  await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 90_000 });
  T.mark('workbench_ready');

  // theme: the showcase story.
  await openFile('stories/pay-by-card.md');
  const panel = await problemsPanel();
  await panel
    .locator('.monaco-list-row', { hasText: 'placeholder' })
    .first()
    .waitFor({ timeout: 60_000 })
    .catch(() => {});
  // One theme (the workbench default): switching themes from the driver did not take effect in
  // code-server 4.139 (neither the user settings file nor the theme picker); see the README's gaps.
  await sleep(1000);
  await shot('theme-default');
  T.mark('themes');

  // status: the story has error findings (story-format on <role>?) or only warnings; the icon follows the worst.
  const status = page.locator('.statusbar-item', { hasText: /PO\+PM/ }).first();
  await status.waitFor({ timeout: 30_000 });
  const statusHtml = await status.innerHTML();
  const rows = await panel.locator('.monaco-list-row').allInnerTexts();
  const hasError = (await panel.locator('.monaco-list-row .codicon-error').count()) > 0;
  const iconOk = hasError ? /codicon-error/.test(statusHtml) : /codicon-(warning|info|check)/.test(statusHtml);
  check(
    'status bar icon follows the worst severity',
    iconOk,
    `errors in Problems: ${hasError}; item: ${statusHtml.replace(/<[^>]+>/g, ' ').trim()}`,
  );
  result.problemsRows = rows;

  // preview: the slots show in the Markdown preview (a webview: its text is in a nested frame).
  await openFile('stories/slots.md');
  const slotRow = panel.locator('.monaco-list-row', { hasText: 'placeholder' }).first();
  const slotReported = await slotRow.waitFor({ timeout: 60_000 }).then(
    () => true,
    () => false,
  );
  check(
    'the template slots are reported as placeholders',
    slotReported,
    (await panel.locator('.monaco-list-row').allInnerTexts()).join(' | '),
  );
  // The key goes to the focused part: after waiting on the Problems panel that may not be the editor.
  await page.locator('.editor-group-container.active .view-lines').first().click();
  await page.keyboard.press('Control+Shift+V');
  const slotsShown = 'As a <role>, I want <goal>, so that <benefit>.';
  const previewText = await until(async () => {
    for (const frame of page.frames().filter((f) => f !== page.mainFrame())) {
      const text = await frame.evaluate(() => document.body?.innerText ?? '').catch(() => '');
      if (text.includes('SLOT-1')) return text;
    }
    return '';
  });
  await shot('slots-preview');
  check(
    'the preview shows the slots as <role>, <goal>, <benefit>',
    previewText.includes(slotsShown),
    JSON.stringify(previewText.slice(0, 200)),
  );
  await page.keyboard.press('Control+W');
  T.mark('preview');

  // menu: Ctrl+. on the PRD title.
  await openFile('docs/lists.prd.md');
  const prdRow = panel.locator('.monaco-list-row', { hasText: 'This PRD' }).first();
  await prdRow.waitFor({ timeout: 60_000 });
  const menuItems = page.locator('.action-widget .monaco-list-row.action');
  let shown = false;
  for (let i = 0; i < 4 && !shown; i++) {
    await prdRow.dblclick();
    await sleep(500);
    await page.keyboard.press('Control+Period');
    shown = await menuItems
      .first()
      .waitFor({ timeout: 5_000 })
      .then(
        () => true,
        () => false,
      );
    if (!shown) await page.keyboard.press('Escape');
  }
  await shot('prd-quickfix-menu');
  const all = (await menuItems.allInnerTexts()).map((t) => t.trim().split('\n')[0]);
  result.menu = all;
  // Ours end with the last docs entry; VS Code's Markdown actions ("Insert bold text", …) follow.
  const titles = all.slice(0, all.findLastIndex((t) => t.startsWith('Show documentation')) + 1);
  const kind = (t) =>
    t.startsWith('Fix all') ? 1 : t.startsWith('Disable ') ? 2 : t.startsWith('Show documentation') ? 3 : 0;
  const kinds = titles.map(kind);
  check(
    'quick-fix menu: fixes, Fix all, Disable per rule, docs',
    shown && kinds.join() === [...kinds].sort().join() && kinds.includes(2) && kinds.includes(3),
    titles.join(' | '),
  );
  check(
    'whole-document findings offer "for this file"',
    titles.filter((t) => kind(t) === 2).every((t) => t.endsWith('for this file')),
    titles.join(' | '),
  );
  await page.keyboard.press('Escape');

  // docs: the rule id link in Problems opens our docs tab; it stays when another file is opened.
  const code = panel
    .locator('.monaco-list-row .marker-code, .monaco-list-row .code-link, .monaco-list-row a.monaco-link')
    .first();
  await code.waitFor({ timeout: 30_000 });
  const ruleId = (await code.innerText()).trim().replace(/[()]/g, '');
  await code.click();
  const docsTab = page.locator('.tabs-container .tab', { hasText: `Rule: ${ruleId}` });
  const opened = await docsTab
    .first()
    .waitFor({ timeout: 20_000 })
    .then(
      () => true,
      () => false,
    );
  await sleep(1500);
  await shot('rule-docs');
  check('the rule id in Problems opens the bundled docs in a tab of their own', opened, ruleId);
  await openFile('stories/login.md');
  await sleep(1000);
  check('the docs tab stays when another file is opened', (await docsTab.count()) > 0);

  // config: broken, then fixed.
  const config = path.join(ws, '.backlog-lint.json');
  fs.writeFileSync(config, '{\n  "rules": {\n    "story-acceptance-criteria": "eror"\n  }\n}\n');
  const configRow = panel.locator('.monaco-list-row', { hasText: 'rules.story-acceptance-criteria' }).first();
  const seen = await configRow.waitFor({ timeout: 30_000 }).then(
    () => true,
    () => false,
  );
  const label = seen ? await configRow.getAttribute('aria-label') : '';
  const toast = page.locator('.notification-toast', { hasText: 'Backlog Lint: .backlog-lint.json' });
  const toastShown = await toast
    .first()
    .waitFor({ timeout: 15_000 })
    .then(
      () => true,
      () => false,
    );
  // For the screenshot only: Quick Open may not list a file written a moment ago.
  await openFile('.backlog-lint.json').catch(() => page.keyboard.press('Escape'));
  await sleep(1000);
  await shot('config-error');
  check(
    'the config error is in Problems, on the key (line 3, column 5)',
    seen && /line 3 and character 5/.test(label ?? ''),
    label ?? '',
  );
  check(
    'the notification names the config by its relative path',
    toastShown && !(await toast.first().innerText()).includes(ws),
    toastShown ? await toast.first().innerText() : 'no toast',
  );
  fs.writeFileSync(config, '{\n  "rules": {\n    "story-acceptance-criteria": "error"\n  }\n}\n');
  const closed = await until(async () => (await toast.count()) === 0, 30_000);
  await shot('config-fixed');
  check('the notification closes once the config loads again', closed);

  result.ok = true;
} catch (e) {
  await recordFailure(result, e, shot);
} finally {
  result.total_ms = T.total();
  await finishRoute(result, {
    browser,
    server,
    run,
    summary: { menu: result.menu, timings_ms: result.timings_ms, total_ms: result.total_ms },
  });
}
