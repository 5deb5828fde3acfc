/** What a graph drawing shows of a pass at a backward step: which gradients are known, which just arrived. */
import type { toys } from '../../../nn';

/** The edges whose gradient is known after `step` backward steps, and those the last step sent. */
export function gradientsAt(pass: toys.GraphPass, step: number): { known: Set<string>; fresh: Set<string> } {
  const known = new Set<string>();
  const fresh = new Set<string>();
  if (step > 0 && pass.steps.length > 0) known.add(pass.steps[0].outEdge);
  pass.steps.slice(0, step).forEach((s, k) => {
    for (const i of s.inputs) {
      known.add(i.edge);
      if (k === step - 1) fresh.add(i.edge);
    }
  });
  return { known, fresh };
}
