/**
 * Config for a document: the core's config loader (the same discovery and merging the CLI does), then
 * the editor-only layers: settings that act like CLI flags, and Workspace Trust. For `file:` workspaces
 * the loader runs in the lint worker (lint-client.ts), within its time budget, so reading, parsing and
 * glob matching of a hostile config never run on the extension host's thread; other schemes (remote,
 * virtual) need `vscode.workspace.fs`, which only the host has, and resolve here with the loader's own
 * glob budgets (src/config/layer.ts). Fires `onDidChange` when a config file or a setting changes.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { ConfigError, createConfigLoader, defaultConfig, type FileConfig } from '../config';
import type { Rule } from '../core/rule';
import type { LoaderSpec } from './config-request';
import { pathMappingFor, workspaceFsHost, type PathMapping } from './fs-host';
import type { LintClient } from './lint-client';
import { readSettings, SECTION, type Settings } from './settings';

type Loader = ReturnType<typeof createConfigLoader>;

/** `lastGood`: the config that file last loaded with (or, failing that, its folder), so a config
 *  being edited into a broken state does not wipe every document's diagnostics meanwhile. */
export type DocumentConfig =
  | { kind: 'ok'; config: FileConfig; filePath: string }
  | { kind: 'error'; error: ConfigError; filePath: string; lastGood?: FileConfig };

/** Resolved configs kept at most (open documents and a workspace lint's files); past it the memo starts over. */
const MAX_RESOLVED = 2000;

/** Config files the loader discovers (package.json may hold a "backlog-lint" key); edits re-lint. */
export const CONFIG_GLOB = '**/{.backlog-lint*,package.json}';

export class ConfigService implements vscode.Disposable {
  private readonly loaders = new Map<string, Loader>();
  /**
   * Resolved configs by loader and file, until the next reload(): a lookup costs a round trip to the
   * worker (or, off `file:`, the host's time), once per document and config change instead of per keystroke.
   */
  private resolved = new Map<string, FileConfig>();
  /** Survive reload(): they are what keeps documents linted while a config file is broken. */
  private readonly lastGoodByFile = new Map<string, FileConfig>();
  private readonly lastGoodByFolder = new Map<string, FileConfig>();
  /** Config errors notified (folder, config file, message) → closes the notification: every keystroke re-reads the config. */
  private readonly notified = new Map<string, () => void>();
  /** Document path → the notified error it last loaded with, so loading fine again re-arms that one. */
  private readonly failedWith = new Map<string, string>();
  private readonly shown: string[] = [];
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [this.changed];
  readonly onDidChange = this.changed.event;

  /** `worker`: where `file:` configs resolve; the worker's loaders use the same rules (rules/index.ts). */
  constructor(
    private readonly rules: readonly Rule<any>[],
    private readonly worker: Pick<LintClient, 'resolveConfig' | 'clearConfigs'>,
  ) {
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
    this.worker.clearConfigs();
    this.resolved = new Map();
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
    const folderKey = folder?.uri.toString() ?? '';
    try {
      const config = this.editorLayers(await this.resolve(mapping, settings, folder, filePath), settings);
      this.lastGoodByFile.set(filePath, config);
      this.lastGoodByFolder.set(folderKey, config);
      this.rearm(filePath);
      return { kind: 'ok', config, filePath };
    } catch (err) {
      if (!(err instanceof ConfigError)) throw err;
      this.notify(err, folderKey, filePath, doc);
      const lastGood = this.lastGoodByFile.get(filePath) ?? this.lastGoodByFolder.get(folderKey);
      return { kind: 'error', error: err, filePath, lastGood };
    }
  }

  /** Config error messages shown as notifications, in order (the in-host tests count them). */
  get notifications(): readonly string[] {
    return this.shown;
  }

  /** The URI of a config file the loader named in an error. */
  uriOf(doc: Pick<vscode.TextDocument, 'uri' | 'isUntitled'>, configPath: string): vscode.Uri {
    const folder = this.folderFor(doc);
    return pathMappingFor((doc.isUntitled ? folder?.uri : doc.uri) ?? vscode.Uri.file('/')).toUri(configPath);
  }

  dispose(): void {
    for (const close of this.notified.values()) close();
    for (const d of this.disposables) d.dispose();
  }

  /**
   * Once per folder, config file and message; a document loading fine again re-arms its error for the
   * next break and closes the notification. A progress notification is the one kind an extension can
   * close: a message shown with showErrorMessage stays until the user closes it, fixed config or not.
   */
  private notify(
    error: ConfigError,
    folderKey: string,
    filePath: string,
    doc: Pick<vscode.TextDocument, 'uri' | 'isUntitled'>,
  ): void {
    const key = `${folderKey}\n${error.file}\n${error.message}`;
    this.failedWith.set(filePath, key);
    if (this.notified.has(key)) return;
    const relative = vscode.workspace.asRelativePath(this.uriOf(doc, error.file));
    const message = error.message.split(error.file).join(relative);
    this.shown.push(message);
    let close = () => {};
    const closed = new Promise<void>((resolve) => {
      close = resolve;
    });
    this.notified.set(key, close);
    void vscode.window.withProgress(
      {
        location: vscode.ProgressLocation.Notification,
        title: `Backlog Lint: ${message}. Linting with the last valid config until it is fixed (see Problems).`,
      },
      () => closed,
    );
  }

  private rearm(filePath: string): void {
    const key = this.failedWith.get(filePath);
    if (key === undefined) return;
    this.failedWith.delete(filePath);
    this.notified.get(key)?.();
    this.notified.delete(key);
  }

  private folderFor(doc: Pick<vscode.TextDocument, 'uri' | 'isUntitled'>): vscode.WorkspaceFolder | undefined {
    return doc.isUntitled ? vscode.workspace.workspaceFolders?.[0] : vscode.workspace.getWorkspaceFolder(doc.uri);
  }

  /** Untitled documents have no path: they get the config of a file of that name in the first folder. */
  private filePathFor(
    doc: Pick<vscode.TextDocument, 'uri' | 'isUntitled'>,
    mapping: PathMapping,
    folder: vscode.WorkspaceFolder | undefined,
  ): string {
    if (!doc.isUntitled) return mapping.toPath(doc.uri);
    const name = `${path.posix.basename(doc.uri.path) || 'Untitled'}.md`;
    return folder ? mapping.toPath(vscode.Uri.joinPath(folder.uri, name)) : `/${name}`;
  }

  /** Failures are not kept: the loader keeps its own, and a fixed config file triggers reload() anyway. */
  private async resolve(
    mapping: PathMapping,
    settings: Settings,
    folder: vscode.WorkspaceFolder | undefined,
    filePath: string,
  ): Promise<FileConfig> {
    const { spec, key } = this.loaderSpec(mapping, settings, folder);
    const cacheKey = `${key}\n${filePath}`;
    const cached = this.resolved.get(cacheKey);
    if (cached) return cached;
    const resolved = this.resolved;
    const config =
      mapping.key === 'file:'
        ? await this.worker.resolveConfig(key, spec, filePath)
        : await this.hostLoader(mapping, spec, key).forFile(filePath);
    // A reload() meanwhile started a new map: this result belongs to the old configs.
    if (resolved === this.resolved) {
      if (resolved.size >= MAX_RESOLVED) resolved.clear();
      resolved.set(cacheKey, config);
    }
    return config;
  }

  private loaderSpec(
    mapping: PathMapping,
    settings: Settings,
    folder: vscode.WorkspaceFolder | undefined,
  ): { spec: LoaderSpec; key: string } {
    const configFile = this.configFileFor(settings, mapping, folder);
    // Discovery stops at the workspace folder: configs above it belong to no project the user opened.
    const stopAt = folder ? mapping.toPath(folder.uri) : undefined;
    const trusted = vscode.workspace.isTrusted;
    const key = JSON.stringify([mapping.key, configFile, settings.roles, stopAt, trusted]);
    const spec: LoaderSpec = {
      configFile,
      roles: settings.roles.length > 0 ? settings.roles : undefined,
      stopAt,
      // Restricted Mode: the templates folder is not listed or read at all.
      readTemplates: trusted,
    };
    return { spec, key };
  }

  /** A loader reading through `vscode.workspace.fs`, for schemes the worker cannot read. */
  private hostLoader(mapping: PathMapping, spec: LoaderSpec, key: string): Loader {
    let loader = this.loaders.get(key);
    if (!loader) {
      loader = createConfigLoader({ ...spec, fs: workspaceFsHost(mapping), rules: this.rules });
      this.loaders.set(key, loader);
    }
    return loader;
  }

  /** `backlogLint.configFile`, relative to the document's workspace folder ('' when untrusted: settings.ts). */
  private configFileFor(
    settings: Settings,
    mapping: PathMapping,
    folder: vscode.WorkspaceFolder | undefined,
  ): string | undefined {
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
