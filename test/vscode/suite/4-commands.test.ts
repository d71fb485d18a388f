/** Commands: lint workspace, create from template, show rule documentation. */
import * as assert from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { closeAll, codeOf, extensionPath, ofRule, ours, RULE, sleep, waitFor, workspaceUri } from '../helpers';

interface CliFileReport {
  filePath: string;
  messages: { ruleId: string; line: number; column: number; endLine: number; endColumn: number; message: string }[];
}

suite('commands', () => {
  teardown(closeAll);

  test('"Lint workspace" reports what `backlog-lint <folder>` reports: .gitignore and checks across files', async () => {
    // Written now and never opened: a fixture an earlier test opened may stay loaded (and linted) until
    // VS Code disposes it, which it does when it likes.
    const unopened = workspaceUri('docs', 'never-opened.md');
    // Ignored by the workspace's .gitignore (written now: git would never commit an ignored fixture).
    const draft = workspaceUri('drafts', 'wip.md');
    const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'backlog-lint-cli-'));
    try {
      await vscode.workspace.fs.writeFile(
        unopened,
        new TextEncoder().encode(
          '# SRCH-8: Search by phone\n\nAs a support agent, I want to search orders by phone number, so that I can help callers.\n',
        ),
      );
      await vscode.workspace.fs.writeFile(
        draft,
        new TextEncoder().encode(
          '# WIP-1: Draft\n\nAs a writer, I want drafts kept private, so that I can think out loud.\n',
        ),
      );
      await sleep(500);
      assert.strictEqual(ofRule(unopened).length, 0, 'a file nobody opened has no diagnostics before the command');
      const summary = await vscode.commands.executeCommand<{ files: number; findings: number; cancelled: boolean }>(
        'backlogLint.lintWorkspace',
      );
      assert.ok(!summary.cancelled);
      assert.strictEqual(ofRule(unopened).length, 1);
      assert.strictEqual(
        ofRule(workspaceUri('backlog', 'returns.md'), 'backlog-duplicate').length,
        1,
        'the story repeated from checkout.md',
      );
      assert.strictEqual(ours(draft).length, 0, 'the .gitignored draft is skipped');

      // The CLI on a copy outside this repository: the harness's run folder is itself git-ignored here.
      const folder = vscode.workspace.workspaceFolders![0]!.uri.fsPath;
      fs.cpSync(folder, copy, { recursive: true });
      const cli = path.join(extensionPath(), 'dist', 'cli.js');
      const report = JSON.parse(
        execFileSync(process.execPath, [cli, '--format', 'json', copy], {
          env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
          encoding: 'utf8',
        }).toString(),
      ) as CliFileReport[];
      assert.strictEqual(summary.files, report.length, 'the same files');
      const rows = (ds: vscode.Diagnostic[]) =>
        ds.map((d) => `${codeOf(d)}@${d.range.start.line + 1}:${d.range.start.character + 1}`).sort();
      for (const file of report) {
        const rel = path.relative(copy, file.filePath);
        const expected = file.messages.map((m) => `${m.ruleId}@${m.line}:${m.column}`).sort();
        assert.deepStrictEqual(rows(ours(vscode.Uri.file(path.join(folder, rel)))), expected, rel);
      }
    } finally {
      fs.rmSync(copy, { recursive: true, force: true });
      await vscode.workspace.fs.delete(workspaceUri('drafts'), { recursive: true, useTrash: false });
      await vscode.workspace.fs.delete(unopened, { useTrash: false });
    }
  });

  test('"Lint workspace" findings of unopened files come back after a config change, broken or not', async () => {
    const unopened = workspaceUri('docs', 'never-opened-2.md');
    const config = workspaceUri('.backlog-lint.json');
    const encode = (t: string) => new TextEncoder().encode(t);
    try {
      await vscode.workspace.fs.writeFile(
        unopened,
        encode(
          '# SRCH-9: Search by email\n\nAs a support agent, I want to search orders by email, so that I can help writers.\n',
        ),
      );
      await vscode.commands.executeCommand('backlogLint.lintWorkspace');
      assert.strictEqual(ofRule(unopened).length, 1);
      await vscode.workspace.fs.writeFile(config, encode(JSON.stringify({ rules: { [RULE]: 'error' } })));
      await waitFor(
        () => ofRule(unopened)[0]?.severity === vscode.DiagnosticSeverity.Error,
        'the finding under the new config',
      );
      await vscode.workspace.fs.writeFile(config, encode(JSON.stringify({ rules: { [RULE]: 'eror' } })));
      await waitFor(() => vscode.languages.getDiagnostics(config).length > 0, 'the config problem');
      await sleep(1000);
      assert.strictEqual(ofRule(unopened).length, 1, 'kept (last valid config) while the config is broken');
    } finally {
      await vscode.workspace.fs.delete(config, { useTrash: false });
      await vscode.workspace.fs.delete(unopened, { useTrash: false });
    }
  });

  test('"Lint workspace" finishes with links named *.md to a FIFO and to /dev/zero, reading neither', async function () {
    if (process.platform === 'win32') this.skip();
    // VS Code's search lists neither today; should one be listed (another search provider, a file
    // swapped after the search), lint-workspace.ts reads regular files only, size-capped.
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'backlog-lint-fifo-'));
    const links = [workspaceUri('docs', 'pipe.md'), workspaceUri('docs', 'zero.md')];
    try {
      execFileSync('mkfifo', [path.join(outside, 'fifo')]);
      fs.symlinkSync(path.join(outside, 'fifo'), links[0]!.fsPath);
      fs.symlinkSync('/dev/zero', links[1]!.fsPath);
      const summary = await vscode.commands.executeCommand<{ files: number; skipped: number; cancelled: boolean }>(
        'backlogLint.lintWorkspace',
      );
      assert.ok(!summary.cancelled);
      assert.ok(summary.files > 0, 'the other files are linted');
      for (const l of links) assert.deepStrictEqual(ours(l), [], `${path.basename(l.fsPath)} not linted`);
    } finally {
      for (const l of links) fs.rmSync(l.fsPath, { force: true });
      fs.rmSync(outside, { recursive: true, force: true });
    }
  });

  test('"Create … from template" opens an untitled story that passes the acceptance-criteria rule', async () => {
    const editor = await vscode.commands.executeCommand<vscode.TextEditor>('backlogLint.createFromTemplate', 'story');
    assert.strictEqual(editor.document.uri.scheme, 'untitled');
    assert.strictEqual(editor.document.languageId, 'markdown');
    assert.match(editor.document.getText(), /^As a \\<role>, I want \\<capability>, so that \\<benefit>\.$/m);
    await sleep(500);
    assert.strictEqual(ofRule(editor.document.uri).length, 0);
  });

  test('"Show rule documentation" opens the docs of the rule; its docs document holds them too', async () => {
    const uri = await vscode.commands.executeCommand<vscode.Uri>('backlogLint.showRuleDocs', RULE);
    const api = vscode.extensions.getExtension<{ docsRuleId?: string }>('backlog-lint.backlog-lint')!.exports;
    assert.strictEqual(api.docsRuleId, RULE);
    const doc = await vscode.workspace.openTextDocument(uri);
    assert.match(doc.getText(), new RegExp(RULE));
  });
});
