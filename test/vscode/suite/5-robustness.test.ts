/**
 * Issue 6 in the editor: no stale diagnostics after fast edits, a close or config switches; a broken
 * config notifies once and keeps the last good one; stale fixes are refused; nothing from an
 * untrusted workspace runs as code.
 */
import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { allRules } from '../../../rules/index';
import { createConfigLoader, nodeFileSystem } from '../../../src/config';
import { lintText } from '../../../test/helpers/lint';
import type { Finding } from '../../../src/core/types';
import {
  closeAll,
  codeOf,
  diagnosticsUntil,
  EXTENSION_ID,
  open,
  ours,
  RULE,
  setSetting,
  sleep,
  waitFor,
  workspaceUri,
} from '../helpers';

const FIX_ALL = 'Fix all backlog-lint issues in this file';
/** Longer than the fixture workspace's debounce (100 ms) plus a lint, so a late publish would show. */
const SETTLE_MS = 600;
const encode = (s: string) => new TextEncoder().encode(s);

const SEVERITY: Record<Finding['severity'], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

function describe(code: string | undefined, r: vscode.Range, severity: vscode.DiagnosticSeverity): string {
  return `${code}@${r.start.line + 1}:${r.start.character + 1}-${r.end.line + 1}:${r.end.character + 1}/${severity}`;
}

function published(uri: vscode.Uri): string[] {
  return ours(uri)
    .map((d) => describe(codeOf(d), d.range, d.severity))
    .sort();
}

/** What the CLI would report for this text at this path: the core, the config found on disk. */
async function freshLint(uri: vscode.Uri, text: string): Promise<string[]> {
  const folder = vscode.workspace.getWorkspaceFolder(uri)!;
  const config = await createConfigLoader({ fs: nodeFileSystem(), rules: allRules, stopAt: folder.uri.fsPath }).forFile(
    uri.fsPath,
  );
  return lintText(text, { filePath: uri.fsPath, config })
    .findings.map((f) =>
      describe(
        f.ruleId,
        new vscode.Range(f.line - 1, f.column - 1, f.endLine - 1, f.endColumn - 1),
        SEVERITY[f.severity],
      ),
    )
    .sort();
}

function api(): { configNotifications: readonly string[]; lintThread: string } {
  return vscode.extensions.getExtension<{ configNotifications: readonly string[]; lintThread: string }>(EXTENSION_ID)!
    .exports;
}

suite('robustness', () => {
  teardown(closeAll);

  test('20 rapid edits end with exactly the diagnostics of a fresh lint of the final text', async () => {
    const uri = workspaceUri('backlog', 'checkout.md');
    const editor = await open(uri);
    await diagnosticsUntil(uri, (ds) => ds.length === 3, 'three diagnostics');
    for (let i = 0; i < 20; i++) {
      // Alternately add a story without acceptance criteria and delete the line above: the
      // findings move and come and go, so any lint of an older version would differ.
      await editor.edit((e) => {
        const last = editor.document.lineCount - 1;
        if (i % 3 === 2) e.delete(editor.document.lineAt(Math.max(0, last - 1)).rangeIncludingLineBreak);
        else e.insert(editor.document.lineAt(last).range.end, `\n\n## Story ${i}\n\nAs a shopper, I want item ${i}.\n`);
      });
    }
    const finalText = editor.document.getText();
    const expected = await freshLint(uri, finalText);
    assert.ok(expected.length > 3, `the edits added findings: ${expected.join(', ')}`);
    await waitFor(
      () => JSON.stringify(published(uri)) === JSON.stringify(expected),
      `the diagnostics of the final text (have ${published(uri).join(', ')}; want ${expected.join(', ')})`,
    );
    await sleep(SETTLE_MS);
    assert.deepStrictEqual(published(uri), expected, 'no late publish of an older version');
  });

  test('closing a document within the debounce leaves no diagnostics for it', async () => {
    // Untitled: VS Code disposes it on close at once (a file's document may linger for minutes).
    const doc = await vscode.workspace.openTextDocument({
      language: 'markdown',
      content: '# ABC-1: Sign in\n\nAs a returning customer, I want to sign in, so that I see my orders.\n',
    });
    const editor = await vscode.window.showTextDocument(doc);
    const uri = doc.uri;
    await diagnosticsUntil(uri, (ds) => ds.length === 1, 'the diagnostic');
    const closed = new Promise<void>((resolve) => {
      const sub = vscode.workspace.onDidCloseTextDocument((d) => {
        if (d.uri.toString() === uri.toString()) {
          sub.dispose();
          resolve();
        }
      });
    });
    await editor.edit((e) =>
      e.insert(new vscode.Position(editor.document.lineCount, 0), '\nAs a user, I want more.\n'),
    );
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await closed;
    assert.deepStrictEqual(published(uri), [], 'cleared on close');
    await sleep(SETTLE_MS);
    assert.deepStrictEqual(published(uri), [], 'the pending lint did not publish after the close');
  });

  test('switching config: severity, broken, fixed: never stale, one notification', async () => {
    const story = workspaceUri('stories', 'login.md');
    const editor = await open(story);
    await diagnosticsUntil(story, (ds) => ds.length === 1, 'the diagnostic');
    const config = workspaceUri('.backlog-lint.json');
    const before = api().configNotifications.length;
    const severity = (s: vscode.DiagnosticSeverity) => (ds: vscode.Diagnostic[]) =>
      ds.length === 1 && ds[0]!.severity === s;
    try {
      await vscode.workspace.fs.writeFile(config, encode(JSON.stringify({ rules: { [RULE]: 'error' } })));
      await diagnosticsUntil(story, severity(vscode.DiagnosticSeverity.Error), 'error from the config');

      await vscode.workspace.fs.writeFile(config, encode('{ "rules": { "story-acceptance-criteria": "shout" } }'));
      const [problem] = await waitFor(() => {
        const ds = vscode.languages.getDiagnostics(config);
        return ds.length > 0 ? ds : undefined;
      }, 'the config problem on the config file');
      assert.match(problem!.message, /^rules\.story-acceptance-criteria/);
      // Typing re-reads the config on every lint: still the last good config, still one notification.
      for (let i = 0; i < 5; i++) {
        await editor.edit((e) => e.insert(new vscode.Position(editor.document.lineCount, 0), ' '));
        await sleep(150);
      }
      await sleep(SETTLE_MS);
      await diagnosticsUntil(story, severity(vscode.DiagnosticSeverity.Error), 'the last good config (error) kept');
      const shown = api().configNotifications.slice(before);
      assert.strictEqual(shown.length, 1, `one notification: ${JSON.stringify(shown)}`);
      assert.match(
        shown[0]!,
        /^\.backlog-lint\.json: rules\.story-acceptance-criteria/,
        'the path relative to the folder',
      );

      await vscode.workspace.fs.writeFile(config, encode(JSON.stringify({ rules: { [RULE]: 'info' } })));
      await diagnosticsUntil(story, severity(vscode.DiagnosticSeverity.Information), 'info from the fixed config');
      await waitFor(() => vscode.languages.getDiagnostics(config).length === 0, 'the config problem to clear');
      await sleep(SETTLE_MS);
      assert.deepStrictEqual(
        ours(story).map((d) => d.severity),
        [vscode.DiagnosticSeverity.Information],
        'nothing stale',
      );
      assert.strictEqual(api().configNotifications.length - before, 1, 'still one notification');
    } finally {
      await vscode.workspace.fs.delete(config, { useTrash: false });
    }
    await diagnosticsUntil(story, severity(vscode.DiagnosticSeverity.Warning), 'the default severity back');
  });

  test('"Fix all" offered for an older version is refused and re-lints; the current one applies', async () => {
    const uri = workspaceUri('backlog', 'checkout.md');
    const editor = await open(uri);
    const [d] = await diagnosticsUntil(uri, (ds) => ds.length === 3, 'three diagnostics');
    const actions = await waitFor(async () => {
      const all = await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider',
        uri,
        d!.range,
        vscode.CodeActionKind.QuickFix.value,
      );
      return all.find((a) => a.title === FIX_ALL);
    }, 'the fix-all action');
    const stale = actions.command!;
    assert.deepStrictEqual(stale.arguments?.[1], editor.document.version, 'carries the version it was made for');

    // Shift every offset: a stale edit would land a line too early.
    await editor.edit((e) => e.insert(new vscode.Position(0, 0), '<!-- moved -->\n'));
    const edited = editor.document.getText();
    const applied = await vscode.commands.executeCommand<boolean>(stale.command, ...(stale.arguments ?? []));
    assert.strictEqual(applied, false, 'refused');
    assert.strictEqual(editor.document.getText(), edited, 'text untouched');

    const current = await vscode.commands.executeCommand<boolean>(stale.command, uri, editor.document.version);
    assert.strictEqual(current, true, 'applies to the version it is given');
    assert.ok(editor.document.getText().startsWith('<!-- moved -->\n'), 'the user edit kept');
    await waitFor(
      async () => JSON.stringify(published(uri)) === JSON.stringify(await freshLint(uri, editor.document.getText())),
      'diagnostics of the fixed text',
    );
  });

  test('workspace trust: nothing from the workspace is loaded as code', async () => {
    // Files that would flag themselves if anything require()d or imported them.
    const flag = '__backlogLintWorkspaceCodeRan';
    const js = `globalThis.${flag} = true;\nmodule.exports = {};\n`;
    const planted = ['.backlog-lint.js', '.backlog-lint.cjs', 'team-templates/story-acceptance-criteria.js'].map(
      (rel) => workspaceUri(...rel.split('/')),
    );
    const config = workspaceUri('.backlog-lint.json');
    try {
      for (const uri of planted) await vscode.workspace.fs.writeFile(uri, encode(js));
      await vscode.workspace.fs.writeFile(config, encode(JSON.stringify({ templates: 'team-templates' })));
      const story = workspaceUri('stories', 'login.md');
      await open(story);
      const [d] = await diagnosticsUntil(story, (ds) => ds.length === 1, 'the diagnostic');
      await vscode.commands.executeCommand('vscode.executeCodeActionProvider', story, d!.range);
      await vscode.commands.executeCommand('backlogLint.lintWorkspace');
      const root = vscode.workspace.workspaceFolders![0]!.uri.fsPath;
      assert.strictEqual((globalThis as Record<string, unknown>)[flag], undefined, 'no workspace script ran');
      const loaded = Object.keys(require.cache).filter((p) => p.startsWith(root));
      assert.deepStrictEqual(loaded, [], 'no module loaded from the workspace');
    } finally {
      for (const uri of [...planted, config]) await vscode.workspace.fs.delete(uri, { useTrash: false });
      await vscode.workspace.fs.delete(workspaceUri('team-templates'), { recursive: true, useTrash: false });
    }
  });

  test('a document over the time budget is reported and its worker replaced; another document still gets findings', async () => {
    await setSetting('backlogLint.maxTimePerFileMs', 1500);
    try {
      // 8,000 stories: far over 1.5 s to lint on any machine, under every structural limit.
      const stories = Array.from(
        { length: 8000 },
        (_, i) =>
          `## S-${i}: Export ${i}\n\nAs an accountant, I want to export report ${i} fast, so that I can file taxes.\n`,
      ).join('\n');
      const big = await vscode.workspace.openTextDocument({ language: 'markdown', content: `# Backlog\n\n${stories}` });
      await vscode.window.showTextDocument(big);
      // Queued behind the big one in the same worker.
      const story = workspaceUri('stories', 'login.md');
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(story), { preview: false });
      const [over] = await waitFor(
        () => {
          const ds = ours(big.uri).filter((d) => /took more than 1500 ms/.test(d.message));
          return ds.length > 0 ? ds : undefined;
        },
        'the over-budget problem on the big document',
        60_000,
      );
      assert.strictEqual(over!.severity, vscode.DiagnosticSeverity.Error);
      await diagnosticsUntil(
        story,
        (ds) => ds.length === 1,
        'the other document linted after the worker was replaced',
        30_000,
      );
      assert.strictEqual(api().lintThread, 'worker', 'still linting in a worker thread');
    } finally {
      // Closed first: a lint of the big document under the default budget would hold up the next tests.
      await closeAll();
      await setSetting('backlogLint.maxTimePerFileMs', undefined);
    }
  });
});
