#!/usr/bin/env node
// `npm run package`: the .vsix, built with @vscode/vsce from a staging folder (out/vsix/).
// Why stage: package.json "files" is the npm package's allow-list (CLI bundle, schema) and vsce
// refuses "files" together with a .vscodeignore; the extension needs other files (grammar, icon,
// CHANGELOG, LICENSE) and not the CLI bundle or source maps. The staging folder is the allow-list.
// Usage: node scripts/vscode/package.mjs [--out FILE]   (default: backlog-lint-<version>.vsix here)
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { values: opt } = parseArgs({ options: { out: { type: 'string' } } });
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const out = path.resolve(opt.out ?? path.join(ROOT, `${pkg.name}-${pkg.version}.vsix`));
const STAGE = path.join(ROOT, 'out', 'vsix');
// The extension host loads dist/lint-worker.js beside extension.js (src/extension/lint-client.ts).
const FILES = [
  'dist/extension.js',
  'dist/lint-worker.js',
  'syntaxes',
  'schemas',
  pkg.icon,
  'README.md',
  'CHANGELOG.md',
  'LICENSE',
];

// The release bundle: minified, no source maps.
execFileSync('npm', ['run', '--silent', 'vscode:prepublish'], { cwd: ROOT, stdio: 'inherit' });

fs.rmSync(STAGE, { recursive: true, force: true });
for (const f of FILES) {
  if (!fs.existsSync(path.join(ROOT, f))) throw new Error(`${f} is missing`);
  fs.cpSync(path.join(ROOT, f), path.join(STAGE, f), { recursive: true });
}
// README images: the README links images/…; ship the ones it uses so the Marketplace page shows them.
const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
for (const [, img] of readme.matchAll(/\]\((images\/[^)\s]+)\)/g)) {
  if (fs.existsSync(path.join(ROOT, img))) fs.cpSync(path.join(ROOT, img), path.join(STAGE, img));
}
// The manifest without what only the repository needs (npm's allow-list, build scripts, the CLI).
const { files, scripts, bin, devDependencies, allowScripts, ...manifest } = pkg;
manifest.devDependencies = { '@types/vscode': devDependencies['@types/vscode'] }; // vsce checks it against engines
fs.writeFileSync(path.join(STAGE, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);

execFileSync(path.join(ROOT, 'node_modules/.bin/vsce'), ['package', '--no-dependencies', '--out', out], {
  cwd: STAGE,
  stdio: 'inherit',
});
console.log(`${path.relative(process.cwd(), out) || out}: ${(fs.statSync(out).size / 1024).toFixed(0)} KiB`);
