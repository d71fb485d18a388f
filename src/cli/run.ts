/** One CLI run: find files, resolve config per file, lint (and fix), check across files, report, exit code. */
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { allRules, findRule } from '../../rules';
import { CrossFileRun } from '../core/cross-file';
import { lintDocument } from '../core/engine';
import { fixAll } from '../core/fix-all';
import type { EffectiveConfig, LintResult } from '../core/types';
import { ConfigError, createConfigLoader, nodeFileSystem, printConfig, starterConfig } from '../config';
import type { ConfigLoader } from '../config';
import { format } from '../formatters';
import type { CliOptions } from './args';
import { findMarkdownFiles } from './files';
import { decodeDocument, FileReadError, readDocument } from './read';
import { rulesTable } from './rules-table';
import { StaleFileError, writeAtomic } from './write';

export interface Io {
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readStdin: () => Promise<Buffer>;
  isTTY: boolean;
  env: NodeJS.ProcessEnv;
  version: string;
}

const EXIT_OK = 0;
const EXIT_FINDINGS = 1;
const EXIT_TROUBLE = 2;

function useColor(opts: CliOptions, io: Io): boolean {
  if (opts.color !== undefined) return opts.color;
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  if (io.env.FORCE_COLOR !== undefined && io.env.FORCE_COLOR !== '0') return true;
  return io.isTTY && !opts.output;
}

function problemResult(filePath: string, message: string, extra: { file?: string; keyPath?: string } = {}): LintResult {
  return { filePath, artifact: null, findings: [], suppressed: [], problem: { message, ...extra } };
}

function problemOf(filePath: string, err: unknown): LintResult {
  if (err instanceof ConfigError) return problemResult(filePath, err.message, { file: err.file, keyPath: err.keyPath });
  if (err instanceof FileReadError || err instanceof StaleFileError) return problemResult(filePath, err.message);
  return problemResult(filePath, `${filePath}: ${(err as Error).message}`);
}

/** Lints (and with --fix, fixes) one document's text under its config. */
function lintOne(text: string, filePath: string, config: EffectiveConfig, fix: boolean, cross: CrossFileRun): { result: LintResult; fixed?: string } {
  let fixed: string | undefined;
  let source = text;
  if (fix) {
    const out = fixAll(text, { filePath, config });
    if (out.text !== text) fixed = out.text;
    source = out.text;
  }
  const lint = lintDocument(source, { filePath, config });
  cross.add(lint, config);
  return { result: lint.result, fixed };
}

async function lintFiles(files: string[], opts: CliOptions, loader: ConfigLoader, cross: CrossFileRun, io: Io): Promise<LintResult[]> {
  const results: LintResult[] = [];
  for (const file of files) {
    try {
      const config = await loader.forFile(file);
      if (config.ignored) continue;
      const doc = await readDocument(file, opts.maxFileSize);
      const { result, fixed } = lintOne(doc.text, file, config, opts.fix, cross);
      if (fixed !== undefined) {
        await writeAtomic(file, (doc.bom ? '\uFEFF' : '') + fixed, doc.raw);
      }
      results.push(result);
    } catch (err) {
      results.push(problemOf(file, err));
    }
  }
  if (io.env.BACKLOG_LINT_DEBUG) io.stderr(`linted ${results.length} files\n`);
  return results;
}

async function lintStdin(opts: CliOptions, loader: ConfigLoader, cross: CrossFileRun, io: Io): Promise<LintResult[]> {
  const name = opts.stdinFilename ? path.resolve(io.cwd, opts.stdinFilename) : path.join(io.cwd, '<stdin>');
  try {
    const config = await loader.forFile(name);
    const doc = decodeDocument(await io.readStdin(), opts.stdinFilename ?? '<stdin>');
    const { result, fixed } = lintOne(doc.text, name, config, opts.fix, cross);
    // With --fix, standard input is fixed to standard output and the report goes to standard error.
    if (opts.fix) io.stdout((doc.bom ? '\uFEFF' : '') + (fixed ?? doc.text));
    return [result];
  } catch (err) {
    return [problemOf(name, err)];
  }
}

function mergeCrossFile(results: LintResult[], cross: CrossFileRun): void {
  const extra = cross.finish();
  for (const result of results) {
    const add = extra.get(result.filePath);
    if (!add) continue;
    result.findings = [...result.findings, ...add.findings].sort((a, b) => a.range[0] - b.range[0]);
    result.suppressed = [...result.suppressed, ...add.suppressed];
  }
}

function onlyErrors(results: LintResult[]): LintResult[] {
  return results.map((r) => ({ ...r, findings: r.findings.filter((f) => f.severity === 'error') }));
}

async function report(text: string, opts: CliOptions, io: Io): Promise<void> {
  if (opts.output) await writeAtomic(path.resolve(io.cwd, opts.output), text);
  else if (opts.fix && opts.stdin) io.stderr(text);
  else io.stdout(text);
}

export async function run(opts: CliOptions, io: Io): Promise<number> {
  if (opts.explain) {
    const rule = findRule(opts.explain);
    if (!rule) {
      io.stderr(`Unknown rule '${opts.explain}'. Known rules: ${allRules.map((r) => r.meta.id).join(', ')}\n`);
      return EXIT_TROUBLE;
    }
    io.stdout(rule.docs.endsWith('\n') ? rule.docs : `${rule.docs}\n`);
    return EXIT_OK;
  }
  if (opts.listRules) {
    io.stdout(rulesTable(allRules));
    return EXIT_OK;
  }
  const loader = createConfigLoader({ fs: nodeFileSystem(), rules: allRules, configFile: opts.config && path.resolve(io.cwd, opts.config), roles: opts.roles });
  if (opts.init) {
    const target = path.join(io.cwd, '.backlog-lint.jsonc');
    try {
      await fsp.writeFile(target, starterConfig(), { flag: 'wx' });
    } catch {
      io.stderr(`${target} already exists; not overwritten\n`);
      return EXIT_TROUBLE;
    }
    io.stdout(`Wrote ${target}\n`);
    return EXIT_OK;
  }
  if (opts.printConfig) {
    try {
      io.stdout(await printConfig(loader, path.resolve(io.cwd, opts.printConfig)));
      return EXIT_OK;
    } catch (err) {
      io.stderr(`${(err as Error).message}\n`);
      return EXIT_TROUBLE;
    }
  }

  const cross = new CrossFileRun();
  let results: LintResult[];
  if (opts.stdin) {
    results = await lintStdin(opts, loader, cross, io);
  } else {
    let files: string[];
    try {
      files = await findMarkdownFiles(opts.patterns, { cwd: io.cwd });
    } catch (err) {
      io.stderr(`${(err as Error).message}\n`);
      return EXIT_TROUBLE;
    }
    results = await lintFiles(files, opts, loader, cross, io);
  }
  mergeCrossFile(results, cross);
  const shown = opts.quiet ? onlyErrors(results) : results;
  const text = format(opts.format, shown, {
    cwd: io.cwd,
    color: useColor(opts, io),
    rules: new Map(allRules.map((r) => [r.meta.id, r])),
    toolVersion: io.version,
  });
  try {
    await report(text, opts, io);
  } catch (err) {
    io.stderr(`Cannot write the report: ${(err as Error).message}\n`);
    return EXIT_TROUBLE;
  }
  if (results.some((r) => r.problem)) return EXIT_TROUBLE;
  const errors = results.reduce((n, r) => n + r.findings.filter((f) => f.severity === 'error').length, 0);
  const warnings = results.reduce((n, r) => n + r.findings.filter((f) => f.severity === 'warning').length, 0);
  if (errors > 0) return EXIT_FINDINGS;
  if (opts.maxWarnings !== undefined && warnings > opts.maxWarnings) {
    io.stderr(`backlog-lint found too many warnings (maximum: ${opts.maxWarnings}).\n`);
    return EXIT_FINDINGS;
  }
  return EXIT_OK;
}
