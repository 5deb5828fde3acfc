/**
 * `npm run serve`: MNIST Lab in the browser. Starts the Lab service and the web bridge on the
 * built renderer (out/renderer), prints the address with its token, and runs until Ctrl+C.
 *
 *   npm run serve                 a free port
 *   npm run serve -- --port 8123  (or PORT=8123)
 *   npm run serve -- --dataset DIR --data-dir DIR
 */
import { LabError, messageText, toLabMessage } from '../../shared/messages';
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
    console.log(messageText('serveUsage'));
    return;
  }
  const portText = values.port ?? process.env.PORT ?? '0';
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw LabError.of('servePort', { port: portText });
  }
  if (!existsSync(`${rendererDir}index.html`)) {
    throw LabError.of('serveNoRenderer', { folder: rendererDir });
  }

  // The run history: --data-dir, else $MNIST_LAB_DATA, else ~/.mnist-lab (one folder per run under runs/).
  const dataDir =
    values['data-dir'] ?? join(process.env.MNIST_LAB_DATA || join(homedir(), '.mnist-lab'), 'runs');
  const lab = new LabService({ datasetFolder: values.dataset, dataDir, appName: 'npm run serve' });
  console.log(messageText('serveRunsFolder', { folder: dataDir }));
  const bridge = await startWebBridge(lab, { port, rendererDir });
  console.log(messageText('serveRunning', { url: bridge.url }));
  console.log(messageText('serveServing', { folder: rendererDir.replace(repoRoot, '') }));

  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${messageText('serveStopping')}`);
    void Promise.allSettled([bridge.close(), lab.close()]).then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(messageText('serveCouldNotStart', { detail: toLabMessage(error) }));
  process.exit(1);
});
