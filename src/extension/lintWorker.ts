/** The worker thread behind lintClient.ts: serves LintSession requests in order (a config lookup may await reads). */
import { parentPort } from 'node:worker_threads';
import { LintSession, type SessionRequest } from './lintSession';

const session = new LintSession();

const failed = (id: number, err: unknown) =>
  parentPort?.postMessage({ id, error: err instanceof Error ? (err.stack ?? err.message) : String(err) });

parentPort?.on('message', ({ id, request }: { id: number; request: SessionRequest }) => {
  try {
    const reply = session.handle(request);
    if (reply instanceof Promise) reply.then((r) => parentPort?.postMessage({ id, reply: r }), (err) => failed(id, err));
    else parentPort?.postMessage({ id, reply });
  } catch (err) {
    failed(id, err);
  }
});
