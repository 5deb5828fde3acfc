/**
 * The personal test set: drawings the user labelled ("this was a 7"), kept in one JSON file written
 * atomically after every change, so it survives restarts and crashes and can be evaluated against
 * any run (sent to the run's worker as one message, see images()). A file that cannot be read is set aside (renamed, never overwritten) and the set starts
 * empty, with a warning that says where the old file went.
 */
import { existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { Drawing } from '../../shared/api';
import { messageText } from '../../shared/messages';
import type { LabelledImages } from '../../shared/worker-messages';
import { writeErrorReason, writeFileAtomic } from './atomic-file';
import { drawingIdSchema, labelSchema } from '../../shared/lab-arguments';

/** The most drawings a set holds (about 1.1 MB of JSON). */
export const MAX_DRAWINGS = 1000;

const FORMAT = 'mnist-lab-drawings';

const fileSchema = z.object({
  format: z.literal(FORMAT),
  version: z.literal(1),
  drawings: z.array(
    z.object({
      id: drawingIdSchema,
      label: labelSchema,
      createdAt: z.number().finite(),
      pixels: z
        .string()
        .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64')
        .transform((text) => new Uint8Array(Buffer.from(text, 'base64')))
        .refine((p) => p.length === 784, 'must hold 784 pixels'),
    }),
  ),
});

/** Where the set is kept beside a run history folder (run folders are the ones holding run.json). */
export function drawingsFileIn(dataDir: string | undefined): string | undefined {
  return dataDir === undefined ? undefined : path.join(dataDir, 'drawings.json');
}

/** The set, in memory and (when given a file) on disk. */
export class DrawingSet {
  private drawings: Drawing[] = [];
  private nextNumber = 1;

  /** The file, or undefined while the set lives in memory only. */
  private file: string | undefined;

  constructor(
    file?: string,
    private readonly warn: (message: string) => void = (m) => console.warn(m),
  ) {
    this.file = file;
    if (file && existsSync(file)) this.load(file);
  }

  private load(file: string): void {
    try {
      const parsed = fileSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
      this.drawings = parsed.drawings;
      for (const d of this.drawings) {
        const n = /^drawing-(\d+)-/.exec(d.id);
        if (n) this.nextNumber = Math.max(this.nextNumber, Number(n[1]) + 1);
      }
    } catch (error) {
      const backup = `${file}.unreadable-${Date.now()}`;
      const detail =
        (error instanceof z.ZodError ? error.issues[0]?.message : (error as Error).message) ?? String(error);
      try {
        renameSync(file, backup);
        this.warn(messageText('drawingsUnreadable', { file, detail, backup }));
      } catch (renameError) {
        // Never overwrite what could not be read: this session keeps its drawings in memory.
        this.file = undefined;
        this.warn(messageText('drawingsNotMoved', { file, detail, why: writeErrorReason(renameError) }));
      }
    }
  }

  /** Every drawing, oldest first (copies: callers cannot change the set). */
  list(): Drawing[] {
    return this.drawings.map((d) => ({ ...d, pixels: d.pixels.slice() }));
  }

  /** Every drawing's pixels one after another, and their labels: the set as one message to a worker. */
  images(): LabelledImages {
    if (this.drawings.length === 0) throw new Error(messageText('noDrawings'));
    const size = this.drawings[0].pixels.length;
    const pixels = new Uint8Array(this.drawings.length * size);
    this.drawings.forEach((d, i) => pixels.set(d.pixels, i * size));
    return { pixels, labels: Uint8Array.from(this.drawings, (d) => d.label) };
  }

  /** Adds a drawing (arguments validated where the call arrived); saves before it returns (a failed save adds nothing). */
  add(image: Uint8Array, digit: number): Drawing {
    if (this.drawings.length >= MAX_DRAWINGS)
      throw new Error(messageText('drawingsFull', { max: MAX_DRAWINGS }));
    const drawing: Drawing = {
      id: `drawing-${this.nextNumber}-${Date.now().toString(36)}`,
      label: digit,
      pixels: image,
      createdAt: Date.now(),
    };
    this.save([...this.drawings, drawing]);
    this.nextNumber++;
    return { ...drawing, pixels: image.slice() };
  }

  /** Removes a drawing; saves before it returns. */
  remove(id: string): void {
    if (!this.drawings.some((d) => d.id === id)) throw new Error(messageText('noDrawing', { id }));
    this.save(this.drawings.filter((d) => d.id !== id));
  }

  /** Writes `next` (when there is a file) and only then makes it the set. */
  private save(next: Drawing[]): void {
    if (this.file) {
      const doc = {
        format: FORMAT,
        version: 1,
        drawings: next.map((d) => ({ ...d, pixels: Buffer.from(d.pixels).toString('base64') })),
      };
      try {
        mkdirSync(path.dirname(this.file), { recursive: true });
        writeFileAtomic(this.file, JSON.stringify(doc));
      } catch (error) {
        throw new Error(messageText('drawingNotSaved', { file: this.file, why: writeErrorReason(error) }));
      }
    }
    this.drawings = next;
  }
}
