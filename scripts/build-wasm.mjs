// Compiles the AssemblyScript kernels (assembly/) to build/kernels.wasm: float32 SIMD, -O3.
// No AssemblyScript runtime is linked in (--runtime stub, nothing allocates): the module imports
// its memory from JS (env.memory, a shared memory), where src/nn/kernels-wasm.ts manages it as a bump allocator.
// Skips the compile when build/kernels.wasm is newer than every source (pass --force to rebuild).
import { mkdirSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import asc from 'assemblyscript/asc';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const srcDir = join(root, 'assembly');
const entry = join(srcDir, 'kernels.ts');
const outFile = join(root, 'build', 'kernels.wasm');

const sources = readdirSync(srcDir).map((f) => join(srcDir, f));
sources.push(fileURLToPath(import.meta.url));
const newestSource = Math.max(...sources.map((f) => statSync(f).mtimeMs));
let built = 0;
try {
  built = statSync(outFile).mtimeMs;
} catch {
  built = 0;
}
if (!process.argv.includes('--force') && built > newestSource) process.exit(0);

mkdirSync(dirname(outFile), { recursive: true });
const { error, stderr } = await asc.main([
  entry,
  '--outFile',
  outFile,
  '-O3',
  '--noAssert',
  '--runtime',
  'stub',
  '--enable',
  'simd',
  '--enable',
  'threads',
  // The memory is shared: a run's worker gathers batches from the dataset's index in a shared
  // memory (src/shared/dataset.ts) with a second instance, so the index is not copied per worker.
  '--sharedMemory',
  '--maximumMemory',
  '65536',
  '--importMemory',
  '--noExportMemory',
  '--zeroFilledMemory',
]);
if (error) {
  console.error(stderr.toString());
  console.error(`build:wasm failed: ${error.message}`);
  process.exit(1);
}
console.log(`build:wasm: wrote ${outFile} (${statSync(outFile).size} bytes)`);
