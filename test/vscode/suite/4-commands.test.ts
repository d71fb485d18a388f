/** Commands: lint workspace, create from template, show rule documentation. */
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
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
      await vscode.workspace.fs.writeFile(unopened, new TextEncoder().encode(
        '# SRCH-8: Search by phone\n\nAs a support agent, I want to search orders by phone number, so that I can help callers.\n'));
      await vscode.workspace.fs.writeFile(draft, new TextEncoder().encode(
        '# WIP-1: Draft\n\nAs a writer, I want drafts kept private, so that I can think out loud.\n'));
      await sleep(500);
      assert.strictEqual(ofRule(unopened).length, 0, 'a file nobody opened has no diagnostics before the command');
      const summary = await vscode.commands.executeCommand<{ files: number; findings: number; cancelled: boolean }>(
        'backlogLint.lintWorkspace');
      assert.ok(!summary.cancelled);
      assert.strictEqual(ofRule(unopened).length, 1);
      assert.strictEqual(ofRule(workspaceUri('backlog', 'returns.md'), 'backlog-duplicate').length, 1,
        'the story repeated from checkout.md');
      assert.strictEqual(ours(draft).length, 0, 'the .gitignored draft is skipped');

      // The CLI on a copy outside this repository: the harness's run folder is itself git-ignored here.
      const folder = vscode.workspace.workspaceFolders![0]!.uri.fsPath;
      fs.cpSync(folder, copy, { recursive: true });
      const cli = path.join(extensionPath(), 'dist', 'cli.js');
      const report = JSON.parse(execFileSync(process.execPath, [cli, '--format', 'json', copy], {
        env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' }, encoding: 'utf8' }).toString()) as CliFileReport[];
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

  test('"Create … from template" opens an untitled story that passes the acceptance-criteria rule', async () => {
    const editor = await vscode.commands.executeCommand<vscode.TextEditor>('backlogLint.createFromTemplate', 'story');
    assert.strictEqual(editor.document.uri.scheme, 'untitled');
    assert.strictEqual(editor.document.languageId, 'markdown');
    assert.match(editor.document.getText(), /^As a \\<role>, I want \\<capability>, so that \\<benefit>\.$/m);
    await sleep(500);
    assert.strictEqual(ofRule(editor.document.uri).length, 0);
  });

  test('"Show rule documentation" opens the docs of the rule', async () => {
    const uri = await vscode.commands.executeCommand<vscode.Uri>('backlogLint.showRuleDocs', RULE);
    const doc = await waitFor(() => vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString()),
      'the docs document');
    assert.match(doc.getText(), new RegExp(RULE));
  });
});
