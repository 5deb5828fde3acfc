/**
 * `npm run serve`: MNIST Lab in the browser. Starts the Lab service and the web bridge on the
 * built renderer (out/renderer), prints the address with its token, and runs until Ctrl+C.
 *
 *   npm run serve                 a free port
 *   npm run serve -- --port 8123  (or PORT=8123)
 *   npm run serve -- --dataset DIR --data-dir DIR
 */
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { LabService } from '../lab/service';
import { startWebBridge } from './server';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const rendererDir = fileURLToPath(new URL('../../../out/renderer/', import.meta.url));

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      dataset: { type: 'string' },
      'data-dir': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log('Usage: npm run serve -- [--port N] [--dataset MNIST_FOLDER] [--data-dir RUNS_FOLDER]');
    return;
  }
  const portText = values.port ?? process.env.PORT ?? '0';
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`--port must be an integer from 0 to 65535, got "${portText}"`);
  }
  if (!existsSync(`${rendererDir}index.html`)) {
    throw new Error(`The built renderer is missing (${rendererDir}). Run: npm run build`);
  }

  // The run history: --data-dir, else $MNIST_LAB_DATA, else ~/.mnist-lab (one folder per run under runs/).
  const dataDir =
    values['data-dir'] ?? join(process.env.MNIST_LAB_DATA || join(homedir(), '.mnist-lab'), 'runs');
  const lab = new LabService({ datasetFolder: values.dataset, dataDir, appName: 'npm run serve' });
  console.log(`Runs are saved in ${dataDir}`);
  const bridge = await startWebBridge(lab, { port, rendererDir });
  console.log(`MNIST Lab is running at ${bridge.url}`);
  console.log(`(serving ${rendererDir.replace(repoRoot, '')} on 127.0.0.1 only; press Ctrl+C to stop)`);

  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping MNIST Lab…');
    void Promise.allSettled([bridge.close(), lab.close()]).then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`MNIST Lab could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
