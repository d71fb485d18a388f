/**
 * Status bar: the roles in force for the active Markdown file and its number of findings, with the icon
 * of the worst severity (as the Problems count in the status bar does); click → Problems.
 */
import * as vscode from 'vscode';
import type { Finding } from '../core/types';
import { ROLE_NAMES } from '../core/roles';
import { roleNames } from '../docs/labels';
import { SHOW_PROBLEMS } from './command-ids';
import type { Linter } from './linter';

function countsOf(findings: readonly Finding[]): string {
  const n = (severity: Finding['severity']) => findings.filter((f) => f.severity === severity).length;
  const parts = [
    [n('error'), 'error'],
    [n('warning'), 'warning'],
    [n('info'), 'info'],
  ] as const;
  return parts
    .filter(([count]) => count > 0)
    .map(([count, word]) => `${count} ${word}${count === 1 || word === 'info' ? '' : 's'}`)
    .join(', ');
}

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
      const { findings, problem } = snapshot.result;
      const roles = snapshot.config.roles.map((r) => ROLE_NAMES[r].short).join('+') || 'no role';
      const count = findings.length;
      const icon =
        problem || findings.some((f) => f.severity === 'error')
          ? 'error'
          : findings.some((f) => f.severity === 'warning')
            ? 'warning'
            : count > 0
              ? 'info'
              : 'check';
      this.item.text = `$(checklist) ${roles} $(${icon}) ${count}`;
      const what = problem
        ? `not linted: ${problem.message}`
        : count === 0
          ? 'no findings in this file'
          : `${countsOf(findings)} in this file`;
      // `Product Owner and Product Manager`: the tooltip spells out what the item abbreviates.
      const forWhom =
        snapshot.config.roles.length > 0 ? `the ${roleNames(snapshot.config.roles)} (${roles})` : 'no role';
      this.item.tooltip = `Backlog Lint, for ${forWhom}: ${what}. Click to open Problems.`;
    }
    this.item.show();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
