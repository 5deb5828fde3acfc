/**
 * Learning-rate schedules: η(t) from the base rate A and the training time t.
 *
 * t is measured in epochs and is fractional: t = iteration / iterationsPerEpoch, where
 * `iteration` counts the updates already made (0 for the first step). So with 600 iterations per
 * epoch, the 300th update (iteration 299) sees t = 0.498.
 */
import { registryNames } from './registry';

/** The knobs a schedule reads. */
export interface ScheduleOptions {
  /** 'step': halve every `stepEpochs` epochs. */
  stepEpochs: number;
  /** 'inverse' and 'exponential': the decay constant k. */
  decay: number;
}

/** η(A, t) for one schedule. */
export type Schedule = (base: number, t: number, opts: ScheduleOptions) => number;

/** The schedules by config name. */
export const SCHEDULES_BY_NAME = {
  /** η = A */
  constant: (base) => base,
  /** η = A · 0.5^floor(t / k): halved every k epochs. */
  step: (base, t, o) => base * 0.5 ** Math.floor(t / o.stepEpochs),
  /** η = A / (1 + k·t) */
  inverse: (base, t, o) => base / (1 + o.decay * t),
  /** η = A · exp(-k·t) */
  exponential: (base, t, o) => base * Math.exp(-o.decay * t),
} as const satisfies Record<string, Schedule>;

/** A schedule's config name. */
export type ScheduleName = keyof typeof SCHEDULES_BY_NAME;

/** The schedules' config names: the keys of SCHEDULES_BY_NAME. */
export const SCHEDULES = registryNames(SCHEDULES_BY_NAME);

/** The learning rate at epoch time t (fractional epochs) for the named schedule. */
export function learningRateAt(name: ScheduleName, base: number, t: number, opts: ScheduleOptions): number {
  const schedule: Schedule | undefined = SCHEDULES_BY_NAME[name];
  if (schedule === undefined) throw new Error(`unknown schedule '${String(name)}'`);
  return schedule(base, t, opts);
}
