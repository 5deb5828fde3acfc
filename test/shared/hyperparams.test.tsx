// @vitest-environment jsdom
/// <reference types="node" />
/**
 * Walks the one hyperparameter list (src/shared/hyperparam-list.ts) into every place it must reach:
 * the schema (each range accepted at its bounds and refused just past them), the panel (the real
 * components render a control with the entry's key, label, limits and default), the CLI (`--<flag>`
 * parses and `--help` lists it), a saved run (written and read back through the real FileRunStore;
 * a run saved before the setting existed reads back its default) and the dictionaries. A new entry
 * is covered without touching this file.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fireEvent, screen, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseTrainFlags, trainUsage, UsageError } from '../../src/cli/flags';
import { MetricsRecorder } from '../../src/main/lab/metrics';
import { FileRunStore } from '../../src/main/lab/run-files';
import {
  DEFAULT_CONFIG,
  describeValues,
  notApplicable,
  PARAMS,
  trainConfigSchema,
  type Param,
  type TrainConfig,
} from '../../src/shared/hyperparams';
import type { RunSummary } from '../../src/shared/runs';
import { DICTIONARIES } from '../../src/shared/i18n';
import { shownInPanel } from '../../src/renderer/panel/shown';
import { cleanupApp, renderApp } from '../renderer/helpers';
import { createLab, type LabService } from '../renderer/realLab';

/** The string at a dotted i18n key, or undefined. */
function lookup(dict: object, key: string): unknown {
  return key
    .split('.')
    .reduce<unknown>(
      (node, part) =>
        node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined,
      dict,
    );
}

/** Values the entry's schema must accept, and values just past its limits that it must refuse. */
function bounds(p: Param): { accepted: unknown[]; refused: unknown[] } {
  switch (p.kind) {
    case 'number': {
      const past = p.integer ? 1 : p.step;
      const refused: unknown[] = [p.min - past, p.max + past, Number.NaN, String(p.min)];
      if (p.integer) refused.push(p.min + 0.5);
      return { accepted: [p.min, p.max, p.default], refused };
    }
    case 'choice':
      return { accepted: [...p.options], refused: [`not-${p.key}`, ''] };
    case 'boolean':
      return { accepted: [true, false], refused: ['true', 1] };
    case 'sizes':
      return {
        accepted: [Array(p.minCount).fill(p.min), Array(p.maxCount).fill(p.max)],
        refused: [
          Array(Math.max(0, p.minCount - 1)).fill(p.min),
          Array(p.maxCount + 1).fill(p.min),
          [p.min - 1],
          [p.max + 1],
          [p.min + 0.5],
        ],
      };
  }
}

/** A valid value other than the default, to see it travel. */
function probe(p: Param): TrainConfig[keyof TrainConfig] {
  switch (p.kind) {
    case 'number':
      return p.default === p.max ? p.min : p.max;
    case 'choice':
      return (p.options.find((o) => o !== p.default) ?? p.default) as TrainConfig[keyof TrainConfig];
    case 'boolean':
      return !p.default;
    case 'sizes':
      return [p.min, p.max];
  }
}

/** The command line that asks for `value`. */
function flagArgs(p: Param, value: unknown): string[] {
  if (p.kind === 'boolean') return [value ? `--${p.flag}` : `--no-${p.flag}`];
  return [`--${p.flag}`, Array.isArray(value) ? value.join(',') : String(value)];
}

const withValue = (p: Param, value: unknown) => ({ ...DEFAULT_CONFIG, [p.key]: value });

describe('the hyperparameter list', () => {
  it('is the schema: one field per entry, in order, and the defaults are the entries’ defaults', () => {
    expect(Object.keys(trainConfigSchema.shape)).toEqual(PARAMS.map((p) => p.key));
    expect(Object.keys(DEFAULT_CONFIG)).toEqual(PARAMS.map((p) => p.key));
    for (const p of PARAMS) expect(DEFAULT_CONFIG[p.key], p.key).toEqual(p.default);
    expect(new Set(PARAMS.map((p) => p.flag)).size).toBe(PARAMS.length);
  });

  describe.each(PARAMS.map((p) => [p.key, p] as const))('%s', (_key, p) => {
    it('reaches the schema: its range is accepted at the bounds and refused past them', () => {
      const { accepted, refused } = bounds(p);
      for (const v of accepted)
        expect(trainConfigSchema.safeParse(withValue(p, v)).success, `${p.key} = ${String(v)}`).toBe(true);
      for (const v of refused)
        expect(trainConfigSchema.safeParse(withValue(p, v)).success, `${p.key} = ${String(v)}`).toBe(false);
    });

    it('applies when its condition holds, with a reason when it does not', () => {
      const when = p.when;
      if (!when) {
        expect(notApplicable(p.key, DEFAULT_CONFIG)).toBeNull();
        return;
      }
      const on = PARAMS.find((q) => q.key === when.setting);
      expect(on, `${p.key} depends on a declared setting`).toBeDefined();
      const values: unknown[] =
        on!.kind === 'choice' ? [...on!.options] : on!.kind === 'number' ? [on!.min, on!.max] : [];
      if ('oneOf' in when || 'noneOf' in when) {
        const named = 'oneOf' in when ? when.oneOf : when.noneOf;
        for (const n of named) expect(values, `${p.key}: ${n}`).toContain(n);
      }
      const verdicts = values.map((v) => notApplicable(p.key, withValue(on!, v) as TrainConfig));
      expect(verdicts).toContain(null);
      expect(verdicts).toContain(when.reason);
    });

    it('reaches the CLI: --<flag> parses to its value, a value past its range is refused, --help lists it', () => {
      const value = probe(p);
      expect(parseTrainFlags(flagArgs(p, value)).config[p.key]).toEqual(value);
      if (p.kind === 'number')
        expect(() => parseTrainFlags([`--${p.flag}`, String(p.max + 1)])).toThrow(UsageError);
      if (p.kind === 'choice' || p.kind === 'sizes')
        expect(() => parseTrainFlags([`--${p.flag}`, 'x'])).toThrow(
          `--${p.flag} must be ${describeValues(p)}`,
        );
      expect(trainUsage()).toMatch(new RegExp(`^  --${p.flag}\\b.*\\(default `, 'm'));
    });

    it('has its label, help and option names in en, ja and ko', () => {
      const keys: string[] = [p.labelKey, p.helpKey];
      if (p.kind === 'choice') keys.push(...p.options.map((o) => `${p.optionKeyPrefix}.${o}`));
      if (p.when) keys.push(p.when.reason);
      for (const dict of Object.values(DICTIONARIES))
        for (const k of keys) expect(lookup(dict, k), k).toBeTypeOf('string');
    });
  });
});

describe('every entry in a saved run', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  const summary = (id: string, config: TrainConfig): RunSummary => ({
    id,
    name: id,
    config,
    state: 'finished',
    createdAt: 1,
    iteration: 0,
    totalIterations: 1,
    iterationsPerEpoch: 600,
    source: 'trained',
  });

  it('is written and read back by the real FileRunStore, and an older run without it reads its default', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'mnist-hyperparams-'));
    dirs.push(dir);
    const config = Object.fromEntries(PARAMS.map((p) => [p.key, probe(p)])) as TrainConfig;
    expect(trainConfigSchema.safeParse(config).success).toBe(true);
    const store = new FileRunStore(dir);
    store.save({ summary: summary('run-1-all', config), metrics: new MetricsRecorder() });
    for (const p of PARAMS) {
      const id = `run-2-${p.key}`;
      store.save({ summary: summary(id, config), metrics: new MetricsRecorder() });
      const file = path.join(dir, id, 'run.json');
      const doc = JSON.parse(readFileSync(file, 'utf8'));
      delete doc.summary.config[p.key]; // saved before this setting existed
      writeFileSync(file, JSON.stringify(doc));
    }
    const warnings: string[] = [];
    const byId = new Map(new FileRunStore(dir, (m) => warnings.push(m)).list().map((r) => [r.summary.id, r]));
    expect(warnings).toEqual([]);
    const all = byId.get('run-1-all')!.summary.config;
    for (const p of PARAMS) {
      expect(all[p.key], p.key).toEqual(probe(p));
      const older = byId.get(`run-2-${p.key}`)!.summary.config;
      expect(older[p.key], p.key).toEqual(p.default);
    }
  });
});

describe('every entry in the panel', () => {
  let lab: LabService;
  beforeAll(() => {
    lab = createLab();
  });
  afterEach(cleanupApp);
  afterAll(() => lab.close());

  it("is a rendered control with its key, label, limits and default (an architecture's own for it)", async () => {
    renderApp(lab);
    const panel = screen.getByRole('region', { name: DICTIONARIES.en.panel.title });
    const checked = new Set<string>();
    const check = (config: TrainConfig) => {
      for (const p of PARAMS) {
        const label = String(lookup(DICTIONARIES.en, p.labelKey));
        if (!shownInPanel(p.key, config)) {
          expect(within(panel).queryByLabelText(label), p.key).toBeNull();
          continue;
        }
        checked.add(p.key);
        if (p.kind === 'sizes') {
          const group = within(panel).getByRole('group', { name: new RegExp(`^${label}\\b`) });
          expect(group.id, p.key).toBe(`param-${p.key}`);
          const boxes = within(group).getAllByRole('textbox');
          expect(boxes.map((b) => Number((b as HTMLInputElement).value))).toEqual(p.default);
          const slider = within(group).getAllByRole('slider')[0] as HTMLInputElement;
          expect([Number(slider.min), Number(slider.max)]).toEqual([p.min, p.max]);
          continue;
        }
        const control = within(panel).getByLabelText(label) as HTMLInputElement | HTMLSelectElement;
        expect(control.id, p.key).toBe(`param-${p.key}`);
        if (p.kind === 'boolean') expect((control as HTMLInputElement).checked, p.key).toBe(p.default);
        else if (p.kind === 'choice') {
          expect(control.value, p.key).toBe(config[p.key]);
          expect(Array.from((control as HTMLSelectElement).options, (o) => o.value)).toEqual(p.options);
        } else {
          expect(Number(control.value), p.key).toBe(p.default);
          const slider = within(panel).getByLabelText(`${label} slider`) as HTMLInputElement;
          if (p.scale === 'linear')
            expect([Number(slider.min), Number(slider.max)], p.key).toEqual([p.min, p.max]);
        }
        expect(control.disabled, p.key).toBe(notApplicable(p.key, config) !== null);
      }
    };
    check(DEFAULT_CONFIG);
    // SimpleConvNet's own controls appear when it is chosen (and the MLP's hidden layers go).
    const arch = within(panel).getByLabelText(DICTIONARIES.en.param.arch.label);
    fireEvent.change(arch, { target: { value: 'simple-convnet' } });
    await screen.findByTestId('conv-shapes');
    check({ ...DEFAULT_CONFIG, arch: 'simple-convnet' });
    expect([...checked].sort()).toEqual(PARAMS.map((p) => p.key).sort());
  });
});
