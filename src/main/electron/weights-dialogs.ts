/**
 * The desktop side of weights files: main shows the dialogs and touches the file system, the
 * renderer only names a run and a format. Exports are written atomically (temp file + rename in the
 * chosen folder), so an unwritable place gets a clear message and nothing half-written.
 * Electron-free (structural dialog types), so tests drive it with a stand-in dialog.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { ExportedWeights } from '../../shared/api';
import type { LabHandlers } from '../../shared/lab-methods';
import {
  EXPORT_FORMATS,
  EXPORT_FORMAT_INFO,
  exportFormatOfFile,
  type WeightsFormat,
} from '../../shared/weights-formats';
import type { UiLanguage } from '../../shared/shell';
import { describeWriteError, writeFileAtomic } from '../lab/atomic-file';
import type { TFunction } from 'i18next';
import { translator } from '../../shared/i18n';
import { LabError, message, toLabMessage } from '../../shared/messages';

/** The part of Electron's dialog.showSaveDialog result we read. */
export interface SaveDialogResult {
  canceled: boolean;
  filePath?: string;
}
/** The part of Electron's dialog.showOpenDialog result we read. */
export interface OpenDialogResult {
  canceled: boolean;
  filePaths: string[];
}
/** A filter as Electron's dialogs take it. */
export interface FileFilter {
  name: string;
  extensions: string[];
}

/**
 * Asks where to save, then writes the run's weights (or notebook, or script, its prose in
 * `language`) there; null when the dialog is cancelled.
 * The dialog offers every format, the requested one first; the extension of the chosen name
 * decides what is written (a name without a known extension gets the requested one appended).
 */
export async function saveWeightsWithDialog(
  lab: Pick<LabHandlers, 'exportWeights'>,
  runId: string,
  requested: WeightsFormat,
  showSaveDialog: (options: {
    title: string;
    defaultPath: string;
    filters: FileFilter[];
  }) => Promise<SaveDialogResult>,
  t: TFunction = translator('en'),
  language?: UiLanguage,
): Promise<ExportedWeights | null> {
  let exported = await lab.exportWeights(runId, requested, language);
  if (!exported?.bytes) throw new Error('The weights could not be encoded.');
  const result = await showSaveDialog({
    title: t(EXPORT_FORMAT_INFO[requested].titleKey),
    defaultPath: exported.fileName,
    filters: [requested, ...EXPORT_FORMATS.filter((f) => f !== requested)].map((f) => ({
      name: t(`menu.format.${f}`),
      extensions: [f],
    })),
  });
  if (result.canceled || !result.filePath) return null;
  const named = exportFormatOfFile(result.filePath);
  const target = named ? result.filePath : `${result.filePath}.${requested}`;
  if (named && named !== requested) {
    exported = await lab.exportWeights(runId, named, language);
    if (!exported?.bytes) throw new Error('The weights could not be encoded.');
  }
  try {
    writeFileAtomic(target, exported.bytes);
  } catch (error) {
    throw describeWriteError(target, error);
  }
  return { fileName: path.basename(target), savedTo: target };
}

/** The largest weights file the open dialog reads. */
const MAX_OPEN_BYTES = 256 * 1024 * 1024;

/** Asks for a weights file and reads it; null when cancelled. Throws a readable message when it cannot be read. */
export async function readWeightsWithDialog(
  showOpenDialog: (options: {
    title: string;
    properties: ['openFile'];
    filters: FileFilter[];
  }) => Promise<OpenDialogResult>,
  t: TFunction = translator('en'),
): Promise<{ fileName: string; bytes: Uint8Array } | null> {
  const result = await showOpenDialog({
    title: t('menu.importWeightsTitle'),
    properties: ['openFile'],
    filters: [
      { name: `${t('menu.weightsFiles')} (.npz, .pkl, .json)`, extensions: ['npz', 'pkl', 'pickle', 'json'] },
    ],
  });
  if (result.canceled || result.filePaths.length === 0) return null;
  const file = result.filePaths[0];
  try {
    const size = statSync(file).size;
    if (size > MAX_OPEN_BYTES)
      throw new Error(`it is ${size} bytes; weights files up to ${MAX_OPEN_BYTES} bytes are accepted`);
    return { fileName: path.basename(file), bytes: new Uint8Array(readFileSync(file)) };
  } catch (error) {
    throw new LabError(message('readFailed', { file, detail: toLabMessage(error) }));
  }
}
