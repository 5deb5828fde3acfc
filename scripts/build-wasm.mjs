// Compiles the AssemblyScript kernels (assembly/) to build/kernels.wasm: float32 SIMD, -O3.
// No AssemblyScript runtime is linked in (--runtime stub, nothing allocates): the module imports
// its memory from JS (env.memory, a shared memory), where src/nn/kernels-wasm.ts manages it as a bump allocator.
//
// Two builds of the same source: baseline SIMD, and relaxed SIMD (f32x4.relaxed_madd, a fused
// multiply-add: assembly/simd.ts `madd`). build/kernels.wasm is the baseline module with the relaxed
// one carried inside it as a custom section (RELAXED_SECTION), which runtimes ignore: every reader of
// the one file gets both, and src/nn/kernels-wasm-module.ts compiles the relaxed one where the runtime
// validates it (Electron 45; Node 20 only with --experimental-wasm-relaxed-simd), else the baseline.
// Skips the compile when build/kernels.wasm is newer than every source (pass --force to rebuild).
import { Buffer } from 'node:buffer';
import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import asc from 'assemblyscript/asc';

/** The custom section's name (src/nn/kernels-wasm-module.ts reads it by this name). */
const RELAXED_SECTION = 'mnist-lab.relaxed-simd';

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

/** The module's bytes, compiled with the given extra features. */
async function compile(features) {
  let binary = null;
  const { error, stderr } = await asc.main(
    [
      entry,
      '--outFile',
      'kernels.wasm',
      '-O3',
      '--noAssert',
      '--runtime',
      'stub',
      '--enable',
      'simd',
      '--enable',
      'threads',
      ...features.flatMap((f) => ['--enable', f]),
      // The memory is shared: a run's worker gathers batches from the dataset's index in a shared
      // memory (src/shared/dataset.ts) with a second instance, so the index is not copied per worker.
      '--sharedMemory',
      '--maximumMemory',
      '65536',
      '--importMemory',
      '--noExportMemory',
      '--zeroFilledMemory',
    ],
    {
      writeFile(name, contents) {
        if (name.endsWith('.wasm')) binary = contents;
      },
    },
  );
  if (error || binary === null) {
    console.error(stderr.toString());
    console.error(`build:wasm failed: ${error ? error.message : 'no output'}`);
    process.exit(1);
  }
  return binary;
}

/** Unsigned LEB128, as wasm sizes are written. */
function leb(n) {
  const out = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n !== 0) byte |= 0x80;
    out.push(byte);
  } while (n !== 0);
  return out;
}

/** A custom section (id 0): size, name length, name, payload. */
function customSection(name, payload) {
  const nameBytes = [...Buffer.from(name, 'utf8')];
  const body = [...leb(nameBytes.length), ...nameBytes];
  return Buffer.concat([Buffer.from([0, ...leb(body.length + payload.length), ...body]), payload]);
}

const baseline = await compile([]);
const relaxed = await compile(['relaxed-simd']);
mkdirSync(dirname(outFile), { recursive: true });
writeFileSync(outFile, Buffer.concat([Buffer.from(baseline), customSection(RELAXED_SECTION, Buffer.from(relaxed))]));
console.log(
  `build:wasm: wrote ${outFile} (${statSync(outFile).size} bytes: SIMD ${baseline.length}, relaxed SIMD ${relaxed.length} inside)`,
);
