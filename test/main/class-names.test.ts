/**
 * Class names for any dataset through the real service: the bundled MNIST and Debian's
 * Fashion-MNIST (package dataset-fashion-mnist, /usr/share/datasets/fashion-mnist, its .gz files)
 * are recognised by the checksum of their labels; a crafted folder's classes.txt names its classes;
 * names the user gives are saved in the data folder (class-names.json) and read back by a new
 * service, and forgetting them goes back to the folder's own names.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LabService } from '../../src/main/lab/service';
import { KNOWN_LABEL_SETS, parseClassNames } from '../../src/shared/class-names';
import { LabError } from '../../src/shared/messages';

const FASHION = '/usr/share/datasets/fashion-mnist';
const fashionSkip = existsSync(path.join(FASHION, 'train-labels-idx1-ubyte.gz'))
  ? null
  : `${FASHION} is missing (Debian package dataset-fashion-mnist)`;
if (fashionSkip && process.env.CI === 'true') throw new Error(fashionSkip);
if (fashionSkip) console.log(`skipped: ${fashionSkip}`);

const root = mkdtempSync(path.join(os.tmpdir(), 'mnist-classes-'));
const services: LabService[] = [];
afterAll(async () => {
  for (const lab of services) await lab.close();
  rmSync(root, { recursive: true, force: true });
});
function service(options: ConstructorParameters<typeof LabService>[0]): LabService {
  const lab = new LabService({ warn: () => {}, ...options });
  services.push(lab);
  return lab;
}

/** An IDX file: magic 0x0000080N, the sizes, then the bytes. */
function idx(dims: number[], data: Uint8Array): Uint8Array {
  const header = new DataView(new ArrayBuffer(4 + 4 * dims.length));
  header.setUint32(0, 0x800 + dims.length);
  dims.forEach((d, i) => header.setUint32(4 + 4 * i, d));
  return new Uint8Array([...new Uint8Array(header.buffer), ...data]);
}

/** A tiny dataset folder: 10 training and 5 test images of 28x28, labels 0..9. */
function tinyFolder(names?: string): string {
  const dir = path.join(root, `tiny-${Math.random().toString(36).slice(2)}`);
  mkdirSync(dir);
  const img = (n: number) =>
    idx(
      [n, 28, 28],
      new Uint8Array(n * 784).map((_, i) => (i * 7) % 256),
    );
  writeFileSync(path.join(dir, 'train-images-idx3-ubyte'), img(10));
  writeFileSync(
    path.join(dir, 'train-labels-idx1-ubyte'),
    idx(
      [10],
      Uint8Array.from({ length: 10 }, (_, i) => i),
    ),
  );
  writeFileSync(path.join(dir, 't10k-images-idx3-ubyte'), img(5));
  writeFileSync(path.join(dir, 't10k-labels-idx1-ubyte'), idx([5], Uint8Array.from([0, 1, 2, 3, 4])));
  if (names !== undefined) writeFileSync(path.join(dir, 'classes.txt'), names);
  return dir;
}

describe('class names', () => {
  it('the bundled MNIST is recognised by its labels checksum', async () => {
    const info = await service({}).datasetInfo();
    expect(KNOWN_LABEL_SETS[info.labelsChecksum as keyof typeof KNOWN_LABEL_SETS]).toBe('mnist');
    expect(info.classNames).toEqual({ source: 'known', set: 'mnist' });
  });

  it.skipIf(fashionSkip !== null)(
    "Debian's Fashion-MNIST (gzip files) is recognised as fashion-mnist",
    async () => {
      const info = await service({ datasetFolder: FASHION }).datasetInfo();
      expect(info.trainCount).toBe(60_000);
      expect(info.classNames).toEqual({ source: 'known', set: 'fashion-mnist' });
    },
  );

  it('a folder’s classes.txt names its classes (BOM, CRLF and trailing blank lines allowed); a bad one is refused', async () => {
    const names = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
    const info = await service({
      datasetFolder: tinyFolder(`\uFEFF${names.join('\r\n')}\r\n\r\n`),
    }).datasetInfo();
    expect(info.classNames).toEqual({ source: 'file', names });
    const plain = await service({ datasetFolder: tinyFolder() }).datasetInfo();
    expect(plain.classNames).toEqual({ source: 'none' });
    const bad = service({ datasetFolder: tinyFolder('a\nb\n') }).datasetInfo();
    await expect(bad).rejects.toBeInstanceOf(LabError);
    await expect(bad).rejects.toMatchObject({ code: 'classNamesFile', params: { count: 2 } });
    expect(parseClassNames('a\n\nc\nd\ne\nf\ng\nh\ni\nj')).toEqual({ count: 10 }); // an empty name inside
  });

  it('names from the user are saved in the data folder by checksum, read back by a new service, and forgotten', async () => {
    const dataDir = path.join(root, 'data');
    mkdirSync(dataDir);
    const folder = tinyFolder('a\nb\nc\nd\ne\nf\ng\nh\ni\nj\n');
    const lab = service({ dataDir, datasetFolder: folder });
    const events: unknown[] = [];
    lab.onEvent((e) => e.type === 'dataset' && events.push(e.info.classNames));
    const mine = ['cat', 'dog', 'cow', 'hen', 'pig', 'ant', 'bee', 'elk', 'fox', 'owl'];
    const named = await lab.setClassNames(mine);
    expect(named.classNames).toEqual({ source: 'user', names: mine });
    expect(events).toEqual([{ source: 'user', names: mine }]);
    const saved = JSON.parse(readFileSync(path.join(dataDir, 'class-names.json'), 'utf8')) as Record<
      string,
      string[]
    >;
    expect(saved[named.labelsChecksum!]).toEqual(mine);
    await lab.close();

    const again = service({ dataDir, datasetFolder: folder });
    expect((await again.datasetInfo()).classNames).toEqual({ source: 'user', names: mine });
    const forgotten = await again.setClassNames(null);
    expect(forgotten.classNames).toEqual({ source: 'file', names: 'abcdefghij'.split('') });
    // Another dataset (the bundled MNIST) is not renamed by names given to this one.
    expect((await service({ dataDir }).datasetInfo()).classNames).toEqual({ source: 'known', set: 'mnist' });
  });
});
