/**
 * The in-app gradient check (LabApi.checkGradients): its options as they arrive, the report the
 * service answers with, and the messages between the service and its gradient-check thread
 * (src/worker/gradient-checker.ts). The engine's side is src/nn/gradient-verdict.ts.
 */
import { z } from 'zod';
import type { GradientVerdict, ParameterCheck } from '../nn/gradient-verdict';
import type { TrainConfig } from './hyperparams';
import type { LabMessage } from './messages';
import type { WeightTensor } from './runs';

export type { GradientVerdict, ParameterCheck };

/** The most images a check may use (each entry costs two forwards over all of them). */
export const MAX_CHECK_IMAGES = 10;
/** The most entries per parameter a check may compare. */
export const MAX_CHECK_ENTRIES = 100_000;

/** How to check: how many training images (the book uses the first 3) and entries per parameter. */
export const gradientCheckOptionsSchema = z
  .object({
    images: z.number().int().min(1).max(MAX_CHECK_IMAGES).default(3),
    entriesPerParam: z.number().int().min(1).max(MAX_CHECK_ENTRIES).default(200),
  })
  .strict()
  .default({ images: 3, entriesPerParam: 200 })
  .describe('gradient check options');

export type GradientCheckOptions = z.input<typeof gradientCheckOptionsSchema>;

/** What checkGradients answers: the run's weights at `iteration`, per parameter and overall. */
export interface GradientCheckReport {
  runId: string;
  /** The run's iteration whose weights were checked. */
  iteration: number;
  /** The first `images` training images were used, and the central difference's step h. */
  images: number;
  h: number;
  parameters: ParameterCheck[];
  /** The worst parameter's verdict. */
  verdict: GradientVerdict;
}

/** The one request a gradient-check thread gets. */
export interface GradientCheckRequest {
  config: TrainConfig;
  weights: WeightTensor[];
  /** (images, inputSize) uint8 pixels and their labels. */
  pixels: Uint8Array;
  labels: Uint8Array;
  inputSize: number;
  entriesPerParam: number;
}

/** What the gradient-check thread says: progress (entries done of all), then its result or why not. */
export type FromGradientChecker =
  | { type: 'progress'; done: number; total: number }
  | { type: 'result'; parameters: ParameterCheck[]; h: number }
  | { type: 'error'; message: LabMessage };
