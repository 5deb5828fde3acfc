/**
 * The service as `npm run serve` runs it, in a process of its own (test/web/fuzz-target.ts: the
 * real LabService behind the real web bridge, bundled MNIST, real worker threads), driven over
 * WebSockets by the renderer's own bridge client; and its memory, read from /proc/<pid>/status:
 * VmRSS counts every thread of the process (the run workers and their evaluator threads are
 * threads of it), VmHWM is the peak since it started.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { WebSocket } from 'ws';
import { createWebLabClient, type SocketLike, type WebLabClient } from '../../src/renderer/bridge/web-client';

const MIB = 1024 * 1024;

export interface ServiceProcess {
  child: ChildProcess;
  client: WebLabClient;
  /** VmRSS and VmHWM of the service process, in MiB. */
  memory(): { rss: number; peak: number };
  close(): Promise<void>;
}

export async function startServiceProcess(): Promise<ServiceProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/web/fuzz-target.ts'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  const firstLine = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', () => reject(new Error(`the service did not start: ${stderr}`)));
  });
  const { port, token } = JSON.parse(firstLine) as { port: number; token: string };
  const client = createWebLabClient(
    `ws://127.0.0.1:${port}/lab?token=${token}`,
    (u) => new WebSocket(u) as unknown as SocketLike,
  );
  return {
    child,
    client,
    memory() {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)![1]);
      return { rss: (kib('VmRSS') * 1024) / MIB, peak: (kib('VmHWM') * 1024) / MIB };
    },
    async close() {
      client.close();
      if (child.exitCode === null) {
        const done = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await done;
      }
    },
  };
}
