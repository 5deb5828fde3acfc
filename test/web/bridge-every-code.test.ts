/**
 * Every code of the message catalogue, raised for real and received through the web bridge: a real
 * LabService behind the real server, reached by the browser's client over a real WebSocket. Each
 * trigger is what a user (or a stranger's file) can do: open a crafted weights file, point the app
 * at a crafted dataset folder, call the service in the wrong state, send the bridge bad frames. The
 * message that arrives is shown in en, ja and ko by the renderer's own localizer.
 *
 * A code no caller of the bridge can reach (an encoder's guard, a fault of the machine, a message
 * the browser makes itself) is listed in NOT_THROUGH_THE_BRIDGE with the reason and the test that
 * raises it instead; every code is in exactly one of the two tables, so a new code must be placed.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { deflateRawSync, gzipSync } from 'node:zlib';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { writeNpy } from '../../src/formats/npy';
import { writeNpz } from '../../src/formats/npz';
import { encodeWeightsJson } from '../../src/formats/weights-json';
import { LabService } from '../../src/main/lab/service';
import type { LabServiceOptions } from '../../src/main/lab/service-options';
import { startWebBridge, type WebBridge } from '../../src/main/web/server';
import { createWebLabClient, type SocketLike, type WebLabClient } from '../../src/renderer/bridge/web-client';
import { localizeMessage } from '../../src/renderer/i18n/messages';
import { decodeMessage, encodeMessage } from '../../src/shared/codec';
import { translator } from '../../src/shared/i18n';
import {
  isLabMessage,
  LabError,
  MESSAGE_TEMPLATES,
  type LabMessage,
  type MessageKey,
} from '../../src/shared/messages';
import type { LabEvent } from '../../src/shared/api';
import {
  deflatedZeros,
  npyHeader,
  npzLyingDirectory,
  npzSharedStream,
  npzStreamLongerThanDeclared,
  pickleEmptyDicts,
  pickleLong4,
  zipOf,
} from '../formats/hostile-files';
import { repoRoot } from '../formats/helpers';
import { makeRendererDir } from './helpers';

// --- a service behind a bridge, and its browser client ---------------------------------------------

interface Served {
  lab: LabService;
  bridge: WebBridge;
  client: WebLabClient;
  events: LabEvent[];
}
const opened: Served[] = [];
const renderer = makeRendererDir().rendererDir;

async function serve(options: LabServiceOptions = {}): Promise<Served> {
  const lab = new LabService({ warn: () => {}, ...options });
  const bridge = await startWebBridge(lab, { port: 0, rendererDir: renderer });
  const client = createWebLabClient(
    `ws://127.0.0.1:${bridge.port}/lab?token=${bridge.token}`,
    (url) => new WebSocket(url) as unknown as SocketLike,
  );
  const events: LabEvent[] = [];
  client.onEvent((event) => events.push(event));
  const served = { lab, bridge, client, events };
  opened.push(served);
  return served;
}
async function shut({ lab, bridge, client }: Served): Promise<void> {
  client.close();
  await bridge.close();
  await lab.close();
}

let main: Served;
beforeAll(async () => {
  main = await serve();
});
afterAll(async () => {
  for (const s of opened.splice(0)) await shut(s).catch(() => {});
});

/** The message a rejected promise carries (as data, from across the bridge). */
async function rejection(promise: Promise<unknown>): Promise<LabMessage> {
  const outcome = await promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
  if (!('error' in outcome)) throw new Error(`resolved with ${JSON.stringify(outcome.value)?.slice(0, 200)}`);
  expect(outcome.error).toBeInstanceOf(LabError);
  return (outcome.error as LabError).data;
}

/** The codes of a message and of its causes, outermost first. */
function codesOf(msg: LabMessage): MessageKey[] {
  const inner = Object.values(msg.params as Record<string, unknown>).filter(isLabMessage);
  return [msg.code, ...inner.flatMap(codesOf)];
}

// --- crafted bytes --------------------------------------------------------------------------------

const ascii = (s: string) => new TextEncoder().encode(s);
const bytes = (...parts: (Uint8Array | number[])[]) => Uint8Array.from(parts.flatMap((p) => Array.from(p)));
const u32 = (n: number) => [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, n >>> 24];
const i32 = (n: number) => u32(n >>> 0);

/** A pickle: PROTO 2, the body, STOP. */
const pickle = (...body: (Uint8Array | number[])[]) => bytes([0x80, 2], ...body, [0x2e]);
/** BINUNICODE: a string. */
const str = (s: string) => bytes([0x58], u32(ascii(s).length), ascii(s));
/** GLOBAL module.name. */
const global = (module: string, name: string) => bytes([0x63], ascii(`${module}\n${name}\n`));
/**
 * {key: ndarray} as NumPy pickles it: _reconstruct(ndarray, (0,), b'b'), then BUILD with
 * (1, shape, dtype(descr) built with `dtypeState`, False, `raw`); `raw` is the data opcodes.
 */
function arrayPickle(options: { shape: number[]; raw: number[] | Uint8Array; names?: number[] }): Uint8Array {
  const shape = bytes(...options.shape.map((d) => [0x4a, ...i32(d)]), [
    options.shape.length === 1 ? 0x85 : 0x86,
  ]);
  return pickle(
    [0x7d],
    str('W1'),
    global('numpy.core.multiarray', '_reconstruct'),
    global('numpy', 'ndarray'),
    [0x4b, 0, 0x85, 0x43, 1, 0x62, 0x87, 0x52], // (ndarray, (0,), b'b') REDUCE
    [0x28, 0x4b, 1],
    shape,
    global('numpy', 'dtype'),
    str('f4'),
    [0x89, 0x88, 0x87, 0x52], // dtype('f4', False, True)
    [0x28, 0x4b, 3],
    str('<'),
    [0x4e],
    options.names ?? [0x4e], // names: None, or something for a structured dtype
    [0x4e, 0x4a, ...i32(-1), 0x4a, ...i32(-1), 0x4b, 0, 0x74, 0x62], // fields, elsize, alignment, flags; BUILD
    [0x89],
    options.raw,
    [0x74, 0x62, 0x73], // TUPLE, BUILD, SETITEM
  );
}
const binbytes = (n: number) => bytes([0x42], u32(n), new Uint8Array(n));

/** A .npy file: magic, version, header length, the header text (padded as NumPy pads it), data. */
function npy(header: string, data: Uint8Array = new Uint8Array(0), major = 1): Uint8Array {
  const lengthSize = major === 1 ? 2 : 4;
  const unpadded = 6 + 2 + lengthSize + header.length + 1;
  const text = header + ' '.repeat((64 - (unpadded % 64)) % 64) + '\n';
  const length = major === 1 ? [text.length & 0xff, text.length >> 8] : u32(text.length);
  return bytes([0x93], ascii('NUMPY'), [major, 0], length, ascii(text), data);
}
const header = (descr: string, shape: string) =>
  `{'descr': '${descr}', 'fortran_order': False, 'shape': ${shape}, }`;

/** A network's tensors as an .npz: `sizes` chained, or the tensors given. */
interface T {
  name: string;
  shape: number[];
  data?: Float32Array;
}
function npzOf(tensors: T[]): Uint8Array {
  return writeNpz(
    tensors.map((t) => ({
      name: t.name,
      shape: t.shape,
      data:
        t.data ??
        Float32Array.from({ length: t.shape.reduce((a, b) => a * b, 1) }, (_, i) => Math.sin(i) / 10),
    })),
    { compress: false },
  );
}
function mlp(sizes: number[]): T[] {
  return sizes.slice(1).flatMap((m, l) => [
    { name: `W${l + 1}`, shape: [sizes[l], m] },
    { name: `b${l + 1}`, shape: [m] },
  ]);
}

/** IDX bytes: type 0x08 unless told, the dims, then `data` (zeros of the declared size by default). */
function idx(dims: number[], options: { type?: number; data?: Uint8Array; first?: number } = {}): Uint8Array {
  const head = [options.first ?? 0, 0, options.type ?? 0x08, dims.length];
  const size = dims.reduce((a, b) => a * b, 1);
  return bytes(
    head,
    ...dims.map((d) => [d >>> 24, (d >>> 16) & 0xff, (d >>> 8) & 0xff, d & 0xff]),
    options.data ?? new Uint8Array(size),
  );
}
interface Folder {
  trainImages?: Uint8Array;
  trainLabels?: Uint8Array;
  testImages?: Uint8Array;
  testLabels?: Uint8Array;
}
const FILES = {
  trainImages: 'train-images-idx3-ubyte',
  trainLabels: 'train-labels-idx1-ubyte',
  testImages: 't10k-images-idx3-ubyte',
  testLabels: 't10k-labels-idx1-ubyte',
} as const;
const root = mkdtempSync(path.join(tmpdir(), 'every-code-'));
let folders = 0;
/** A dataset folder of four small IDX files (10 training and 5 test images), with `changes` put in. */
function datasetFolder(changes: Folder, gz = false): string {
  const files: Required<Folder> = {
    trainImages: idx([10, 28, 28]),
    trainLabels: idx([10]),
    testImages: idx([5, 28, 28]),
    testLabels: idx([5]),
    ...changes,
  };
  const dir = path.join(root, `dataset-${++folders}`);
  mkdirSync(dir);
  for (const [key, file] of Object.entries(FILES)) {
    const data = files[key as keyof Folder];
    writeFileSync(path.join(dir, gz ? `${file}.gz` : file), data);
  }
  return dir;
}
/** The message the bridge brings back when the dataset in `folder` is asked for. */
async function datasetRefusal(folder: string): Promise<LabMessage> {
  const served = await serve({ datasetFolder: folder });
  const msg = await rejection(served.client.datasetInfo());
  await shut(served);
  opened.splice(opened.indexOf(served), 1);
  return msg;
}
const gzipWithSize = (data: Uint8Array, isize: number) => {
  const gz = gzipSync(data);
  new DataView(gz.buffer, gz.byteOffset).setUint32(gz.length - 4, isize, true);
  return gz;
};

// --- the triggers ---------------------------------------------------------------------------------

type Trigger = () => Promise<LabMessage>;
const open =
  (name: string, file: Uint8Array): Trigger =>
  () =>
    rejection(main.client.openWeights(name, file));

const TRIGGERS: Partial<Record<MessageKey, Trigger>> = {
  // Weights files, opened as the import dialog opens them
  cannotImport: open('w.npz', Uint8Array.of(1, 2, 3, 4)),
  notZip: open('w.npz', Uint8Array.of(1, 2, 3, 4)),
  unknownKind: open('weights.txt', ascii('just some text, not weights')),
  onnxImport: open('model.onnx', Uint8Array.of(8, 7, 18, 4)),
  npzDamaged: open('w.npz', bytes([0x50, 0x4b, 3, 4], new Uint8Array(40))),
  npzNoArrays: open('w.npz', zipSync({})),
  npzNotNpy: open('w.npz', zipSync({ 'readme.txt': ascii('hello') })),
  npzEntry: open('w.npz', zipSync({ 'W1.npy': ascii('not a npy file at all') })),
  npzTooManyEntries: open(
    'w.npz',
    zipOf(
      Array.from({ length: 1025 }, (_, i) => {
        const one = writeNpy({ shape: [1], data: new Float32Array(1) });
        return { name: `a${i}.npy`, method: 0 as const, data: one, size: one.length };
      }),
    ),
  ),
  npzHeadersDisagree: open('w.npz', npzLyingDirectory(false)),
  npzEntryOutside: open('w.npz', npzLyingDirectory(true)),
  npzOverlap: open('w.npz', npzSharedStream(4)),
  npzInflatesTooMuch: open('w.npz', npzStreamLongerThanDeclared()),
  npzSizeMismatch: open(
    'w.npz',
    (() => {
      const one = writeNpy({ shape: [4], data: new Float32Array(4) });
      return zipOf([{ name: 'W1.npy', method: 8, data: deflateRawSync(one), size: one.length + 4 }]);
    })(),
  ),
  npzArraysTooBig: open(
    'w.npz',
    (() => {
      // Five arrays of 20 MiB of zeros: each allowed, together over the cap.
      const head = npyHeader(5 << 20);
      const data = deflatedZeros(head, 20 << 20);
      const part = (i: number) => ({
        name: `W${i}.npy`,
        method: 8 as const,
        data,
        size: head.length + (20 << 20),
      });
      return zipOf([1, 2, 3, 4, 5].map(part));
    })(),
  ),
  notNpy: open('W1.npy', ascii('hello world, not numpy')),
  npyVersion: open('W1.npy', bytes([0x93], ascii('NUMPY'), [9, 0, 10, 0], ascii('{}        '))),
  npyNoHeaderLength: open('W1.npy', bytes([0x93], ascii('NUMPY'), [2, 0, 1, 0])),
  npyHeaderTruncated: open('W1.npy', bytes([0x93], ascii('NUMPY'), [1, 0, 100, 0], ascii("{'descr'"))),
  npyHeaderTooLong: open('W1.npy', bytes([0x93], ascii('NUMPY'), [2, 0], u32(1 << 30), ascii('{'))),
  npyHeaderSyntax: open(
    'W1.npy',
    npy("{'descr': __import__('os'), 'fortran_order': False, 'shape': (1,), }"),
  ),
  npyHeaderKey: open('W1.npy', npy("{'descr': '<f4', 'shape': (1,), }")),
  npyHeaderKeys: open('W1.npy', npy("{'descr': '<f4', 'fortran_order': False, 'shape': (1,), 'x': 'y', }")),
  unsupportedDtype: open('W1.npy', npy(header('<c8', '(1,)'), new Uint8Array(8))),
  npyTruncated: open('W1.npy', npy(header('<f4', '(10,)'), new Uint8Array(8))),
  npyTrailing: open('W1.npy', npy(header('<f4', '(1,)'), new Uint8Array(8))),
  arrayTooBig: open('W1.npy', npy(header('<f8', '(100000, 100000)'))),
  pickleTruncatedAt: open('w.pkl', bytes([0x80, 2, 0x58], u32(100), ascii('abc'))),
  pickleTruncated: open('w.pkl', bytes([0x80, 2, 0x7d])),
  pickleLineNoEnd: open('w.pkl', bytes([0x80, 2, 0x63], ascii('numpy'))),
  pickleBadUtf8: open('w.pkl', pickle([0x58], u32(2), [0xff, 0xfe])),
  pickleStackEmpty: open('w.pkl', bytes([0x80, 2, 0x2e])),
  pickleNoMark: open('w.pkl', pickle([0x7d, 0x75])),
  pickleMemo: open('w.pkl', pickle([0x68, 5])),
  pickleWrongOperand: open('w.pkl', pickle([0x5d, 0x28, 0x4b, 1, 0x4b, 2, 0x75])),
  pickleBuildTarget: open('w.pkl', pickle([0x7d, 0x7d, 0x62])),
  pickleNegativeLength: open('w.pkl', pickle([0x8b], u32(0xffffffff))),
  pickleProtocol: open('w.pkl', Uint8Array.of(0x80, 1, 0x2e)),
  pickleOutOfBand: open('w.pkl', bytes([0x80, 5, 0x97])),
  pickleOpcode: open('w.pkl', pickle([0x01])),
  pickleKeyNotString: open('w.pkl', pickle([0x7d, 0x4b, 1, 0x4b, 2, 0x73])),
  pickleNotDict: open('w.pkl', pickle([0x5d])),
  pickleNotArray: open('w.pkl', pickle([0x7d], str('W1'), str('x'), [0x73])),
  pickleGlobal: open('w.pkl', pickle(global('os', 'system'))),
  pickleHugeInt: open('w.pkl', pickleLong4()),
  pickleTooManyValues: open('w.pkl', pickleEmptyDicts()),
  pickleBadArray: open('w.pkl', pickle(global('numpy', 'dtype'), [0x4b, 1, 0x85, 0x52])),
  pickleCallRefused: open('w.pkl', pickle(global('numpy', 'ndarray'), [0x29, 0x52])),
  pickleLatin1: open('w.pkl', pickle(global('_codecs', 'encode'), str('a'), str('utf8'), [0x86, 0x52])),
  pickleLatin1Char: open('w.pkl', pickle(global('_codecs', 'encode'), str('Ā'), str('latin1'), [0x86, 0x52])),
  pickleObjectArray: open('w.pkl', arrayPickle({ shape: [1], raw: [0x5d] })),
  pickleStructured: open('w.pkl', arrayPickle({ shape: [1], raw: binbytes(4), names: [0x29] })),
  arrayDataSize: open('w.pkl', arrayPickle({ shape: [3], raw: binbytes(8) })),
  pickleBudget: open(
    'w.pkl',
    (() => {
      // One 4000-byte blob, memoised once, rebuilt into twenty arrays: more than twice the file.
      const blob = bytes(binbytes(4000), [0x71, 0, 0x30]);
      const one = (key: string) => {
        const whole = arrayPickle({ shape: [1000], raw: [0x68, 0] });
        return bytes(str(key), whole.subarray(2 + 1 + str('W1').length, whole.length - 2), [0x73]);
      };
      return pickle([0x7d], blob, ...Array.from({ length: 20 }, (_, k) => one(`a${k}`)));
    })(),
  ),
  jsonInvalid: open('w.json', ascii('{"format": ')),
  jsonTooDeep: open('w.json', ascii('['.repeat(200) + ']'.repeat(200))),
  jsonTooManyValues: open('w.json', ascii(`[${Array.from({ length: 1_100_000 }, () => '0').join(',')}]`)),
  jsonNotDocument: open('w.json', ascii('{"format": "something-else"}')),
  ...(() => {
    const doc = (tensors: unknown[], extra: Record<string, unknown> = {}) =>
      ascii(
        JSON.stringify({
          format: 'mnist-lab-weights',
          version: 1,
          architecture: { inputSize: 784, hidden: [4], outputSize: 10, activation: 'relu', batchNorm: false },
          tensors,
          ...extra,
        }),
      );
    const good = JSON.parse(
      new TextDecoder().decode(
        encodeWeightsJson(
          mlp([784, 4, 10]).map((t) => ({
            ...t,
            data: new Float32Array(t.shape.reduce((a, b) => a * b, 1)),
          })),
          {
            architecture: {
              inputSize: 784,
              hidden: [4],
              outputSize: 10,
              activation: 'relu',
              batchNorm: false,
            },
          },
        ),
      ),
    ) as { tensors: { name: string; shape: number[]; data: string }[] };
    const b1 = good.tensors[1];
    return {
      jsonBase64Length: open('w.json', doc([{ ...b1, data: b1.data + 'AAAA' }])),
      jsonBase64Invalid: open('w.json', doc([{ ...b1, data: '!' + b1.data.slice(1) }])),
      jsonDuplicateTensor: open('w.json', doc([b1, b1])),
      jsonConfigTooBig: open('w.json', doc(good.tensors, { config: { note: 'x'.repeat(300_000) } })),
    };
  })(),
  nonFiniteWeight: open(
    'w.npz',
    npzOf(
      mlp([784, 4, 10]).map((t, i) =>
        i === 0 ? { ...t, data: new Float32Array(784 * 4).fill(Number.NaN) } : t,
      ),
    ),
  ),
  wrongInputs: open('w.npz', npzOf(mlp([100, 4, 10]))),
  wrongOutputs: open('w.npz', npzOf(mlp([784, 4, 5]))),
  notDense: open(
    'w.npz',
    npzOf([{ name: 'W1', shape: [784, 2, 2] }, { name: 'b1', shape: [2] }, ...mlp([784, 2, 10]).slice(2)]),
  ),
  shapesDontChain: open(
    'w.npz',
    npzOf([...mlp([784, 4]), ...mlp([5, 10]).map((t) => ({ ...t, name: t.name.replace('1', '2') }))]),
  ),
  noBias: open('w.npz', npzOf(mlp([784, 4, 10]).filter((t) => t.name !== 'b2'))),
  biasSize: open(
    'w.npz',
    npzOf(mlp([784, 4, 10]).map((t) => (t.name === 'b1' ? { name: 'b1', shape: [3] } : t))),
  ),
  tooFewLayers: open('w.npz', npzOf(mlp([784, 10]))),
  emptyWeights: open('w.pkl', pickle([0x7d])),
  notTrainable: open('w.npz', npzOf(mlp([784, 2, 2, 2, 2, 2, 2, 2, 2, 2, 10]))),
  // The dataset folder (a folder of four IDX files, raw or .gz)
  folderNotFound: () => datasetRefusal(path.join(root, 'no-such-folder')),
  notMnistFolder: () => {
    const dir = path.join(root, 'empty');
    mkdirSync(dir, { recursive: true });
    return datasetRefusal(dir);
  },
  cannotReadPair: () =>
    datasetRefusal(datasetFolder({ trainLabels: idx([10], { data: new Uint8Array(10).fill(12) }) })),
  idxLabel: () =>
    datasetRefusal(datasetFolder({ trainLabels: idx([10], { data: new Uint8Array(10).fill(12) }) })),
  imageSizesDiffer: () => datasetRefusal(datasetFolder({ testImages: idx([5, 14, 14]) })),
  emptyDataset: () => datasetRefusal(datasetFolder({ testImages: idx([0, 28, 28]), testLabels: idx([0]) })),
  idxMagic: () => datasetRefusal(datasetFolder({ trainImages: idx([10, 28, 28], { first: 1 }) })),
  idxTruncated: () =>
    datasetRefusal(datasetFolder({ trainImages: idx([10, 28, 28], { data: new Uint8Array(100) }) })),
  idxCounts: () => datasetRefusal(datasetFolder({ trainLabels: idx([9]) })),
  idxTooBig: () =>
    datasetRefusal(
      datasetFolder({ trainImages: gzipSync(idx([1_000_000, 28, 28], { data: new Uint8Array(0) })) }),
    ),
  idxGzipTooLong: () =>
    datasetRefusal(
      datasetFolder({ trainImages: gzipSync(idx([1, 28, 28], { data: new Uint8Array(2 * 784) })) }),
    ),
  idxImageSize: () =>
    datasetRefusal(datasetFolder({ trainImages: idx([10, 0, 28]), testImages: idx([5, 0, 28]) })),
  idxTooManyImages: () =>
    datasetRefusal(datasetFolder({ trainImages: idx([1_000_001, 1, 1]), trainLabels: idx([1_000_001]) })),
  idxGzipDeclares: () =>
    datasetRefusal(datasetFolder({ trainImages: gzipWithSize(idx([10, 28, 28]), 0xfffffff0) })),
  idxGzipBroken: () =>
    datasetRefusal(
      datasetFolder({ trainImages: bytes([0x1f, 0x8b, 8, 0], new Uint8Array(30).fill(0xff), [0, 0, 0, 0]) }),
    ),
  idxTooShort: () => datasetRefusal(datasetFolder({ trainImages: Uint8Array.of(0, 0) })),
  idxType: () => datasetRefusal(datasetFolder({ trainImages: idx([10, 28, 28], { type: 0x0d }) })),
  idxDims: () => datasetRefusal(datasetFolder({ trainLabels: idx([10, 1, 1]) })),
  idxHeaderTruncated: () =>
    datasetRefusal(datasetFolder({ trainImages: Uint8Array.of(0, 0, 8, 3, 0, 0, 0, 10) })),
  idxTrailing: () => datasetRefusal(datasetFolder({ trainLabels: bytes(idx([10]), [1, 2, 3]) })),
  // Calls made in the wrong state, or with wrong arguments
  noRun: () => rejection(main.client.getWeights('no-such-run')),
  invalidArgument: () => rejection(main.client.pauseRun('../etc')),
  noDrawing: () => rejection(main.client.deleteDrawing('drawing-999-x')),
  noLongerOpen: () => rejection(main.client.importWeights('weights-999', { activation: 'relu' })),
  // A SimpleConvNet whose sizes are not whole numbers (cnnviews)
  convNotWhole: () => rejection(main.client.startRun({ arch: 'simple-convnet', filterSize: 5, stride: 2 })),
  poolNotWhole: () => rejection(main.client.startRun({ arch: 'simple-convnet', filterSize: 4, pool: 2 })),
  noDrawings: async () => {
    const served = await serve();
    const run = await served.client.startRun({ iterations: 20, evalEvery: 20, seed: 1 });
    return rejection(served.client.evaluateDrawings(run.id));
  },
  drawingsFull: async () => {
    const served = await serve();
    const pixels = new Uint8Array(784);
    for (let i = 0; i < 1000; i++) await served.client.addDrawing(pixels, i % 10);
    return rejection(served.client.addDrawing(pixels, 3));
  },
  wrongState: async () => {
    const served = await serve();
    const run = await served.client.startRun({ iterations: 1_000_000, evalEvery: 1_000_000, seed: 1 });
    await served.client.stopRun(run.id);
    await untilState(served, run.id, 'stopped', false);
    return rejection(served.client.pauseRun(run.id));
  },
  tooManyRuns: async () => {
    const served = await serve({ maxLiveRuns: 1 });
    await served.client.startRun({ iterations: 1_000_000, evalEvery: 1_000_000, seed: 1 });
    return rejection(served.client.startRun({ iterations: 1_000_000, evalEvery: 1_000_000, seed: 2 }));
  },
  divergedInfinite: async () => {
    const served = await serve();
    // The book's sum-of-squares loss at learning rate 10 overflows within a few dozen iterations.
    const run = await served.client.startRun({
      loss: 'identity-mse',
      learningRate: 10,
      iterations: 2000,
      evalEvery: 1000,
      seed: 1,
    });
    return untilState(served, run.id, 'diverged');
  },
  stoppedEarly: async () => {
    const served = await serve();
    // 1,000 images, 20 % held out, a learning rate high enough to bounce: the validation loss soon stops improving.
    const run = await served.client.startRun({
      trainSubset: 1000,
      validationSplit: 0.2,
      patience: 2,
      evalEvery: 8,
      learningRate: 2,
      iterations: 100_000,
      seed: 1,
    });
    return untilState(served, run.id, 'finished');
  },
  dataFolderInUse: async () => {
    const dir = path.join(root, 'shared-data');
    const holder = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(repoRoot, 'test/main/fixtures/lock-holder.ts'), dir],
      {
        cwd: repoRoot,
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    try {
      await new Promise<void>((resolve, reject) => {
        createInterface({ input: holder.stdout! }).once('line', () => resolve());
        holder.once('exit', (code) => reject(new Error(`the lock holder exited (${code})`)));
      });
      const second = await serve({ dataDir: dir });
      return await rejection(second.client.startRun({ iterations: 10, evalEvery: 10 }));
    } finally {
      holder.kill('SIGTERM');
    }
  },
  storageUnavailable: async () => {
    const file = path.join(root, 'a-file');
    writeFileSync(file, 'not a folder');
    const served = await serve({ dataDir: path.join(file, 'runs') });
    const { storageNotice } = await served.client.appInfo();
    if (!storageNotice) throw new Error('appInfo carries no storage notice');
    return storageNotice;
  },
  // The bridge itself
  unknownMethod: () => rawRequest({ id: 1, method: 'formatDisk', args: [] }),
  badRequest: () => rawRequest('a text frame'),
  clientClosed: async () => {
    const served = await serve();
    served.client.close();
    return rejection(served.client.listRuns());
  },
  tokenRefused: async () => {
    const client = createWebLabClient(
      `ws://127.0.0.1:${main.bridge.port}/lab?token=not-the-token`,
      (url) => new WebSocket(url) as unknown as SocketLike,
    );
    try {
      return await rejection(client.listRuns());
    } finally {
      client.close();
    }
  },
  connectionLost: async () => {
    const served = await serve();
    await served.client.listRuns();
    const lost = new Promise<LabMessage>((resolve) =>
      served.client.onEvent((event) => event.type === 'error' && resolve(event.message)),
    );
    await served.bridge.close();
    return lost;
  },
  // Look deeper (issue 13)
  hiddenLayerMissing: async () => {
    const served = await serve();
    const run = await served.client.startRun({ iterations: 20, evalEvery: 20, seed: 1 });
    return rejection(served.client.hiddenMap(run.id, 5));
  },
  // Gradient check in the app (issue 13)
  gradientCheckWhileTraining: async () => {
    const served = await serve();
    const run = await served.client.startRun({ iterations: 1_000_000, evalEvery: 1_000_000, seed: 1 });
    await untilState(served, run.id, 'training', false);
    const refused = await rejection(served.client.checkGradients(run.id));
    await served.client.stopRun(run.id);
    return refused;
  },
  gradientCheckBusy: async () => {
    const served = await serve();
    const run = await served.client.startRun({ iterations: 1, evalEvery: 1, seed: 1 });
    await untilState(served, run.id, 'finished', false);
    const long = served.client.checkGradients(run.id, { images: 10, entriesPerParam: 100_000 });
    long.catch(() => undefined);
    await new Promise<void>((resolve) =>
      served.client.onEvent((e) => e.type === 'gradient-check' && e.runId === run.id && resolve()),
    );
    const busy = await rejection(served.client.checkGradients(run.id));
    await served.client.cancelGradientCheck(run.id);
    return busy;
  },
  gradientCheckCancelled: async () => {
    const served = await serve();
    const run = await served.client.startRun({ iterations: 1, evalEvery: 1, seed: 1 });
    await untilState(served, run.id, 'finished', false);
    const long = served.client.checkGradients(run.id, { images: 10, entriesPerParam: 100_000 });
    await new Promise<void>((resolve) =>
      served.client.onEvent((e) => e.type === 'gradient-check' && e.runId === run.id && resolve()),
    );
    await served.client.cancelGradientCheck(run.id);
    return rejection(long);
  },
  // Class names for any dataset (issue 13)
  classNamesFile: () => {
    const dir = datasetFolder({});
    writeFileSync(path.join(dir, 'classes.txt'), 'zero\none\n');
    return datasetRefusal(dir);
  },
  // CNN weights in and out (cnnio): a filter bank whose shapes fit neither of the book's CNNs
  notBookConvNet: open(
    'cnn.npz',
    npzOf([
      { name: 'W1', shape: [30, 1, 5, 5] },
      { name: 'b1', shape: [30] },
      { name: 'W2', shape: [999, 100] },
      { name: 'b2', shape: [100] },
      { name: 'W3', shape: [100, 10] },
      { name: 'b3', shape: [10] },
    ]),
  ),
};

/** The message of the state event that takes run `runId` to `state` (or of its summary, when `withMessage` is false and there is none). */
function untilState(served: Served, runId: string, state: string, withMessage = true): Promise<LabMessage> {
  return new Promise((resolve, reject) => {
    const look = () => {
      const event = served.events.find(
        (e): e is Extract<LabEvent, { type: 'state' }> =>
          e.type === 'state' && e.runId === runId && e.state === state,
      );
      if (event?.message) return resolve(event.message);
      if (event && !withMessage) return resolve({ code: 'raw', params: { text: state } });
      if (event) return reject(new Error(`${state} without a message`));
      setTimeout(look, 50);
    };
    look();
  });
}

/** One frame sent on a raw authenticated socket (binary when `request` is an object), and the message answered. */
function rawRequest(request: object | string): Promise<LabMessage> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${main.bridge.port}/lab?token=${main.bridge.token}`);
    ws.on('open', () => ws.send(typeof request === 'string' ? request : encodeMessage(request as never)));
    ws.on('message', (data: Buffer) => {
      const answer = decodeMessage(new Uint8Array(data)) as { id?: number; error?: LabMessage };
      if (answer.error === undefined) return;
      ws.close();
      resolve(answer.error);
    });
    ws.on('error', reject);
  });
}

/**
 * Codes that no caller of the web bridge can raise, why, and where each is raised instead.
 */
const NOT_THROUGH_THE_BRIDGE: Partial<Record<MessageKey, string>> = {
  divergedNaN:
    'the same divergence as divergedInfinite, when the loss turns NaN before it overflows: test/renderer/i18n.test.ts (divergedMessage)',
  threadCrashed: 'a training thread that throws outside its run loop: src/main/lab/run-workers.ts',
  threadExited: 'a killed training thread: test/main/service.test.ts ("whose worker is killed")',
  evaluatorFailed: 'a failure of the evaluation thread, a fault of the machine: src/worker/run-loop.ts',
  runCouldNotStart: 'a worker whose kernels cannot load: src/worker/index.ts',
  noWeightsYet:
    'a past run with no saved weights file, which the service never leaves behind: src/main/lab/run-workers.ts',
  noWorker: 'a run whose worker is gone between two calls (a race): src/main/lab/run-entry.ts',
  workerGone: 'the same race, inside a call: src/main/lab/run-workers.ts',
  interrupted: 'a service killed mid-run: test/main/history.test.ts (a real killed process)',
  drawingNotSaved: 'an unwritable drawings file (root writes anywhere): test/main/drawings.test.ts',
  drawingsNotMoved: 'an unreadable drawings file that also cannot be renamed: test/main/drawings.test.ts',
  drawingsUnreadable: 'told to the log when the service starts, not to a caller: test/main/drawings.test.ts',
  fileTooBig:
    'a weights file over 256 MiB (MAX_WEIGHTS_BYTES), more than a test should send: src/main/lab/pending-weights.ts',
  decodeTimedOut:
    'a file the format limits let through yet decodes for 5 s: none is known; test/main/decode-worker.test.ts',
  decodeOutOfMemory: 'the same, over 256 MiB: test/main/decode-worker.test.ts',
  decodeFailed:
    'the decoding thread dying of something other than its deadline or memory cap: src/main/lab/decode-off-thread.ts',
  jsonBase64Bytes: 'base64 of the right length always decodes to the right size; a guard',
  jsonTensorShape: 'the JSON schema refuses a bad shape before this guard: src/formats/weights-json.ts',
  invalidShape: "every reader checks a shape's integers before this guard: src/formats/ndarray.ts",
  valuesVsShape:
    "an encoder's guard: the service hands the encoders its own runs' tensors; src/formats/npy.ts, pickle-writer.ts, weights-json.ts",
  exportNeedsArchitecture:
    "an encoder's guard (the service always knows a run's architecture): test/formats/weights.test.ts",
  npyOneArray: "an encoder's guard (the app exports whole networks): test/formats/weights.test.ts",
  unknownFormat: 'the bridge validates the format first (invalidArgument): test/formats/weights.test.ts',
  pickleHugeArray: 'needs a 4 GiB array: src/formats/pickle-writer.ts',
  pickleWriteProtocol: "an encoder's guard: test/formats/pickle.test.ts",
  onnxNotDense: "an encoder's guard (the service exports a run's own dense network): src/formats/onnx.ts",
  onnxBias: "an encoder's guard: src/formats/onnx.ts",
  onnxChain: "an encoder's guard: src/formats/onnx.ts",
  onnxBatchNorm: "an encoder's guard: src/formats/onnx.ts",
  onnxNoW1: "an encoder's guard: src/formats/onnx.ts",
  onnxActivation:
    "an encoder's guard (the activation is validated where the run's config enters): src/formats/onnx.ts",
  saveFailed: 'a save dialog whose target cannot be written: desktop only; test/main/weights-dialogs.test.ts',
  permissionDenied:
    'a cause (why) of a failed write, for a user who is not root: src/main/lab/atomic-file.ts',
  folderMissing: 'a cause of a failed write: test/main/weights-dialogs.test.ts',
  diskFull: 'a cause of a failed write on a full disk (a mounted tmpfs): test/main/data-folder.test.ts',
  diskReadOnly: 'a cause of a failed write on a read-only disk: src/main/lab/atomic-file.ts',
  readFailed:
    'a weights file the desktop dialog cannot read: desktop only; test/main/weights-dialogs.test.ts',
  runNotSaved: 'a full disk while a run trains: test/main/data-folder.test.ts',
  runSavedAgain: 'the same, once space returns: test/main/data-folder.test.ts',
  importNotSaved: 'a full disk during an import: test/main/data-folder.test.ts',
  fileUnreadable: "the browser's FileReader failing: made in the renderer, src/renderer",
  chartNoCanvas: 'made in the renderer when a chart is saved as PNG',
  chartNotEncoded: 'made in the renderer when a chart is saved as PNG',
  chartNotDrawn: 'made in the renderer when a chart is saved as PNG',
  selectRunFirst:
    'made in the renderer by a menu command when no run is selected: src/renderer/store/connectMenu.ts',
  refusedSender: 'Electron IPC only (a call from another frame): src/main/electron/ipc.ts',
  unknownLanguage: 'Electron IPC only (the menu language): src/main/electron/ipc.ts',
  httpMethodNotAllowed: 'an HTTP page of the bridge, not a LabApi message: test/web/bridge-security.test.ts',
  httpUnknownHost: 'an HTTP page of the bridge: test/web/bridge-security.test.ts',
  httpBadTarget: 'an HTTP page of the bridge: test/web/bridge-fuzz.test.ts',
  httpNeedsToken: "an HTTP page of the bridge, in the browser's language: test/web/bridge-security.test.ts",
  httpNotFound: "an HTTP page of the bridge, in the browser's language: test/web/bridge-security.test.ts",
  httpServerError: 'an HTTP page of the bridge when reading a file fails: src/main/web/server.ts',
  servePort: "npm run serve's console: test/e2e/serve.test.ts",
  serveNoRenderer: "npm run serve's console: src/main/web/serve.ts",
  serveCouldNotStart: "npm run serve's console: test/e2e/serve.test.ts",
  serveRunsFolder: "npm run serve's console: test/e2e/serve.test.ts",
  serveRunning: "npm run serve's console: test/e2e/serve.test.ts",
  serveServing: "npm run serve's console: test/e2e/serve.test.ts",
  serveStopping: "npm run serve's console: src/main/web/serve.ts",
  serveUsage: "npm run serve's console: src/main/web/serve.ts",
  pythonExportUnsupported:
    'a notebook or script of a config naming an architecture without Python (every architecture the app trains has it): test/main/python-export.test.ts',
  datasetTimedOut:
    'a dataset folder that takes the loader thread past its deadline: test/main/dataset-off-thread.test.ts',
  datasetOutOfMemory:
    "a dataset folder over the loader thread's heap cap: test/main/dataset-off-thread.test.ts",
  datasetLoaderFailed: 'the dataset loader thread dying otherwise: src/main/lab/load-off-thread.ts',
  idxFileTooBig:
    'a raw IDX file over the absolute size limit (512 MiB), too big to write in a test here: test/main/dataset-off-thread.test.ts',
  raw: "a library's own words without a code of their own; every trigger above would fail if it came as raw",
  // Gradient check in the app (issue 13)
  gradientCheckFailed:
    'the gradient-check thread dying (out of memory, a crash): src/main/lab/gradient-checks.ts',
};

const ALL = Object.keys(MESSAGE_TEMPLATES) as MessageKey[];
const t = { en: translator('en'), ja: translator('ja'), ko: translator('ko') };

describe('every code of the catalogue through the web bridge', () => {
  it('each code is raised here or says why not, never both', () => {
    const unplaced = ALL.filter((c) => !(c in TRIGGERS) && !(c in NOT_THROUGH_THE_BRIDGE));
    const twice = ALL.filter((c) => c in TRIGGERS && c in NOT_THROUGH_THE_BRIDGE);
    expect(unplaced, 'codes with neither a trigger nor a reason').toEqual([]);
    expect(twice).toEqual([]);
    expect(Object.keys(TRIGGERS).length).toBeGreaterThan(ALL.length * 0.6);
  });

  it.each(Object.keys(TRIGGERS) as MessageKey[])(
    '%s arrives as data and reads in en, ja and ko',
    async (code) => {
      const msg = await TRIGGERS[code]!();
      expect(codesOf(msg)).toContain(code);
      const shown = {
        en: localizeMessage(msg, t.en),
        ja: localizeMessage(msg, t.ja),
        ko: localizeMessage(msg, t.ko),
      };
      for (const [language, text] of Object.entries(shown)) {
        expect(text, `${language}: ${text}`).not.toMatch(/\{\{|msg\./);
        expect(text.length).toBeGreaterThan(0);
      }
      expect(shown.ja).not.toBe(shown.en);
      expect(shown.ko).not.toBe(shown.en);
      expect(shown.ja).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
      expect(shown.ko).toMatch(/[\uac00-\ud7af]/);
    },
    60_000,
  );
});
