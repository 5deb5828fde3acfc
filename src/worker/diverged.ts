/** The message a diverged run shows: when the loss stopped being a number, and what to try instead. */
import { message, type LabMessage } from '../shared/messages';

/** A learning rate about fifty times smaller, rounded to one significant digit (5 -> 0.1, 0.5 -> 0.01). */
export function saferLearningRate(learningRate: number): number {
  const power = Math.floor(Math.log10(learningRate)) - 1;
  return Number((10 ** power).toPrecision(1));
}

/** e.g. "loss became NaN at iteration 37: the learning rate (5) is probably too high; try 0.1 or lower". */
export function divergedMessage(loss: number, iteration: number, learningRate: number): LabMessage {
  const lr = Number(learningRate.toPrecision(4));
  return message(Number.isNaN(loss) ? 'divergedNaN' : 'divergedInfinite', {
    iteration,
    lr,
    safer: saferLearningRate(learningRate),
  });
}
