/**
 * The fuzz test's target, in a process of its own so a crash shows as an exit rather than taking
 * the test runner down: the real web bridge over a real LabService (runs in memory, bundled MNIST).
 * Prints one line, {"port":..,"token":..}, once it listens.
 */
import { LabService } from '../../src/main/lab/service';
import { startWebBridge } from '../../src/main/web/server';
import { makeRendererDir } from './helpers';

const lab = new LabService({});
const bridge = await startWebBridge(lab, { port: 0, rendererDir: makeRendererDir().rendererDir });
process.stdout.write(`${JSON.stringify({ port: bridge.port, token: bridge.token })}\n`);
const stop = (): void => void Promise.allSettled([bridge.close(), lab.close()]).then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
