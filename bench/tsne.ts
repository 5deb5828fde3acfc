/**
 * The hidden-layer map's t-SNE on a real layer: a short run (784-100-10 ReLU, 1,500 iterations)
 * through the LabService, its Relu1 outputs for the 2,000 map images (hiddenMap withFeatures), and
 * the engine's exact t-SNE of them (PCA to 50, perplexity 30, 500 iterations) as the renderer's
 * worker runs it: the time to the affinities (first iteration) and in all, the final KL, and how
 * often a point's nearest neighbour has its label in the t-SNE map, in the PCA map and in the layer
 * itself. Run alone: npx tsx bench/tsne.ts
 */
import { LabService } from '../src/main/lab/service';
import { nearestNeighbourAgreement, tsne } from '../src/nn';

const lab = new LabService({ warn: () => {} });
try {
  const run = await lab.startRun({ hidden: [100], iterations: 1500, evalEvery: 500 });
  await new Promise<void>((resolve) => {
    const off = lab.onEvent((e) => {
      if (e.type === 'state' && e.runId === run.id && e.state === 'finished') {
        off();
        resolve();
      }
    });
  });
  let map = null;
  while (map === null) map = await lab.hiddenMap(run.id, 0, undefined, { withFeatures: true });
  const features = map.features!;
  const n = map.labels.length;
  const width = features.length / n;

  const t0 = performance.now();
  const steps = tsne(features, n, width, { seed: 0 });
  let first = 0;
  let result;
  for (;;) {
    const r = steps.next();
    if (r.done) {
      result = r.value;
      break;
    }
    if (r.value.iteration === 1) first = performance.now() - t0;
  }
  const total = performance.now() - t0;
  const perIteration = (total - first) / (result.iterations - 1);
  console.log(`t-SNE of ${n} points of Relu1 (${width} units), iteration ${map.iteration} of the run:`);
  console.log(`  PCA to 50 + affinities + first iteration: ${first.toFixed(0)} ms`);
  console.log(
    `  ${result.iterations} iterations in all: ${total.toFixed(0)} ms (${perIteration.toFixed(1)} ms per iteration after the first)`,
  );
  console.log(`  final KL(P || Q) = ${result.kl.toFixed(3)}`);
  console.log(
    `  nearest neighbour has the same label: t-SNE ${(nearestNeighbourAgreement(result.embedding, 2, map.labels) * 100).toFixed(1)}%,` +
      ` PCA 2-D ${(nearestNeighbourAgreement(map.points, 2, map.labels) * 100).toFixed(1)}%,` +
      ` the layer itself (${width}-D) ${(nearestNeighbourAgreement(features, width, map.labels) * 100).toFixed(1)}%`,
  );
} finally {
  await lab.close();
}
