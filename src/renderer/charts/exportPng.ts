/**
 * A chart as PNG: the recharts SVG is serialized (with its computed colours inlined, since CSS
 * variables do not survive outside the page), drawn on a canvas at 2x, and turned into a Blob.
 */
import { LabError, message } from '../../shared/messages';
import { downloadBlob, safeFileName } from '../runs/files';

/** The SVG as standalone markup, fills and strokes resolved from the page's styles. */
export function serializeSvg(svg: SVGSVGElement): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const from = svg.querySelectorAll('*');
  const to = clone.querySelectorAll('*');
  from.forEach((node, i) => {
    const style = getComputedStyle(node);
    const target = to[i] as SVGElement;
    for (const prop of ['fill', 'stroke', 'font-family', 'font-size']) {
      const value = style.getPropertyValue(prop);
      if (value) target.style.setProperty(prop, value);
    }
  });
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  const { width, height } = svg.getBoundingClientRect();
  clone.setAttribute('width', String(Math.round(width) || svg.width.baseVal.value));
  clone.setAttribute('height', String(Math.round(height) || svg.height.baseVal.value));
  return new XMLSerializer().serializeToString(clone);
}

/** Renders `svg` on a canvas with `background` and resolves with a PNG Blob. */
export function svgToPng(svg: SVGSVGElement, background: string, scale = 2): Promise<Blob> {
  const markup = serializeSvg(svg);
  const width = Number(/width="(\d+)/.exec(markup)?.[1] ?? 600);
  const height = Number(/height="(\d+)/.exec(markup)?.[1] ?? 300);
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => {
      const canvas = document.createElement('canvas');
      canvas.width = width * scale;
      canvas.height = height * scale;
      const ctx = canvas.getContext('2d');
      if (!ctx) return reject(new LabError(message('chartNoCanvas')));
      ctx.fillStyle = background;
      ctx.fillRect(0, 0, canvas.width, canvas.height);
      ctx.scale(scale, scale);
      ctx.drawImage(image, 0, 0, width, height);
      canvas.toBlob(
        (blob) => (blob ? resolve(blob) : reject(new LabError(message('chartNotEncoded')))),
        'image/png',
      );
    };
    image.onerror = () => reject(new LabError(message('chartNotDrawn')));
    image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(markup)}`;
  });
}

/**
 * The one export-as-PNG of every chart (the MNIST lab's and the Labs'): the first chart SVG inside
 * `container` (recharts' surface, else any <svg>) on the container's own background, downloaded as
 * `<title>.png`. Rejects with a LabError when there is nothing to draw or it cannot be encoded.
 */
export async function exportChartPng(container: HTMLElement, title: string): Promise<void> {
  const svg =
    container.querySelector<SVGSVGElement>('svg.recharts-surface') ??
    container.querySelector<SVGSVGElement>('svg');
  if (!svg) throw new LabError(message('chartNotDrawn'));
  const background = getComputedStyle(container).backgroundColor || '#ffffff';
  const opaque = background === 'rgba(0, 0, 0, 0)' || background === 'transparent' ? '#ffffff' : background;
  downloadBlob(`${safeFileName(title)}.png`, await svgToPng(svg, opaque));
}
