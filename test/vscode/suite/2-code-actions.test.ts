/** Quick fixes from the lightbulb and source.fixAll.backlogLint, checked on the resulting text. */
import * as assert from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  AC_FIX,
  closeAll,
  codeActionTitled,
  codeOf,
  diagnosticsUntil,
  EXTENSION_ID,
  extensionPath,
  open,
  ours,
  RULE,
  setSetting,
  sleep,
  waitFor,
  workspaceUri,
} from '../helpers';

const FIX_ALL = 'Fix all backlog-lint issues in this file';

suite('code actions', () => {
  teardown(closeAll);

  test('the quick fix inserts the acceptance criteria template under the story, and the warning goes', async () => {
    const uri = workspaceUri('stories', 'login.md');
    const editor = await open(uri);
    const [d] = await diagnosticsUntil(uri, (ds) => ds.length === 1, 'the diagnostic');
    const fix = await codeActionTitled(uri, d!.range, AC_FIX);
    assert.ok(fix.isPreferred, 'preferred: Ctrl+. / auto-fix picks it');
    assert.ok(fix.edit && (await vscode.workspace.applyEdit(fix.edit)));
    const text = editor.document.getText();
    // One level below the story's heading: the core places it.
    const criteria = '## Acceptance criteria\n\n- Given \\<context>, when \\<action>, then \\<observable outcome>\n';
    assert.ok(text.includes(criteria), text);
    assert.ok(text.indexOf(criteria) > text.indexOf('As a returning customer'), 'after the story statement');
    assert.ok(text.indexOf(criteria) < text.indexOf('## Notes'), 'inside the story, before the next section');
    await diagnosticsUntil(uri, (ds) => ds.length === 0, 'the warning to clear');
  });

  test('"Disable <rule> for this line" inserts the disable comment for that line', async () => {
    const uri = workspaceUri('backlog', 'checkout.md');
    const editor = await open(uri);
    const ds = await diagnosticsUntil(uri, (ds) => ds.length === 3, 'three diagnostics');
    const listItem = ds.find((d) => d.range.start.line === 16)!; // "- As a shopper, I want to split…"
    const disable = await codeActionTitled(uri, listItem.range, `Disable ${RULE} for this line`);
    assert.ok(disable.edit && (await vscode.workspace.applyEdit(disable.edit)));
    // In a list item the comment goes at the end of the line (a line above would split the list).
    assert.match(
      editor.document.lineAt(16).text,
      new RegExp(`^- As a shopper.*<!-- backlog-lint-disable-line ${RULE} -->$`),
    );
    await diagnosticsUntil(uri, (ds) => ds.length === 2, 'that finding to be suppressed');
  });

  test('"Show documentation for <rule>" opens the rule docs in the docs panel, which stays when the editor changes', async () => {
    const uri = workspaceUri('stories', 'login.md');
    await open(uri);
    const [d] = await diagnosticsUntil(uri, (ds) => ds.length === 1, 'the diagnostic');
    const show = await codeActionTitled(uri, d!.range, `Show documentation for ${RULE}`);
    assert.ok(show.command);
    await vscode.commands.executeCommand(show.command.command, ...(show.command.arguments ?? []));
    const api = vscode.extensions.getExtension<{ docsRuleId?: string }>(EXTENSION_ID)!.exports;
    await waitFor(() => api.docsRuleId === RULE, 'the docs panel to show the rule');
    const docsTab = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.label === `Rule: ${RULE}`);
    const labels = () =>
      vscode.window.tabGroups.all
        .flatMap((g) => g.tabs)
        .map((t) => t.label)
        .join(', ');
    await waitFor(() => docsTab(), `a docs tab of its own (tabs: ${labels()})`);
    await open(workspaceUri('backlog', 'checkout.md'));
    await sleep(300);
    assert.ok(docsTab(), 'still there after switching files');
    assert.strictEqual(api.docsRuleId, RULE, 'still the same rule');
  });

  test('the rule id in Problems links to the bundled docs (a command link), not a web page', async () => {
    const uri = workspaceUri('stories', 'login.md');
    await open(uri);
    const [d] = await diagnosticsUntil(uri, (ds) => ds.length === 1, 'the diagnostic');
    assert.ok(typeof d!.code === 'object', 'a code with a target');
    const target = (d!.code as { target: vscode.Uri }).target;
    assert.strictEqual(target.scheme, 'command');
    assert.strictEqual(target.path, 'backlogLint.showRuleDocs');
    assert.deepStrictEqual(JSON.parse(decodeURIComponent(target.query)), [RULE]);
  });

  test('menu order on a PRD title: fixes, Fix all, one Disable per rule (for this file), docs; the disable works', async () => {
    const uri = workspaceUri('docs', `order-${process.pid}.prd.md`);
    await vscode.workspace.fs.writeFile(
      uri,
      new TextEncoder().encode(
        '---\ntype: prd\n---\n# PRD: Shared shopping lists\n\n## Audience\n\nFamilies who shop together.\n\n' +
          '## Scope\n\nShare a list with a household; everyone sees edits live.\n',
      ),
    );
    try {
      const editor = await open(uri);
      const ds = await waitFor(() => (ours(uri).length >= 2 ? ours(uri) : undefined), 'the PRD findings');
      const title = ds[0]!.range;
      const rules = [...new Set(ds.filter((d) => d.range.isEqual(title)).map(codeOf))];
      const titles = await waitFor(async () => {
        const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
          'vscode.executeCodeActionProvider',
          uri,
          title,
          vscode.CodeActionKind.QuickFix.value,
        );
        return actions.some((a) => a.title.startsWith('Disable')) ? actions.map((a) => a.title) : undefined;
      }, 'the actions');
      const kind = (t: string) =>
        t === FIX_ALL ? 1 : t.startsWith('Disable ') ? 2 : t.startsWith('Show documentation') ? 3 : 0;
      assert.deepStrictEqual(
        [...titles].sort((a, b) => kind(a) - kind(b)),
        titles,
        `grouped in order: ${titles.join(' | ')}`,
      );
      assert.deepStrictEqual(
        titles.filter((t) => kind(t) === 2),
        rules.map((r) => `Disable ${r} for this file`),
        'one per rule, for the file',
      );
      assert.deepStrictEqual(
        titles.filter((t) => kind(t) === 3),
        rules.map((r) => `Show documentation for ${r}`),
        'one per rule',
      );
      const disable = await codeActionTitled(uri, title, `Disable ${rules[0]} for this file`);
      assert.ok(disable.edit && (await vscode.workspace.applyEdit(disable.edit)));
      assert.strictEqual(
        editor.document.lineAt(3).text,
        `<!-- backlog-lint-disable-file ${rules[0]} -->`,
        'below the front matter',
      );
      await waitFor(
        () =>
          !ours(uri).some((d) => codeOf(d) === rules[0]) &&
          ours(uri).length === ds.length - ds.filter((d) => codeOf(d) === rules[0]).length,
        'only that rule silenced',
      );
    } finally {
      await closeAll();
      await vscode.workspace.fs.delete(uri, { useTrash: false });
    }
  });

  test('"Fix all" gives the same text as `backlog-lint --fix`', async () => {
    const uri = workspaceUri('backlog', 'checkout.md');
    const editor = await open(uri);
    const [d] = await diagnosticsUntil(uri, (ds) => ds.length === 3, 'three diagnostics');
    const all = await codeActionTitled(uri, d!.range, FIX_ALL);
    assert.ok(all.command);
    await vscode.commands.executeCommand(all.command.command, ...(all.command.arguments ?? []));
    await waitFor(() => editor.document.isDirty, 'the edit');

    // The CLI fixes a copy of the same file (same folder, so the same config).
    const copy = path.join(path.dirname(uri.fsPath), `cli-fix-${process.pid}.md`);
    fs.copyFileSync(uri.fsPath, copy);
    try {
      try {
        execFileSync(process.execPath, [path.join(extensionPath(), 'dist', 'cli.js'), '--fix', copy], {
          env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
          stdio: 'pipe',
        });
      } catch {
        // Exit 1 when findings remain after fixing; the text is what we compare.
      }
      assert.strictEqual(editor.document.getText(), fs.readFileSync(copy, 'utf8'));
    } finally {
      fs.rmSync(copy, { force: true });
    }
    await diagnosticsUntil(uri, (ds) => ds.length < 3, 'the fixed findings to go');
  });

  test('source.fixAll.backlogLint is offered and runs from editor.codeActionsOnSave', async () => {
    const uri = workspaceUri('stories', 'login.md');
    const original = fs.readFileSync(uri.fsPath, 'utf8');
    const editor = await open(uri);
    const [d] = await diagnosticsUntil(uri, (ds) => ds.length === 1, 'the diagnostic');
    const fixAll = await codeActionTitled(uri, d!.range, FIX_ALL, 'source.fixAll.backlogLint');
    assert.strictEqual(fixAll.kind?.value, 'source.fixAll.backlogLint');
    assert.ok(fixAll.edit, 'carries its edit (codeActionsOnSave applies edits)');

    await setSetting('editor.codeActionsOnSave', { 'source.fixAll.backlogLint': 'explicit' }, 'markdown');
    try {
      // A trivial edit makes the save real; the fix-all must run as part of it.
      await editor.edit((e) => e.insert(new vscode.Position(0, 0), ''));
      await editor.edit((e) => e.insert(editor.document.lineAt(6).range.end, ' '));
      await vscode.commands.executeCommand('workbench.action.files.save');
      const onDisk = await waitFor(() => {
        const t = fs.readFileSync(uri.fsPath, 'utf8');
        return t.includes('## Acceptance criteria') ? t : undefined;
      }, 'the fixed text on disk');
      assert.match(onDisk, /- Given \\<context>, when \\<action>, then \\<observable outcome>/);
    } finally {
      await setSetting('editor.codeActionsOnSave', undefined, 'markdown');
      fs.writeFileSync(uri.fsPath, original);
    }
  });
});
