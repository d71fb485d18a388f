/**
 * Runs the editor's linting in a worker thread, so a large backlog never blocks the extension host
 * (and with it every extension's UI work): the host only posts the text and receives the findings.
 * Where a worker cannot start (no bundle next to this one, say), the work runs in the host instead.
 *
 * Each request has a time budget: a worker that has not answered by then is terminated, the document
 * is reported as taking too long, and the requests queued behind it go to a new worker, so one hostile
 * document never stalls linting for the others. In the host, the same budget stops the lint (time-budget.ts).
 * The messages are those of src/core/worker-protocol.ts, as for the CLI's workers.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type * as vscode from 'vscode';
import { ConfigError, type FileConfig } from '../config';
import type { EffectiveConfig } from '../core/types';
import { DEFAULT_MAX_TIME_PER_FILE_MS, runWithin, TimeBudgetError } from '../core/time-budget';
import { reviveConfigError, type LoaderSpec } from './config-request';
import { overBudgetOutput, type LintJobOutput } from '../core/lint-job';
import { settlingFirst, WorkerConnection } from '../core/worker-protocol';
import {
  EDITOR_REPORTING,
  LintSession,
  type ConfigReply,
  type SessionReply,
  type SessionRequest,
} from './lint-session';

type Pending = {
  request: SessionRequest;
  budgetMs: number;
  resolve: (reply: SessionReply) => void;
  reject: (err: Error) => void;
  timer?: NodeJS.Timeout;
};

/** Workers lost in a row (none answered in between) before the work moves into the host for good. */
const MAX_WORKER_FAILURES = 3;

export class LintClient implements vscode.Disposable {
  private connection: WorkerConnection<SessionRequest, SessionReply> | undefined;
  private local: LintSession | undefined;
  /** Requests at the worker, by the connection's id, oldest first. */
  private readonly pending = new Map<number, Pending>();
  private failures = 0;
  private disposed = false;
  /** Documents (by key) with a lint at the worker now, and the newest lint of each waiting for it. */
  private readonly running = new Set<string>();
  private readonly waiting = new Map<string, (go: boolean) => void>();

  constructor(
    private readonly log: Pick<vscode.LogOutputChannel, 'warn' | 'error'>,
    private readonly script = path.join(__dirname, 'lint-worker.js'),
    /** Per request; the `backlogLint.maxTimePerFileMs` setting changes it (0: no budget). */
    public budgetMs = DEFAULT_MAX_TIME_PER_FILE_MS,
  ) {}

  /** Where linting runs now: a worker thread until one cannot start, then the extension host. */
  get thread(): 'worker' | 'extension host' {
    return this.local ? 'extension host' : 'worker';
  }

  /**
   * `key`: the open document's, whose parser is kept for its next version; none for a file read from disk.
   * `crossFile`: collect what checks across files need (a workspace lint).
   * `budgetMs`: this lint's time budget (the `backlogLint.maxTimePerFileMs` setting), else the client's.
   *
   * Undefined when a newer lint of the same document came in while this one waited: one lint per
   * document runs at a time, and of those queued behind it only the newest is sent. Typing with short
   * pauses would otherwise queue a full lint per pause, and the last keystroke's lint would wait for all.
   */
  async lint(
    key: string | undefined,
    text: string,
    filePath: string,
    config: EffectiveConfig,
    crossFile = false,
    budgetMs = this.budgetMs,
  ): Promise<LintJobOutput | undefined> {
    if (key === undefined) return this.lintNow(key, text, filePath, config, crossFile, budgetMs);
    if (this.running.has(key)) {
      this.waiting.get(key)?.(false);
      const go = await new Promise<boolean>((resolve) => this.waiting.set(key, resolve));
      if (!go) return undefined;
    }
    this.running.add(key);
    try {
      return await this.lintNow(key, text, filePath, config, crossFile, budgetMs);
    } finally {
      this.running.delete(key);
      const next = this.waiting.get(key);
      this.waiting.delete(key);
      next?.(true);
    }
  }

  /**
   * Starts the worker ahead of the first lint, so loading its bundle overlaps the first document's config,
   * and has it warm up until that lint comes (warm-up.ts). In the host there is no warm-up: it would hold
   * up the editor's own work.
   */
  start(): void {
    if (!this.local && !this.disposed) this.connectionOrUndefined()?.notify({ op: 'warmUp' });
  }

  private async lintNow(
    key: string | undefined,
    text: string,
    filePath: string,
    config: EffectiveConfig,
    crossFile: boolean,
    budgetMs: number,
  ): Promise<LintJobOutput> {
    try {
      return (await this.send(
        { op: 'lint', key, text, filePath, config, crossFile, budgetMs },
        budgetMs,
      )) as LintJobOutput;
    } catch (err) {
      if (!(err instanceof TimeBudgetError)) throw err;
      // The worker that held this document's parser is gone, or the host's parser was stopped midway.
      if (key !== undefined) this.local?.handle({ op: 'forget', key });
      return overBudgetOutput({ filePath, reporting: EDITOR_REPORTING }, err.ms);
    }
  }

  /**
   * The config for `filePath`, resolved in the worker (files read there with node's fs): rejects with a
   * ConfigError for a bad config file, and for one that takes longer than the time budget to resolve.
   */
  async resolveConfig(loader: string, spec: LoaderSpec, filePath: string): Promise<FileConfig> {
    let reply: ConfigReply;
    try {
      reply = (await this.send({ op: 'config', loader, spec, filePath })) as ConfigReply;
    } catch (err) {
      if (!(err instanceof TimeBudgetError)) throw err;
      throw new ConfigError(
        spec.configFile ?? filePath,
        '',
        `resolving the config for this file took more than ${err.ms} ms, stopped`,
      );
    }
    if ('configError' in reply) throw reviveConfigError(reply.configError);
    return reply.config;
  }

  /** Config files changed: the worker's loaders read them again. */
  clearConfigs(): void {
    if (this.connection) this.connection.notify({ op: 'clearConfigs' });
    else this.local?.handle({ op: 'clearConfigs' });
  }

  async fixAll(text: string, filePath: string, config: EffectiveConfig): Promise<string> {
    return ((await this.send({ op: 'fixAll', text, filePath, config })) as { text: string }).text;
  }

  /** The document closed: its parser can go, and so can a lint of it still waiting. */
  forget(key: string): void {
    this.waiting.get(key)?.(false);
    this.waiting.delete(key);
    if (this.connection) this.connection.notify({ op: 'forget', key });
    else this.local?.handle({ op: 'forget', key });
  }

  dispose(): void {
    this.disposed = true;
    // Waiting lints go on to send(), which refuses them as shutting down.
    for (const go of this.waiting.values()) go(true);
    this.waiting.clear();
    this.connection?.terminate();
    this.connection = undefined;
    this.failAll(new Error('backlog-lint is shutting down'));
  }

  private send(request: SessionRequest, budgetMs = this.budgetMs): Promise<SessionReply> {
    if (this.disposed) return Promise.reject(new Error('backlog-lint is shutting down'));
    const connection = this.local ? undefined : this.connectionOrUndefined();
    if (!connection) {
      const local = (this.local ??= new LintSession());
      try {
        return Promise.resolve(runWithin(() => local.handle(request), budgetMs));
      } catch (err) {
        return Promise.reject(err);
      }
    }
    return new Promise<SessionReply>((resolve, reject) =>
      this.post(connection, { request, budgetMs, resolve, reject }),
    );
  }

  private post(connection: WorkerConnection<SessionRequest, SessionReply>, job: Pending): void {
    const id = connection.send(
      job.request,
      settlingFirst(job, () => {
        clearTimeout(job.timer);
        this.pending.delete(id);
      }),
    );
    this.pending.set(id, job);
    // The budget runs from when the worker is sent the request: it serves them in order, so a request
    // queued behind another gets its budget on top of the one ahead.
    if (job.budgetMs > 0) job.timer = setTimeout(() => this.expire(connection, id), job.budgetMs * this.pending.size);
  }

  /** Request `id` ran out of time: its worker is terminated, it fails, and the requests behind it move to a new worker. */
  private expire(connection: WorkerConnection<SessionRequest, SessionReply>, id: number): void {
    const job = this.pending.get(id);
    if (this.connection !== connection || !job) return;
    this.connection = undefined;
    connection.terminate();
    this.pending.delete(id);
    const rest = [...this.pending.values()];
    for (const j of rest) clearTimeout(j.timer);
    this.pending.clear();
    this.log.warn(`a lint took more than ${job.budgetMs} ms: the lint worker was stopped`);
    job.reject(new TimeBudgetError(job.budgetMs));
    for (const { request, budgetMs, resolve, reject } of rest) {
      const next = this.local ? undefined : this.connectionOrUndefined();
      if (next) this.post(next, { request, budgetMs, resolve, reject });
      else this.send(request, budgetMs).then(resolve, reject);
    }
  }

  private connectionOrUndefined(): WorkerConnection<SessionRequest, SessionReply> | undefined {
    if (this.connection) return this.connection;
    let connection: WorkerConnection<SessionRequest, SessionReply>;
    try {
      if (this.failures >= MAX_WORKER_FAILURES) throw new Error(`${this.failures} lint workers failed in a row`);
      if (!fs.existsSync(this.script)) throw new Error(`${this.script} is missing`);
      connection = new WorkerConnection<SessionRequest, SessionReply>(this.script, {
        unrefWhenIdle: true,
        onReply: () => {
          this.failures = 0;
        },
        // A crashed worker has failed what it had; the next request starts a new one (and full parses).
        onGone: (err) => {
          if (this.connection !== connection) return;
          this.connection = undefined;
          this.failures++;
          this.log.error('the lint worker failed:', err);
        },
      });
    } catch (err) {
      this.log.warn(
        `linting in the extension host from now on: no worker thread (${err instanceof Error ? err.message : String(err)})`,
      );
      this.local = new LintSession();
      return undefined;
    }
    this.connection = connection;
    return connection;
  }

  private failAll(err: Error): void {
    const jobs = [...this.pending.values()];
    this.pending.clear();
    for (const job of jobs) {
      clearTimeout(job.timer);
      job.reject(err);
    }
  }
}
