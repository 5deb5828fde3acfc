/**
 * The main window's size and position, remembered across starts in userData/window-state.json.
 * Written atomically (temp file + rename), and checked on the way back in: a corrupt file or a
 * window on a monitor that is no longer there falls back to a sane default.
 */
import { renameSync, writeFileSync } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';

export interface WindowState {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

/** A display's usable area (Electron's screen.getAllDisplays()[i].workArea). */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const DEFAULT_WINDOW_STATE: WindowState = { width: 1280, height: 840, maximized: false };
/** Smallest window the layout works in. */
export const MIN_WIDTH = 900;
export const MIN_HEIGHT = 600;

const isInt = (v: unknown): v is number => Number.isSafeInteger(v);

/** Parses saved JSON into a WindowState; anything malformed gives the default. */
export function parseWindowState(text: string): WindowState {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ...DEFAULT_WINDOW_STATE };
  }
  if (raw === null || typeof raw !== 'object') return { ...DEFAULT_WINDOW_STATE };
  const { x, y, width, height, maximized } = raw as Record<string, unknown>;
  if (!isInt(width) || !isInt(height)) return { ...DEFAULT_WINDOW_STATE };
  const state: WindowState = {
    width: Math.max(MIN_WIDTH, Math.min(width, 10_000)),
    height: Math.max(MIN_HEIGHT, Math.min(height, 10_000)),
    maximized: maximized === true,
  };
  if (isInt(x) && isInt(y)) Object.assign(state, { x, y });
  return state;
}

/**
 * Keeps the window where the user can reach it: if its top-left area lies on no display, the
 * position is dropped (the OS centres it) and the size shrinks to the primary work area.
 */
export function fitToDisplays(state: WindowState, workAreas: Rect[]): WindowState {
  if (workAreas.length === 0) return state;
  const primary = workAreas[0];
  const width = Math.min(state.width, Math.max(MIN_WIDTH, primary.width));
  const height = Math.min(state.height, Math.max(MIN_HEIGHT, primary.height));
  if (state.x === undefined || state.y === undefined) return { ...state, width, height };
  // The title bar (top 40 px, at least 100 px of it across) must be on some display.
  const { x, y } = state;
  const visible = workAreas.some(
    (a) => x + 100 > a.x && x + 100 < a.x + a.width && y >= a.y && y + 40 <= a.y + a.height,
  );
  return visible ? state : { width, height, maximized: state.maximized };
}

/** Reads the saved state (the default when there is no file yet or it is unreadable). */
export async function readWindowState(file: string, workAreas: Rect[]): Promise<WindowState> {
  try {
    return fitToDisplays(parseWindowState(await readFile(file, 'utf8')), workAreas);
  } catch {
    return fitToDisplays({ ...DEFAULT_WINDOW_STATE }, workAreas);
  }
}

/** Writes the state atomically: a crash mid-write leaves the old file, never half a file. */
export async function writeWindowState(file: string, state: WindowState): Promise<void> {
  const temp = `${file}.${process.pid}.${Date.now()}.tmp`;
  await writeFile(temp, JSON.stringify(state, null, 2) + '\n', 'utf8');
  await rename(temp, file);
}

/**
 * The same, synchronously: for the window's last save as it closes, which on quit (Ctrl+Q, Cmd-Q)
 * comes just before the process exits, too late for an asynchronous write to be sure to finish.
 */
export function writeWindowStateSync(file: string, state: WindowState): void {
  const temp = `${file}.${process.pid}.${Date.now()}.tmp`;
  writeFileSync(temp, JSON.stringify(state, null, 2) + '\n', 'utf8');
  renameSync(temp, file);
}
