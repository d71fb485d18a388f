/**
 * The message protocol shared by the CLI's workers and the editor's (src/core/worker-protocol.ts), seen
 * from the calling side against a stand-in worker that speaks it by hand: replies find their call by id
 * in any order, failures carry the worker's message, and a worker that dies fails what it held.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { WorkerConnection, WorkerMemoryError, type Call } from '../../src/core/worker-protocol';

/** Answers `{ wait, value }` after `wait` ms with `value`; "fail" with an error, "exit" by exiting, "grow" by filling its heap. */
const STAND_IN = `const { parentPort } = require('node:worker_threads');
parentPort.postMessage({ ready: true });
const hoard = [];
parentPort.on('message', ({ id, request }) => {
  if (request.value === 'fail') return parentPort.postMessage({ id, error: 'Error: refused' });
  if (request.value === 'exit') process.exit(3);
  if (request.value === 'grow') for (;;) hoard.push(new Array(1e5).fill(hoard.length));
  setTimeout(() => parentPort.postMessage({ id, reply: request.value }), request.wait ?? 0);
});
`;

type Request = { value: string; wait?: number };

describe('worker protocol', () => {
  let dir: string;
  let script: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'backlog-lint-protocol-'));
    script = path.join(dir, 'worker.js');
    fs.writeFileSync(script, STAND_IN);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  const ask = (c: WorkerConnection<Request, string>, request: Request) =>
    new Promise<string>((resolve, reject) => c.send(request, { resolve, reject }));

  it('matches each reply to its request, in whatever order they come back', async () => {
    const c = new WorkerConnection<Request, string>(script);
    try {
      await c.ready;
      const slow = ask(c, { value: 'slow', wait: 80 });
      const fast = ask(c, { value: 'fast' });
      assert.equal(c.waiting, 2);
      assert.equal(await fast, 'fast');
      assert.equal(await slow, 'slow');
      assert.equal(c.waiting, 0);
    } finally {
      await c.close();
    }
  });

  it("rejects a call with the worker's error and goes on serving", async () => {
    const c = new WorkerConnection<Request, string>(script);
    try {
      await assert.rejects(ask(c, { value: 'fail' }), /refused/);
      assert.equal(await ask(c, { value: 'after' }), 'after');
      assert.ok(c.alive);
    } finally {
      await c.close();
    }
  });

  it('fails every call a worker held when it stops by itself, and says so once', async () => {
    const gone: Error[] = [];
    const c = new WorkerConnection<Request, string>(script, { onGone: (err) => gone.push(err) });
    const waiting = ask(c, { value: 'late', wait: 5000 });
    await assert.rejects(ask(c, { value: 'exit' }), /exit code 3/);
    await assert.rejects(waiting, /exit code 3/);
    assert.equal(gone.length, 1);
    assert.equal(c.alive, false);
  });

  it('fails with WorkerMemoryError when the worker runs out of its heap', async function () {
    this.timeout(20000);
    const c = new WorkerConnection<Request, string>(script, { resourceLimits: { maxOldGenerationSizeMb: 16 } });
    await assert.rejects(ask(c, { value: 'grow' }), WorkerMemoryError);
  });

  it('hands back, unsettled, the calls of a worker it stops', async () => {
    const c = new WorkerConnection<Request, string>(script);
    const settled: string[] = [];
    const call: Call<string> = { resolve: () => settled.push('resolved'), reject: () => settled.push('rejected') };
    c.send({ value: 'a', wait: 5000 }, call);
    c.send({ value: 'b', wait: 5000 }, call);
    const dropped = c.terminate();
    assert.equal(dropped.length, 2);
    await new Promise((r) => setTimeout(r, 50));
    assert.deepEqual(settled, []);
    assert.equal(c.alive, false);
  });
});
