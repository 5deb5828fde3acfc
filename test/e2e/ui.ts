/**
 * Small page helpers shared by the e2e tests: typed boxes, the training controls, the progress line
 * and the charts' text summaries. Lookups go by role and accessible name, as a user (or a screen
 * reader) finds things; only the chart lines and the run list's state word are read by class.
 */
import type { Locator, Page } from 'playwright-core';

/** The text box of a hyperparameter, e.g. "Learning rate" or "Hidden layer 1 size". */
export function box(page: Page, name: string): Locator {
  return page.getByRole('textbox', { name, exact: true });
}

/** Types `value` into the box named `name`, replacing what was there. */
export async function typeInto(page: Page, name: string, value: string): Promise<void> {
  await box(page, name).fill(value);
}

/** A control-bar button: "Train", "Pause", "Resume", "Step" or "Stop". */
export function button(page: Page, name: string): Locator {
  return page.getByRole('region', { name: 'Training controls', exact: true }).getByRole('button', {
    name,
    exact: true,
  });
}

/** The progress line of the selected run (run name, state, epoch, iteration, rate, time). */
export async function progressText(page: Page): Promise<string> {
  return (await page.getByRole('region', { name: 'Training controls', exact: true }).innerText()).replace(
    /\s+/g,
    ' ',
  );
}

/** "Iteration 1,234 of 100,000" of the selected run, as 1234. */
export async function iteration(page: Page): Promise<number> {
  const m = /Iteration ([\d,]+) of/.exec(await progressText(page));
  if (!m) throw new Error(`no iteration count in the progress line: ${await progressText(page)}`);
  return Number(m[1].replaceAll(',', ''));
}

/** A chart region: "Loss chart", "Accuracy chart" or "Learning rate chart". */
export function chart(page: Page, name: string): Locator {
  return page.getByRole('region', { name, exact: true });
}

/** The run names in a chart's HTML legend. */
export async function legend(page: Page, chartName: string): Promise<string[]> {
  const items = chart(page, chartName)
    .getByRole('list', { name: 'Legend', exact: true })
    .getByRole('listitem');
  return (await items.allInnerTexts()).map((s) => s.trim());
}

/** The chart's screen-reader summary (one sentence per run), as one string. */
export async function summary(page: Page, chartName: string): Promise<string> {
  return (await chart(page, chartName).locator('.sr-only').textContent()) ?? '';
}

/** Escapes a run name for use inside a RegExp. */
function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Latest loss and its iteration for `run`, from the loss chart's summary, or null before any. */
export async function lossOf(page: Page, run: string): Promise<{ loss: number; iteration: number } | null> {
  const re = new RegExp(`${escape(run)}: last loss (\\S+) at iteration (\\d+)\\.`);
  const m = re.exec(await summary(page, 'Loss chart'));
  return m ? { loss: Number(m[1]), iteration: Number(m[2]) } : null;
}

/** Latest epoch accuracies of `run` (0..1), from the accuracy chart's summary, or null before any. */
export async function accuracyOf(
  page: Page,
  run: string,
): Promise<{ train: number; test: number; epoch: number } | null> {
  const re = new RegExp(
    `${escape(run)}: train accuracy ([\\d.]+)%, test accuracy ([\\d.]+)% at epoch (\\d+(?:\\.\\d+)?)\\.`,
  );
  const m = re.exec(await summary(page, 'Accuracy chart'));
  return m ? { train: Number(m[1]) / 100, test: Number(m[2]) / 100, epoch: Number(m[3]) } : null;
}

/** Latest learning rate of `run` and its iteration, from the learning-rate chart's summary. */
export async function learningRateOf(
  page: Page,
  run: string,
): Promise<{ lr: number; iteration: number } | null> {
  const re = new RegExp(`${escape(run)}: learning rate (\\S+) at iteration (\\d+)\\.`);
  const m = re.exec(await summary(page, 'Learning rate chart'));
  return m ? { lr: Number(m[1]), iteration: Number(m[2]) } : null;
}

/** Number of points in the longest drawn line (SVG path) of a chart: 0 when nothing is drawn. */
export async function drawnPoints(page: Page, chartName: string): Promise<number> {
  const paths = await chart(page, chartName)
    .locator('path.recharts-line-curve')
    .evaluateAll((els) => els.map((el) => (el.getAttribute('d') ?? '').match(/[ML]/g)?.length ?? 0));
  return paths.length === 0 ? 0 : Math.max(...paths);
}

/** The state word ("Training", "Paused", ...) shown for `run` in the run list. */
export async function runState(page: Page, run: string): Promise<string> {
  const row = page.getByRole('listitem').filter({ has: page.getByRole('button', { name: `Select ${run}` }) });
  return (await row.locator('.run__state').innerText()).trim();
}

/**
 * Hovers a chart's plot area at `fraction` of its width (1 = the right end) and returns the
 * tooltip's lines, e.g. ["Epoch 12", "Run 1 train : 93.10%", "Run 1 test : 92.87%"].
 */
export async function hoverChart(page: Page, chartName: string, fraction: number): Promise<string[]> {
  const plot = await chart(page, chartName).locator('.recharts-cartesian-grid').boundingBox();
  if (!plot) throw new Error(`${chartName} has no plot area`);
  const x = plot.x + Math.min(plot.width - 1, Math.max(1, plot.width * fraction));
  await page.mouse.move(x, plot.y + plot.height / 2);
  const tooltip = chart(page, chartName).locator('.recharts-tooltip-wrapper');
  await tooltip.waitFor({ state: 'visible', timeout: 5_000 });
  return (await tooltip.innerText())
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}
