/**
 * A dataset's class names on the Node side (src/shared/class-names.ts says where they come from):
 * the labels' checksum and the folder's names file (read when the dataset loads, in the loader
 * thread), and the names users give in the app, kept in the data folder's class-names.json by
 * checksum (in memory without a data folder).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { CLASS_NAMES_FILE, knownSetOf, parseClassNames, type ClassNames } from '../../shared/class-names';
import { LabError, message } from '../../shared/messages';
import { writeFileAtomic } from './atomic-file';

/** The biggest names file read (ten names of 40 characters need far less). */
const MAX_NAMES_FILE_BYTES = 64 * 1024;

/** SHA-256 (hex) of the training labels followed by the test labels. */
export function labelsChecksum(trainLabels: Uint8Array, testLabels: Uint8Array): string {
  return createHash('sha256').update(trainLabels).update(testLabels).digest('hex');
}

/** The names of a dataset folder's names file, else of its recognised checksum, else none. Throws for a bad names file. */
export function folderClassNames(folder: string, checksum: string): ClassNames {
  const file = path.join(folder, CLASS_NAMES_FILE);
  if (existsSync(file)) {
    const size = statSync(file).size;
    const parsed =
      size > MAX_NAMES_FILE_BYTES ? { count: Infinity } : parseClassNames(readFileSync(file, 'utf8'));
    if ('names' in parsed) return { source: 'file', names: parsed.names };
    throw new LabError(
      message('classNamesFile', { file, count: Number.isFinite(parsed.count) ? parsed.count : '?' }),
    );
  }
  const set = knownSetOf(checksum);
  return set ? { source: 'known', set } : { source: 'none' };
}

/** The names users gave, by labels checksum: class-names.json in the data folder. */
export class UserClassNames {
  private readonly byChecksum = new Map<string, string[]>();

  constructor(
    private readonly file: string | undefined,
    warn: (m: string) => void,
  ) {
    if (!file || !existsSync(file)) return;
    try {
      const saved = JSON.parse(readFileSync(file, 'utf8')) as unknown;
      if (saved && typeof saved === 'object')
        for (const [checksum, names] of Object.entries(saved))
          if (Array.isArray(names) && names.every((n) => typeof n === 'string'))
            this.byChecksum.set(checksum, names as string[]);
    } catch (error) {
      warn(`class names in ${file} could not be read: ${String(error)}`);
    }
  }

  get(checksum: string): string[] | undefined {
    return this.byChecksum.get(checksum);
  }

  /** Saves (or, with null, forgets) the names for a checksum; written atomically. */
  set(checksum: string, names: string[] | null): void {
    if (names) this.byChecksum.set(checksum, [...names]);
    else this.byChecksum.delete(checksum);
    if (!this.file) return;
    writeFileAtomic(this.file, `${JSON.stringify(Object.fromEntries(this.byChecksum), null, 2)}\n`);
  }
}

/** The path of class-names.json in a data folder (undefined: names live in memory). */
export function classNamesFileIn(dataDir: string | undefined): string | undefined {
  return dataDir === undefined ? undefined : path.join(dataDir, 'class-names.json');
}
