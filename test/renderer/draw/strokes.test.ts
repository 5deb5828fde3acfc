import { describe, expect, it } from 'vitest';
import { paintStrokes, toCanvasPoint, type StrokeContext } from '../../../src/renderer/draw/strokes';

/** A context that records the path calls paintStrokes makes (jsdom has no 2-D canvas). */
function recordingContext() {
  const calls: string[] = [];
  const ctx = {
    lineCap: 'butt',
    lineJoin: 'miter',
    lineWidth: 1,
    strokeStyle: '',
    fillStyle: '',
    beginPath: () => calls.push('begin'),
    moveTo: (x: number, y: number) => calls.push(`move ${x},${y}`),
    lineTo: (x: number, y: number) => calls.push(`line ${x},${y}`),
    quadraticCurveTo: (cx: number, cy: number, x: number, y: number) =>
      calls.push(`quad ${cx},${cy} ${x},${y}`),
    arc: (x: number, y: number, r: number) => calls.push(`arc ${x},${y} r${r}`),
    fill: () => calls.push('fill'),
    stroke: () => calls.push('stroke'),
  };
  return { ctx: ctx as unknown as StrokeContext & typeof ctx, calls };
}

describe('painting strokes', () => {
  it('a single tap is a round dot of the brush width', () => {
    const { ctx, calls } = recordingContext();
    paintStrokes(ctx, [{ width: 20, points: [{ x: 5, y: 6 }] }], '#000');
    expect(calls).toEqual(['begin', 'arc 5,6 r10', 'fill']);
  });

  it('a line runs through the midpoints with quadratic curves, round caps and joins', () => {
    const { ctx, calls } = recordingContext();
    const points = [
      { x: 0, y: 0 },
      { x: 10, y: 0 },
      { x: 10, y: 10 },
      { x: 20, y: 10 },
    ];
    paintStrokes(ctx, [{ width: 8, points }], 'red');
    expect(calls).toEqual([
      'begin',
      'move 0,0',
      'quad 10,0 10,5',
      'quad 10,10 15,10',
      'line 20,10',
      'stroke',
    ]);
    expect(ctx.lineCap).toBe('round');
    expect(ctx.lineJoin).toBe('round');
    expect(ctx.lineWidth).toBe(8);
    expect(ctx.strokeStyle).toBe('red');
  });

  it('paints every stroke in order, each with its own width', () => {
    const { ctx, calls } = recordingContext();
    paintStrokes(
      ctx,
      [
        {
          width: 4,
          points: [
            { x: 1, y: 1 },
            { x: 2, y: 2 },
          ],
        },
        { width: 30, points: [] },
        { width: 6, points: [{ x: 3, y: 3 }] },
      ],
      '#111',
    );
    expect(calls.filter((c) => c === 'begin')).toHaveLength(2);
    expect(calls[calls.length - 2]).toBe('arc 3,3 r3');
  });
});

describe('pointer position in canvas pixels', () => {
  it('scales from the CSS box to the canvas resolution', () => {
    const rect = { left: 100, top: 50, width: 140, height: 140 } as DOMRectReadOnly;
    expect(toCanvasPoint(170, 120, rect, 280, 280)).toEqual({ x: 140, y: 140 });
    expect(toCanvasPoint(100, 50, rect, 280, 280)).toEqual({ x: 0, y: 0 });
  });

  it('falls back to 1:1 for a box with no size', () => {
    const rect = { left: 10, top: 10, width: 0, height: 0 } as DOMRectReadOnly;
    expect(toCanvasPoint(15, 20, rect, 280, 280)).toEqual({ x: 5, y: 10 });
  });
});
