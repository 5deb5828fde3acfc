/**
 * Reading and executing the notebooks the Python export writes: their JSON (nbformat 4), and a
 * run through Debian's nbconvert with the Python 3 kernel, MNIST read from `mnistDir`.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { NBCONVERT } from '../formats/helpers';

export interface NotebookOutput {
  output_type: string;
  name?: string;
  text?: string | string[];
  data?: Record<string, unknown>;
  ename?: string;
}

export interface Notebook {
  nbformat: number;
  nbformat_minor: number;
  metadata: { kernelspec: { name: string; language: string } };
  cells: { cell_type: 'markdown' | 'code'; source: string[]; outputs?: NotebookOutput[] }[];
}

/** A notebook field that nbformat keeps as a string or a list of lines. */
export const text = (value: string | string[] | undefined): string =>
  Array.isArray(value) ? value.join('') : (value ?? '');

export const parseNotebook = (bytes: Uint8Array | string): Notebook =>
  JSON.parse(typeof bytes === 'string' ? bytes : new TextDecoder().decode(bytes)) as Notebook;

/**
 * Executes the notebook at `file` (written to `dir/executed.ipynb`) with MNIST_DIR = mnistDir;
 * expects it to run without an error cell. Returns the executed notebook and everything it printed.
 */
export function executeNotebook(
  file: string,
  dir: string,
  mnistDir: string,
): { notebook: Notebook; printed: string } {
  const executed = path.join(dir, 'executed.ipynb');
  const result = spawnSync(
    NBCONVERT,
    ['--to', 'notebook', '--execute', '--ExecutePreprocessor.timeout=300', '--output', executed, file],
    {
      encoding: 'utf8',
      // Debian's kernel spec (python3 -> /usr/bin/python3) before any user-installed one.
      env: {
        ...process.env,
        MNIST_DIR: mnistDir,
        JUPYTER_PATH: '/usr/share/jupyter',
        PYDEVD_DISABLE_FILE_VALIDATION: '1',
      },
      maxBuffer: 64 << 20,
    },
  );
  expect(result.status, result.stderr).toBe(0);
  const notebook = parseNotebook(readFileSync(executed, 'utf8'));
  const outputs = notebook.cells.flatMap((c) => c.outputs ?? []);
  expect(outputs.filter((o) => o.output_type === 'error')).toEqual([]);
  const printed = outputs
    .filter((o) => o.output_type === 'stream')
    .map((o) => text(o.text))
    .join('');
  return { notebook, printed };
}

/** The executed notebook's three plotting cells, each with a PNG of at least minBytes; returns them. */
export function expectThreePlots(notebook: Notebook, minBytes: number) {
  const plotCells = notebook.cells.filter(
    (c) => c.cell_type === 'code' && text(c.source).includes('plt.show()'),
  );
  expect(plotCells).toHaveLength(3);
  for (const cell of plotCells) {
    const png = cell.outputs?.find((o) => o.data?.['image/png'])?.data?.['image/png'];
    expect(typeof png, text(cell.source).split('\n')[0]).toBe('string');
    const bytes = Buffer.from(String(png), 'base64');
    expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(bytes.length).toBeGreaterThan(minBytes);
  }
  return plotCells;
}

/** The sources of a notebook's code cells and of its prose (markdown) cells. */
export const codeOf = (nb: Notebook) =>
  nb.cells.filter((c) => c.cell_type === 'code').map((c) => text(c.source));
export const proseOf = (nb: Notebook) =>
  nb.cells.filter((c) => c.cell_type === 'markdown').map((c) => text(c.source));
