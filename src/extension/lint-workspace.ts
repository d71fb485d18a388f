/**
 * "Lint workspace": every Markdown file into Problems, with a cancellable progress notification.
 * Like the CLI on a folder, it skips `node_modules` and what `.gitignore` files exclude.
 * Files are read through the same host as config files (fs-host.ts: node's fs for `file:`, so virtual
 * workspaces work through `vscode.workspace.fs`): regular files only, size-capped, so a FIFO or a link
 * to /dev/zero named `*.md` is skipped instead of hanging the run. They are linted with the same
 * config as open documents; open documents are linted from their editor text instead. The checks
 * across files (duplicate stories in two backlogs) run at the end, as in a CLI run over the folder.
 */
import * as vscode from 'vscode';
import { UnreadableFileError } from '../config/errors';
import { CrossFileRun } from '../core/cross-file';
import { builtinRules } from '../rule-set';
import { pathMappingFor, workspaceFsHost } from './fs-host';
import { gitignoreFilter } from './gitignore';
import type { Linter } from './linter';

export interface WorkspaceLintSummary {
  files: number;
  findings: number;
  /** Files with at least one finding. */
  filesWithFindings: number;
  /** Files not read: not regular files, over the size cap, or unreadable (each logged). */
  skipped: number;
  cancelled: boolean;
}

/** As the CLI's default --max-file-size: larger Markdown files are skipped, not read. */
export const MAX_WORKSPACE_FILE_BYTES = 10 * 1024 * 1024;

export const MARKDOWN_GLOB = '**/*.{md,markdown}';
const EXCLUDE_GLOB = '**/{node_modules,.git}/**'; // as the CLI: never searched

/** The file's text, or the reason it was not read (undefined: deleted since it was found). */
async function readMarkdown(uri: vscode.Uri): Promise<string | { skipped: string } | undefined> {
  const mapping = pathMappingFor(uri);
  try {
    return await workspaceFsHost(mapping).readFile(mapping.toPath(uri), MAX_WORKSPACE_FILE_BYTES);
  } catch (err) {
    return {
      skipped: err instanceof UnreadableFileError ? err.reason : err instanceof Error ? err.message : String(err),
    };
  }
}

/** "Linted 12 files: 7 findings in 3 files", with what was skipped or cancelled. */
export function summaryMessage(s: WorkspaceLintSummary): string {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const found =
    s.findings === 0 ? 'no findings' : `${plural(s.findings, 'finding')} in ${plural(s.filesWithFindings, 'file')}`;
  const skipped = s.skipped > 0 ? `; ${plural(s.skipped, 'file')} skipped (see the Backlog Lint output)` : '';
  return `Backlog Lint: ${s.cancelled ? 'cancelled after' : 'linted'} ${plural(s.files, 'file')}: ${found}${skipped}`;
}

/**
 * `location`: a cancellable notification for the command; the status bar when the workspace is linted
 * again after a config change (its results were made with the old config).
 */
export async function lintWorkspace(
  linter: Linter,
  log?: Pick<vscode.LogOutputChannel, 'warn'>,
  location = vscode.ProgressLocation.Notification,
): Promise<WorkspaceLintSummary> {
  return vscode.window.withProgress(
    {
      location,
      title: 'Backlog Lint: linting workspace',
      cancellable: location === vscode.ProgressLocation.Notification,
    },
    async (progress, token) => {
      const found = await vscode.workspace.findFiles(MARKDOWN_GLOB, EXCLUDE_GLOB, undefined, token);
      const ignored = await gitignoreFilter(EXCLUDE_GLOB, token);
      // The CLI's order (by code unit): checks across files report the later copy, so order matters.
      const uris = found.filter((u) => !ignored(u)).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
      const open = new Map(vscode.workspace.textDocuments.map((d) => [d.uri.toString(), d]));
      const summary: WorkspaceLintSummary = {
        files: 0,
        findings: 0,
        filesWithFindings: 0,
        skipped: 0,
        cancelled: false,
      };
      const withFindings = new Set<string>();
      const cross = new CrossFileRun(builtinRules);
      const uriOfPath = new Map<string, vscode.Uri>();
      for (const uri of uris) {
        if (token.isCancellationRequested) {
          summary.cancelled = true;
          break;
        }
        progress.report({ increment: 100 / uris.length, message: vscode.workspace.asRelativePath(uri) });
        // A document closed since the run started is read from disk: linting it would publish for a closed editor.
        const doc = open.get(uri.toString());
        if (doc?.isClosed) open.delete(uri.toString());
        let text: string | undefined;
        if (!doc || doc.isClosed) {
          const read = await readMarkdown(uri);
          if (read === undefined) continue; // deleted since findFiles
          if (typeof read !== 'string') {
            log?.warn(`lint workspace: skipped ${vscode.workspace.asRelativePath(uri)}: ${read.skipped}`);
            summary.skipped++;
            continue;
          }
          text = read;
        }
        const snapshot =
          doc && !doc.isClosed ? await linter.lintDocument(doc, cross) : await linter.lintFile(uri, text ?? '', cross);
        if (snapshot) uriOfPath.set(snapshot.result.filePath, uri);
        summary.files++;
        const count = snapshot?.result.findings.length ?? 0;
        summary.findings += count;
        if (count > 0) withFindings.add(uri.toString());
      }
      if (!summary.cancelled) {
        for (const [filePath, { findings }] of cross.finish()) {
          const uri = uriOfPath.get(filePath);
          if (!uri) continue;
          await linter.addFindings(uri, findings);
          summary.findings += findings.length;
          if (findings.length > 0) withFindings.add(uri.toString());
        }
      }
      summary.filesWithFindings = withFindings.size;
      return summary;
    },
  );
}
