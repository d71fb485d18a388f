/**
 * Quick fixes for our diagnostics and `source.fixAll.backlogLint` for `editor.codeActionsOnSave`. The
 * menu lists, as ESLint's does: the fixes, then "Fix all", then one "Disable" entry per rule (for this
 * line, or for this file when the finding is about the whole document), then one docs entry per rule.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { disableFileFix, disableNextLineFix } from '../core/fixes';
import type { ArtifactKind, Finding, LintResult } from '../core/types';
import { COMMANDS } from './command-ids';
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

  async provideCodeActions(
    doc: vscode.TextDocument,
    _range: vscode.Range,
    ctx: vscode.CodeActionContext,
  ): Promise<vscode.CodeAction[]> {
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
    const here = ours.flatMap((diagnostic) => {
      const finding = findingFor(snapshot.result.findings, diagnostic);
      return finding ? [{ finding, diagnostic }] : [];
    });
    const fixes = here.flatMap(({ finding, diagnostic }) => this.actionsFor(doc, finding, diagnostic));
    // VS Code lists actions with diagnostics before those without (then preferred first, else in this
    // order): "Fix all" and "Disable" carry the diagnostics here, so only the docs entries come after.
    const fixAll = snapshot.result.findings.some((f) => f.fix)
      ? [
          this.fixAllCommand(
            doc,
            here.map((h) => h.diagnostic),
          ),
        ]
      : [];
    return [
      ...fixes,
      ...fixAll,
      ...this.disableActions(doc, snapshot, here),
      ...docsActions(here.map((h) => h.finding)),
    ];
  }

  /** Lazy: running every fix pass on each lightbulb request would cost a lint per pass. */
  private fixAllCommand(doc: vscode.TextDocument, diagnostics: vscode.Diagnostic[]): vscode.CodeAction {
    const all = new vscode.CodeAction(FIX_ALL_TITLE, vscode.CodeActionKind.QuickFix);
    all.diagnostics = diagnostics;
    // The version: the command refuses to run on a document edited since this was offered.
    all.command = { title: FIX_ALL_TITLE, command: COMMANDS.fixAll, arguments: [doc.uri, doc.version] };
    return all;
  }

  /**
   * One per rule among the findings here: "for this file" when one of them is about the whole document
   * (a PRD without a Problem section: there is no line to disable it on), else "for this line" on the
   * first finding's line.
   */
  private disableActions(
    doc: vscode.TextDocument,
    snapshot: LintSnapshot,
    here: readonly { finding: Finding; diagnostic: vscode.Diagnostic }[],
  ): vscode.CodeAction[] {
    const byRule = new Map<string, { finding: Finding; diagnostic: vscode.Diagnostic }[]>();
    for (const h of here) byRule.set(h.finding.ruleId, [...(byRule.get(h.finding.ruleId) ?? []), h]);
    return [...byRule].map(([ruleId, items]) => {
      const whole = items.some(({ finding }) => isWholeDocument(finding, snapshot.result));
      const fix = whole ? disableFileFix(snapshot.text, ruleId) : disableNextLineFix(snapshot.text, items[0]!.finding);
      const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
      action.diagnostics = items.map((i) => i.diagnostic);
      action.edit = fixToWorkspaceEdit(doc, fix);
      return action;
    });
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
      const fix = await withSlowProgress(`backlog-lint: fixing all issues in ${path.basename(doc.uri.path)}…`, () =>
        this.fixAllEdit(doc),
      );
      if (!fix && doc.version === offeredFor) return false; // nothing to fix
      if (fix && (await applyIfCurrent(doc, fix.version, fix.edit))) return true;
    }
    vscode.window.setStatusBarMessage('backlog-lint: the file changed, fix all skipped; run it again', 4000);
    if (!doc.isClosed) void this.linter.lintDocument(doc);
    return false;
  }

  private async fixAllEdit(
    doc: vscode.TextDocument,
  ): Promise<{ edit: vscode.WorkspaceEdit; version: number } | undefined> {
    const snapshot = await this.linter.current(doc);
    if (!snapshot || snapshot.version !== doc.version || !snapshot.result.findings.some((f) => f.fix)) return undefined;
    const fixed = await this.linter.fixAll(snapshot);
    if (doc.version !== snapshot.version) return undefined;
    const edit = changedLinesEdit(doc, snapshot.text, fixed);
    return edit && { edit, version: snapshot.version };
  }

  /** The finding's fix and suggestions. */
  private actionsFor(doc: vscode.TextDocument, finding: Finding, diagnostic: vscode.Diagnostic): vscode.CodeAction[] {
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
    return actions;
  }
}

/** Artifacts that are whole documents: their own findings are about the file, not a line of it. */
const DOCUMENT_ARTIFACTS: ReadonlySet<ArtifactKind> = new Set(['backlog', 'epic', 'prd', 'roadmap', 'business-case']);

/** A finding about the document as a whole (its artifact is the document's own, and a document kind). */
export function isWholeDocument(finding: Finding, result: LintResult): boolean {
  return finding.artifact === result.artifact && DOCUMENT_ARTIFACTS.has(finding.artifact);
}

/** One "Show documentation" entry per rule, last. */
function docsActions(findings: readonly Finding[]): vscode.CodeAction[] {
  return [...new Set(findings.map((f) => f.ruleId))].map((ruleId) => {
    const title = `Show documentation for ${ruleId}`;
    const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
    action.command = { title, command: COMMANDS.showRuleDocs, arguments: [ruleId] };
    return action;
  });
}
