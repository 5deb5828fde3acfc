/**
 * The desktop side of weights files: main shows the dialogs and touches the file system, the
 * renderer only names a run and a format. Exports are written atomically (temp file + rename in the
 * chosen folder), so an unwritable place gets a clear message and nothing half-written.
 * Electron-free (structural dialog types), so tests drive it with a stand-in dialog.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { ExportedWeights, LabApi, WeightsFormat } from '../../shared/api';
import { describeWriteError, writeFileAtomic } from '../lab/atomic-file';
import { SHELL_LABELS, type ShellLabels } from './menu-labels';

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

const FORMAT_NAMES: Record<WeightsFormat, string> = {
  npz: 'NumPy weights (.npz)',
  pkl: 'Python pickle (.pkl)',
  json: 'MNIST Lab JSON (.json)',
  onnx: 'ONNX model (.onnx)',
};

/** Asks where to save, then writes the run's weights there; null when the dialog is cancelled. */
export async function saveWeightsWithDialog(
  lab: Pick<LabApi, 'exportWeights'>,
  runId: unknown,
  format: unknown,
  showSaveDialog: (options: {
    title: string;
    defaultPath: string;
    filters: FileFilter[];
  }) => Promise<SaveDialogResult>,
  labels: Pick<ShellLabels, 'exportWeightsTitle'> = SHELL_LABELS.en,
): Promise<ExportedWeights | null> {
  const exported = await lab.exportWeights(runId as string, format as WeightsFormat); // validates both
  if (!exported?.bytes) throw new Error('The weights could not be encoded.');
  const chosen = format as WeightsFormat;
  const result = await showSaveDialog({
    title: labels.exportWeightsTitle,
    defaultPath: exported.fileName,
    filters: [{ name: FORMAT_NAMES[chosen], extensions: [chosen] }],
  });
  if (result.canceled || !result.filePath) return null;
  const target = path.extname(result.filePath) ? result.filePath : `${result.filePath}.${chosen}`;
  try {
    writeFileAtomic(target, exported.bytes);
  } catch (error) {
    throw new Error(describeWriteError(target, error));
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
  labels: Pick<ShellLabels, 'importWeightsTitle' | 'weightsFiles'> = SHELL_LABELS.en,
): Promise<{ fileName: string; bytes: Uint8Array } | null> {
  const result = await showOpenDialog({
    title: labels.importWeightsTitle,
    properties: ['openFile'],
    filters: [
      { name: `${labels.weightsFiles} (.npz, .pkl, .json)`, extensions: ['npz', 'pkl', 'pickle', 'json'] },
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
    throw new Error(`Could not read ${file}: ${(error as Error).message}`);
  }
}
