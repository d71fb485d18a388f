/** Findings → VS Code diagnostics: same offsets, the rule id linking to its docs, the role in the source. */
import * as vscode from 'vscode';
import type { ActiveSeverity, FileProblem, Finding, Pack } from '../core/types';
import { ROLE_SHORT_LABELS } from '../docs/labels';
import { COMMANDS } from './command-ids';
import { SECTION } from './settings';

export const SOURCE = 'backlog-lint';

const SEVERITY: Record<ActiveSeverity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

export function sourceFor(role: Pack): string {
  return `${SOURCE} (${ROLE_SHORT_LABELS[role]})`;
}

export function isOurs(d: vscode.Diagnostic): boolean {
  return d.source?.startsWith(SOURCE) === true;
}

/** Findings carry 1-based lines and UTF-16 columns, so files that are not open need no TextDocument. */
export function rangeOf(f: Finding): vscode.Range {
  return new vscode.Range(f.line - 1, f.column - 1, f.endLine - 1, f.endColumn - 1);
}

/**
 * Where the rule id in Problems leads: the team's docs when `backlogLint.docsUrl` names them (`{rule}` and
 * `{role}` filled in), else the bundled docs in the editor's docs panel, through a `command:` link (the
 * Problems panel opens those; a web URL would go to a site that may not exist, behind a prompt).
 */
export function docsTarget(f: Pick<Finding, 'ruleId' | 'role'>, docsUrl: string): vscode.Uri {
  if (/^https?:\/\//.test(docsUrl)) {
    try {
      return vscode.Uri.parse(
        docsUrl.replace(/\{rule\}/g, encodeURIComponent(f.ruleId)).replace(/\{role\}/g, f.role),
        true,
      );
    } catch {
      // Not a URL after all: the bundled docs.
    }
  }
  return vscode.Uri.parse(`command:${COMMANDS.showRuleDocs}?${encodeURIComponent(JSON.stringify([f.ruleId]))}`);
}

/**
 * The message stays the short line (what Problems lists, the same as the CLI's); the rationale rides as related
 * information at the finding itself, which the hover shows under the message and Problems folds under the row.
 */
export function toDiagnostic(f: Finding, uri?: vscode.Uri): vscode.Diagnostic {
  const d = new vscode.Diagnostic(rangeOf(f), f.message, SEVERITY[f.severity]);
  d.source = sourceFor(f.role);
  d.code = { value: f.ruleId, target: docsTarget(f, docsUrlSetting()) };
  if (uri)
    d.relatedInformation = [
      new vscode.DiagnosticRelatedInformation(new vscode.Location(uri, d.range), `Why: ${f.rationale}`),
    ];
  return d;
}

/** The `backlogLint.docsUrl` setting, read once per change rather than once per finding. */
let docsUrl: string | undefined;

function docsUrlSetting(): string {
  docsUrl ??= (vscode.workspace.getConfiguration(SECTION).get<string>('docsUrl') ?? '').trim();
  return docsUrl;
}

/** Forgets the setting when it changes; diagnostics made after that use the new one. */
export function watchDocsUrl(): vscode.Disposable {
  return vscode.workspace.onDidChangeConfiguration((e) => {
    if (e.affectsConfiguration(`${SECTION}.docsUrl`)) docsUrl = undefined;
  });
}

/** A document that was not linted (too complex, too slow): one error on the line where that showed, else the first. */
export function problemDiagnostic(problem: FileProblem): vscode.Diagnostic {
  const line = Math.max(0, (problem.line ?? 1) - 1);
  const d = new vscode.Diagnostic(new vscode.Range(line, 0, line, 0), problem.message, vscode.DiagnosticSeverity.Error);
  d.source = SOURCE;
  return d;
}

/** The finding a diagnostic was made from (diagnostics come back to providers as copies). */
export function findingFor(findings: readonly Finding[], d: vscode.Diagnostic): Finding | undefined {
  const code = typeof d.code === 'object' ? d.code.value : d.code;
  return findings.find((f) => f.ruleId === code && rangeOf(f).isEqual(d.range));
}
