/** Config files and settings re-lint open documents; Workspace Trust limits what the workspace can inject. */
import * as assert from 'node:assert';
import * as vscode from 'vscode';
import {
  AC_FIX,
  closeAll,
  codeActionTitled,
  diagnosticsUntil,
  EXTENSION_ID,
  open,
  RULE,
  setSetting,
  waitFor,
  workspaceUri,
} from '../helpers';

const encode = (s: string) => new TextEncoder().encode(s);

async function writeWorkspaceFile(rel: string, text: string): Promise<vscode.Uri> {
  const uri = workspaceUri(...rel.split('/'));
  await vscode.workspace.fs.writeFile(uri, encode(text));
  return uri;
}

async function remove(uri: vscode.Uri): Promise<void> {
  await vscode.workspace.fs.delete(uri, { recursive: true, useTrash: false });
}

suite('config', () => {
  const story = () => workspaceUri('stories', 'login.md');
  setup(async () => {
    await open(story());
    await diagnosticsUntil(story(), (ds) => ds.length === 1, 'the diagnostic');
  });
  teardown(closeAll);

  test('creating, changing and deleting .backlog-lint.json re-lints open documents', async () => {
    const config = await writeWorkspaceFile('.backlog-lint.json', JSON.stringify({ rules: { [RULE]: 'off' } }));
    try {
      await diagnosticsUntil(story(), (ds) => ds.length === 0, 'the rule to be turned off');
      await vscode.workspace.fs.writeFile(config, encode(JSON.stringify({ rules: { [RULE]: 'error' } })));
      const [d] = await diagnosticsUntil(story(), (ds) => ds.length === 1, 'the rule back on');
      assert.strictEqual(d!.severity, vscode.DiagnosticSeverity.Error);
    } finally {
      await remove(config);
    }
    const [d] = await diagnosticsUntil(
      story(),
      (ds) => ds[0]?.severity === vscode.DiagnosticSeverity.Warning,
      'the default severity after deleting the config',
    );
    assert.ok(d);
  });

  test('a broken config file is reported on the config file, with its key path', async () => {
    const config = await writeWorkspaceFile('.backlog-lint.json', JSON.stringify({ rules: { [RULE]: 'loud' } }));
    try {
      const [problem] = await waitFor(() => {
        const ds = vscode.languages.getDiagnostics(config);
        return ds.length > 0 ? ds : undefined;
      }, 'the config problem');
      assert.match(
        problem!.message,
        new RegExp(`^rules\\.${RULE}: `),
        'the key path first: the file is the one it is on',
      );
      assert.ok(
        !problem!.message.includes(vscode.workspace.workspaceFolders![0]!.uri.fsPath),
        `no absolute path: ${problem!.message}`,
      );
      assert.strictEqual(problem!.severity, vscode.DiagnosticSeverity.Error);
      const text = (await vscode.workspace.openTextDocument(config)).getText(problem!.range);
      assert.strictEqual(text, `"${RULE}":"loud"`, 'on the key and its value, not a zero-width mark at 1:1');
      // Linting goes on with the last good config (the defaults here) while the file is broken.
      await diagnosticsUntil(
        story(),
        (ds) => ds.length === 1 && ds[0]!.severity === vscode.DiagnosticSeverity.Warning,
        'the finding under the last good config',
      );
    } finally {
      await remove(config);
    }
    await diagnosticsUntil(story(), (ds) => ds.length === 1, 'the finding back');
    // The finding never went, so wait for the re-lint the deletion causes.
    await waitFor(() => vscode.languages.getDiagnostics(config).length === 0, 'the config problem to clear');
  });

  test('settings: severity overrides, roles, enable', async () => {
    await setSetting('backlogLint.rules', { [RULE]: 'info' });
    try {
      await diagnosticsUntil(
        story(),
        (ds) => ds[0]?.severity === vscode.DiagnosticSeverity.Information,
        'info severity',
      );
    } finally {
      await setSetting('backlogLint.rules', undefined);
    }
    await setSetting('backlogLint.roles', ['pm']);
    try {
      await diagnosticsUntil(story(), (ds) => ds.length === 0, 'no PO findings for the PM role');
    } finally {
      await setSetting('backlogLint.roles', undefined);
    }
    await diagnosticsUntil(story(), (ds) => ds.length === 1, 'the PO finding back');
    await setSetting('backlogLint.enable', false);
    try {
      await diagnosticsUntil(story(), (ds) => ds.length === 0, 'nothing while disabled');
    } finally {
      await setSetting('backlogLint.enable', undefined);
    }
    await diagnosticsUntil(story(), (ds) => ds.length === 1, 'the finding back once enabled');
  });

  test('the status bar shows the roles and the number of findings', async () => {
    const api = vscode.extensions.getExtension<{ statusBarText: string }>(EXTENSION_ID)!.exports;
    await waitFor(() => /PO\+PM.* 1$/.test(api.statusBarText), `the status text (is: ${api.statusBarText})`);
  });

  /**
   * The text a fix inserts, read from the document: it applies the fix, then puts the text back. Its
   * edits are snippet edits, which `WorkspaceEdit.entries()` does not list.
   */
  const insertedText = async (fix: vscode.CodeAction): Promise<string> => {
    const doc = await vscode.workspace.openTextDocument(story());
    const before = doc.getText();
    if (!fix.edit || !(await vscode.workspace.applyEdit(fix.edit))) return '';
    const after = doc.getText();
    const restore = new vscode.WorkspaceEdit();
    restore.replace(doc.uri, new vscode.Range(doc.positionAt(0), doc.positionAt(after.length)), before);
    await vscode.workspace.applyEdit(restore);
    await doc.save();
    let start = 0;
    while (start < before.length && before[start] === after[start]) start++;
    let end = 0;
    while (end < before.length - start && before[before.length - 1 - end] === after[after.length - 1 - end]) end++;
    return after.slice(start, after.length - end);
  };

  test('workspace trust: workspace fix templates only in a trusted workspace', async () => {
    const config = await writeWorkspaceFile('.backlog-lint.json', JSON.stringify({ templates: 'team-templates' }));
    await writeWorkspaceFile(
      'team-templates/story-acceptance-criteria.md',
      '### Done when\n\n- Given <team context>, when <team action>, then <team outcome>\n',
    );
    try {
      // The config change re-lints; wait for the code action to reflect the new config.
      const [d] = await diagnosticsUntil(
        story(),
        (ds) => ds.length === 1,
        'the diagnostic (built-in rules run either way)',
      );
      const expected = vscode.workspace.isTrusted ? 'Given <team context>' : 'Given \\<context>';
      let seen = '';
      await waitFor(async () => {
        const fix = await codeActionTitled(story(), d!.range, AC_FIX);
        seen = await insertedText(fix);
        return seen.includes(expected);
      }, `the fix to insert "${expected}" (trusted: ${vscode.workspace.isTrusted})`).catch((err: Error) => {
        throw new Error(`${err.message}; it inserts ${JSON.stringify(seen)}`);
      });
      if (!vscode.workspace.isTrusted) {
        const fix = await codeActionTitled(story(), d!.range, AC_FIX);
        const inserted = await insertedText(fix);
        assert.ok(!inserted.includes('team'), `nothing from the templates folder when untrusted: ${inserted}`);
      }
    } finally {
      await remove(config);
      await remove(workspaceUri('team-templates'));
    }
  });
});
