/**
 * The personal test set ("this was a 7") in the real LabService: drawings are validated, kept in
 * drawings.json in the run history folder across restarts, set aside (not overwritten) when that
 * file is unreadable, and evaluated with a real network: the book's sample_weight.pkl, imported,
 * classifies real MNIST test digits added as drawings exactly as evaluateRun classifies them.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LabService } from '../../src/main/lab/service';
import { checkedLab } from '../../src/main/lab/lab-dispatch';
import { MAX_DRAWINGS } from '../../src/main/lab/drawing-set';
import type { TestEvaluation } from '../../src/shared/api';
import { bookDir } from '../formats/helpers';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mnist-drawings-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('the personal test set', () => {
  let lab: LabService;
  let dataDir: string;
  /** The first 20 MNIST test images and their labels. */
  let images: Uint8Array;
  let labels: Uint8Array;
  const image = (i: number) => images.slice(i * 784, (i + 1) * 784);
  beforeAll(async () => {
    dataDir = tempDir();
    lab = new LabService({ dataDir, warn: () => {} });
    const sample = await lab.sampleImages('test', 0, 20);
    images = sample.pixels;
    labels = sample.labels;
  });
  afterAll(() => lab.close());

  it('adds, lists and deletes drawings, and refuses bad ones with a clear message', async () => {
    const seven = await lab.addDrawing(image(0), labels[0]);
    expect(seven).toMatchObject({ label: labels[0] });
    expect(Array.from(seven.pixels)).toEqual(Array.from(image(0)));
    const checked = checkedLab(lab);
    await expect(checked.addDrawing(image(1), 10)).rejects.toThrow('Invalid label: must be a digit 0 to 9');
    await expect(checked.addDrawing(image(1), 2.5)).rejects.toThrow(/Invalid label/);
    await expect(checked.addDrawing(new Uint8Array(100), 3)).rejects.toThrow(
      'Invalid pixels: must hold 784 pixels (28x28)',
    );
    await expect(lab.deleteDrawing('drawing-999-x')).rejects.toThrow('No drawing with id drawing-999-x.');
    await expect(checked.deleteDrawing('../run.json')).rejects.toThrow(/Invalid drawing id/);
    expect((await lab.listDrawings()).map((d) => d.id)).toEqual([seven.id]);
    // A caller cannot change the stored pixels through what it was given.
    seven.pixels.fill(0);
    expect(Array.from((await lab.listDrawings())[0].pixels)).toEqual(Array.from(image(0)));
    await lab.deleteDrawing(seven.id);
    expect(await lab.listDrawings()).toEqual([]);
  });

  it('says the set is empty instead of evaluating nothing', async () => {
    const run = await importBookNetwork(lab);
    await expect(lab.evaluateDrawings(run)).rejects.toThrow(
      'Your test set is empty: draw a digit and say which it was first.',
    );
  });

  it('classifies the drawings with a real network exactly as the whole-test-set evaluation does', async () => {
    const run = await importBookNetwork(lab);
    // Images 0..19 with their true labels, except two deliberately labelled wrong.
    const given = Array.from(labels, (l, i) => (i === 3 || i === 11 ? (l + 1) % 10 : l));
    for (let i = 0; i < 20; i++) await lab.addDrawing(image(i), given[i]);
    const mine = await lab.evaluateDrawings(run);
    const whole: TestEvaluation = await lab.evaluateRun(run);
    expect(mine.count).toBe(20);
    expect(Array.from(mine.labels)).toEqual(given);
    expect(Array.from(mine.predictions)).toEqual(Array.from(whole.predictions.subarray(0, 20)));
    for (let i = 0; i < 20; i++) expect(mine.confidences[i]).toBeCloseTo(whole.confidences[i], 6);
    const expected = given.filter((l, i) => whole.predictions[i] === l).length;
    expect(mine.correct).toBe(expected);
    // A wrong label is never counted right where the net reads the image as its true digit.
    for (const i of [3, 11])
      if (whole.predictions[i] === labels[i]) expect(mine.predictions[i]).not.toBe(given[i]);
    expect(mine.correct).toBeLessThanOrEqual(18);
    expect(mine.correct).toBeGreaterThanOrEqual(15);
    await expect(lab.evaluateDrawings('run-404-gone')).rejects.toThrow('No run with id run-404-gone.');
  }, 60_000);

  it('keeps the set in drawings.json across a restart, and it is not mistaken for a run', async () => {
    const before = await lab.listDrawings();
    expect(before).toHaveLength(20);
    const file = path.join(dataDir, 'drawings.json');
    expect(existsSync(file)).toBe(true);
    const warnings: string[] = [];
    const again = new LabService({ dataDir, warn: (m) => warnings.push(m) });
    try {
      const after = await again.listDrawings();
      expect(after.map((d) => [d.id, d.label, Array.from(d.pixels)])).toEqual(
        before.map((d) => [d.id, d.label, Array.from(d.pixels)]),
      );
      expect((await again.listRuns()).map((r) => r.source)).toEqual(['imported', 'imported']);
      expect(warnings).toEqual([]);
      // New ids go on from the saved ones.
      const next = await again.addDrawing(image(0), labels[0]);
      expect(after.map((d) => d.id)).not.toContain(next.id);
    } finally {
      await again.close();
    }
  });

  it('sets an unreadable file aside, says where, and starts an empty set', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'drawings.json');
    writeFileSync(file, '{"format": "mnist-lab-drawings", "version": 1, "drawings": [{"id": 5}');
    const warnings: string[] = [];
    const fresh = new LabService({ dataDir: dir, warn: (m) => warnings.push(m) });
    try {
      expect(await fresh.listDrawings()).toEqual([]);
      const kept = readdirSync(dir).filter((n) => n.startsWith('drawings.json.unreadable-'));
      expect(kept).toHaveLength(1);
      expect(readFileSync(path.join(dir, kept[0]), 'utf8')).toContain('"id": 5');
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toContain(`Your saved test set (${file}) could not be read:`);
      expect(warnings[0]).toContain(`It was kept as ${path.join(dir, kept[0])}.`);
      await fresh.addDrawing(image(1), labels[1]);
      expect(JSON.parse(readFileSync(file, 'utf8')).drawings).toHaveLength(1);
    } finally {
      await fresh.close();
    }
  });

  it('a drawing that cannot be saved is refused with where and why, and the set is unchanged', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'not-a-folder'), 'x');
    const file = path.join(dir, 'not-a-folder', 'drawings.json');
    const blocked = new LabService({ drawingsFile: file, warn: () => {} });
    try {
      const error = await blocked.addDrawing(image(0), labels[0]).catch((e: Error) => e);
      expect((error as Error).message).toMatch(
        new RegExp(`^Your test set could not be saved in ${file}: .+\\. It is unchanged\\.$`),
      );
      expect(await blocked.listDrawings()).toEqual([]);
    } finally {
      await blocked.close();
    }
  });

  it(`holds at most ${MAX_DRAWINGS} drawings`, async () => {
    const small = new LabService({ warn: () => {} });
    try {
      for (let i = 0; i < MAX_DRAWINGS; i++) await small.addDrawing(image(i % 20), labels[i % 20]);
      await expect(small.addDrawing(image(0), labels[0])).rejects.toThrow(
        `Your test set holds ${MAX_DRAWINGS} drawings, the most it can; delete some first.`,
      );
      expect(await small.listDrawings()).toHaveLength(MAX_DRAWINGS);
    } finally {
      await small.close();
    }
  });
});

/** Imports the book's sample_weight.pkl (784-50-100-10, sigmoid) as a run; returns its id. */
async function importBookNetwork(lab: LabService): Promise<string> {
  const bytes = new Uint8Array(readFileSync(path.join(bookDir, 'sample_weight.pkl')));
  const preview = await lab.openWeights('sample_weight.pkl', bytes);
  const run = await lab.importWeights(preview.pendingId, { activation: 'sigmoid' });
  return run.id;
}
