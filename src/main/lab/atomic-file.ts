/**
 * Atomic file writes: the bytes go to a temp file in the same folder, are flushed to disk, then
 * renamed over the target, and the folder is flushed too (so the rename itself survives a power
 * cut). A rename within one folder is atomic, so a crash or a kill leaves either the old file or
 * the new one, never half of either; a temp file a crash left behind is swept at the next start.
 */
import {
  closeSync,
  fsyncSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  writeSync,
  type Dirent,
} from 'node:fs';
import path from 'node:path';
import { messageText } from '../../shared/messages';

let counter = 0;

/** The temp files writeFileAtomic makes: `.<name>.<pid>.<n>.tmp`. */
const TEMP_FILE = /^\..+\.\d+\.\d+\.tmp$/;

/** Flushes a folder's entries (a rename) to disk; a no-op where folders cannot be opened (Windows). */
function fsyncFolder(folder: string): void {
  let fd: number | null = null;
  try {
    fd = openSync(folder, 'r');
    fsyncSync(fd);
  } catch {
    // EISDIR / EPERM on platforms without directory fsync: the rename is still atomic.
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

/**
 * Removes the temp files that interrupted writes left in `folder` and its direct subfolders (a run
 * folder each). Call it only while holding the folder's lock: then no write of ours is in flight.
 * Returns how many were removed.
 */
export function sweepStaleTemps(folder: string): number {
  let removed = 0;
  const sweep = (dir: string, depth: number): void => {
    let names: Dirent[];
    try {
      names = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of names) {
      const full = path.join(dir, entry.name);
      if (entry.isFile() && TEMP_FILE.test(entry.name)) {
        rmSync(full, { force: true });
        removed++;
      } else if (entry.isDirectory() && depth > 0) sweep(full, depth - 1);
    }
  };
  sweep(folder, 1);
  return removed;
}

/** Writes `bytes` (or UTF-8 text) to `file` atomically; on failure removes the temp file and rethrows. */
export function writeFileAtomic(file: string, bytes: Uint8Array | string): void {
  const data = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes;
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${counter++}.tmp`);
  let fd: number | null = null;
  try {
    fd = openSync(tmp, 'w');
    let offset = 0;
    while (offset < data.length) offset += writeSync(fd, data, offset, data.length - offset);
    fsyncSync(fd);
    closeSync(fd);
    fd = null;
    renameSync(tmp, file);
    fsyncFolder(path.dirname(file));
  } catch (error) {
    if (fd !== null) closeSync(fd);
    rmSync(tmp, { force: true });
    throw error;
  }
}

/** Why a write failed, in words (permission denied, the disk is full, ...), else the system's message. */
export function writeErrorReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'EACCES' || code === 'EPERM'
    ? messageText('permissionDenied')
    : code === 'ENOENT'
      ? messageText('folderMissing')
      : code === 'ENOSPC'
        ? messageText('diskFull')
        : code === 'EROFS'
          ? messageText('diskReadOnly')
          : (error as Error).message;
}

/** A readable line for a failed save: what could not be written, where, and why. */
export function describeWriteError(file: string, error: unknown): string {
  return messageText('saveFailed', { file, why: writeErrorReason(error) });
}
