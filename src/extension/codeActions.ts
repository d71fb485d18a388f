/**
 * Quick fixes for our diagnostics (the rule's fix and suggestions, disable for this line, show docs,
 * fix all) and `source.fixAll.backlogLint` for `editor.codeActionsOnSave`.
 */
import * as path from 'path';
import * as vscode from 'vscode';
import { disableNextLineFix } from '../core/fixes';
import type { Finding } from '../core/types';
import { COMMANDS } from './commandIds';
import { findingFor, isOurs } from './diagnostics';
import { applyIfCurrent, changedLinesEdit, fixToSnippetEdit, fixToWorkspaceEdit, withSlowProgress } from './edits';
import type { Linter, LintSnapshot } from './linter';

export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('backlogLint');
export const FIX_ALL_TITLE = 'Fix all backlog-lint issues in this file';

export class CodeActions implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND],
  };

  constructor(private readonly linter: Linter) {}

  async provideCodeActions(doc: vscode.TextDocument, _range: vscode.Range, ctx: vscode.CodeActionContext):
    Promise<vscode.CodeAction[]> {
    // codeActionsOnSave and the Source Action menu ask for a kind; the lightbulb asks for none.
    if (ctx.only && !ctx.only.intersects(vscode.CodeActionKind.QuickFix)) {
      if (!ctx.only.contains(FIX_ALL_KIND)) return [];
      const action = await this.fixAllAction(doc);
      return action ? [action] : [];
    }
    const ours = ctx.diagnostics.filter(isOurs);
    if (ours.length === 0) return [];
    const snapshot = await this.linter.current(doc);
    // Offsets of another version would be mapped onto this text: offer nothing, the next request re-lints.
    if (!snapshot || snapshot.version !== doc.version) return [];
    const actions: vscode.CodeAction[] = [];
    const seen = new Set<string>();
    for (const diagnostic of ours) {
      const finding = findingFor(snapshot.result.findings, diagnostic);
      if (finding) actions.push(...this.actionsFor(doc, snapshot, finding, diagnostic, seen));
    }
    if (snapshot.result.findings.some((f) => f.fix)) {
      // Lazy: running every fix pass on each lightbulb request would cost a lint per pass.
      const all = new vscode.CodeAction(FIX_ALL_TITLE, vscode.CodeActionKind.QuickFix);
      // The version: the command refuses to run on a document edited since this was offered.
      all.command = { title: FIX_ALL_TITLE, command: COMMANDS.fixAll, arguments: [doc.uri, doc.version] };
      actions.push(all);
    }
    return actions;
  }

  /** The whole-file fix as edits of the changed lines, or undefined when nothing is fixable. */
  async fixAllAction(doc: vscode.TextDocument): Promise<vscode.CodeAction | undefined> {
    const fix = await this.fixAllEdit(doc);
    if (!fix) return undefined;
    const action = new vscode.CodeAction(FIX_ALL_TITLE, FIX_ALL_KIND);
    action.edit = fix.edit;
    return action;
  }

  /**
   * The fix-all command: applies only to the version it was offered for (`expectedVersion`, when
   * given) and computed on; otherwise refuses and re-lints, so the user gets fresh diagnostics and
   * actions instead of an edit at stale offsets.
   */
  async applyFixAll(doc: vscode.TextDocument, expectedVersion?: number): Promise<boolean> {
    const offeredFor = expectedVersion ?? doc.version;
    if (offeredFor === doc.version) {
      const fix = await withSlowProgress(`backlog-lint: fixing all issues in ${path.basename(doc.uri.path)}…`, () => this.fixAllEdit(doc));
      if (!fix && doc.version === offeredFor) return false;   // nothing to fix
      if (fix && (await applyIfCurrent(doc, fix.version, fix.edit))) return true;
    }
    vscode.window.setStatusBarMessage('backlog-lint: the file changed, fix all skipped; run it again', 4000);
    if (!doc.isClosed) void this.linter.lintDocument(doc);
    return false;
  }

  private async fixAllEdit(doc: vscode.TextDocument): Promise<{ edit: vscode.WorkspaceEdit; version: number } | undefined> {
    const snapshot = await this.linter.current(doc);
    if (!snapshot || snapshot.version !== doc.version || !snapshot.result.findings.some((f) => f.fix)) return undefined;
    const fixed = await this.linter.fixAll(snapshot);
    if (doc.version !== snapshot.version) return undefined;
    const edit = changedLinesEdit(doc, snapshot.text, fixed);
    return edit && { edit, version: snapshot.version };
  }

  /** `seen`: two findings of one rule on one line need one "disable" and one "docs" entry, not two. */
  private actionsFor(doc: vscode.TextDocument, snapshot: LintSnapshot, finding: Finding,
    diagnostic: vscode.Diagnostic, seen: Set<string>): vscode.CodeAction[] {
    const actions: vscode.CodeAction[] = [];
    const quickFix = (title: string) => {
      const a = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
      a.diagnostics = [diagnostic];
      actions.push(a);
      return a;
    };
    if (finding.fix) {
      const a = quickFix(finding.fix.title);
      a.edit = fixToSnippetEdit(doc, finding.fix);
      a.isPreferred = true;
    }
    for (const suggestion of finding.suggestions ?? []) {
      quickFix(suggestion.title).edit = fixToSnippetEdit(doc, suggestion);
    }
    const disable = `Disable ${finding.ruleId} for this line`;
    if (!seen.has(`${disable}@${finding.line}`)) {
      seen.add(`${disable}@${finding.line}`);
      quickFix(disable).edit = fixToWorkspaceEdit(doc, disableNextLineFix(snapshot.text, finding));
    }
    const docs = `Show documentation for ${finding.ruleId}`;
    if (!seen.has(docs)) {
      seen.add(docs);
      quickFix(docs).command = { title: docs, command: COMMANDS.showRuleDocs, arguments: [finding.ruleId] };
    }
    return actions;
  }
}
