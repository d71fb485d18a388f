/**
 * Config for a document: the core's config loader (the same discovery and merging the CLI does),
 * reading through `vscode.workspace.fs`, then the editor-only layers: settings that act like CLI
 * flags, and Workspace Trust. Fires `onDidChange` when a config file or a setting changes.
 */
import * as path from 'path';
import * as vscode from 'vscode';
import { ConfigError, createConfigLoader, defaultConfig, type FileConfig } from '../config';
import type { Rule } from '../core/rule';
import { pathMappingFor, workspaceFsHost, type PathMapping } from './fsHost';
import { readSettings, SECTION, type Settings } from './settings';

type Loader = ReturnType<typeof createConfigLoader>;

export type DocumentConfig =
  | { kind: 'ok'; config: FileConfig; filePath: string }
  | { kind: 'error'; error: ConfigError; filePath: string };

/** Config files the loader discovers (package.json may hold a "backlog-lint" key); edits re-lint. */
export const CONFIG_GLOB = '**/{.backlog-lint*,package.json}';

export class ConfigService implements vscode.Disposable {
  private readonly loaders = new Map<string, Loader>();
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [this.changed];
  readonly onDidChange = this.changed.event;

  constructor(private readonly rules: readonly Rule<any>[]) {
    const watcher = vscode.workspace.createFileSystemWatcher(CONFIG_GLOB);
    const reload = () => this.reload();
    this.disposables.push(
      watcher,
      watcher.onDidCreate(reload),
      watcher.onDidChange(reload),
      watcher.onDidDelete(reload),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(SECTION)) this.reload();
      }),
      // Trust changes what may be read (templates, the configFile setting).
      vscode.workspace.onDidGrantWorkspaceTrust(reload),
    );
  }

  /** Drops every cached config; the next lint reads the files again. */
  reload(): void {
    for (const loader of this.loaders.values()) loader.clearCache();
    this.loaders.clear();
    this.changed.fire();
  }

  async forDocument(doc: Pick<vscode.TextDocument, 'uri' | 'isUntitled'>): Promise<DocumentConfig> {
    const folder = this.folderFor(doc);
    const settings = readSettings(folder ?? doc.uri);
    const anchor = doc.isUntitled ? folder?.uri : doc.uri;
    const mapping = pathMappingFor(anchor ?? vscode.Uri.file('/'));
    const filePath = this.filePathFor(doc, mapping, folder);
    if (!anchor) {
      // An untitled document with no folder open: nothing to discover, so CI's defaults.
      return { kind: 'ok', config: this.editorLayers({ ...defaultConfig(), ignored: false }, settings), filePath };
    }
    try {
      const config = await this.loaderFor(mapping, settings, folder).forFile(filePath);
      return { kind: 'ok', config: this.editorLayers(config, settings), filePath };
    } catch (err) {
      if (err instanceof ConfigError) return { kind: 'error', error: err, filePath };
      throw err;
    }
  }

  /** The URI of a config file the loader named in an error. */
  uriOf(doc: Pick<vscode.TextDocument, 'uri' | 'isUntitled'>, configPath: string): vscode.Uri {
    const folder = this.folderFor(doc);
    return pathMappingFor((doc.isUntitled ? folder?.uri : doc.uri) ?? vscode.Uri.file('/')).toUri(configPath);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }

  private folderFor(doc: Pick<vscode.TextDocument, 'uri' | 'isUntitled'>): vscode.WorkspaceFolder | undefined {
    return doc.isUntitled ? vscode.workspace.workspaceFolders?.[0] : vscode.workspace.getWorkspaceFolder(doc.uri);
  }

  /** Untitled documents have no path: they get the config of a file of that name in the first folder. */
  private filePathFor(doc: Pick<vscode.TextDocument, 'uri' | 'isUntitled'>, mapping: PathMapping,
    folder: vscode.WorkspaceFolder | undefined): string {
    if (!doc.isUntitled) return mapping.toPath(doc.uri);
    const name = `${path.posix.basename(doc.uri.path) || 'Untitled'}.md`;
    return folder ? mapping.toPath(vscode.Uri.joinPath(folder.uri, name)) : `/${name}`;
  }

  private loaderFor(mapping: PathMapping, settings: Settings, folder: vscode.WorkspaceFolder | undefined): Loader {
    const configFile = this.configFileFor(settings, mapping, folder);
    // Discovery stops at the workspace folder: configs above it belong to no project the user opened.
    const stopAt = folder ? mapping.toPath(folder.uri) : undefined;
    const key = JSON.stringify([mapping.key, configFile, settings.roles, stopAt]);
    let loader = this.loaders.get(key);
    if (!loader) {
      loader = createConfigLoader({
        fs: workspaceFsHost(mapping),
        rules: this.rules,
        configFile,
        roles: settings.roles.length > 0 ? settings.roles : undefined,
        stopAt,
      });
      this.loaders.set(key, loader);
    }
    return loader;
  }

  /** `backlogLint.configFile`, relative to the document's workspace folder. Its workspace value is
   *  a restricted setting, so VS Code already ignores it in an untrusted workspace. */
  private configFileFor(settings: Settings, mapping: PathMapping, folder: vscode.WorkspaceFolder | undefined):
    string | undefined {
    if (!settings.configFile) return undefined;
    if (path.isAbsolute(settings.configFile) || !folder) return settings.configFile;
    return mapping.toPath(vscode.Uri.joinPath(folder.uri, settings.configFile));
  }

  /** What the editor adds on top of the config files. */
  private editorLayers(config: FileConfig, settings: Settings): FileConfig {
    const rules = { ...config.rules };
    for (const [id, severity] of Object.entries(settings.rules)) rules[id] = { ...rules[id], severity };
    // Untrusted: only built-in fix templates. Workspace templates are text the workspace author
    // chose to insert into documents; built-in rules keep running either way.
    const templates = vscode.workspace.isTrusted ? config.templates : {};
    return { ...config, rules, templates };
  }
}
