/**
 * The tests entry (`extensionTestsPath`) for both routes: the real-VS-Code harness
 * (scripts/vscode/ext-tests.mjs) and @vscode/test-electron (scripts/vscode/electron.mjs).
 * The extension host require()s the bundle and awaits run(): resolve = pass, reject = fail.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
// mocha 11 (CommonJS): mocha 12 is ESM-only and require('mocha') would not return the class.
import Mocha from 'mocha';

/**
 * The extension host forwards console output as one string per call, so printf-style reporters show
 * raw "%s": this one prints plain lines and the closing "N passed, N failed" the harness looks for.
 */
class PlainReporter extends Mocha.reporters.Base {
  constructor(runner: Mocha.Runner, options?: Mocha.MochaOptions) {
    super(runner, options);
    report(runner);
  }
}

function report(runner: Mocha.Runner): void {
  let passed = 0;
  let failed = 0;
  runner.on('suite', (s) => {
    if (s.title) console.log(`suite: ${s.fullTitle()}`);
  });
  runner.on('pass', (t) => {
    passed++;
    console.log(`  ok   ${t.title} (${t.duration ?? 0}ms)`);
  });
  runner.on('fail', (t, err: Error) => {
    failed++;
    console.log(`  FAIL ${t.fullTitle()}: ${err?.stack ?? String(err)}`);
  });
  runner.once('end', () => console.log(`${passed} passed, ${failed} failed`));
}

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 30_000, reporter: PlainReporter });
  // MOCHA_GREP: from the harness's --env, to run a part of the suite.
  if (process.env.MOCHA_GREP) mocha.grep(process.env.MOCHA_GREP);
  const dir = path.join(__dirname, 'suite');
  for (const f of fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.test.js'))
    .sort())
    mocha.addFile(path.join(dir, f));
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures ? reject(new Error(`${failures} tests failed`)) : resolve()));
  });
}
