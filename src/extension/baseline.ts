/**
 * The baseline in the editor: the same `backlog-lint-baseline.json` the CLI reads, at the workspace folder's
 * root, so the Problems panel shows what CI would fail on. Findings the baseline holds back are dimmed (a
 * hint, marked unnecessary) or hidden, as `backlogLint.baseline` says. The file is read through
 * `workspace.fs` and re-read when it changes; a broken one is logged and ignored, never fatal.
 */
import * as vscode from 'vscode';
import { BASELINE_FILE_NAME, holdBack, lineTextOf, parseBaseline, type Baseline } from '../core/baseline';
import type { Finding } from '../core/types';
import { toDiagnostic } from './diagnostics';

export type BaselineDisplay = 'dim' | 'hide' | 'off';

export class EditorBaseline implements vscode.Disposable {
  private readonly loaded = new Map<string, Promise<Baseline | undefined>>();
  private readonly watcher = vscode.workspace.createFileSystemWatcher(`**/${BASELINE_FILE_NAME}`);

  constructor(private readonly log: vscode.LogOutputChannel) {
    const forget = () => this.loaded.clear();
    this.watcher.onDidChange(forget);
    this.watcher.onDidCreate(forget);
    this.watcher.onDidDelete(forget);
  }

  /** The document's diagnostics: its findings, the baselined ones dimmed or left out. */
  async diagnostics(
    uri: vscode.Uri,
    text: string,
    findings: readonly Finding[],
    display: BaselineDisplay,
  ): Promise<vscode.Diagnostic[]> {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (display === 'off' || !folder || findings.length === 0) return findings.map((f) => toDiagnostic(f, uri));
    const baseline = await this.baselineOf(folder);
    const key = vscode.workspace.asRelativePath(uri, false);
    const { kept } = holdBack(findings, baseline?.get(key), lineTextOf(text));
    if (kept.length === findings.length) return findings.map((f) => toDiagnostic(f, uri));
    const fresh = new Set(kept);
    const out: vscode.Diagnostic[] = [];
    for (const f of findings) {
      if (fresh.has(f)) out.push(toDiagnostic(f, uri));
      else if (display === 'dim') out.push(dimmed(toDiagnostic(f, uri)));
    }
    return out;
  }

  dispose(): void {
    this.watcher.dispose();
  }

  private baselineOf(folder: vscode.WorkspaceFolder): Promise<Baseline | undefined> {
    const key = folder.uri.toString();
    let baseline = this.loaded.get(key);
    if (!baseline) {
      const file = vscode.Uri.joinPath(folder.uri, BASELINE_FILE_NAME);
      baseline = Promise.resolve(vscode.workspace.fs.readFile(file)).then(
        (bytes) => {
          try {
            return parseBaseline(new TextDecoder().decode(bytes), BASELINE_FILE_NAME);
          } catch (err) {
            this.log.warn(`${file.toString(true)} is ignored: ${(err as Error).message}`);
            return undefined;
          }
        },
        () => undefined,
      );
      this.loaded.set(key, baseline);
    }
    return baseline;
  }
}

function dimmed(d: vscode.Diagnostic): vscode.Diagnostic {
  d.severity = vscode.DiagnosticSeverity.Hint;
  d.tags = [vscode.DiagnosticTag.Unnecessary];
  d.message = `${d.message} (in the baseline)`;
  return d;
}
