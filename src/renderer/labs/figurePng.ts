/**
 * A lab figure as one PNG, all of it: every chart SVG in the figure (five layer histograms, two
 * weight histograms, a gallery, a graph) drawn where it sits, with the figure's words — its
 * title, each panel's caption, the legends — on the figure's own background, at 2x. The MNIST
 * lab's charts keep their one-chart export (charts/exportPng.ts), whose SVG serialisation this
 * reuses.
 */
import { LabError, message } from '../../shared/messages';
import { serializeSvg } from '../charts/exportPng';
import { downloadBlob, safeFileName } from '../runs/files';

/** The words drawn beside the SVGs: the title, panel captions, legend entries (not the buttons, not screen-reader text). */
const TEXT_SELECTOR = '.chart__title, .lab__histogram > p, .lab__note, .recharts-legend-item-text';

/** `svg` as an image, once it has loaded. */
function svgImage(svg: SVGSVGElement): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => resolve(image);
    image.onerror = () => reject(new LabError(message('chartNotDrawn')));
    image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(serializeSvg(svg))}`;
  });
}

/** The figure `container` as a PNG Blob at `scale`: its SVGs where they are, then its words. */
export async function figureToPng(container: HTMLElement, scale = 2): Promise<Blob> {
  const box = container.getBoundingClientRect();
  const svgs = Array.from(container.querySelectorAll<SVGSVGElement>('svg')).filter((svg) => {
    const r = svg.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && svg.parentElement?.closest('svg') === null;
  });
  if (svgs.length === 0) throw new LabError(message('chartNotDrawn'));
  const images = await Promise.all(svgs.map(svgImage));
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(box.width * scale);
  canvas.height = Math.round(box.height * scale);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new LabError(message('chartNoCanvas'));
  const background = getComputedStyle(container).backgroundColor;
  ctx.fillStyle =
    !background || background === 'rgba(0, 0, 0, 0)' || background === 'transparent' ? '#ffffff' : background;
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.scale(scale, scale);
  svgs.forEach((svg, i) => {
    const r = svg.getBoundingClientRect();
    ctx.drawImage(images[i], r.left - box.left, r.top - box.top, r.width, r.height);
  });
  ctx.textBaseline = 'middle';
  for (const el of container.querySelectorAll<HTMLElement>(TEXT_SELECTOR)) {
    const text = el.textContent?.trim();
    const r = el.getBoundingClientRect();
    if (!text || r.width === 0) continue;
    const style = getComputedStyle(el);
    ctx.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    ctx.fillStyle = style.color;
    const centred = style.textAlign === 'center';
    ctx.textAlign = centred ? 'center' : 'left';
    ctx.fillText(
      text,
      (centred ? r.left + r.width / 2 : r.left) - box.left,
      r.top + r.height / 2 - box.top,
      r.width,
    );
  }
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new LabError(message('chartNotEncoded')))),
      'image/png',
    ),
  );
}

/** Saves the figure as `<title>.png`. */
export async function exportFigurePng(container: HTMLElement, title: string): Promise<void> {
  downloadBlob(`${safeFileName(title)}.png`, await figureToPng(container));
}
