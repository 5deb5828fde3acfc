/**
 * One writer per run-history folder: the desktop app, `npm run serve` and the CLI may all be
 * pointed at the same folder, and two of them writing the same run files would corrupt each other.
 * The first takes `<folder>/.lock` (created exclusively, holding who took it); a second one finds
 * it held and opens the folder read-only. A lock whose process is gone (a crash, a kill) is stale
 * and taken over.
 */
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';

/** Who holds a folder's lock. */
export interface LockHolder {
  pid: number;
  host: string;
  /** What took it: "the desktop app", "npm run serve", "npm run train", ... */
  app: string;
  /** When, ms since the epoch. */
  since: number;
}

export type LockResult = { ok: true; release: () => void } | { ok: false; holder: LockHolder };

export const LOCK_FILE = '.lock';

/** True when process `pid` exists on this machine (EPERM: it exists, we may not signal it). */
function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The lock file's holder, or null when it is unreadable or not ours to trust (torn, edited). */
function readHolder(file: string): LockHolder | null {
  try {
    const value = JSON.parse(readFileSync(file, 'utf8')) as Partial<LockHolder>;
    if (!Number.isSafeInteger(value.pid) || typeof value.host !== 'string') return null;
    return {
      pid: value.pid as number,
      host: value.host,
      app: typeof value.app === 'string' ? value.app : 'MNIST Lab',
      since: typeof value.since === 'number' ? value.since : 0,
    };
  } catch {
    return null;
  }
}

/** Creates the lock file exclusively; false when it already exists. */
function create(file: string, holder: LockHolder): boolean {
  let fd: number;
  try {
    fd = openSync(file, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    writeSync(fd, JSON.stringify(holder));
  } finally {
    closeSync(fd);
  }
  return true;
}

/**
 * Takes the lock of `folder` for this process (`app` says who we are), or reports who holds it.
 * A holder on another machine (a shared folder) is respected whatever its pid; on this machine a
 * holder whose process is gone, or an unreadable lock file, is stale and replaced.
 */
export function lockDataFolder(folder: string, app: string): LockResult {
  mkdirSync(folder, { recursive: true });
  const file = path.join(folder, LOCK_FILE);
  const me: LockHolder = { pid: process.pid, host: hostname(), app, since: Date.now() };
  for (let attempt = 0; attempt < 2; attempt++) {
    if (create(file, me)) {
      let released = false;
      const release = (): void => {
        if (released) return;
        released = true;
        process.off('exit', release);
        // Only our own lock: a stale-lock takeover by someone else must not be undone.
        if (readHolder(file)?.pid === me.pid) rmSync(file, { force: true });
      };
      process.on('exit', release);
      return { ok: true, release };
    }
    const holder = readHolder(file);
    const stale =
      holder === null || (holder.host === me.host && (holder.pid === me.pid || !processAlive(holder.pid)));
    if (!stale) return { ok: false, holder };
    rmSync(file, { force: true });
  }
  // Someone else took the stale lock between our two attempts.
  const holder = readHolder(file);
  return { ok: false, holder: holder ?? { pid: 0, host: me.host, app: 'MNIST Lab', since: 0 } };
}
