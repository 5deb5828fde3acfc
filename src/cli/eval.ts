/**
 * `npm run eval -- --weights FILE [--activation sigmoid]`: the test-set accuracy of saved weights
 * (our JSON, the book's pickle, .npz), computed with the engine on two threads (this one and an
 * evaluator thread, half the test images each: TwoThreadEvaluator).
 * Last line: `test accuracy: 0.9352 (9352/10000)`. Exit codes: 0 ok, 1 a bad file, 2 a wrong flag.
 */
import { parseArgs } from 'node:util';
import { loadMnist } from '../main/lab/dataset';
import type { Evaluation } from '../nn/index';
import { ACTIVATIONS, DEFAULT_CONFIG } from '../shared/hyperparams';
import type { Activation, TrainConfig } from '../shared/hyperparams';
import type { SharedDataset } from '../shared/dataset';
import { recordedConv, suggestActivation } from '../main/lab/weights-import';
import { architectureOf } from './architecture';
import { convArchitectureOf } from '../main/lab/architecture';
import { UsageError } from './flags';
import { TwoThreadEvaluator } from '../main/lab/two-thread-evaluation';
import { defaultWasmPath } from '../main/lab/service-options';
import { readWeights } from './weights-io';

function parse(argv: string[]): { weights: string; activation?: Activation; dataset?: string } {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { weights: { type: 'string' }, activation: { type: 'string' }, dataset: { type: 'string' } },
      strict: true,
    }));
  } catch (error) {
    throw new UsageError(
      `${(error as Error).message.split('\n')[0]}. Valid flags: --weights FILE, --activation ${ACTIVATIONS.join('|')}, --dataset DIR.`,
    );
  }
  if (!values.weights) throw new UsageError('Missing --weights FILE (a .json, .pkl or .npz weights file).');
  const activation = values.activation;
  if (activation !== undefined && !(ACTIVATIONS as readonly string[]).includes(activation)) {
    throw new UsageError(`--activation must be one of ${ACTIVATIONS.join(', ')} (got '${activation}').`);
  }
  return {
    weights: values.weights,
    activation: activation as Activation | undefined,
    dataset: values.dataset,
  };
}

async function main(argv: string[]): Promise<number> {
  const args = parse(argv);
  const { tensors, meta } = readWeights(args.weights);
  const conv = convArchitectureOf(tensors, 28, recordedConv(meta?.config));
  if (conv !== null) return evalConvNet(args, tensors, conv);
  const { sizes, batchNorm } = architectureOf(tensors);
  // Our JSON records its activation; the book's pickle does not (sample_weight.pkl, 784-50-100-10, is sigmoid).
  const activation = args.activation ?? meta?.architecture.activation ?? suggestActivation(sizes);
  const { shared } = loadMnist(args.dataset);
  const d = shared.rows * shared.cols;
  if (sizes[0] !== d) throw new Error(`W1 takes ${sizes[0]} inputs but the images have ${d} pixels.`);
  if (sizes[sizes.length - 1] !== 10)
    throw new Error(`The last layer has ${sizes[sizes.length - 1]} outputs; MNIST needs 10.`);
  const r = await evaluateOnTwoThreads(
    { ...DEFAULT_CONFIG, hidden: sizes.slice(1, -1), activation, batchNorm, dropout: 0 },
    shared,
    tensors,
  );
  console.log(`network ${sizes.join('-')} (${activation}) from ${args.weights}`);
  console.log(`test accuracy: ${r.accuracy.toFixed(4)} (${r.correct}/${r.count})`);
  return 0;
}

/** A convolutional network recognised from its keys and shapes (the book's SimpleConvNet or DeepConvNet). */
async function evalConvNet(
  args: { weights: string; dataset?: string },
  tensors: ReturnType<typeof readWeights>['tensors'],
  conv: NonNullable<ReturnType<typeof convArchitectureOf>>,
): Promise<number> {
  const { shared } = loadMnist(args.dataset);
  const r = await evaluateOnTwoThreads(
    {
      ...DEFAULT_CONFIG,
      arch: conv.arch,
      filters: conv.filters,
      filterSize: conv.filterSize,
      stride: conv.stride,
      pad: conv.pad,
      pool: conv.pool,
      convHidden: conv.convHidden,
      batchNorm: conv.batchNorm,
      dropout: 0,
    },
    shared,
    tensors,
  );
  const shape = tensors.map((t) => t.shape.join('x')).join(' ');
  console.log(`network ${conv.arch} (${shape}) from ${args.weights}`);
  console.log(`test accuracy: ${r.accuracy.toFixed(4)} (${r.correct}/${r.count})`);
  return 0;
}

/**
 * The test set's score of `tensors` in the network `config` builds, on two threads, with the
 * workers' kernels (WebAssembly when built: DeepConvNet takes minutes on the TypeScript ones).
 */
async function evaluateOnTwoThreads(
  config: TrainConfig,
  dataset: SharedDataset,
  tensors: ReturnType<typeof readWeights>['tensors'],
): Promise<Evaluation> {
  const evaluator = await TwoThreadEvaluator.create(config, dataset, defaultWasmPath());
  try {
    evaluator.network.setTensors(tensors);
    return await evaluator.evaluate('test');
  } finally {
    await evaluator.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`eval: ${(error as Error).message}`);
    process.exitCode = error instanceof UsageError ? 2 : 1;
  },
);
