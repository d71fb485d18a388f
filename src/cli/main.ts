/** The `backlog-lint` command: a thin shell over the core. */
import { isMainThread, workerData } from 'node:worker_threads';
import { type CliOptions, parseCliArgs, HELP, UsageError } from './args';
import { run } from './run';
import { serveWorker, WORKER_MARKER } from './workers';

declare const BACKLOG_LINT_VERSION: string;

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function main(argv: string[]): Promise<number> {
  let opts: CliOptions;
  try {
    opts = parseCliArgs(argv);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    process.stderr.write(`backlog-lint: ${err.message}\nRun 'backlog-lint --help' for usage.\n`);
    return 2;
  }
  if (opts.help) {
    process.stdout.write(HELP);
    return 0;
  }
  if (opts.version) {
    process.stdout.write(`${BACKLOG_LINT_VERSION}\n`);
    return 0;
  }
  return run(opts, {
    cwd: process.cwd(),
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    readStdin,
    isTTY: process.stdout.isTTY === true,
    env: process.env,
    version: BACKLOG_LINT_VERSION,
    workerScript: __filename,
  });
}

// The bundle doubles as the worker-thread script (--concurrency): a worker serves lint jobs instead.
if (!isMainThread && workerData === WORKER_MARKER) serveWorker();
else startCli();

function startCli(): void {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`backlog-lint: internal error: ${(err as Error)?.stack ?? String(err)}\n`);
      process.exitCode = 2;
    },
  );
}
