/**
 * The service's MNIST: loaded once on first use (a chosen folder, else the bundled package), swappable.
 * Every load runs in a dataset-loader thread (load-off-thread.ts): the main thread keeps answering.
 */
import type { DatasetSplit, SampleImages } from '../../shared/api';
import type { LoadedDataset } from './dataset';
import { loadMnistOffThread, type DatasetLoadLimits } from './load-off-thread';

/** Holds the loaded dataset; a failed folder load keeps the old one. */
export class DatasetSource {
  private loaded: LoadedDataset | null = null;
  private loading: Promise<LoadedDataset> | null = null;

  constructor(
    private readonly folder?: string,
    private readonly limits: DatasetLoadLimits = {},
  ) {}

  /** The loaded dataset, loading it on first use (a failed first load is tried again on the next call). */
  load(): Promise<LoadedDataset> {
    if (this.loaded) return Promise.resolve(this.loaded);
    this.loading ??= loadMnistOffThread(this.folder, this.limits).then(
      // A folder chosen while the first load ran wins over it.
      (dataset) => (this.loaded ??= dataset),
      (error: unknown) => {
        this.loading = null;
        throw error;
      },
    );
    return this.loading;
  }

  /** The dataset once `load` has resolved (the service awaits it before anything that needs MNIST). */
  get(): LoadedDataset {
    if (!this.loaded) throw new Error('DatasetSource.get() before load() resolved');
    return this.loaded;
  }

  /** Up to `count` images of a split from `start` (the method table limits count to 100). */
  async sample(split: DatasetSplit, start: number, count: number): Promise<SampleImages> {
    const s = (await this.load()).shared;
    const shared = split === 'train' ? s.train : s.test;
    const d = s.rows * s.cols;
    const from = Math.min(start, shared.count);
    const to = Math.min(from + count, shared.count);
    return {
      pixels: new Uint8Array(shared.images).slice(from * d, to * d),
      labels: new Uint8Array(shared.labels).slice(from, to),
    };
  }

  /** Loads MNIST from `folder`; rejects with a readable message (DatasetError) before anything changes. */
  async setFolder(folder: string): Promise<LoadedDataset> {
    const dataset = await loadMnistOffThread(folder, this.limits);
    this.loaded = dataset;
    return dataset;
  }
}
