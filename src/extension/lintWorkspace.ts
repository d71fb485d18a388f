/**
 * "Lint workspace": every Markdown file into Problems, with a cancellable progress notification.
 * Like the CLI on a folder, it skips `node_modules` and what `.gitignore` files exclude.
 * Files are read through `vscode.workspace.fs` (so virtual workspaces work) and linted with the same
 * config as open documents; open documents are linted from their editor text instead. The checks
 * across files (duplicate stories in two backlogs) run at the end, as in a CLI run over the folder.
 */
import * as vscode from 'vscode';
import { CrossFileRun } from '../core/cross-file';
import { builtinRules } from '../rule-set';
import { gitignoreFilter } from './gitignore';
import type { Linter } from './linter';

export interface WorkspaceLintSummary {
  files: number;
  findings: number;
  cancelled: boolean;
}

export const MARKDOWN_GLOB = '**/*.{md,markdown}';
const EXCLUDE_GLOB = '**/{node_modules,.git}/**';   // as the CLI: never searched

export async function lintWorkspace(linter: Linter): Promise<WorkspaceLintSummary> {
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Backlog Lint: linting workspace', cancellable: true },
    async (progress, token) => {
      const found = await vscode.workspace.findFiles(MARKDOWN_GLOB, EXCLUDE_GLOB, undefined, token);
      const ignored = await gitignoreFilter(EXCLUDE_GLOB, token);
      // The CLI's order (by code unit): checks across files report the later copy, so order matters.
      const uris = found.filter((u) => !ignored(u)).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
      const open = new Map(vscode.workspace.textDocuments.map((d) => [d.uri.toString(), d]));
      const decoder = new TextDecoder();
      const summary: WorkspaceLintSummary = { files: 0, findings: 0, cancelled: false };
      const cross = new CrossFileRun(builtinRules);
      const uriOfPath = new Map<string, vscode.Uri>();
      for (const uri of uris) {
        if (token.isCancellationRequested) {
          summary.cancelled = true;
          break;
        }
        progress.report({ increment: 100 / uris.length, message: vscode.workspace.asRelativePath(uri) });
        const doc = open.get(uri.toString());
        let text: string | undefined;
        if (!doc) {
          try {
            text = decoder.decode(await vscode.workspace.fs.readFile(uri));
          } catch {
            continue;   // deleted since findFiles, or unreadable: nothing to report on
          }
        }
        const snapshot = doc ? await linter.lintDocument(doc, cross) : await linter.lintFile(uri, text ?? '', cross);
        if (snapshot) uriOfPath.set(snapshot.result.filePath, uri);
        summary.files++;
        summary.findings += snapshot?.result.findings.length ?? 0;
      }
      if (!summary.cancelled) {
        for (const [filePath, { findings }] of cross.finish()) {
          const uri = uriOfPath.get(filePath);
          if (!uri) continue;
          linter.addFindings(uri, findings);
          summary.findings += findings.length;
        }
      }
      return summary;
    },
  );
}
