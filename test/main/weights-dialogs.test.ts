/**
 * Desktop export and import through main's dialogs (a stand-in for Electron's dialog, the only mock):
 * the save dialog proposes "<run name>.<ext>", the file is written atomically where chosen, a cancel
 * writes nothing, an unwritable place gets a clear message and leaves no file; the open dialog reads
 * the chosen file into openWeights. The ipc adapter routes exportWeights to the dialog version.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeWeights } from '../../src/formats/index';
import { desktopHandlers, type NativeDialogs } from '../../src/main/electron/desktop-methods';
import { registerLabHandlers, type InvokeEventLike } from '../../src/main/electron/ipc';
import { translator } from '../../src/shared/i18n';
import { readWeightsWithDialog, saveWeightsWithDialog } from '../../src/main/electron/weights-dialogs';
import { LabService } from '../../src/main/lab/service';
import { bookDir } from '../formats/helpers';
import { settleOutcome, type IpcOutcome } from '../../src/shared/lab-channels';
import { LabError, toLabMessage } from '../../src/shared/messages';

/** What the preload and the renderer's bridge make of an ipc answer: its value, or a LabError. */
const answered = (reply: Promise<unknown>): Promise<unknown> =>
  reply
    .then((outcome) => settleOutcome(outcome as IpcOutcome))
    .catch((error: unknown) => {
      throw new LabError(toLabMessage(error));
    });

const samplePkl = path.join(bookDir, 'sample_weight.pkl');

describe('weights through main-process dialogs', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mnist-dialogs-'));
  const lab = new LabService();
  const opening: NativeDialogs = {
    showOpenDialog: async () => ({ canceled: false, filePaths: [samplePkl] }),
    showSaveDialog: async () => ({ canceled: true }),
  };
  let runId = '';
  beforeAll(async () => {
    const preview = await desktopHandlers(lab, opening, () => translator('en')).chooseWeightsFile();
    expect(preview).toMatchObject({
      fileName: 'sample_weight.pkl',
      sizes: [784, 50, 100, 10],
      suggestedActivation: 'sigmoid',
    });
    runId = (await lab.importWeights(preview!.pendingId, { activation: 'sigmoid', name: 'Book net' })).id;
  }, 60_000);
  afterAll(async () => {
    await lab.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('proposes "<run name>.npz" and writes the file where the dialog says, nothing else', async () => {
    let proposed = '';
    const target = path.join(dir, 'mine.npz');
    const saved = await saveWeightsWithDialog(lab, runId, 'npz', async (o) => {
      proposed = o.defaultPath;
      return { canceled: false, filePath: target };
    });
    expect(proposed).toBe('Book-net.npz');
    expect(saved).toEqual({ fileName: 'mine.npz', savedTo: target });
    expect(decodeWeights(new Uint8Array(readFileSync(target)), target).tensors).toHaveLength(6);
    expect(readdirSync(dir)).toEqual(['mine.npz']); // no temp file left behind
  }, 30_000);

  it('offers every format, the requested first; the chosen extension decides what is written', async () => {
    let offered: string[] = [];
    const asOnnx = path.join(dir, 'chosen.onnx');
    const saved = await saveWeightsWithDialog(lab, runId, 'npz', async (o) => {
      offered = o.filters.map((f) => f.extensions[0]);
      return { canceled: false, filePath: asOnnx };
    });
    expect(offered).toEqual(['npz', 'pkl', 'json', 'onnx', 'ipynb', 'py']);
    expect(saved).toEqual({ fileName: 'chosen.onnx', savedTo: asOnnx });
    const onnx = new Uint8Array(readFileSync(asOnnx));
    expect(onnx[0]).toBe(0x08); // ModelProto field 1 (ir_version), not a zip's "PK"
    expect(Buffer.from(onnx).includes(Buffer.from('Gemm'))).toBe(true);
    // A name without a known extension gets the requested format's.
    const plain = path.join(dir, 'plain');
    await saveWeightsWithDialog(lab, runId, 'pkl', async () => ({ canceled: false, filePath: plain }));
    const pkl = new Uint8Array(readFileSync(`${plain}.pkl`));
    expect(decodeWeights(pkl, 'plain.pkl').tensors).toHaveLength(6);
    rmSync(asOnnx);
    rmSync(`${plain}.pkl`);
  }, 30_000);

  it('a notebook through the dialog: its own title and prose in the UI language; a .py name writes the training script', async () => {
    let title = '';
    let offered: string[] = [];
    const notebookFile = path.join(dir, 'notes.ipynb');
    const ja = translator('ja');
    const saved = await saveWeightsWithDialog(
      lab,
      runId,
      'ipynb',
      async (o) => {
        title = o.title;
        offered = o.filters.map((f) => f.extensions[0]);
        return { canceled: false, filePath: notebookFile };
      },
      ja,
      'ja',
    );
    expect(title).toBe(ja('menu.exportNotebookTitle'));
    expect(offered[0]).toBe('ipynb');
    expect(saved).toEqual({ fileName: 'notes.ipynb', savedTo: notebookFile });
    const notebook = JSON.parse(readFileSync(notebookFile, 'utf8')) as {
      nbformat: number;
      cells: { source: string[] }[];
    };
    expect(notebook.nbformat).toBe(4);
    expect(notebook.cells[1].source.join('')).toContain(`## ${ja('notebook.settingsHeading')}`);
    const scriptFile = path.join(dir, 'train.py');
    await saveWeightsWithDialog(
      lab,
      runId,
      'ipynb',
      async () => ({ canceled: false, filePath: scriptFile }),
      ja,
      'ja',
    );
    const script = readFileSync(scriptFile, 'utf8');
    expect(script).toMatch(/^#!\/usr\/bin\/env python3\n/);
    expect(script).toContain('hidden_size_list=[50, 100]');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    rmSync(notebookFile);
    rmSync(scriptFile);
  }, 30_000);

  it('a cancelled dialog writes nothing and resolves null', async () => {
    const before = readdirSync(dir);
    expect(await saveWeightsWithDialog(lab, runId, 'pkl', async () => ({ canceled: true }))).toBeNull();
    expect(readdirSync(dir)).toEqual(before);
  }, 30_000);

  it('an unwritable place: a clear message and nothing half-written', async () => {
    const missing = path.join(dir, 'no-such-folder', 'w.json');
    await expect(
      saveWeightsWithDialog(lab, runId, 'json', async () => ({ canceled: false, filePath: missing })),
    ).rejects.toThrow(/Could not save .*w\.json: the folder does not exist\. Nothing was written/);
    const blocker = path.join(dir, 'a-file');
    writeFileSync(blocker, 'x');
    const under = path.join(blocker, 'w.onnx');
    await expect(
      saveWeightsWithDialog(lab, runId, 'onnx', async () => ({ canceled: false, filePath: under })),
    ).rejects.toThrow(/Could not save/);
    expect(readdirSync(dir).sort()).toEqual(['a-file', 'mine.npz']);
    expect(readFileSync(blocker, 'utf8')).toBe('x');
  }, 30_000);

  it('the ipc adapter sends exportWeights to the dialog version (a wrong format refused before it opens) and everything else to the service', async () => {
    const handlers = new Map<string, (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>>();
    const ipc = {
      handle: (c: string, l: (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>) =>
        handlers.set(c, l),
      removeHandler: (c: string) => handlers.delete(c),
    };
    const target = path.join(dir, 'via-ipc.pkl');
    let saveDialogs = 0;
    const saving: NativeDialogs = {
      ...opening,
      showSaveDialog: async () => (saveDialogs++, { canceled: false, filePath: target }),
    };
    registerLabHandlers(
      ipc,
      lab,
      () => true,
      desktopHandlers(lab, saving, () => translator('en')),
    );
    const event = { senderFrame: { url: 'file:///index.html' } };
    expect(await answered(handlers.get('lab:exportWeights')!(event, runId, 'pkl'))).toEqual({
      fileName: 'via-ipc.pkl',
      savedTo: target,
    });
    expect(existsSync(target)).toBe(true);
    expect(
      handlers.has('lab:openWeights') &&
        handlers.has('lab:importWeights') &&
        handlers.has('lab:chooseWeightsFile'),
    ).toBe(true);
    const runs = (await answered(handlers.get('lab:listRuns')!(event))) as { id: string }[];
    expect(runs.map((r) => r.id)).toEqual([runId]);
    // A wrong format is refused where the call arrives, before any dialog opens.
    await expect(answered(handlers.get('lab:exportWeights')!(event, runId, 'h5'))).rejects.toThrow(
      /Invalid weights format/,
    );
    expect(saveDialogs).toBe(1);
  }, 30_000);

  it('an unreadable chosen file is a clear message; a cancelled open dialog is null', async () => {
    await expect(
      readWeightsWithDialog(async () => ({ canceled: false, filePaths: [path.join(dir, 'gone.pkl')] })),
    ).rejects.toThrow(/Could not read .*gone\.pkl/);
    expect(await readWeightsWithDialog(async () => ({ canceled: true, filePaths: [] }))).toBeNull();
  });
});
