/** Runs the CLI in this process on a temporary project, as the CLI tests and the security suites do. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseCliArgs } from '../../src/cli/args';
import { run } from '../../src/cli/run';

/** A fresh folder (its real path, so symlink checks compare like with like) holding `files`. */
export function tempProject(prefix: string, files: Record<string, string | Buffer> = {}): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), `backlog-lint-${prefix}-`)));
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

/** `backlog-lint ARGV…` in `dir` with no terminal, no stdin and an empty environment. */
export async function runCli(dir: string, argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await run(parseCliArgs(argv), {
    cwd: dir,
    stdout: (t) => (out += t),
    stderr: (t) => (err += t),
    readStdin: async () => Buffer.alloc(0),
    isTTY: false,
    env: {},
    version: 'test',
  });
  return { code, out, err };
}

/** Replaces fs.promises[name] while `body` runs: the CLI reads and writes through fs.promises, so this injects I/O faults and races. */
export async function withFsHook<K extends 'readFile' | 'open' | 'readdir' | 'rename'>(
  name: K,
  hook: (original: (typeof fs.promises)[K]) => (typeof fs.promises)[K],
  body: () => Promise<void>,
): Promise<void> {
  const original = fs.promises[name];
  (fs.promises as Record<K, unknown>)[name] = hook(original.bind(fs.promises) as (typeof fs.promises)[K]);
  try {
    await body();
  } finally {
    (fs.promises as Record<K, unknown>)[name] = original;
  }
}
