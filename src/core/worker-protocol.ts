/**
 * The one message protocol between a thread and the worker threads it lints in, used by the CLI's pool
 * (src/cli/workers.ts) and the editor's worker (src/extension/lint-client.ts) alike: a request travels
 * with an id and its reply names that id; the worker says `ready` once its bundle has loaded (so a time
 * budget can start then, not during start-up); a failure comes back with its stack; a worker that runs
 * out of heap fails what it held with WorkerMemoryError. What to do about a slow or lost worker (a
 * budget, a replacement, a fallback) stays with each caller, since the two differ there.
 */
import { parentPort, Worker, type ResourceLimits } from 'node:worker_threads';

type Envelope<Q> = { id: number; request: Q };
type Reply<R> = { ready: true } | { id: number; reply: R } | { id: number; error: string };

/** The worker ran out of heap (its resource limits): what it held fails with this, and it is gone. */
export class WorkerMemoryError extends Error {}

export interface Call<R> {
  resolve: (reply: R) => void;
  reject: (err: Error) => void;
}

/** `call`, with `first` run before it settles either way (a caller's own bookkeeping: timers, queues). */
export function settlingFirst<R>(call: Call<R>, first: () => void): Call<R> {
  return {
    resolve: (reply) => {
      first();
      call.resolve(reply);
    },
    reject: (err) => {
      first();
      call.reject(err);
    },
  };
}

export interface ConnectionOptions {
  workerData?: unknown;
  resourceLimits?: ResourceLimits;
  /** Let the process exit while no request is waiting (the editor's host); else the owner closes it. */
  unrefWhenIdle?: boolean;
  /** The worker failed or stopped by itself: every call it held has been rejected with `err`. */
  onGone?: (err: Error) => void;
  /** Any reply came back (the worker is sound). */
  onReply?: () => void;
}

/** The worker side: posts `ready`, then answers every request as it comes; an async answer is posted when it settles. */
export function serveRequests<Q, R>(handle: (request: Q) => R | Promise<R>): void {
  const port = parentPort;
  if (!port) throw new Error('serveRequests() outside a worker thread');
  const failed = (id: number, err: unknown) =>
    port.postMessage({ id, error: err instanceof Error ? (err.stack ?? err.message) : String(err) } satisfies Reply<R>);
  port.on('message', ({ id, request }: Envelope<Q>) => {
    try {
      const reply = handle(request);
      if (reply instanceof Promise)
        reply.then(
          (r) => port.postMessage({ id, reply: r } satisfies Reply<R>),
          (err) => failed(id, err),
        );
      else port.postMessage({ id, reply } satisfies Reply<R>);
    } catch (err) {
      failed(id, err);
    }
  });
  port.postMessage({ ready: true } satisfies Reply<R>);
}

/** The calling side of one worker thread: sends requests and matches each reply to its call by id. */
export class WorkerConnection<Q, R> {
  readonly worker: Worker;
  /** Settles once the worker has loaded its bundle; rejects if it fails before that. */
  readonly ready: Promise<void>;
  private readonly calls = new Map<number, Call<R>>();
  private sequence = 0;
  private closed = false;

  /** Throws what `new Worker` throws (a missing or unloadable script). */
  constructor(
    script: string,
    private readonly options: ConnectionOptions = {},
  ) {
    this.worker = new Worker(script, { workerData: options.workerData, resourceLimits: options.resourceLimits });
    let started!: () => void;
    let failed!: (err: Error) => void;
    this.ready = new Promise((resolve, reject) => {
      started = resolve;
      failed = reject;
    });
    // Nobody may be waiting on `ready` when the worker fails early.
    this.ready.catch(() => undefined);
    this.worker.on('message', (message: Reply<R>) => {
      if ('ready' in message) return started();
      const call = this.calls.get(message.id);
      this.calls.delete(message.id);
      this.idleCheck();
      options.onReply?.();
      if (!call) return;
      if ('error' in message) call.reject(new Error(message.error));
      else call.resolve(message.reply);
    });
    const gone = (err: Error) => {
      if (this.closed) return;
      this.closed = true;
      failed(err);
      for (const call of this.drop()) call.reject(err);
      options.onGone?.(err);
    };
    this.worker.on('error', (err: Error & { code?: string }) =>
      gone(err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? new WorkerMemoryError(err.message) : err),
    );
    this.worker.on('exit', (code) => gone(new Error(`the lint worker stopped (exit code ${code})`)));
    if (options.unrefWhenIdle) this.worker.unref();
  }

  /** Requests sent and not answered yet. */
  get waiting(): number {
    return this.calls.size;
  }

  get alive(): boolean {
    return !this.closed;
  }

  /** Sends `request`; `call` settles with its reply, or with the worker's failure. */
  send(request: Q, call: Call<R>): number {
    const id = ++this.sequence;
    this.calls.set(id, call);
    // Waiting on the worker keeps the process alive; an idle worker does not (with unrefWhenIdle).
    if (this.options.unrefWhenIdle) this.worker.ref();
    this.worker.postMessage({ id, request } satisfies Envelope<Q>);
    return id;
  }

  /** Sends a request whose reply nobody needs. */
  notify(request: Q): void {
    this.worker.postMessage({ id: ++this.sequence, request } satisfies Envelope<Q>);
  }

  /**
   * Stops the worker (freeing all it held) without settling the calls it still had: they are returned,
   * in the order they were sent, for the caller to fail or send again elsewhere.
   */
  terminate(): Call<R>[] {
    this.closed = true;
    void this.worker.terminate();
    return this.drop();
  }

  /** Stops a worker that holds no calls (an idle pool's). */
  async close(): Promise<void> {
    this.closed = true;
    this.drop();
    await this.worker.terminate();
  }

  private drop(): Call<R>[] {
    const calls = [...this.calls.values()];
    this.calls.clear();
    return calls;
  }

  private idleCheck(): void {
    if (this.options.unrefWhenIdle && this.calls.size === 0) this.worker.unref();
  }
}
