/**
 * The weights decoder thread: every hostile file is refused inside a thread whose heap is capped at
 * DECODE_HEAP_MB (256 MiB), with its message, and the thread survives to answer instead of crashing
 * the process; a real network (the book's sample_weight.pkl) comes back decoded as before; a decode
 * that passes its deadline is stopped with a message.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPickledTensors } from '../../src/formats/pickle';
import { DECODE_HEAP_MB, checkWeightsOffThread } from '../../src/main/lab/decode-off-thread';
import { bookDir } from '../formats/helpers';
import {
  npzGigabyteOfZeros,
  npzLyingDirectory,
  npzSharedStream,
  npzStreamLongerThanDeclared,
  pickleEmptyDicts,
  pickleLong4,
} from '../formats/hostile-files';

const sample = new Uint8Array(readFileSync(path.join(bookDir, 'sample_weight.pkl')));

describe('checkWeightsOffThread', () => {
  it('decodes the book file in the thread to the same tensors', async () => {
    const checked = await checkWeightsOffThread('sample_weight.pkl', sample);
    expect(checked.sizes).toEqual([784, 50, 100, 10]);
    const direct = readPickledTensors(sample);
    for (const t of direct) expect(checked.tensors.find((c) => c.name === t.name)!.data).toEqual(t.data);
  });

  const hostile: [string, () => Uint8Array, RegExp][] = [
    ['long.pkl', () => pickleLong4(), /integers over 64 bytes are refused/],
    ['dicts.pkl', () => pickleEmptyDicts(), /The pickle creates more than \d+ values/],
    ['lying.npz', () => npzLyingDirectory(), /described differently by the archive's directory/],
    ['shared.npz', () => npzSharedStream(), /share the same bytes/],
    ['zeros.npz', () => npzGigabyteOfZeros(), /needs 1,073,741,824 bytes/],
    ['longer.npz', () => npzStreamLongerThanDeclared(), /inflates to more than the 168 bytes it declares/],
  ];
  for (const [name, bytes, message] of hostile) {
    it(`refuses ${name} within a ${DECODE_HEAP_MB} MiB heap, with its message`, async () => {
      await expect(checkWeightsOffThread(name, bytes())).rejects.toThrow(message);
    });
  }

  it('stops a decode that passes its deadline', async () => {
    await expect(checkWeightsOffThread('sample_weight.pkl', sample, { deadlineMs: 1 })).rejects.toThrow(
      'Decoding took longer than 0.001 s, more than any weights file needs; it was stopped.',
    );
  });

  it('reports a heap the decode cannot fit in, instead of aborting the process', async () => {
    await expect(checkWeightsOffThread('dicts.pkl', pickleEmptyDicts(), { heapMb: 2 })).rejects.toThrow(
      /Decoding needs more than 2 MiB of memory|The pickle creates more than/,
    );
  });
});
