/**
 * Errors raised by the byte <-> data codecs: one class per kind of file, each a LabError carrying
 * its message as data: a catalogued code with its params (src/shared/messages.ts).
 */
import { LabError, type LabMessage } from '../shared/messages';

/** Base class: the bytes given are not a valid file of the expected kind. */
export class FormatError extends LabError {
  constructor(message: LabMessage) {
    super(message);
    this.name = new.target.name;
  }
}

/** A malformed or truncated IDX (MNIST) file. */
export class IdxFormatError extends FormatError {}

/** A malformed pickle, or one that asks for something we refuse to do. */
export class PickleFormatError extends FormatError {}

/** A malformed .npy or .npz file. */
export class NpyFormatError extends FormatError {}

/** A weights JSON document that does not match the schema. */
export class WeightsJsonError extends FormatError {}

/** A weights set that cannot be written in the chosen format (e.g. ONNX needs an MLP). */
export class ExportError extends FormatError {}

/** Formats a byte count for messages: 47040016 -> "47,040,016 bytes". */
export function bytesText(n: number): string {
  return `${n.toLocaleString('en-US')} byte${n === 1 ? '' : 's'}`;
}
