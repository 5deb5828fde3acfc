/**
 * Atomic file writes: the bytes go to a temp file in the same folder, are flushed to disk, then
 * renamed over the target. A rename within one folder is atomic, so a crash or a kill leaves
 * either the old file or the new one, never half of either.
 */
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { messageText } from '../../shared/messages';

let counter = 0;

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
