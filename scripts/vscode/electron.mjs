#!/usr/bin/env node
// `npm run test:electron`: the same in-host mocha suite as `npm run test:vscode`, in a VS Code that
// @vscode/test-electron downloads (into .vscode-test/, git-ignored). For machines with internet; the
// harness route needs none. Set VSCODE_VERSION to pick one (default: the oldest engines.vscode allows).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const version = process.env.VSCODE_VERSION || pkg.engines.vscode.replace(/^[^\d]*/, '');

// Tests edit and save files: give them a copy of the fixture workspace.
const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'backlog-lint-ws-'));
fs.cpSync(path.join(ROOT, 'test/vscode-workspace'), workspace, { recursive: true });
try {
  await runTests({
    version,
    extensionDevelopmentPath: ROOT,
    extensionTestsPath: path.join(ROOT, 'out/test/vscode/index.js'),
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust'],
  });
} catch (err) {
  console.error(`test:electron failed: ${err instanceof Error ? err.message : err}`);
  process.exitCode = 1;
} finally {
  fs.rmSync(workspace, { recursive: true, force: true });
}
