/** The service's MNIST: loaded once on first use (a chosen folder, else the bundled package), swappable. */
import { z } from 'zod';
import type { SampleImages } from '../../shared/api';
import { loadMnist } from './dataset';
import type { LoadedDataset } from './dataset';
import { argument, sampleSchema } from './validate';

/** Holds the loaded dataset; a failed folder load keeps the old one. */
export class DatasetSource {
  private loaded: LoadedDataset | null = null;

  constructor(private readonly folder?: string) {}

  /** The loaded dataset, loading it on first use. */
  get(): LoadedDataset {
    this.loaded ??= loadMnist(this.folder);
    return this.loaded;
  }

  /** Up to 100 images of a split from `start` (validated). */
  sample(split: unknown, start: unknown, count: unknown): SampleImages {
    const args = argument(sampleSchema, { split, start, count }, 'sample request');
    const s = this.get().shared;
    const shared = args.split === 'train' ? s.train : s.test;
    const d = s.rows * s.cols;
    const from = Math.min(args.start, shared.count);
    const to = Math.min(from + args.count, shared.count);
    return {
      pixels: new Uint8Array(shared.images).slice(from * d, to * d),
      labels: new Uint8Array(shared.labels).slice(from, to),
    };
  }

  /** Loads MNIST from `folder`; throws a readable message (DatasetError) before anything changes. */
  setFolder(folder: unknown): LoadedDataset {
    const path = argument(z.string().min(1), folder, 'dataset folder');
    this.loaded = loadMnist(path);
    return this.loaded;
  }
}
