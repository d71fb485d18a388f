/**
 * Worker threads for `--concurrency`: parsing dominates linting and is CPU-bound, so files are linted on
 * several cores at once. A worker is the CLI bundle itself started in a thread (main.ts serves jobs when it
 * is not the main thread); it gets one job at a time, so a large backlog never waits behind others, and it
 * keeps no trees between jobs.
 *
 * Each worker's old generation is capped: V8 otherwise lets a heap grow to hundreds of MB of garbage before
 * it collects, and the workers' peak memory is what CI machines pay for. A document too large for the cap
 * fails with WorkerMemoryError (the worker is replaced) and the caller lints it in its own, uncapped thread.
 * The young generation is set apart from that cap: V8 would size it from the small old generation, and a
 * parse's short-lived tokens would then outlive the scavenges and be copied again and again (a fifth more
 * CPU in all, measured with /usr/bin/time on the bench corpus).
 *
 * Each job has a time budget (--max-time-per-file): a worker that has not answered by then is terminated,
 * the job fails with WorkerTimeoutError, and a new worker takes the next job.
 *
 * The messages are those of src/core/worker-protocol.ts, as for the editor's worker.
 */
import { totalmem } from 'node:os';
import { serveRequests, settlingFirst, WorkerConnection } from '../core/worker-protocol';
import { lintFile, type FileJob, type LintJobOutput } from './lint-job';

export { WorkerMemoryError } from '../core/worker-protocol';

export const WORKER_MARKER = 'backlog-lint-worker';

/** About eight times the live heap of linting a 250 KB backlog, and a fifth of V8's default. */
const WORKER_OLD_HEAP_MB = 128;
/** Room for the garbage of parsing a large document between two scavenges (32 MB semi-spaces). */
const WORKER_YOUNG_HEAP_MB = 64;

/**
 * The heap of the one-off worker that lints a document too large for the pool's (or this thread's)
 * comfort: a quarter of the machine's memory, at most V8's usual 4 GB. Its parse running out of memory
 * fails that file with WorkerMemoryError instead of taking the whole run down (exit 134, no report).
 * Dense Markdown (`*a* \`b\`` over and over) peaks at 400 to 500 bytes of heap per character.
 */
export const LARGE_WORKER_HEAP_MB = Math.max(512, Math.min(4096, Math.floor(totalmem() / 4 / 2 ** 20)));

export class WorkerTimeoutError extends Error {}

type Slot = WorkerConnection<FileJob, LintJobOutput>;

export class WorkerPool {
  private readonly idle: Slot[] = [];
  private readonly waiting: ((slot: Slot) => void)[] = [];
  private readonly live = new Set<Slot>();

  /** `timeoutMs`: each job's time budget (0: none). */
  constructor(
    private readonly script: string,
    private readonly size: number,
    private readonly timeoutMs = 0,
    private readonly heapMb = WORKER_OLD_HEAP_MB,
  ) {}

  /** Workers start on first use: a run that the cache answers entirely starts none. */
  private spawn(): Slot {
    const slot: Slot = new WorkerConnection<FileJob, LintJobOutput>(this.script, {
      workerData: WORKER_MARKER,
      resourceLimits: { maxOldGenerationSizeMb: this.heapMb, maxYoungGenerationSizeMb: WORKER_YOUNG_HEAP_MB },
      // The worker is gone (its job, if any, has failed): a new one takes its place on the next job.
      onGone: () => {
        this.live.delete(slot);
        this.replace();
      },
    });
    this.live.add(slot);
    return slot;
  }

  /** A worker is gone: a new one takes the next waiting job. */
  private replace(): void {
    const next = this.waiting.shift();
    if (next) next(this.spawn());
  }

  /** The job ran out of time: its worker is stopped (freeing all it held) and the job fails. */
  private expire(slot: Slot): void {
    if (!this.live.has(slot)) return;
    this.live.delete(slot);
    for (const call of slot.terminate()) call.reject(new WorkerTimeoutError('ran out of time'));
    this.replace();
  }

  private acquire(): Promise<Slot> {
    const slot = this.idle.pop() ?? (this.live.size < this.size ? this.spawn() : undefined);
    if (slot) return Promise.resolve(slot);
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(slot: Slot): void {
    const next = this.waiting.shift();
    if (next) next(slot);
    else this.idle.push(slot);
  }

  /** `timeoutMs`: this job's budget, from when a worker that has loaded its bundle takes it (default: the pool's). */
  async run(job: FileJob, timeoutMs = this.timeoutMs): Promise<LintJobOutput> {
    const slot = await this.acquire();
    await slot.ready;
    return new Promise((resolve, reject) => {
      let timer: NodeJS.Timeout | undefined;
      // `budgetMs` lets the worker refuse at once a text sure to need more (limits.ts).
      slot.send(
        timeoutMs > 0 ? { ...job, budgetMs: timeoutMs } : job,
        settlingFirst({ resolve, reject }, () => {
          clearTimeout(timer);
          if (slot.alive) this.release(slot);
        }),
      );
      if (timeoutMs > 0) timer = setTimeout(() => this.expire(slot), timeoutMs);
    });
  }

  async close(): Promise<void> {
    await Promise.all([...this.live].map((slot) => slot.close()));
    this.live.clear();
  }
}

/** Lints one job in a worker of its own with LARGE_WORKER_HEAP_MB of heap. */
export async function runInLargeWorker(script: string, job: FileJob, timeoutMs: number): Promise<LintJobOutput> {
  const pool = new WorkerPool(script, 1, timeoutMs, LARGE_WORKER_HEAP_MB);
  try {
    return await pool.run(job);
  } finally {
    await pool.close();
  }
}

/** The worker side: lint each job it is sent and post the output back. */
export function serveWorker(): void {
  serveRequests<FileJob, LintJobOutput>(lintFile);
}
