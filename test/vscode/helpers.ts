/** Shared by the in-host suites: fixture paths, waiting, and our diagnostics. */
import * as assert from 'node:assert';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'backlog-lint.backlog-lint';
export const RULE = 'story-acceptance-criteria';
export const AC_FIX = 'Add acceptance criteria template';

export function workspaceUri(...segments: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the fixture workspace is open');
  return vscode.Uri.joinPath(folder.uri, ...segments);
}

export function extensionPath(): string {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} is loaded`);
  return ext.extensionPath;
}

export async function waitFor<T>(fn: () => T | Promise<T>, what: string, ms = 15_000): Promise<NonNullable<T>> {
  const t0 = Date.now();
  for (;;) {
    const v = await fn();
    if (v) return v as NonNullable<T>;
    if (Date.now() - t0 > ms) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await sleep(50);
  }
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source?.startsWith('backlog-lint'));
}

export function codeOf(d: vscode.Diagnostic): string | undefined {
  return typeof d.code === 'object' ? String(d.code.value) : d.code === undefined ? undefined : String(d.code);
}

/** Our diagnostics of one rule: the fixtures' other findings change as rules are added. */
export function ofRule(uri: vscode.Uri, rule = RULE): vscode.Diagnostic[] {
  return ours(uri).filter((d) => codeOf(d) === rule);
}

/** Waits until the `story-acceptance-criteria` diagnostics for `uri` satisfy `ok`, and returns them. */
export async function diagnosticsUntil(
  uri: vscode.Uri,
  ok: (ds: vscode.Diagnostic[]) => boolean,
  what: string,
  ms?: number,
): Promise<vscode.Diagnostic[]> {
  try {
    await waitFor(() => ok(ofRule(uri)), what, ms);
  } catch (err) {
    const now = ours(uri).map((d) => `${codeOf(d)}@${d.range.start.line + 1}:${d.range.start.character + 1}`);
    throw new Error(`${(err as Error).message}; ${vscode.workspace.asRelativePath(uri)} has [${now.join(', ')}]`);
  }
  return ofRule(uri);
}

export async function open(uri: vscode.Uri): Promise<vscode.TextEditor> {
  return vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
}

/**
 * Code actions as the lightbulb gets them. Right after a diagnostic appears the workbench may not
 * have it yet and providers get no context.diagnostics, so poll until `title` is offered.
 */
export async function codeActionTitled(
  uri: vscode.Uri,
  range: vscode.Range,
  title: string,
  kind = vscode.CodeActionKind.QuickFix.value,
): Promise<vscode.CodeAction> {
  return waitFor(async () => {
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      uri,
      range,
      kind,
    );
    return actions.find((a) => a.title === title);
  }, `the code action "${title}"`);
}

export async function setSetting(key: string, value: unknown, languageId?: string): Promise<void> {
  const config = vscode.workspace.getConfiguration(undefined, languageId ? { languageId } : undefined);
  await config.update(key, value, vscode.ConfigurationTarget.Workspace, languageId !== undefined);
}

/** Closes every editor without saving, so each test starts from the files on disk. */
export async function closeAll(): Promise<void> {
  // Only the tests' documents: the workbench may hold others (user settings it migrates, say).
  const ours = (d: vscode.TextDocument) => d.isUntitled || vscode.workspace.getWorkspaceFolder(d.uri) !== undefined;
  for (const doc of vscode.workspace.textDocuments.filter((d) => d.isDirty && ours(d))) {
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}
