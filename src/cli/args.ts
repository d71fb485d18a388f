/** Command-line arguments: parsed with node:util, checked, and turned into the options a run needs. */
import { parseArgs } from 'node:util';
import { FORMAT_NAMES, isFormatName, type FormatName } from '../formatters';
import { ROLES, type Role } from '../core/types';
import { parseShard, type Shard } from './shard';
import { MAX_TEXT_LENGTH } from '../core/limits';
import { DEFAULT_MAX_TIME_PER_FILE_MS } from '../core/time-budget';

export interface CliOptions {
  patterns: string[];
  fix: boolean;
  format: FormatName;
  output?: string;
  roles?: Role[];
  config?: string;
  maxWarnings?: number;
  quiet: boolean;
  /** Stylish: print each finding's rationale (why the role needs it) under the finding. */
  verbose: boolean;
  explain?: string;
  printConfig?: string;
  init: boolean;
  stdin: boolean;
  stdinFilename?: string;
  color?: boolean;
  maxFileSize: number;
  /** Time budget per file in milliseconds; 0 means none. */
  maxTimePerFile: number;
  listRules: boolean;
  /** Print how each file is read (kind, evidence, stories, sections, roadmap items) as JSON instead of linting. */
  inspect: boolean;
  help: boolean;
  version: boolean;
  /** Worker threads; undefined means one per core, used when there are enough files to pay for them. */
  concurrency?: number;
  cache: boolean;
  cacheLocation?: string;
  shard?: Shard;
  /** `--baseline FILE`; undefined: backlog-lint-baseline.json, applied when it exists. */
  baseline?: string;
  baselineMode: 'apply' | 'update' | 'prune';
  noBaseline: boolean;
  /** `--changed[=REF]`: '' for the default base (merge base with the default branch). */
  changed?: string;
  changedLines: boolean;
}

export class UsageError extends Error {}

const DEFAULT_MAX_FILE_SIZE = 10 * 1024 * 1024;

export const HELP = `Usage: backlog-lint [options] [paths or globs…]

Lints user stories, backlogs, PRDs, epics and roadmaps in Markdown, by the role that owns them.
Paths default to "." (Markdown files below it, respecting .gitignore and the config's "ignores").
Use "-" to read one document from standard input.

Options:
  --fix                    Apply fixes to the files (atomic writes), then report what remains
  -f, --format NAME        stylish (default), json, sarif, github, junit, markdown, gitlab
  -o, --output FILE        Write the report to FILE instead of standard output
  --role LIST              Roles whose rules run, e.g. po or po,pm (default: from config, else both)
  -c, --config FILE        Use only this config file (no lookup of .backlog-lint.* files)
  --max-warnings N         Exit 1 when there are more than N warnings
  --quiet                  Report errors only
  --verbose                Print why each finding matters under it (stylish; json and sarif always carry it)
  --explain RULE           Print a rule's documentation
  --list-rules             Print the rules with their role, artifacts and default severity
  --print-config FILE      Print the configuration in force for FILE
  --inspect                Print how each file is read, as JSON: its kind and why, roles, stories,
                           sections and roadmap items (no linting)
  --init                   Write a starter .backlog-lint.jsonc here
  --stdin-filename NAME    Name (and config lookup path) for the document read from "-"
  --max-file-size BYTES    Skip larger files with a message (default ${DEFAULT_MAX_FILE_SIZE}; at most ${MAX_TEXT_LENGTH})
  --max-time-per-file MS   Stop linting a file after MS milliseconds and report it (default ${DEFAULT_MAX_TIME_PER_FILE_MS}; 0: no limit)
  --concurrency N          Lint on N worker threads (default: one per core; 1 lints in this thread)
  --cache, --no-cache      Reuse results for unchanged files and config (default: on)
  --cache-location PATH    Cache file or folder (default: node_modules/.cache/backlog-lint/, else .backlog-lint-cache/)
  --shard I/N              Lint only the I-th of N slices of the files (CI matrix jobs)
  --baseline FILE          Report only findings beyond those FILE records (default: backlog-lint-baseline.json,
                           used when it exists)
  --update-baseline        Record the current findings in the baseline (files not linted keep their entries)
  --prune-baseline         Drop baseline entries that no longer occur; adds nothing
  --no-baseline            Ignore the baseline and report everything
  --changed[=REF]          Report only Markdown files changed against REF (default: the merge base with the
                           default branch), staged or untracked; every file is still linted for cross-file checks
  --changed-lines          Report only findings on added or changed lines (implies --changed)
  --color, --no-color      Force colour on or off (default: on for a terminal; NO_COLOR and FORCE_COLOR are honoured)
  -h, --help               Show this help
  -v, --version            Show the version

Exit codes: 0 no errors, 1 errors (or too many warnings), 2 usage, config or file problems.
`;

function positiveInt(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new UsageError(`${flag} expects a whole number, got '${value}'`);
  return Number(value);
}

/** node's parseArgs over our options; its errors become usage errors. */
function parseArgv(argv: readonly string[]) {
  try {
    return parseArgs({
      // `--changed` takes its ref only as `--changed=REF` (GNU optional-argument style), so a path after it stays a path.
      args: argv.map((a) => (a === '--changed' ? '--changed=' : a)),
      allowPositionals: true,
      strict: true,
      options: {
        fix: { type: 'boolean' },
        format: { type: 'string', short: 'f' },
        output: { type: 'string', short: 'o' },
        role: { type: 'string' },
        config: { type: 'string', short: 'c' },
        'max-warnings': { type: 'string' },
        quiet: { type: 'boolean' },
        verbose: { type: 'boolean' },
        explain: { type: 'string' },
        'list-rules': { type: 'boolean' },
        'print-config': { type: 'string' },
        inspect: { type: 'boolean' },
        init: { type: 'boolean' },
        'stdin-filename': { type: 'string' },
        'max-file-size': { type: 'string' },
        'max-time-per-file': { type: 'string' },
        color: { type: 'boolean' },
        'no-color': { type: 'boolean' },
        concurrency: { type: 'string' },
        cache: { type: 'boolean' },
        'no-cache': { type: 'boolean' },
        'cache-location': { type: 'string' },
        shard: { type: 'string' },
        baseline: { type: 'string' },
        'update-baseline': { type: 'boolean' },
        'prune-baseline': { type: 'boolean' },
        'no-baseline': { type: 'boolean' },
        changed: { type: 'string' },
        'changed-lines': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

export function parseCliArgs(argv: readonly string[]): CliOptions {
  const parsed = parseArgv(argv);
  const v = parsed.values;
  const format = v.format ?? 'stylish';
  if (!isFormatName(format))
    throw new UsageError(`--format must be one of ${FORMAT_NAMES.join(', ')}; got '${format}'`);
  let roles: Role[] | undefined;
  if (v.role !== undefined) {
    roles = v.role
      .split(',')
      .map((r) => r.trim().toLowerCase())
      .filter((r) => r !== '') as Role[];
    const bad = roles.filter((r) => !ROLES.includes(r));
    if (bad.length > 0 || roles.length === 0)
      throw new UsageError(`--role takes ${ROLES.join(', ')} (comma-separated); got '${v.role}'`);
  }
  const concurrency = positiveInt('--concurrency', v.concurrency);
  if (concurrency === 0) throw new UsageError('--concurrency must be at least 1');
  let shard: Shard | undefined;
  if (v.shard !== undefined) {
    try {
      shard = parseShard(v.shard);
    } catch (err) {
      throw new UsageError((err as Error).message);
    }
  }
  if (v['update-baseline'] && v['prune-baseline'])
    throw new UsageError('--update-baseline and --prune-baseline cannot be combined');
  if (v['no-baseline'] && (v.baseline !== undefined || v['update-baseline'] || v['prune-baseline'])) {
    throw new UsageError('--no-baseline cannot be combined with the other baseline options');
  }
  const stdin = parsed.positionals.includes('-');
  if (stdin && (v.changed !== undefined || v['changed-lines']))
    throw new UsageError('--changed cannot be combined with "-" (standard input)');
  if (stdin && parsed.positionals.length > 1)
    throw new UsageError('"-" (standard input) cannot be combined with paths');
  return {
    patterns: parsed.positionals.length > 0 ? parsed.positionals : ['.'],
    fix: v.fix ?? false,
    format,
    output: v.output,
    roles,
    config: v.config,
    maxWarnings: positiveInt('--max-warnings', v['max-warnings']),
    quiet: v.quiet ?? false,
    verbose: v.verbose ?? false,
    explain: v.explain,
    printConfig: v['print-config'],
    init: v.init ?? false,
    stdin,
    stdinFilename: v['stdin-filename'],
    color: v['no-color'] ? false : v.color,
    maxFileSize: positiveInt('--max-file-size', v['max-file-size']) ?? DEFAULT_MAX_FILE_SIZE,
    maxTimePerFile: positiveInt('--max-time-per-file', v['max-time-per-file']) ?? DEFAULT_MAX_TIME_PER_FILE_MS,
    listRules: v['list-rules'] ?? false,
    inspect: v.inspect ?? false,
    help: v.help ?? false,
    version: v.version ?? false,
    concurrency,
    cache: v['no-cache'] ? false : (v.cache ?? true),
    cacheLocation: v['cache-location'],
    shard,
    baseline: v.baseline,
    baselineMode: v['update-baseline'] ? 'update' : v['prune-baseline'] ? 'prune' : 'apply',
    noBaseline: v['no-baseline'] ?? false,
    changed: v.changed ?? (v['changed-lines'] ? '' : undefined),
    changedLines: v['changed-lines'] ?? false,
  };
}
