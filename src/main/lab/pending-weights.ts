/**
 * Weights files opened but not yet imported: openWeights decodes and checks a file and keeps it
 * here under an id while the user answers the activation question; importWeights takes it out.
 */
import type { WeightsPreview } from '../../shared/api';
import { MAX_PENDING, MAX_WEIGHTS_BYTES } from './service-options';
import { checkWeightsOffThread } from './decode-off-thread';
import type { CheckedWeights } from './weights-import';
import { LabError, message, toLabMessage } from '../../shared/messages';

/** A checked file and its name. */
export type PendingFile = CheckedWeights & { fileName: string };

/** The last few opened files, oldest dropped first. */
export class PendingWeights {
  private readonly files = new Map<string, PendingFile>();
  private nextId = 1;

  /** Decodes and checks the file off the main thread; rejects with "<name> cannot be imported: <why>". */
  async open(name: string, data: Uint8Array): Promise<WeightsPreview> {
    if (data.length > MAX_WEIGHTS_BYTES) {
      throw new LabError(message('fileTooBig', { name, size: data.length, max: MAX_WEIGHTS_BYTES }));
    }
    let checked: CheckedWeights;
    try {
      checked = await checkWeightsOffThread(name, data);
    } catch (error) {
      throw new LabError(message('cannotImport', { name, detail: toLabMessage(error) }));
    }
    const pendingId = `weights-${this.nextId++}`;
    this.files.set(pendingId, { ...checked, fileName: name });
    while (this.files.size > MAX_PENDING) this.files.delete(this.files.keys().next().value as string);
    const { sizes, batchNorm, needsActivation, suggestedActivation } = checked;
    const hasSettings = checked.meta?.config !== undefined;
    const arch = checked.conv?.arch ?? 'mlp';
    const shapes = checked.conv ? checked.tensors.map((t) => `${t.name} ${t.shape.join('×')}`) : [];
    return {
      pendingId,
      fileName: name,
      sizes,
      batchNorm,
      needsActivation,
      suggestedActivation,
      hasSettings,
      arch,
      shapes,
    };
  }

  /** The file opened under `pendingId`; throws when it is unknown or was dropped. */
  get(pendingId: string): PendingFile {
    const file = this.files.get(pendingId);
    if (!file) throw new LabError(message('noLongerOpen'));
    return file;
  }

  delete(pendingId: string): void {
    this.files.delete(pendingId);
  }
}
