/** Status bar: the roles in force for the active Markdown file and its number of findings; click → Problems. */
import * as vscode from 'vscode';
import { SHOW_PROBLEMS } from './commandIds';
import type { Linter } from './linter';

export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('backlogLint.status', vscode.StatusBarAlignment.Right, 100);
  private readonly disposables: vscode.Disposable[];

  constructor(private readonly linter: Linter) {
    this.item.name = 'Backlog Lint';
    this.item.command = SHOW_PROBLEMS;
    this.disposables = [
      this.item,
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      linter.onDidLint((uri) => {
        if (uri.toString() === vscode.window.activeTextEditor?.document.uri.toString()) this.update();
      }),
    ];
    this.update();
  }

  /** What the item shows (read by the in-host tests; the status bar is not readable through the API). */
  get text(): string {
    return this.item.text;
  }

  update(): void {
    const doc = vscode.window.activeTextEditor?.document;
    if (!doc || !this.linter.isLintable(doc)) {
      this.item.hide();
      return;
    }
    const snapshot = this.linter.snapshot(doc.uri);
    if (!snapshot) {
      this.item.text = '$(checklist) Backlog Lint';
      this.item.tooltip = 'backlog-lint has not linted this file (disabled, or its config has an error: see Problems)';
    } else {
      const roles = snapshot.config.roles.map((r) => r.toUpperCase()).join('+') || 'no role';
      const count = snapshot.result.findings.length;
      this.item.text = `$(checklist) ${roles} $(${count ? 'warning' : 'check'}) ${count}`;
      this.item.tooltip = `backlog-lint: ${count} finding${count === 1 ? '' : 's'} in this file for ${roles}. Click to open Problems.`;
    }
    this.item.show();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
