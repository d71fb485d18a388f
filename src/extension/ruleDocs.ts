/**
 * Rule documentation inside the editor, offline: the docs bundled with each rule are served as
 * read-only `backlog-lint-docs:` documents and opened in the Markdown preview.
 */
import * as vscode from 'vscode';
import { builtinRules as allRules, findRule } from '../rule-set';

export const DOCS_SCHEME = 'backlog-lint-docs';

export function docsUri(ruleId: string): vscode.Uri {
  return vscode.Uri.from({ scheme: DOCS_SCHEME, path: `/${ruleId}.md` });
}

export class RuleDocsProvider implements vscode.TextDocumentContentProvider {
  provideTextDocumentContent(uri: vscode.Uri): string {
    const id = uri.path.replace(/^\//, '').replace(/\.md$/, '');
    const rule = findRule(id);
    return rule ? rule.docs : `# Unknown rule \`${id}\`\n`;
  }
}

/** Asks for a rule when none is given (Command Palette). */
async function pickRule(): Promise<string | undefined> {
  const picked = await vscode.window.showQuickPick(
    allRules.map((r) => ({ label: r.meta.id, description: r.meta.role.toUpperCase(), detail: r.meta.description })),
    { placeHolder: 'Rule to show the documentation of', matchOnDetail: true },
  );
  return picked?.label;
}

export async function showRuleDocs(ruleId?: string): Promise<vscode.Uri | undefined> {
  const id = typeof ruleId === 'string' ? ruleId : await pickRule();
  if (!id) return undefined;
  const uri = docsUri(id);
  try {
    await vscode.commands.executeCommand('markdown.showPreview', uri);
  } catch {
    // No Markdown preview (built-in extension disabled): the source reads fine too.
    await vscode.window.showTextDocument(uri, { preview: true });
  }
  return uri;
}
