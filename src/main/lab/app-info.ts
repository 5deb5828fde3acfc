/**
 * appInfo: what this Lab runs on. The kernels are the ones its workers load (src/worker/engine.ts's
 * loadKernels): build/kernels.wasm when it is there and this runtime compiles it, else TypeScript.
 */
import { readFileSync } from 'node:fs';
import { version } from '../../../package.json';
import type { LabResult } from '../../shared/lab-methods';

/** WebAssembly.validate (the Node tsconfig has no DOM lib, so the global has no value type there). */
const validate = (bytes: Uint8Array): boolean =>
  (Reflect.get(globalThis, 'WebAssembly') as { validate(bytes: Uint8Array): boolean }).validate(bytes);

/** The smallest module using a relaxed-SIMD instruction (f32x4.relaxed_madd on three zero vectors). */
function relaxedSimdProbe(): Uint8Array {
  const zeros = [0xfd, 0x0c, ...new Array<number>(16).fill(0)]; // v128.const 0
  const body = [0x00, ...zeros, ...zeros, ...zeros, 0xfd, 0x85, 0x02, 0x0b]; // relaxed_madd, end
  const code = [0x01, body.length, ...body];
  const header = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
  const types = [0x01, 0x05, 0x01, 0x60, 0x00, 0x01, 0x7b]; // () -> v128
  const functions = [0x03, 0x02, 0x01, 0x00];
  return new Uint8Array([...header, ...types, ...functions, 0x0a, code.length, ...code]);
}

/** True when `wasmPath` names a kernels module this runtime compiles (what the workers will run). */
function wasmKernelsLoad(wasmPath: string | undefined): boolean {
  if (!wasmPath) return false;
  try {
    return validate(new Uint8Array(readFileSync(wasmPath)));
  } catch {
    return false;
  }
}

/** The app's version, the kernels the workers use with `wasmPath`, relaxed-SIMD support, Node's version. */
export function appInfo(
  wasmPath: string | undefined,
  storageNotice: LabResult<'appInfo'>['storageNotice'] = null,
): LabResult<'appInfo'> {
  return {
    version,
    kernels: wasmKernelsLoad(wasmPath) ? 'wasm-simd' : 'typescript',
    relaxedSimd: validate(relaxedSimdProbe()),
    node: process.versions.node,
    storageNotice,
  };
}
