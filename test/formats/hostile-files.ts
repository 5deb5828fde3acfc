/**
 * Hostile weights files, built byte by byte for the tests (test/formats/hostile.test.ts and the
 * decode worker's test): each is small, and each once cost minutes or gigabytes to refuse.
 */
import { constants, deflateRawSync } from 'node:zlib';
import { writeNpy } from '../../src/formats/npy';

const u32 = (n: number) => {
  const b = new Uint8Array(4);
  new DataView(b.buffer).setUint32(0, n, true);
  return b;
};
const u16 = (n: number) => Uint8Array.of(n & 0xff, n >> 8);
const ascii = (s: string) => new TextEncoder().encode(s);

/** Concatenates byte arrays. */
export function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) out.set(p, (at += p.length) - p.length);
  return out;
}

/** A protocol-2 pickle of one LONG4 integer `bytes` long (1 MB: minutes of BigInt shifts before). */
export function pickleLong4(bytes = 1 << 20): Uint8Array {
  return concat(Uint8Array.of(0x80, 2, 0x8b), u32(bytes), new Uint8Array(bytes).fill(1), Uint8Array.of(0x2e));
}

/** A protocol-2 pickle of `count` EMPTY_DICT opcodes (3 MB: millions of Maps before). */
export function pickleEmptyDicts(count = 3 << 20): Uint8Array {
  return concat(Uint8Array.of(0x80, 2), new Uint8Array(count).fill(0x7d), Uint8Array.of(0x2e));
}

/** One entry of a hand-made zip: what its local header and its central directory record say. */
export interface ZipPart {
  name: string;
  method: 0 | 8;
  /** The entry's bytes as stored (deflated for method 8). */
  data: Uint8Array;
  /** Inflated size in the local header and the directory (the directory's may be overridden). */
  size: number;
  /** Directory overrides: a different compressed or inflated size, or another entry's local header. */
  directory?: { compressed?: number; size?: number; sameAs?: number };
  /** False: no local header or data of its own (its directory record uses `sameAs`). */
  local?: boolean;
}

/** A zip archive of `parts`, laid out in order; the directory says what each part's `directory` says. */
export function zipOf(parts: ZipPart[]): Uint8Array {
  const locals: Uint8Array[] = [];
  const offsets: number[] = [];
  let at = 0;
  for (const p of parts) {
    offsets.push(at);
    if (p.local === false) continue;
    const name = ascii(p.name);
    const header = concat(
      u32(0x04034b50),
      u16(20),
      u16(0),
      u16(p.method),
      u16(0),
      u16(0),
      u32(0),
      u32(p.data.length),
      u32(p.size),
      u16(name.length),
      u16(0),
      name,
    );
    locals.push(header, p.data);
    at += header.length + p.data.length;
  }
  const central = parts.map((p, i) => {
    const name = ascii(p.name);
    const d = p.directory ?? {};
    return concat(
      u32(0x02014b50),
      u16(20),
      u16(20),
      u16(0),
      u16(p.method),
      u16(0),
      u16(0),
      u32(0),
      u32(d.compressed ?? p.data.length),
      u32(d.size ?? p.size),
      u16(name.length),
      u16(0),
      u16(0),
      u16(0),
      u16(0),
      u32(0),
      u32(offsets[d.sameAs ?? i]),
      name,
    );
  });
  const directory = concat(...central);
  const end = concat(
    u32(0x06054b50),
    u16(0),
    u16(0),
    u16(parts.length),
    u16(parts.length),
    u32(directory.length),
    u32(at),
    u16(0),
  );
  return concat(...locals, directory, end);
}

/** An .npy header (the bytes before the data) for a float32 array of `length` values. */
export function npyHeader(length: number): Uint8Array {
  const whole = writeNpy({ shape: [1], data: new Float32Array(1) });
  const header = whole.subarray(0, whole.length - 4);
  // Same layout, another length: rewrite the shape, keeping the header's padded size.
  const text = new TextDecoder('latin1').decode(header).replace('(1,)', `(${length},)`);
  const longer = text.length - header.length;
  const padded = text.replace(/ +\n$/, (tail) => ' '.repeat(tail.length - 1 - longer) + '\n');
  return new Uint8Array([...padded].map((c) => c.charCodeAt(0)));
}

/**
 * A raw deflate stream of `header` followed by `zeros` zero bytes, built without compressing them:
 * full-flushed blocks of 1 MiB of zeros are the same bytes wherever they stand, so they are repeated.
 */
export function deflatedZeros(header: Uint8Array, zeros: number): Uint8Array {
  const MiB = 1 << 20;
  const flush = { finishFlush: constants.Z_FULL_FLUSH };
  const parts: Uint8Array[] = [deflateRawSync(header, flush)];
  const block = deflateRawSync(new Uint8Array(MiB), flush);
  for (let left = zeros; left > 0; left -= MiB)
    parts.push(left >= MiB ? block : deflateRawSync(new Uint8Array(left), flush));
  parts.push(Uint8Array.of(0x03, 0x00)); // an empty final block
  return concat(...parts);
}

/** An .npz of one float32 array of 1 GiB of zeros, deflated to about 1 MB, its directory truthful. */
export function npzGigabyteOfZeros(): Uint8Array {
  const count = 1 << 28;
  const header = npyHeader(count);
  const data = deflatedZeros(header, 4 * count);
  return zipOf([{ name: 'W1.npy', method: 8, data, size: header.length + 4 * count }]);
}

/** An .npz whose W1.npy declares 10 floats but whose stream inflates to 1 GiB of zeros. */
export function npzStreamLongerThanDeclared(): Uint8Array {
  const header = npyHeader(10);
  return zipOf([
    { name: 'W1.npy', method: 8, data: deflatedZeros(header, 1 << 30), size: header.length + 40 },
  ]);
}

/**
 * An .npz whose directory says W1.npy's few compressed bytes are a megabyte that inflates to a
 * gigabyte (within deflate's ratio, so the old check passed and fflate allocated the gigabyte).
 * With `localToo`, the entry's local header tells the same lie.
 */
export function npzLyingDirectory(localToo = false): Uint8Array {
  const npy = writeNpy({ shape: [10], data: new Float32Array(10) });
  const data = deflateRawSync(npy);
  const lie = { compressed: 1_000_000, size: 1_000_000_000 };
  const archive = zipOf([{ name: 'W1.npy', method: 8, data, size: npy.length, directory: lie }]);
  if (localToo) {
    const view = new DataView(archive.buffer);
    view.setUint32(18, lie.compressed, true);
    view.setUint32(22, lie.size, true);
  }
  return archive;
}

/** An .npz of `count` directory entries (W1.npy, W2.npy, ...) that all point at one deflated 4 MB array. */
export function npzSharedStream(count = 1000, sameName = false): Uint8Array {
  const npy = writeNpy({ shape: [1 << 20], data: new Float32Array(1 << 20) });
  const data = deflateRawSync(npy);
  return zipOf(
    Array.from({ length: count }, (_, i) => ({
      name: sameName ? 'W1.npy' : `W${i + 1}.npy`,
      method: 8 as const,
      data,
      size: npy.length,
      ...(i > 0 && { local: false, directory: { sameAs: 0 } }),
    })),
  );
}
