/** Running the real CLI scripts from tests, as `npm run <script>` does (tsx, from the repo root). */
import { execFile } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');
/** The book's fixtures, beside the checkout. */
export const book = path.resolve(root, '../shared/fixtures/book');

/** Runs `tsx src/cli/<script>.ts args` from the repo root; resolves with exit code and output. */
export function cli(
  script: string,
  args: string[],
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [path.join(root, 'node_modules/tsx/dist/cli.mjs'), `src/cli/${script}.ts`, ...args],
      { cwd: root },
      (error, stdout, stderr) => {
        resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
      },
    );
  });
}
