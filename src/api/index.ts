/**
 * The library entry point (dist/index.js): a thin shell over the core, like the CLI and the extension.
 * Every export is typed by backlog-lint.d.ts, the published declarations, so the two cannot drift apart.
 */
import * as path from 'node:path';
import { builtinRules as allRules, rulesFor } from '../rule-set';
import { createConfigLoader, defaultConfig, nodeFileSystem } from '../config';
import { CrossFileRun, mergeCrossFileFindings } from '../core/cross-file';
import { lintDocument } from '../core/engine';
import { DEFAULT_MAX_TIME_PER_FILE_MS } from '../core/time-budget';
import type { LintResult } from '../core/types';
import { format } from '../formatters';
import { findMarkdownFiles } from '../cli/files';
import { lintFileWithin } from '../cli/lint-job';
import { readDocument } from '../cli/read';
import type * as Public from './backlog-lint';

declare const BACKLOG_LINT_VERSION: string;

const MAX_FILE_SIZE = 10 * 1024 * 1024;

function loaderFor(options: Public.LoadConfigOptions) {
  return createConfigLoader({
    fs: nodeFileSystem(),
    rules: allRules,
    configFile: options.configFile && path.resolve(options.configFile),
    roles: options.roles,
  });
}

export const loadConfig: typeof Public.loadConfig = (filePath, options = {}) =>
  loaderFor(options).forFile(path.resolve(filePath));

export const lintText: typeof Public.lintText = (text, options = {}) => {
  const config = options.config ?? defaultConfig();
  return lintDocument(text, { filePath: options.filePath, config, rules: rulesFor(config) }).result;
};

export const lintFiles: typeof Public.lintFiles = async (patterns, options = {}) => {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const loader = createConfigLoader({
    fs: nodeFileSystem(),
    rules: allRules,
    configFile: options.configFile && path.resolve(cwd, options.configFile),
    roles: options.roles,
  });
  const files = await findMarkdownFiles(typeof patterns === 'string' ? [patterns] : patterns, { cwd });
  const cross = new CrossFileRun(allRules);
  const results: LintResult[] = [];
  for (const file of files) {
    try {
      const config = await loader.forFile(file);
      if (config.ignored) continue;
      const doc = await readDocument(file, MAX_FILE_SIZE);
      const output = lintFileWithin(
        { text: doc.text, filePath: file, config, fix: false },
        DEFAULT_MAX_TIME_PER_FILE_MS,
      );
      cross.addCollected(file, output.crossFile, output.directives, config);
      results.push(output.result);
    } catch (err) {
      // A broken config names its file and key (ConfigError); an unreadable file says why (FileReadError).
      const { message, file: about, keyPath } = err as Error & { file?: string; keyPath?: string };
      const problem = {
        message,
        ...(about === undefined ? {} : { file: about }),
        ...(keyPath === undefined ? {} : { keyPath }),
      };
      results.push({ filePath: file, artifact: null, findings: [], suppressed: [], problem });
    }
  }
  mergeCrossFileFindings(results, cross.finish());
  return results;
};

export const formatResults: typeof Public.formatResults = (results, name = 'stylish', options = {}) =>
  format(name, results, {
    cwd: path.resolve(options.cwd ?? process.cwd()),
    color: options.color ?? false,
    rules: new Map(allRules.map((r) => [r.meta.id, r])),
    toolVersion: BACKLOG_LINT_VERSION,
  });
