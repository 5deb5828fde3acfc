/**
 * Inflating in small steps, so that whoever receives the output can refuse it as soon as it passes
 * what the file may hold: deflate expands up to ~1,032x, so a one-shot inflate of a few megabytes
 * can allocate gigabytes before anything is checked. Each step feeds at most INFLATE_STEP bytes of
 * compressed data, so at most ~4 MiB of output arrives between two checks.
 */
import { Gunzip, Inflate } from 'fflate';

/** Compressed bytes fed per step. */
export const INFLATE_STEP = 4 * 1024;

/** Receives each chunk of inflated output; throws to stop inflating. */
export type InflateSink = (chunk: Uint8Array) => void;

function feed(stream: Inflate | Gunzip, compressed: Uint8Array): void {
  if (compressed.length === 0) stream.push(compressed, true);
  for (let at = 0; at < compressed.length; at += INFLATE_STEP) {
    const end = Math.min(at + INFLATE_STEP, compressed.length);
    stream.push(compressed.subarray(at, end), end === compressed.length);
  }
}

/** Inflates a raw deflate stream (a zip entry) into `sink`, step by step. fflate's errors pass through. */
export function inflateInSteps(compressed: Uint8Array, sink: InflateSink): void {
  feed(new Inflate((chunk) => sink(chunk)), compressed);
}

/** Gunzips a .gz file into `sink`, step by step. fflate's errors pass through. */
export function gunzipInSteps(compressed: Uint8Array, sink: InflateSink): void {
  feed(new Gunzip((chunk) => sink(chunk)), compressed);
}
