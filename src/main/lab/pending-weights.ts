/**
 * Weights files opened but not yet imported: openWeights decodes and checks a file and keeps it
 * here under an id while the user answers the activation question; importWeights takes it out.
 */
import { z } from 'zod';
import type { WeightsPreview } from '../../shared/api';
import { MAX_PENDING, MAX_WEIGHTS_BYTES } from './service-options';
import { argument } from './validate';
import { checkWeightsFile } from './weights-import';
import type { CheckedWeights } from './weights-import';
import { messageText } from '../../shared/messages';

/** Bytes as a Uint8Array of this realm (a renderer test's jsdom or another context may send its own). */
const bytesSchema = z
  .custom<Uint8Array>(
    (v) => ArrayBuffer.isView(v) && Object.prototype.toString.call(v) === '[object Uint8Array]',
    {
      message: 'must be the file as bytes (a Uint8Array)',
    },
  )
  .transform((v) => {
    if (v instanceof Uint8Array) return v;
    const foreign = v as ArrayLike<number>;
    const copy = new Uint8Array(foreign.length);
    copy.set(foreign);
    return copy;
  });

/** A checked file and its name. */
export type PendingFile = CheckedWeights & { fileName: string };

/** The last few opened files, oldest dropped first. */
export class PendingWeights {
  private readonly files = new Map<string, PendingFile>();
  private nextId = 1;

  /** Validates the arguments, decodes and checks the file; throws "<name> cannot be imported: <why>". */
  open(fileName: unknown, bytes: unknown): WeightsPreview {
    const name = argument(z.string().min(1).max(260), fileName, 'file name');
    const data = argument(bytesSchema, bytes, 'file contents');
    if (data.length > MAX_WEIGHTS_BYTES) {
      throw new Error(messageText('fileTooBig', { name, size: data.length, max: MAX_WEIGHTS_BYTES }));
    }
    let checked: CheckedWeights;
    try {
      checked = checkWeightsFile(name, data);
    } catch (error) {
      throw new Error(messageText('cannotImport', { name, detail: (error as Error).message }));
    }
    const pendingId = `weights-${this.nextId++}`;
    this.files.set(pendingId, { ...checked, fileName: name });
    while (this.files.size > MAX_PENDING) this.files.delete(this.files.keys().next().value as string);
    const { sizes, batchNorm, needsActivation, suggestedActivation } = checked;
    const hasSettings = checked.meta?.config !== undefined;
    return { pendingId, fileName: name, sizes, batchNorm, needsActivation, suggestedActivation, hasSettings };
  }

  /** The file opened under `pendingId`; throws when it is unknown or was dropped. */
  get(pendingId: unknown): PendingFile {
    const id = argument(z.string().min(1).max(100), pendingId, 'pending weights id');
    const file = this.files.get(id);
    if (!file) throw new Error(messageText('noLongerOpen'));
    return file;
  }

  delete(pendingId: string): void {
    this.files.delete(pendingId);
  }
}
