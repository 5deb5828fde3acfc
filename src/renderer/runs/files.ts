/**
 * Files in the browser: downloads through a Blob and an <a download> link, reading a chosen File's
 * bytes, and the metrics as CSV. The renderer never names a path; the desktop app saves in main.
 */
import type { EpochMetrics, RunMetrics } from '../../shared/runs';
import { LabError, message } from '../../shared/messages';

/** Offers `data` as a download named `fileName`. */
export function downloadBlob(fileName: string, data: Blob): void {
  const url = URL.createObjectURL(data);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The bytes of a File the user picked (FileReader works in every browser and in jsdom). */
export function readFileBytes(file: Blob): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new LabError(message('fileUnreadable')));
    reader.readAsArrayBuffer(file);
  });
}

/** `iteration,loss,learning_rate`, one row per iteration (1-based). */
export function iterationsCsv(metrics: Pick<RunMetrics, 'losses' | 'learningRates'>): string {
  const rows = ['iteration,loss,learning_rate'];
  for (let i = 0; i < metrics.losses.length; i++) {
    rows.push(`${i + 1},${metrics.losses[i]},${metrics.learningRates[i] ?? ''}`);
  }
  return `${rows.join('\n')}\n`;
}

/**
 * One row per evaluation point: accuracies, losses, learning rate, time, and the gradient norm of
 * each weight layer (grad_norm_W1, ...; empty where a point has none, as an imported run's).
 */
export function epochsCsv(epochs: EpochMetrics[]): string {
  const layers = Math.max(0, ...epochs.map((e) => e.gradientNorms?.length ?? 0));
  const gradientColumns = Array.from({ length: layers }, (_, l) => `grad_norm_W${l + 1}`);
  const header = [
    'epoch,iteration,train_accuracy,train_loss,test_accuracy,test_loss,test_correct,test_count,validation_accuracy,validation_loss,learning_rate,elapsed_ms',
    ...gradientColumns,
  ].join(',');
  const rows = epochs.map((e) =>
    [
      e.epoch,
      e.iteration,
      e.trainAccuracy,
      e.trainLoss,
      e.testAccuracy,
      e.testLoss,
      e.testCorrect,
      e.testCount,
      e.validationAccuracy ?? '',
      e.validationLoss ?? '',
      e.learningRate,
      Math.round(e.elapsedMs),
      ...gradientColumns.map((_, l) => {
        const v = e.gradientNorms?.[l];
        return v === undefined || !Number.isFinite(v) ? '' : v;
      }),
    ].join(','),
  );
  return `${[header, ...rows].join('\n')}\n`;
}

/** A file-name-safe version of a run name. */
export function safeFileName(name: string): string {
  return name.replace(/[^\p{L}\p{N}_-]+/gu, '-').replace(/^-+|-+$/g, '') || 'run';
}
