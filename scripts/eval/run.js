// Entry of `npm run eval`: bundles the TypeScript evaluation (and the engine and rules it lints with,
// from source, exactly as the CLI bundle does) in memory with esbuild, then runs it.
const { loadTs, root } = require('../lib/load-ts');

const { main } = loadTs(`export { main } from './scripts/eval/main';`, 'eval');
try {
  process.exitCode = main(process.argv.slice(2), root);
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 2;
}
