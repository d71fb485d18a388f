/** Diagnostics: what a PO sees in Problems, for saved files, unsaved edits and untitled documents. */
import * as assert from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  closeAll,
  codeOf,
  diagnosticsUntil,
  EXTENSION_ID,
  extensionPath,
  ofRule,
  open,
  ours,
  RULE,
  setSetting,
  sleep,
  waitFor,
  workspaceUri,
} from '../helpers';

suite('diagnostics', () => {
  teardown(closeAll);

  test('runs in a real VS Code and activates on Markdown', async () => {
    console.log(`vscode ${vscode.version}, ${vscode.env.appName}, trusted=${vscode.workspace.isTrusted}`);
    await open(workspaceUri('stories', 'login.md'));
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, 'loaded from extensionDevelopmentPath');
    await waitFor(() => ext.isActive, 'activation');
  });

  test('a story without acceptance criteria: rule id linking to its docs, severity, role, range', async () => {
    const uri = workspaceUri('stories', 'login.md');
    await open(uri);
    const [d, ...rest] = await diagnosticsUntil(uri, (ds) => ds.length > 0, 'the diagnostic');
    assert.strictEqual(rest.length, 0);
    const api = vscode.extensions.getExtension<{ lintThread: string }>(EXTENSION_ID)!.exports;
    assert.strictEqual(api.lintThread, 'worker', "linted off the extension host's thread");
    assert.strictEqual(codeOf(d!), RULE);
    assert.ok(typeof d!.code === 'object');
    // The bundled docs, offline; a team's own docs site only when backlogLint.docsUrl names one.
    assert.strictEqual(d!.code.target.toString(true), `command:backlogLint.showRuleDocs?["${RULE}"]`);
    await setSetting('backlogLint.docsUrl', 'https://wiki.example.com/lint/{role}/{rule}');
    try {
      await open(workspaceUri('backlog', 'checkout.md'));
      const want = `https://wiki.example.com/lint/po/${RULE}`;
      await diagnosticsUntil(
        workspaceUri('backlog', 'checkout.md'),
        (ds) => ds.length > 0 && ds.every((c) => (c.code as { target: vscode.Uri }).target.toString(true) === want),
        want,
      );
    } finally {
      await setSetting('backlogLint.docsUrl', undefined);
    }
    assert.strictEqual(d!.severity, vscode.DiagnosticSeverity.Warning);
    assert.strictEqual(d!.source, 'backlog-lint (PO)');
    assert.match(d!.message, /no acceptance criteria/);
    // The story statement, line 3 (0-based 2), whole line.
    assert.deepStrictEqual(
      [d!.range.start.line, d!.range.start.character, d!.range.end.line, d!.range.end.character],
      [2, 0, 2, 103],
    );
  });

  test('reports exactly what the CLI reports for the same files and config', async () => {
    const files = [['stories', 'login.md'], ['backlog', 'checkout.md'], ['notes.md']].map((s) => workspaceUri(...s));
    const cli = path.join(extensionPath(), 'dist', 'cli.js');
    // ELECTRON_RUN_AS_NODE: under @vscode/test-electron the host's execPath is Electron.
    const out = execFileSync(process.execPath, [cli, '--format', 'json', ...files.map((u) => u.fsPath)], {
      env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
      encoding: 'utf8',
    }).toString();
    const report = JSON.parse(out) as {
      filePath: string;
      messages: { ruleId: string; line: number; column: number; endLine: number; endColumn: number; message: string }[];
    }[];
    for (const uri of files) {
      await open(uri);
      const fromCli = report.find((r) => r.filePath === uri.fsPath)?.messages ?? [];
      const inEditor = await waitFor(
        () => (ours(uri).length === fromCli.length ? ours(uri) : undefined),
        `${fromCli.length} diagnostics in ${vscode.workspace.asRelativePath(uri)}`,
      );
      const sorted = (rows: unknown[][]) => rows.map((r) => JSON.stringify(r)).sort();
      assert.deepStrictEqual(
        sorted(
          inEditor.map((d) => [
            codeOf(d),
            d.range.start.line + 1,
            d.range.start.character + 1,
            d.range.end.line + 1,
            d.range.end.character + 1,
            d.message,
          ]),
        ),
        sorted(fromCli.map((m) => [m.ruleId, m.line, m.column, m.endLine, m.endColumn, m.message])),
        vscode.workspace.asRelativePath(uri),
      );
    }
  });

  test('unsaved edits are linted as you type, and fast edits never leave stale diagnostics', async () => {
    const uri = workspaceUri('stories', 'login.md');
    const editor = await open(uri);
    await diagnosticsUntil(uri, (ds) => ds.length === 1, 'the diagnostic');
    const end = editor.document.lineAt(2).range.end;
    // Burst of edits faster than the debounce: criteria in, out, in again.
    const criteria = '\n\n### Acceptance criteria\n\n- Given a customer, when they log in, then they see their orders';
    const at = editor.document.offsetAt(end);
    for (let i = 0; i < 3; i++) {
      await editor.edit((e) => e.insert(end, criteria));
      if (i < 2) {
        const doc = editor.document;
        await editor.edit((e) => e.delete(new vscode.Range(doc.positionAt(at), doc.positionAt(at + criteria.length))));
      }
    }
    assert.ok(editor.document.isDirty);
    await diagnosticsUntil(uri, (ds) => ds.length === 0, 'the warning to clear on the unsaved text');
    await sleep(400); // longer than the debounce: no late, stale result may come back
    assert.strictEqual(ofRule(uri).length, 0, 'still clear');
  });

  test('untitled documents are linted, and closing a document clears its diagnostics', async () => {
    const doc = await vscode.workspace.openTextDocument({
      language: 'markdown',
      content: '# NEW-1: Export\n\nAs an accountant, I want to export invoices, so that I can file taxes.\n',
    });
    await vscode.window.showTextDocument(doc);
    assert.strictEqual(doc.uri.scheme, 'untitled');
    const [d] = await diagnosticsUntil(doc.uri, (ds) => ds.length === 1, 'the untitled diagnostic');
    assert.strictEqual(codeOf(d!), RULE);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await diagnosticsUntil(doc.uri, (ds) => ds.length === 0, 'diagnostics to clear on close');
  });

  test('backlogLint.run = onSave: edits wait for the save', async () => {
    const uri = workspaceUri('docs', 'unopened.md');
    const editor = await open(uri);
    await diagnosticsUntil(uri, (ds) => ds.length === 1, 'the diagnostic');
    await setSetting('backlogLint.run', 'onSave');
    try {
      const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
      await editor.edit((e) =>
        e.insert(end, '\n\n### Acceptance criteria\n\n- Given an order, when I search, then I find it\n'),
      );
      await sleep(600);
      assert.strictEqual(ofRule(uri).length, 1, 'unchanged before saving');
      assert.ok(await editor.document.save());
      await diagnosticsUntil(uri, (ds) => ds.length === 0, 'the warning to clear after saving');
    } finally {
      await setSetting('backlogLint.run', undefined);
      // Put the fixture back for the suites that follow.
      const text = editor.document.getText().replace(/\n\n### Acceptance criteria[\s\S]*$/, '\n');
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    }
  });
});
