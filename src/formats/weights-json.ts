/**
 * The app's own lossless weights format: JSON with the architecture, optional config, seed and
 * metrics, and each tensor's float32 values as base64 of their little-endian bytes (exact, and
 * ~4/3 of the binary size instead of ~10x for decimal text). Validated with zod on the way in.
 */
import { z } from 'zod';
import { ACTIVATIONS } from '../shared/hyperparams';
import type { WeightTensor } from '../shared/runs';
import { WeightsJsonError } from './errors';
import { float32Bytes, shapeSize } from './ndarray';
import { MAX_JSON_CONFIG_CHARS, MAX_JSON_DEPTH, MAX_JSON_METRICS_CHARS, MAX_JSON_VALUES } from './limits';
import { message, toLabMessage } from '../shared/messages';

/** The network's shape: enough to rebuild it. Unknown extra keys are kept. */
export const architectureSchema = z.looseObject({
  inputSize: z.number().int().positive(),
  hidden: z.array(z.number().int().positive()),
  outputSize: z.number().int().positive(),
  activation: z.enum(ACTIVATIONS),
  batchNorm: z.boolean(),
});

/** What a weights file says besides the tensors. */
export interface WeightsMeta {
  architecture: z.infer<typeof architectureSchema>;
  /** The TrainConfig the run used; validate it with parseTrainConfig where it is used. */
  config?: Record<string, unknown>;
  seed?: number;
  metrics?: unknown;
}

const tensorSchema = z.object({
  name: z.string().min(1),
  shape: z.array(z.number().int().nonnegative()),
  dtype: z.literal('float32'),
  data: z.string(),
});

const documentSchema = z.object({
  format: z.literal('mnist-lab-weights'),
  version: z.literal(1),
  architecture: architectureSchema,
  config: z.record(z.string(), z.unknown()).optional(),
  seed: z.number().int().optional(),
  metrics: z.unknown().optional(),
  tensors: z.array(tensorSchema).min(1),
});

/** Base64 of bytes, through the platform's btoa (Node 16+ and browsers). */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 8192) binary += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return btoa(binary);
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Float32 values from base64 little-endian bytes; the length is checked before decoding. */
function decodeFloats(text: string, count: number, name: string): Float32Array {
  const expected = 4 * Math.ceil((count * 4) / 3);
  if (text.length !== expected) {
    throw new WeightsJsonError(message('jsonBase64Length', { name, length: text.length, count, expected }));
  }
  if (!BASE64.test(text)) throw new WeightsJsonError(message('jsonBase64Invalid', { name }));
  let binary: string;
  try {
    binary = atob(text);
  } catch {
    throw new WeightsJsonError(message('jsonBase64Invalid', { name }));
  }
  if (binary.length !== count * 4)
    throw new WeightsJsonError(
      message('jsonBase64Bytes', { name, length: binary.length, expected: count * 4 }),
    );
  const view = new DataView(new ArrayBuffer(binary.length));
  for (let i = 0; i < binary.length; i++) view.setUint8(i, binary.charCodeAt(i));
  const out = new Float32Array(count);
  for (let i = 0; i < count; i++) out[i] = view.getFloat32(i * 4, true);
  return out;
}

/** Serialises tensors and their metadata as a weights JSON document (UTF-8 bytes). */
export function encodeWeightsJson(tensors: readonly WeightTensor[], meta: WeightsMeta): Uint8Array {
  const document = {
    format: 'mnist-lab-weights',
    version: 1,
    architecture: architectureSchema.parse(meta.architecture),
    ...(meta.config !== undefined && { config: meta.config }),
    ...(meta.seed !== undefined && { seed: meta.seed }),
    ...(meta.metrics !== undefined && { metrics: meta.metrics }),
    tensors: tensors.map((t) => {
      if (shapeSize(t.shape) !== t.data.length)
        throw new WeightsJsonError(
          message('valuesVsShape', { name: t.name, count: t.data.length, shape: t.shape.join(', ') }),
        );
      return { name: t.name, shape: t.shape, dtype: 'float32', data: toBase64(float32Bytes(t.data)) };
    }),
  };
  return new TextEncoder().encode(JSON.stringify(document, null, 1));
}

/** Turns zod's issues into one readable English sentence per problem. */
function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const where = issue.path.length ? issue.path.join('.') : 'the document';
      if (issue.code === 'invalid_type' && issue.input === undefined) return `missing ${where}`;
      return `${where}: ${issue.message}`;
    })
    .join('; ');
}

/**
 * Counts the values and the nesting of a JSON text from its bytes, without parsing it, and refuses
 * what would cost more to parse than a weights file needs: three bytes of `[],` are an array each.
 */
export function checkJsonSize(bytes: Uint8Array): void {
  let values = 1;
  let depth = 0;
  let inString = false;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (inString) {
      if (b === 0x5c)
        i++; // a backslash escapes the next byte
      else if (b === 0x22) inString = false;
    } else if (b === 0x22) inString = true;
    else if (b === 0x7b || b === 0x5b) {
      if (++depth > MAX_JSON_DEPTH)
        throw new WeightsJsonError(message('jsonTooDeep', { max: MAX_JSON_DEPTH }));
      values++;
    } else if (b === 0x7d || b === 0x5d) depth--;
    else if (b === 0x2c && ++values > MAX_JSON_VALUES)
      throw new WeightsJsonError(
        message('jsonTooManyValues', { max: MAX_JSON_VALUES.toLocaleString('en-US') }),
      );
  }
}

/** The length of a value as JSON text (0 for undefined). */
const jsonLength = (value: unknown): number =>
  value === undefined ? 0 : (JSON.stringify(value)?.length ?? 0);

/** Parses and validates a weights JSON document; clear errors for every malformed part. */
export function decodeWeightsJson(bytes: Uint8Array): { tensors: WeightTensor[]; meta: WeightsMeta } {
  checkJsonSize(bytes);
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (error) {
    throw new WeightsJsonError(message('jsonInvalid', { cause: (error as Error).message }));
  }
  const parsed = documentSchema.safeParse(raw);
  if (!parsed.success)
    throw new WeightsJsonError(message('jsonNotDocument', { issues: describeIssues(parsed.error) }));
  const doc = parsed.data;
  const names = new Set<string>();
  const tensors = doc.tensors.map((t) => {
    if (names.has(t.name)) throw new WeightsJsonError(message('jsonDuplicateTensor', { name: t.name }));
    names.add(t.name);
    let count: number;
    try {
      count = shapeSize(t.shape);
    } catch (error) {
      throw new WeightsJsonError(message('jsonTensorShape', { name: t.name, detail: toLabMessage(error) }));
    }
    return { name: t.name, shape: t.shape, data: decodeFloats(t.data, count, t.name) };
  });
  const meta: WeightsMeta = { architecture: doc.architecture };
  if (doc.config !== undefined) {
    const size = jsonLength(doc.config);
    if (size > MAX_JSON_CONFIG_CHARS)
      throw new WeightsJsonError(message('jsonConfigTooBig', { size, max: MAX_JSON_CONFIG_CHARS }));
    meta.config = doc.config;
  }
  if (doc.seed !== undefined) meta.seed = doc.seed;
  // Metrics ride along for the record; importing never reads them, so oversized ones are dropped.
  if (doc.metrics !== undefined && jsonLength(doc.metrics) <= MAX_JSON_METRICS_CHARS)
    meta.metrics = doc.metrics;
  return { tensors, meta };
}
