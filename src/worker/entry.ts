/**
 * Where a worker thread's code lives, and how to start it. In the built app, electron-vite bundles
 * src/worker/index.ts as `worker.js` and src/worker/evaluator.ts as `evaluator.js` beside the bundled
 * main (out/main/). From TypeScript source (tests, CLI), the entry is the .ts file itself: the worker
 * first registers tsx's loader, then imports it. (`execArgv: ['--import', 'tsx']` does not work for
 * worker threads on Node 20: the hooks are not in place when the worker's entry loads.)
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { WorkerOptions } from 'node:worker_threads';

/** The worker threads: one per run (`worker`), its long-lived evaluation helper, and the short-lived weights decoder, dataset loader and gradient checker. */
export type WorkerEntryName =
  | 'worker'
  | 'evaluator'
  | 'weights-decoder'
  | 'dataset-loader'
  // Gradient check in the app (issue 13)
  | 'gradient-checker';

const SOURCE_FILES: Record<WorkerEntryName, string> = {
  worker: './index.ts',
  evaluator: './evaluator.ts',
  'weights-decoder': './weights-decoder.ts',
  'dataset-loader': './dataset-loader.ts',
  // Gradient check in the app (issue 13)
  'gradient-checker': './gradient-checker.ts',
};

/** True when `callerUrl` (an `import.meta.url`) is a TypeScript source file rather than a bundle. */
export function runningFromSource(callerUrl: string): boolean {
  return callerUrl.endsWith('.ts');
}

/**
 * Starts worker `name`. `callerUrl` is the caller's `import.meta.url`: from source it loads the .ts
 * entry through tsx; from a bundle it loads `<name>.js` beside the caller's own bundle file.
 */
export function startWorker(name: WorkerEntryName, callerUrl: string, options: WorkerOptions = {}): Worker {
  if (!runningFromSource(callerUrl)) return new Worker(new URL(`./${name}.js`, callerUrl), options);
  const entry = new URL(SOURCE_FILES[name], import.meta.url).href;
  const require = createRequire(import.meta.url);
  const tsxRoot = path.dirname(require.resolve('tsx/package.json'));
  const tsxApi = pathToFileURL(path.join(tsxRoot, 'dist/esm/api/index.mjs')).href; // the ESM register()
  const boot = `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(boot, { ...options, eval: true });
}
