/** The worker thread behind lintClient.ts: serves LintSession requests, one at a time, in order. */
import { parentPort } from 'node:worker_threads';
import { LintSession, type SessionRequest } from './lintSession';

const session = new LintSession();

parentPort?.on('message', ({ id, request }: { id: number; request: SessionRequest }) => {
  try {
    parentPort?.postMessage({ id, reply: session.handle(request) });
  } catch (err) {
    parentPort?.postMessage({ id, error: err instanceof Error ? (err.stack ?? err.message) : String(err) });
  }
});
