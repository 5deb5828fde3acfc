/**
 * The catalogue of what the service, the worker, the bridges and the file readers tell a user:
 * one English template per code, with i18next-style `{{placeholders}}`. A message travels as data,
 * `{ code, params }`, across every boundary (worker -> service -> IPC / web bridge -> renderer) and
 * becomes words only where it is shown: the renderer through `msg.<code>` of its dictionary, main's
 * logs and the CLI through `messageText` (the English here).
 *
 * The params of a code are its placeholders, typed: a `detail` or `why` is itself a message (the
 * cause, translated too); a `text` or `cause` is a library's own words (fflate's, JSON.parse's,
 * Node's), shown as they are.
 */
export const MESSAGE_TEMPLATES = {
  // Training runs
  divergedNaN:
    'loss became NaN at iteration {{iteration}}: the learning rate ({{lr}}) is probably too high; try {{safer}} or lower',
  divergedInfinite:
    'loss became infinite at iteration {{iteration}}: the learning rate ({{lr}}) is probably too high; try {{safer}} or lower',
  stoppedEarly: 'Stopped early: the validation loss has not improved for {{patience}} evaluations.',
  threadCrashed: 'The training thread crashed: {{detail}}',
  threadExited: 'The training thread exited unexpectedly (exit code {{code}}).',
  evaluatorFailed: 'The evaluation thread failed: {{detail}}',
  runCouldNotStart: 'The run could not start: {{detail}}',
  tooManyRuns:
    'At most {{max}} runs can train at once. Stop one, or wait until one finishes, before starting another.',
  noWeightsYet: '{{name}} has no live worker and no saved weights (none were reached yet).',
  wrongState: '{{name}} is {{state}}; only a starting, training, paused or imported run accepts this.',
  noWorker: '{{name}} has no live worker (it is {{state}}).',
  noRun: 'No run with id {{id}}.',
  interrupted: 'The app stopped while this run was training; its saved epochs are kept.',
  // The personal test set
  noDrawings: 'Your test set is empty: draw a digit and say which it was first.',
  noDrawing: 'No drawing with id {{id}}.',
  drawingsFull: 'Your test set holds {{max}} drawings, the most it can; delete some first.',
  drawingNotSaved: 'Your test set could not be saved in {{file}}: {{why}}. It is unchanged.',
  drawingsNotMoved:
    'Your saved test set ({{file}}) could not be read ({{detail}}) nor set aside ({{why}}); it is left as it is and new drawings are kept only until the app closes.',
  drawingsUnreadable:
    'Your saved test set ({{file}}) could not be read: {{detail}}. It was kept as {{backup}}.',
  // Weights files
  fileTooBig: '{{name}} is {{size}} bytes; weights files up to {{max}} bytes are accepted.',
  cannotImport: '{{name}} cannot be imported: {{detail}}',
  noLongerOpen: 'That weights file is no longer open; open it again.',
  wrongInputs: 'W1 takes {{inputs}} inputs but MNIST images have {{pixels}} pixels (28x28).',
  wrongOutputs: 'The last layer has {{outputs}} outputs; MNIST needs {{classes}} (one per digit).',
  notTrainable: 'This network cannot be trained here: {{detail}}',
  notBookConvNet:
    "These convolutional weights are not the book's SimpleConvNet (W1 (FN, 1, F, F), W2 (FN·S·S, hidden), W3 (hidden, 10)) or DeepConvNet: {{shapes}}.",
  notDense: '{{W}} has shape {{shape}}; only fully-connected networks (every W 2-D) can be evaluated here.',
  shapesDontChain:
    'The shapes do not chain: {{previous}} ends in {{outputs}} outputs but {{weight}} takes {{inputs}} inputs.',
  noBias: '{{W}} has no bias {{b}}.',
  biasSize: '{{b}} has {{count}} values but {{weight}} has {{outputs}} outputs.',
  tooFewLayers: 'Expected at least W1, b1, W2, b2 (a network with a hidden layer); the file holds {{names}}.',
  emptyWeights: 'Expected at least W1, b1, W2, b2 (a network with a hidden layer); the file holds nothing.',
  unknownKind:
    'Cannot tell what kind of weights file {{name}} is: expected mnist-lab JSON, NumPy .npz or .npy, a Python pickle (.pkl) or ONNX.',
  onnxImport:
    'ONNX files can be exported but not imported (batch norm is folded into them); import the .json, .npz or .pkl export instead.',
  notZip: 'Not an .npz file: it is not a zip archive.',
  npzDamaged: 'The .npz archive is damaged or truncated: {{cause}}.',
  npzNoArrays: 'The .npz archive holds no arrays.',
  // Notebooks and NumPy scripts (src/main/lab/python-export)
  pythonExportUnsupported:
    'A {{architecture}} network cannot be exported as {{format}} (only the MLP, simple-convnet and deep-convnet runs can); export its weights (.npz, .pkl or .json) instead.',
  npzNotNpy: 'The .npz archive holds {{name}}, which is not a .npy file.',
  npzEntry: 'In {{name}}: {{detail}}',
  unsupportedDtype:
    "Unsupported NumPy dtype '{{dtype}}': only numeric arrays (f4, f8, u1, i1, u2, i2, u4, i4, i8, u8, b1) can be loaded.",
  npyTruncated:
    'Truncated .npy file: shape ({{shape}}) of {{dtype}} needs {{needs}} of data, only {{present}} are present.',
  npyTrailing: 'The .npy file has {{extra}} of unexpected data after the array.',
  arrayDataSize: 'Array data has {{has}} but shape ({{shape}}) of {{dtype}} needs {{needs}}.',
  pickleGlobal: 'pickle refers to {{global}}, which is not allowed: only NumPy arrays can be loaded.',
  pickleNotDict: 'The pickle does not hold a dict of arrays (like {"W1": array, "b1": array, ...}).',
  pickleNotArray: "The pickled value '{{name}}' is not a NumPy array.",
  pickleTruncatedAt: 'Truncated pickle: {{what}} at offset {{offset}} needs {{needs}}, only {{left}} left.',
  pickleTruncated: 'Truncated pickle: it ends at offset {{offset}} without a STOP opcode.',
  npzTooManyEntries:
    'The .npz archive lists {{count}} entries; at most {{max}} are read (a network has two or three arrays per layer).',
  npzHeadersDisagree:
    "The .npz entry {{name}} is described differently by the archive's directory and by its own header; the file is corrupt or hostile.",
  npzEntryOutside:
    'The .npz entry {{name}} declares {{size}} of compressed data, more than the archive holds for it; the file is corrupt or hostile.',
  npzOverlap:
    'The .npz entries {{first}} and {{second}} share the same bytes; the file is corrupt or hostile.',
  npzInflatesTooMuch:
    'The .npz entry {{name}} inflates to more than the {{expected}} it declares ({{more}} so far); the file is corrupt or hostile.',
  npzSizeMismatch:
    "The .npz entry {{name}} declares {{declared}} in the archive's directory, but its array needs {{needs}}.",
  npzArraysTooBig:
    'The arrays of this .npz need more than {{max}} in all; the weights of a network trained here need far less.',
  npyHeaderTooLong: 'The .npy header is {{size}} long; headers over {{max}} are refused.',
  arrayTooBig:
    'An array of shape ({{shape}}) of {{dtype}} needs {{size}}; a weights file may hold at most {{max}} of arrays.',
  jsonTooManyValues:
    'The weights JSON holds more than {{max}} values; a weights file needs far fewer (its tensors are base64 text).',
  jsonTooDeep: 'The weights JSON nests deeper than {{max}} levels; a weights file needs five.',
  jsonConfigTooBig:
    'The training settings in the weights JSON are {{size}} characters long; at most {{max}} are read.',
  nonFiniteWeight:
    'Tensor {{name}} holds {{value}} at index {{index}}: weights must be finite numbers (the run that saved them had probably diverged).',
  decodeTimedOut:
    'Decoding took longer than {{seconds}} s, more than any weights file needs; it was stopped.',
  decodeOutOfMemory:
    'Decoding needs more than {{max}} MiB of memory, more than any weights file needs; it was stopped.',
  decodeFailed: 'The thread decoding the file failed: {{cause}}',
  datasetTimedOut:
    'Reading the dataset took longer than {{seconds}} s, more than any MNIST-format folder needs; it was stopped.',
  datasetOutOfMemory:
    'Reading the dataset needs more than {{max}} MiB of memory, more than any MNIST-format folder needs; it was stopped.',
  datasetLoaderFailed: 'The thread reading the dataset failed: {{cause}}',
  idxFileTooBig: '{{file}} is {{size}} long; an IDX file may hold at most {{max}} of data.',
  pickleHugeInt:
    'The pickle holds an integer of {{bytes}} bytes at offset {{offset}}; integers over {{max}} bytes are refused (a dict of NumPy arrays needs none).',
  pickleTooManyValues:
    'The pickle creates more than {{max}} values for its {{size}} (a dict of NumPy arrays needs a few hundred); it is corrupt or hostile.',
  jsonInvalid: 'The weights file is not valid JSON: {{cause}}',
  // Weights files: how a malformed file is described
  pickleLineNoEnd: 'Truncated pickle: the text line at offset {{offset}} has no end.',
  pickleBadUtf8: 'The pickle holds a string that is not valid UTF-8.',
  pickleStackEmpty: 'Malformed pickle: the stack is empty at offset {{offset}}.',
  pickleNoMark: 'Malformed pickle: no MARK before offset {{offset}}.',
  pickleMemo: 'Malformed pickle: memo entry {{index}} is read before it is written.',
  pickleWrongOperand:
    'Malformed pickle: the {{opcode}} instruction at offset {{offset}} is given values it cannot work on.',
  pickleBuildTarget: 'Malformed pickle: BUILD applies state to something that is not a NumPy array or dtype.',
  pickleNegativeLength: 'Malformed pickle: a negative length at offset {{offset}}.',
  pickleProtocol: 'Unsupported pickle protocol {{protocol}}: protocols 2 to 5 can be read.',
  pickleOutOfBand:
    'This pickle keeps its arrays out of band (protocol 5 buffers), which cannot be loaded from a file.',
  pickleOpcode:
    'Unsupported pickle opcode {{opcode}} at offset {{offset}}: only protocol 2 to 5 pickles of NumPy arrays can be read.',
  pickleKeyNotString: 'The pickled dict has a key that is not a string ({{key}}).',
  pickleBudget:
    'The pickle asks for more memory than its own size justifies ({{size}} more); it may be corrupt or hostile.',
  pickleBadArray:
    'A NumPy array in the pickle is malformed ({{part}}); the file is corrupt or was not written by NumPy.',
  pickleCallRefused: '{{call}} cannot be called this way in a weights pickle.',
  pickleLatin1: "codecs.encode is only allowed with a string and 'latin1' (got {{encoding}}).",
  pickleLatin1Char: 'codecs.encode: a latin-1 string holds a character above U+00FF.',
  pickleObjectArray: 'NumPy object arrays are not supported: only numeric arrays can be loaded.',
  pickleStructured: "NumPy structured dtypes are not supported (dtype '{{dtype}}').",
  npyHeaderSyntax: 'The .npy header cannot be read at character {{at}}: {{header}}',
  npyHeaderKey: "The .npy header has no valid '{{key}}' entry.",
  npyHeaderKeys: 'The .npy header has unexpected keys: {{keys}}.',
  notNpy: 'Not a .npy file: it does not start with \\x93NUMPY.',
  npyVersion: 'Unsupported .npy version {{version}}: versions 1.0, 2.0 and 3.0 can be read.',
  npyNoHeaderLength: 'Truncated .npy file: the header length is missing.',
  npyHeaderTruncated: 'Truncated .npy file: the header declares {{declared}}, only {{present}} are present.',
  invalidShape: 'Invalid array shape ({{shape}}): dimensions must be non-negative integers.',
  jsonBase64Length:
    'Tensor {{name}}: its data has {{length}} base64 characters, but its shape needs {{count}} float32 values ({{expected}} characters).',
  jsonBase64Invalid: 'Tensor {{name}}: its data is not valid base64.',
  jsonBase64Bytes: 'Tensor {{name}}: its data decodes to {{length}} bytes, expected {{expected}}.',
  jsonNotDocument: 'The weights JSON is not a valid mnist-lab-weights v1 document: {{issues}}.',
  jsonDuplicateTensor: 'Tensor {{name}} appears twice.',
  jsonTensorShape: 'Tensor {{name}}: {{detail}}',
  // Writing weights files
  valuesVsShape: 'Tensor {{name}} has {{count}} values but shape ({{shape}}).',
  exportNeedsArchitecture: 'The {{format}} format needs the network architecture.',
  npyOneArray: 'A .npy file holds one array, not {{count}}: use .npz for a whole network.',
  unknownFormat: "Unknown weights format '{{format}}': choose one of {{formats}}.",
  pickleHugeArray: 'Arrays of 4 GiB or more need pickle protocol 4.',
  pickleWriteProtocol: 'Unsupported pickle protocol {{protocol}}: choose 2, 3 or 4.',
  onnxNotDense:
    'W{{layer}} has shape ({{shape}}); ONNX export needs a fully connected network with 2-D weights.',
  onnxBias: 'b{{layer}} is missing or does not have {{count}} values to match W{{layer}}.',
  onnxChain: 'W{{layer}} expects {{inputs}} inputs but layer {{previous}} has {{outputs}} outputs.',
  onnxBatchNorm:
    'Layer {{layer}} has gamma{{layer}} but not all of beta{{layer}}, runningMean{{layer}}, runningVar{{layer}}.',
  onnxNoW1: 'No W1 tensor: ONNX export needs the weights of a fully connected network (W1, b1, W2, b2, ...).',
  onnxActivation: "Unsupported activation '{{activation}}' for ONNX export.",
  // Datasets
  folderNotFound: 'Dataset folder not found: {{folder}}',
  notMnistFolder:
    '{{folder}} is not an MNIST folder: missing {{missing}} (raw or .gz). It needs the four IDX files {{files}}.',
  cannotReadPair: 'Cannot read {{files}}: {{detail}}',
  imageSizesDiffer: 'Training images are {{train}} but test images are {{test}}; they must match.',
  emptyDataset: '{{folder}} holds {{train}} training and {{test}} test images; both must be non-empty.',
  idxMagic:
    'Not an IDX file: the magic number is {{magic}}, expected 0x00000801 (labels) or 0x00000803 (images).',
  idxTruncated:
    'Truncated IDX file: the header declares {{dims}} = {{declared}} of data, but only {{present}} are present.',
  idxCounts: 'The image file holds {{images}} images but the label file holds {{labels}} labels.',
  idxTooBig: 'The IDX file declares {{size}} of data; at most {{max}} are read.',
  idxGzipTooLong:
    'The gzip file unpacks to more than the {{size}} its IDX header declares; it is corrupt or hostile.',
  idxImageSize: 'The images are {{rows}}x{{cols}} pixels; images of 1 to {{max}} pixels can be used.',
  idxTooManyImages: 'The image file holds {{count}} images; at most {{max}} can be used.',
  idxLabel: 'Label {{index}} is {{label}}; MNIST labels must be digits 0 to 9.',
  idxGzipDeclares:
    'The gzip file declares {{declared}} unpacked, more than its {{size}} can hold; it is corrupt or truncated.',
  idxGzipBroken: 'The file looks gzipped but cannot be unpacked: {{cause}}',
  idxTooShort: 'Not an IDX file: it is only {{size}} long (the header alone needs 4).',
  idxType: 'Unsupported IDX data type {{type}} (magic {{magic}}); only unsigned bytes (0x08) are supported.',
  idxDims:
    'Wrong number of dimensions: the file has {{ndim}} (magic {{magic}}), expected {{expected}} (magic {{expectedMagic}}).',
  idxHeaderTruncated: 'Truncated IDX header: {{ndim}} dimensions need {{needs}}, the file has {{size}}.',
  idxTrailing: 'The IDX file has {{extra}} of trailing data after the {{dims}} declared in its header.',
  // Files on disk
  saveFailed: 'Could not save {{file}}: {{why}}. Nothing was written; choose another place.',
  permissionDenied: 'permission denied',
  folderMissing: 'the folder does not exist',
  diskFull: 'the disk is full',
  diskReadOnly: 'the disk is read-only',
  readFailed: 'Could not read {{file}}: {{detail}}',
  dataFolderInUse:
    'The run history in {{folder}} is in use by {{app}} (process {{pid}}), so this one only shows it: close the other one to train, import or change runs here.',
  storageUnavailable: 'Runs cannot be saved in {{folder}}: {{why}}. They are kept only until the app closes.',
  runNotSaved:
    '{{name}} could not be saved ({{why}}); it goes on in memory and is saved again as soon as writing works.',
  runSavedAgain: '{{name}} is saved again.',
  importNotSaved: 'The imported network could not be saved ({{why}}); nothing was imported.',
  fileUnreadable: 'The file could not be read.',
  chartNoCanvas: 'No 2D canvas to draw the chart on.',
  chartNotEncoded: 'The chart could not be encoded as PNG.',
  chartNotDrawn: 'The chart could not be drawn.',
  // The browser's connection to the web bridge
  selectRunFirst: 'Select a run first.',
  connectionLost: 'The connection to MNIST Lab was lost; reconnecting.',
  clientClosed: 'The MNIST Lab client is closed.',
  tokenRefused: 'MNIST Lab refused this page’s token. Open the address printed by `npm run serve` again.',
  // The web bridge's own pages, and npm run serve's words
  httpMethodNotAllowed: 'Method not allowed: MNIST Lab serves its pages to GET and HEAD only.',
  httpUnknownHost: "Forbidden: this address is not MNIST Lab's own (unknown host).",
  httpBadTarget: 'Bad request: the address cannot be read.',
  httpNeedsToken: 'Forbidden: open the address with its ?token=... as printed by npm run serve.',
  httpNotFound: 'Not found: {{path}}',
  httpServerError: 'MNIST Lab could not answer: {{cause}}',
  servePort: '--port must be an integer from 0 to 65535, got "{{port}}".',
  serveNoRenderer: 'The built renderer is missing ({{folder}}). Run: npm run build',
  serveCouldNotStart: 'MNIST Lab could not start: {{detail}}',
  serveRunsFolder: 'Runs are saved in {{folder}}',
  serveRunning: 'MNIST Lab is running at {{url}}',
  serveServing: '(serving {{folder}} on 127.0.0.1 only; press Ctrl+C to stop)',
  serveStopping: 'Stopping MNIST Lab…',
  serveUsage: 'Usage: npm run serve -- [--port N] [--dataset MNIST_FOLDER] [--data-dir RUNS_FOLDER]',
  // Calls that arrive wrong (a bug or a foreign client), and errors nobody catalogued
  invalidArgument: 'Invalid {{argument}}: {{issues}}',
  unknownMethod: 'Unknown method: {{method}}',
  badRequest: 'Malformed request: {{text}}',
  refusedSender: 'Refused {{method}}: the call did not come from the MNIST Lab window',
  unknownLanguage: 'Unknown language {{language}}: expected one of {{languages}}',
  workerGone: 'The run has no live worker any more.',
  // CNN settings that cannot build a network (the panel's architecture controls, startRun)
  convNotWhole:
    'The convolution output size (H + 2·pad − filter) / stride + 1 = ({{side}} + 2·{{pad}} − {{filter}}) / {{stride}} + 1 = {{size}} is not a whole number (book §7.2.4): the filter would not step across the image exactly. Change the filter size, pad or stride.',
  poolNotWhole:
    'The {{size}}×{{size}} convolution output cannot be split into {{pool}}×{{pool}} pooling windows: {{size}} / {{pool}} is not a whole number (book §7.3). Change the pool size, or the filter size, pad or stride.',
  // Look deeper (issue 13)
  hiddenLayerMissing: 'This network has no hidden layer {{layer}}: it has {{count}}.',
  raw: '{{text}}',
  // Gradient check in the app (issue 13)
  gradientCheckWhileTraining:
    '{{name}} is training, so its weights change under the check: pause it (or let it finish) first.',
  gradientCheckBusy: 'A gradient check of {{name}} is already running; wait for it or cancel it.',
  gradientCheckCancelled: 'The gradient check was cancelled.',
  gradientCheckFailed: 'The gradient check failed: {{detail}}',
  // Class names for any dataset (issue 13)
  classNamesFile:
    '{{file}} must name the 10 classes, one per line (label 0 first, each at most 40 characters); it holds {{count}} usable lines.',
} as const;

export type MessageKey = keyof typeof MESSAGE_TEMPLATES;

/** The placeholders of a template, as a union of their names. */
type Placeholders<T extends string> = T extends `${string}{{${infer Name}}}${infer Rest}`
  ? Name | Placeholders<Rest>
  : never;

/** Placeholders whose value is itself a message (a cause), translated along with the outer one. */
export const NESTED_PARAMS = ['detail', 'why'] as const;
type NestedName = (typeof NESTED_PARAMS)[number];

/** The params of code `K`: one per placeholder; a cause (`detail`, `why`) is a message itself. */
export type MessageParams<K extends MessageKey> = {
  [P in Placeholders<(typeof MESSAGE_TEMPLATES)[K]>]: P extends NestedName ? LabMessage : string | number;
};

/** A message as data: its code and its params, typed per code. */
export type LabMessage = { [K in MessageKey]: { code: K; params: MessageParams<K> } }[MessageKey];

/** The arguments after a code: its params, optional when it has none. */
type ParamsArg<K extends MessageKey> = keyof MessageParams<K> extends never ? [] : [MessageParams<K>];

/** Builds the message `code` with `params` (typed per code). */
export function message<K extends MessageKey>(code: K, ...params: ParamsArg<K>): LabMessage {
  return { code, params: params[0] ?? {} } as LabMessage;
}

/** A library's (or Node's) own words as a message, shown as they are. */
export function rawMessage(text: string): LabMessage {
  return { code: 'raw', params: { text } };
}

const PLACEHOLDER = /\{\{(\w+)\}\}/g;

/** The English text of a message (or of code `K` with its params), its causes too. A placeholder without a value stays visible. */
export function messageText(msg: LabMessage): string;
export function messageText<K extends MessageKey>(code: K, ...params: ParamsArg<K>): string;
export function messageText(first: LabMessage | MessageKey, ...rest: unknown[]): string {
  const msg = (typeof first === 'string' ? { code: first, params: rest[0] ?? {} } : first) as LabMessage;
  const params = msg.params as Record<string, string | number | LabMessage>;
  return MESSAGE_TEMPLATES[msg.code].replace(PLACEHOLDER, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'object' ? messageText(value) : String(value);
  });
}

/** A rejection that carries its message as data; `message` is the English text (logs, the CLI). */
export class LabError extends Error {
  readonly code: MessageKey;
  readonly params: LabMessage['params'];

  constructor(readonly data: LabMessage) {
    super(messageText(data));
    this.name = 'LabError';
    this.code = data.code;
    this.params = data.params;
  }

  /** The error `code` with `params`. */
  static of<K extends MessageKey>(code: K, ...params: ParamsArg<K>): LabError {
    return new LabError(message(code, ...params));
  }
}

/** True when `value` is a message as data (a LabError's, or one that crossed a boundary). */
export function isLabMessage(value: unknown): value is LabMessage {
  if (value === null || typeof value !== 'object') return false;
  const { code, params } = value as { code?: unknown; params?: unknown };
  return (
    typeof code === 'string' &&
    Object.hasOwn(MESSAGE_TEMPLATES, code) &&
    params !== null &&
    typeof params === 'object'
  );
}

/** Anything thrown, as a message: a LabError's own, else the thrown text as a raw message. */
export function toLabMessage(error: unknown): LabMessage {
  if (error instanceof LabError) return error.data;
  if (isLabMessage(error)) return error;
  if (error instanceof Error) return rawMessage(error.message || error.name);
  return rawMessage(typeof error === 'string' ? error : 'Unknown error');
}
