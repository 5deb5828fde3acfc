/**
 * `npm run train -- [flags]`: trains MNIST headless through the same Lab service and worker thread
 * the app uses, printing each evaluation point as the book does and the final test accuracy last.
 * Exit codes: 0 finished, 1 the run failed or diverged, 2 a wrong flag.
 */
import { LabService } from '../main/lab/service';
import { checkedLab } from '../main/lab/lab-dispatch';
import { messageText } from '../shared/messages';
import type { EpochMetrics, RunState } from '../shared/runs';
import { UsageError, parseTrainFlags, trainUsage } from './flags';
import { ProgressBar } from './progress';
import { saveRunWeights } from './weights-io';

const ENDED: readonly RunState[] = ['finished', 'stopped', 'diverged', 'failed'];

/** The book's per-epoch line: `train acc, test acc | 0.9012, 0.9055`. */
export function epochLine(m: EpochMetrics): string {
  const validation =
    m.validationAccuracy === undefined ? '' : ` | validation acc ${m.validationAccuracy.toFixed(4)}`;
  return `train acc, test acc | ${m.trainAccuracy.toFixed(4)}, ${m.testAccuracy.toFixed(4)}${validation}`;
}

/** The last line: `final test accuracy: 0.9712 (9712/10000)`. */
export function finalLine(m: EpochMetrics): string {
  return `final test accuracy: ${m.testAccuracy.toFixed(4)} (${m.testCorrect}/${m.testCount})`;
}

async function main(argv: string[]): Promise<number> {
  const flags = parseTrainFlags(argv);
  if (flags.help) {
    console.log(trainUsage());
    return 0;
  }
  const lab = new LabService({
    datasetFolder: flags.dataset,
    dataDir: flags.dataDir,
    appName: 'npm run train',
  });
  try {
    const info = await lab.datasetInfo();
    if (!flags.quiet)
      console.error(`MNIST: ${info.trainCount} training + ${info.testCount} test images from ${info.path}`);
    let progress: ProgressBar | null = null;
    let last: EpochMetrics | undefined;
    let runId = '';
    const ended = new Promise<{ state: RunState; message?: string }>((resolve) => {
      lab.onEvent((event) => {
        if ('runId' in event && event.runId !== runId) return;
        if (
          event.type === 'run-updated' &&
          event.run.id === runId &&
          !progress &&
          !flags.quiet &&
          event.run.totalIterations > 0
        ) {
          progress = new ProgressBar(event.run.totalIterations);
        } else if (event.type === 'iterations') {
          const { start, losses } = event.batch;
          progress?.update(start + losses.length - 1, losses[losses.length - 1]);
        } else if (event.type === 'epoch') {
          last = event.metrics;
          progress?.clear();
          console.log(epochLine(event.metrics));
        } else if (event.type === 'state' && ENDED.includes(event.state)) {
          resolve({ state: event.state, message: event.message && messageText(event.message) });
        }
      });
    });
    runId = (await checkedLab(lab).startRun(flags.config)).id; // validated as every adapter's calls are
    const { state, message } = await ended;
    (progress as ProgressBar | null)?.clear();
    if (state === 'diverged' || state === 'failed') {
      console.error(`The run ${state}: ${message ?? 'no reason given'}`);
      return 1;
    }
    if (message) console.error(message);
    if (flags.out) console.error(await saveRunWeights(lab, runId, flags.out, flags.language));
    if (!last) {
      console.error('No evaluation point was reached.');
      return 1;
    }
    console.log(finalLine(last));
    return 0;
  } finally {
    await lab.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: Error) => {
    if (error instanceof UsageError) {
      console.error(error.message);
      console.error('Run `npm run train -- --help` for every flag.');
      process.exitCode = 2;
    } else {
      console.error(`train: ${error.message}`);
      process.exitCode = 1;
    }
  },
);
