/**
 * Two runs training at once keep the whole service at or under 400 MiB RSS (issue 16). The service
 * runs as `npm run serve` runs it: a process of its own (test/web/fuzz-target.ts: the real LabService
 * behind the real web bridge, bundled MNIST, real worker threads), driven over WebSockets by the
 * renderer's own bridge client. Its resident set is read from /proc/<pid>/status: VmRSS counts every
 * thread of the process (the run workers and their evaluator threads are threads of it), VmHWM is
 * the peak since it started, loading MNIST included.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { createWebLabClient, type SocketLike, type WebLabClient } from '../../src/renderer/bridge/web-client';
import type { LabEvent } from '../../src/shared/api';

const MIB = 1024 * 1024;
const LIMIT_MIB = 400;

let child: ChildProcess;
let client: WebLabClient;

beforeAll(async () => {
  child = spawn(process.execPath, ['--import', 'tsx', 'test/web/fuzz-target.ts'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  const firstLine = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', () => reject(new Error(`the service did not start: ${stderr}`)));
  });
  const { port, token } = JSON.parse(firstLine) as { port: number; token: string };
  client = createWebLabClient(
    `ws://127.0.0.1:${port}/lab?token=${token}`,
    (u) => new WebSocket(u) as unknown as SocketLike,
  );
}, 60_000);

afterAll(async () => {
  client?.close();
  if (child && child.exitCode === null) {
    const done = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await done;
  }
});

/** VmRSS and VmHWM of the service process, in MiB. */
function memoryOf(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)![1]);
  return { rss: (kib('VmRSS') * 1024) / MIB, peak: (kib('VmHWM') * 1024) / MIB };
}

describe('two runs training at once', () => {
  it('keep the whole service, worker threads included, at or under 400 MiB RSS', async () => {
    const evaluations = new Map<string, number>();
    client.onEvent((event: LabEvent) => {
      if (event.type === 'epoch') evaluations.set(event.runId, (evaluations.get(event.runId) ?? 0) + 1);
    });
    // The book's ch05 network as the panel starts it, trained on all of MNIST, evaluated often.
    const config = { iterations: 1_000_000, evalEvery: 300 };
    const runs = [await client.startRun(config), await client.startRun({ ...config, seed: 2 })];
    const ids = runs.map((r) => r.id);

    const samples: number[] = [];
    // Until each run has evaluated 15 times (4,500 iterations), sampling as they train.
    await expect
      .poll(
        () => {
          samples.push(memoryOf(child.pid!).rss);
          return ids.every((id) => (evaluations.get(id) ?? 0) >= 15);
        },
        { timeout: 100_000, interval: 250 },
      )
      .toBe(true);
    const runsState = (await client.listRuns()).map((r) => r.state);
    const { rss, peak } = memoryOf(child.pid!);
    samples.push(rss);
    for (const id of ids) await client.stopRun(id);
    console.log(
      `two runs training: service RSS max ${Math.max(...samples).toFixed(0)} MiB over ${samples.length} samples, ` +
        `peak (VmHWM, since start) ${peak.toFixed(0)} MiB`,
    );
    expect(runsState).toEqual(['training', 'training']);
    expect(samples.length).toBeGreaterThan(10);
    expect(Math.max(...samples)).toBeLessThanOrEqual(LIMIT_MIB);
    expect(peak).toBeLessThanOrEqual(LIMIT_MIB);
  }, 150_000);
});
