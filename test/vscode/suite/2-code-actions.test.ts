/** Quick fixes from the lightbulb and source.fixAll.backlogLint, checked on the resulting text. */
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import {
  AC_FIX, closeAll, codeActionTitled, diagnosticsUntil, extensionPath, open, RULE, setSetting, waitFor, workspaceUri,
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
    const listItem = ds.find((d) => d.range.start.line === 16)!;   // "- As a shopper, I want to split…"
    const disable = await codeActionTitled(uri, listItem.range, `Disable ${RULE} for this line`);
    assert.ok(disable.edit && (await vscode.workspace.applyEdit(disable.edit)));
    // In a list item the comment goes at the end of the line (a line above would split the list).
    assert.match(editor.document.lineAt(16).text, new RegExp(`^- As a shopper.*<!-- backlog-lint-disable-line ${RULE} -->$`));
    await diagnosticsUntil(uri, (ds) => ds.length === 2, 'that finding to be suppressed');
  });

  test('"Show documentation for <rule>" opens the rule docs', async () => {
    const uri = workspaceUri('stories', 'login.md');
    await open(uri);
    const [d] = await diagnosticsUntil(uri, (ds) => ds.length === 1, 'the diagnostic');
    const show = await codeActionTitled(uri, d!.range, `Show documentation for ${RULE}`);
    assert.ok(show.command);
    await vscode.commands.executeCommand(show.command.command, ...(show.command.arguments ?? []));
    const docs = await waitFor(() => vscode.workspace.textDocuments.find((t) => t.uri.scheme === 'backlog-lint-docs'),
      'the docs document');
    assert.match(docs.getText(), /```/);
    assert.match(docs.uri.path, new RegExp(RULE));
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
          env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' }, stdio: 'pipe' });
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
