/** The service's MNIST: loaded once on first use (a chosen folder, else the bundled package), swappable. */
import type { DatasetSplit, SampleImages } from '../../shared/api';
import { loadMnist } from './dataset';
import type { LoadedDataset } from './dataset';

/** Holds the loaded dataset; a failed folder load keeps the old one. */
export class DatasetSource {
  private loaded: LoadedDataset | null = null;

  constructor(private readonly folder?: string) {}

  /** The loaded dataset, loading it on first use. */
  get(): LoadedDataset {
    this.loaded ??= loadMnist(this.folder);
    return this.loaded;
  }

  /** Up to `count` images of a split from `start` (the method table limits count to 100). */
  sample(split: DatasetSplit, start: number, count: number): SampleImages {
    const s = this.get().shared;
    const shared = split === 'train' ? s.train : s.test;
    const d = s.rows * s.cols;
    const from = Math.min(start, shared.count);
    const to = Math.min(from + count, shared.count);
    return {
      pixels: new Uint8Array(shared.images).slice(from * d, to * d),
      labels: new Uint8Array(shared.labels).slice(from, to),
    };
  }

  /** Loads MNIST from `folder`; throws a readable message (DatasetError) before anything changes. */
  setFolder(folder: string): LoadedDataset {
    this.loaded = loadMnist(folder);
    return this.loaded;
  }
}
