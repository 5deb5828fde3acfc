/**
 * The schemas of every argument a LabApi call carries, used by the method table (lab-methods.ts).
 * Each is described by the name a rejection shows ("Invalid run id: ...").
 */
import { z } from 'zod';
import type { TrainConfig } from './hyperparams';
import { ACTIVATIONS, parseTrainConfig, trainConfigSchema } from './hyperparams';
import { UI_LANGUAGES } from './shell';

/** A run id as the service makes them. */
export const runIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,100}$/, 'must be a run id such as run-1-abc')
  .describe('run id');

/** A run's display name. */
export const nameSchema = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(100, 'must be at most 100 characters')
  .describe('run name');

/** A UI language (a run nobody named is named in it). */
export const languageSchema = z.enum(UI_LANGUAGES).describe('language');

/** A live learning rate: the hyperparameter's own range. */
export const learningRateSchema = trainConfigSchema.shape.learningRate.describe('learning rate');

/** 784 pixels 0..255 as a Uint8Array (both bridges carry typed arrays as they are); a copy is kept. */
export const pixelsSchema = z
  .custom<Uint8Array>((v) => v instanceof Uint8Array, { message: 'must be a Uint8Array of pixels' })
  .refine((p) => p.length === 784, { message: 'must hold 784 pixels (28x28)' })
  .transform((p) => p.slice())
  .describe('pixels');

/** A partial training config, filled from the defaults and checked as a whole. */
export const startConfigSchema = z
  .custom<Partial<TrainConfig>>(() => true)
  .optional()
  .transform((input, ctx): TrainConfig => {
    const parsed = parseTrainConfig(input ?? {});
    if (parsed.ok) return parsed.config;
    for (const error of parsed.errors)
      ctx.addIssue({ code: 'custom', message: error.message, path: error.path ? error.path.split('.') : [] });
    return z.NEVER;
  })
  .describe('training config');

/** sampleImages' split. */
export const splitSchema = z.enum(['train', 'test']).describe('split');
/** sampleImages' first image. */
export const sampleStartSchema = z.number().int().min(0).describe('start');
/** sampleImages' image count (at most 100 per call). */
export const sampleCountSchema = z.number().int().min(1).max(100).describe('count');

/** The digit a drawing shows. */
export const labelSchema = z
  .number()
  .int()
  .min(0, 'must be a digit 0 to 9')
  .max(9, 'must be a digit 0 to 9')
  .describe('label');

/** A drawing's id as the service makes them. */
export const drawingIdSchema = z
  .string()
  .regex(/^drawing-[A-Za-z0-9-]{1,60}$/, 'must be a drawing id')
  .describe('drawing id');

/** A weights file's name. */
export const fileNameSchema = z.string().min(1).max(260).describe('file name');

/** Bytes as a Uint8Array of this realm (a renderer test's jsdom or another context may send its own). */
export const fileBytesSchema = z
  .custom<Uint8Array>(
    (v) => ArrayBuffer.isView(v) && Object.prototype.toString.call(v) === '[object Uint8Array]',
    { message: 'must be the file as bytes (a Uint8Array)' },
  )
  .transform((v) => {
    if (v instanceof Uint8Array) return v;
    const foreign = v as ArrayLike<number>;
    const copy = new Uint8Array(foreign.length);
    copy.set(foreign);
    return copy;
  })
  .describe('file contents');

/** An opened weights file's id (openWeights' pendingId). */
export const pendingIdSchema = z.string().min(1).max(100).describe('pending weights id');

/** importWeights' choices: the activation the shapes cannot tell, an optional run name, training settings. */
export const importChoicesSchema = z
  .object({
    activation: z.enum(ACTIVATIONS),
    name: nameSchema.optional(),
    training: z.record(z.string(), z.unknown()).optional(),
  })
  .describe('import choices');

// Look deeper (issue 13)

/** A class of the run's output (0..9); left out (or null over JSON) for the network's top class. */
export const classIndexSchema = z
  .number()
  .int()
  .min(0, 'must be a class 0 to 9')
  .max(9, 'must be a class 0 to 9')
  .describe('class');

/** A hidden layer of the run's network, counted from 0 (the first hidden layer). */
export const hiddenLayerSchema = z
  .number()
  .int()
  .min(0, 'must be a hidden layer number from 0')
  .max(99, 'must be a hidden layer number below 100')
  .describe('hidden layer');

/**
 * What else LabApi.hiddenMap returns: `withFeatures` adds the mapped layer's outputs for every image
 * (count × width floats, e.g. 800 KB for 100 units), which an on-demand t-SNE needs and the live
 * PCA redraws do not.
 */
export const hiddenMapOptionsSchema = z
  .object({ withFeatures: z.boolean().optional() })
  .strict()
  .describe('hidden map options');
export type HiddenMapOptions = z.infer<typeof hiddenMapOptionsSchema>;
