/**
 * Rule documentation inside the editor, offline: the docs bundled with each rule, rendered by the
 * built-in Markdown extension into one docs panel of our own. A webview panel shows what it was given
 * and nothing else, so the docs stay put when the user switches files (a Markdown preview would follow
 * the active editor). The same docs are also served as read-only `backlog-lint-docs:` documents.
 */
import * as vscode from 'vscode';
import type { Rule } from '../core/rule';
import { ROLE_SHORT_LABELS } from '../docs/labels';

/**
 * The rules whose docs can be shown: the built-in ones plus those of the packs and presets the active
 * file's config loads, so a team pack's rule has docs in the editor as with `--explain`.
 */
export type KnownRules = () => readonly Rule<any>[];

export const DOCS_SCHEME = 'backlog-lint-docs';
export const DOCS_VIEW_TYPE = 'backlogLint.ruleDocs';

export function docsUri(ruleId: string): vscode.Uri {
  return vscode.Uri.from({ scheme: DOCS_SCHEME, path: `/${ruleId}.md` });
}

function docsText(id: string, rules: readonly Rule<any>[]): string {
  return rules.find((r) => r.meta.id === id)?.docs ?? `# Unknown rule \`${id}\`\n`;
}

export class RuleDocsProvider implements vscode.TextDocumentContentProvider {
  constructor(private readonly rules: KnownRules) {}

  provideTextDocumentContent(uri: vscode.Uri): string {
    return docsText(uri.path.replace(/^\//, '').replace(/\.md$/, ''), this.rules());
  }
}

/** Asks for a rule when none is given (Command Palette). */
async function pickRule(rules: readonly Rule<any>[]): Promise<string | undefined> {
  const picked = await vscode.window.showQuickPick(
    rules.map((r) => ({ label: r.meta.id, description: ROLE_SHORT_LABELS[r.meta.role], detail: r.meta.description })),
    { placeHolder: 'Rule to show the documentation of', matchOnDetail: true },
  );
  return picked?.label;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** No scripts, no remote content: the docs are static text. */
function page(title: string, body: string): string {
  return `<!DOCTYPE html><html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline';">
<title>${escapeHtml(title)}</title>
<style>
body { font-family: var(--vscode-markdown-font-family, var(--vscode-font-family)); font-size: var(--vscode-markdown-font-size, 14px);
  line-height: 1.6; color: var(--vscode-foreground); max-width: 52em; padding: 0 1.5em 2em; }
code, pre { font-family: var(--vscode-editor-font-family); font-size: 0.95em; }
pre { background: var(--vscode-textCodeBlock-background); padding: 0.6em 1em; border-radius: 4px; overflow-x: auto; white-space: pre-wrap; }
:not(pre) > code { background: var(--vscode-textCodeBlock-background); padding: 0.1em 0.3em; border-radius: 3px; }
a { color: var(--vscode-textLink-foreground); }
table { border-collapse: collapse; } th, td { border: 1px solid var(--vscode-editorWidget-border, #8884); padding: 0.2em 0.6em; }
</style></head><body>${body}</body></html>`;
}

/** The Markdown extension's renderer; the escaped source when it is disabled. */
async function render(markdown: string): Promise<string> {
  try {
    const html = await vscode.commands.executeCommand<string>('markdown.api.render', markdown);
    if (typeof html === 'string') return html;
  } catch {
    // No Markdown extension: the source reads fine too.
  }
  return `<pre>${escapeHtml(markdown)}</pre>`;
}

export class RuleDocsView implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private shown: string | undefined;

  constructor(private readonly rules: KnownRules) {}

  /** The rule shown in the docs panel (read by the in-host tests: a webview's content is not). */
  get ruleId(): string | undefined {
    return this.panel ? this.shown : undefined;
  }

  /** Shows the rule's docs in the docs panel (one, reused), beside the editor. */
  async show(ruleId?: unknown): Promise<vscode.Uri | undefined> {
    const rules = this.rules();
    const id = typeof ruleId === 'string' ? ruleId : await pickRule(rules);
    if (!id) return undefined;
    const title = `Rule: ${id}`;
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel(
        DOCS_VIEW_TYPE,
        title,
        { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
        { enableScripts: false, enableCommandUris: false, localResourceRoots: [] },
      );
      this.panel.onDidDispose(() => {
        this.panel = undefined;
      });
    } else {
      this.panel.reveal(undefined, true);
    }
    this.panel.title = title;
    this.shown = id;
    this.panel.webview.html = page(title, await render(docsText(id, rules)));
    return docsUri(id);
  }

  dispose(): void {
    this.panel?.dispose();
  }
}
