// `npm run fuzz`: bundles scripts/fuzz/fuzz.ts and runs it (arguments passed on).
import { bundleAndRun } from '../lib/bundle-run.mjs';

await bundleAndRun('fuzz', 'scripts/fuzz/fuzz.ts', { nodeArgs: ['--enable-source-maps'] });
