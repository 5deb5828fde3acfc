/**
 * What a weights or dataset file may make the decoders build, whatever it declares. Each limit is far
 * above what a real file needs (the book's networks, MNIST, the largest network the app trains: 8
 * hidden layers of 1,024) and far below what would swamp the app, so a hostile file is refused with
 * a message before it costs more time or memory than its size justifies.
 */

/** The arrays of one weights file together, in bytes as stored (the largest network trained here, 8 hidden layers of 1,024, is 65 MB in float64). */
export const MAX_ARRAY_BYTES = 80 * 1024 * 1024;

/** Values (objects, stack slots, memo entries) one pickle may create: a dict of arrays needs a few hundred. */
export const MAX_PICKLE_OBJECTS = 100_000;

/** Values a pickle may create per byte of its own size beyond a small allowance (each is one opcode). */
export function pickleObjectLimit(fileBytes: number): number {
  return Math.min(MAX_PICKLE_OBJECTS, 4096 + Math.floor(fileBytes / 16));
}

/** The longest integer a pickle may hold, in bytes (NumPy's shapes and Python's ints need 8 or 9). */
export const MAX_PICKLE_INT_BYTES = 64;

/** Entries one .npz may hold (a network has two or three arrays per layer). */
export const MAX_NPZ_ENTRIES = 1024;

/** The longest .npy header (NumPy itself refuses headers over 10,000 bytes by default). */
export const MAX_NPY_HEADER_BYTES = 65536;

/** JSON values (objects, arrays, numbers, strings...) one weights JSON may hold; its tensors are a few each. */
export const MAX_JSON_VALUES = 1_000_000;

/** How deeply a weights JSON may nest (the format itself needs 5 levels). */
export const MAX_JSON_DEPTH = 64;

/** The metrics a weights JSON may carry along, as JSON text (beyond this they are dropped: import never uses them). */
export const MAX_JSON_METRICS_CHARS = 4 * 1024 * 1024;

/** The training settings a weights JSON may carry, as JSON text (a TrainConfig is a few hundred characters). */
export const MAX_JSON_CONFIG_CHARS = 64 * 1024;

/** Pixels per dataset image: each image's non-zero pixels are indexed in 16 bits (MNIST has 784). */
export const MAX_IMAGE_PIXELS = 65_536;

/** Images in one dataset split (MNIST has 60,000; EMNIST's largest split 697,932). */
export const MAX_DATASET_IMAGES = 1_000_000;

/** The data of one IDX file, unpacked (MNIST's training images are 47 MB). */
export const MAX_IDX_BYTES = 512 * 1024 * 1024;
