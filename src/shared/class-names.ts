/**
 * Class names for any dataset. Where a dataset's names come from, first match wins:
 *   1. the user named the classes in the app (saved in the data folder, by the labels' checksum);
 *   2. a names file beside the IDX files (CLASS_NAMES_FILE: UTF-8, one name per line, line 1 names
 *      label 0; 10 non-empty lines; blank lines at the end and a UTF-8 BOM are ignored);
 *   3. a well-known set recognised by the checksum of its labels (KNOWN_LABEL_SETS), whose standard
 *      names the dictionaries hold (`classes.<set>.<label>`, translated);
 *   4. none: the labels themselves, 0…9.
 * The checksum is SHA-256 over the decoded label bytes of the training split followed by the test
 * split's (the IDX headers left out, so a .gz and a raw copy of the same set agree).
 */
import { z } from 'zod';

/** The names file a dataset folder may carry. */
export const CLASS_NAMES_FILE = 'classes.txt';
/** Classes a dataset has (the app's networks have 10 outputs). */
export const CLASS_COUNT = 10;
/** The longest class name accepted. */
export const MAX_CLASS_NAME = 40;

/** The well-known sets, by the SHA-256 of their labels (train, then test). */
export const KNOWN_LABEL_SETS = {
  '671ff9d70b4811116d55c3dd479efa7a981e2e62753ef7a6d5c15fea81e63d27': 'mnist',
  '8ab940a680640f36c0bf1d2549cb2f3b3d4068c12547116cc7b1161b1d26663d': 'fashion-mnist',
} as const satisfies Record<string, string>;

/** A well-known set's name. */
export type KnownSet = (typeof KNOWN_LABEL_SETS)[keyof typeof KNOWN_LABEL_SETS];

/** Where a dataset's class names come from (see the order above). */
export type ClassNames =
  { source: 'user' | 'file'; names: string[] } | { source: 'known'; set: KnownSet } | { source: 'none' };

/** The well-known set whose labels have this checksum, if any. */
export function knownSetOf(checksum: string): KnownSet | null {
  return (KNOWN_LABEL_SETS as Record<string, KnownSet>)[checksum] ?? null;
}

/** A names file's text as its names; null when it does not hold exactly CLASS_COUNT usable names (why: the count). */
export function parseClassNames(text: string): { names: string[] } | { count: number } {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  while (lines.length > 0 && lines[lines.length - 1].trim() === '') lines.pop();
  const names = lines.map((l) => l.trim());
  if (names.length !== CLASS_COUNT || names.some((n) => n === '' || n.length > MAX_CLASS_NAME))
    return { count: names.length };
  return { names };
}

/** The names a user gives the classes (LabApi.setClassNames): CLASS_COUNT non-empty names, or null to forget them. */
export const classNamesSchema = z
  .array(z.string().trim().min(1, 'must not be empty').max(MAX_CLASS_NAME))
  .length(CLASS_COUNT)
  .nullable()
  .describe('class names');
