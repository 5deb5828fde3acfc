/**
 * The drawing surface: mouse, pen or touch through Pointer Events. The canvas is transparent
 * paper; strokes are opaque, so the alpha channel is the ink (see raster.ts) in any theme.
 */
import { useCallback, useEffect, useRef } from 'react';
import type { KeyboardEvent, PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Raster } from '../../shared/digit';
import { context2d } from '../common/paint';
import { imageDataToRaster, isBlank } from './raster';
import { paintStrokes, toCanvasPoint, type CanvasBox, type Stroke } from './strokes';

export interface DrawingCanvasProps {
  /** Finished strokes (the parent owns them, so it can undo and clear). */
  strokes: readonly Stroke[];
  /** Width of new strokes in canvas pixels. */
  brushWidth: number;
  /** A stroke was finished (pointer up): append it to `strokes`. */
  onStrokeEnd: (stroke: Stroke) => void;
  /** The ink after every repaint; null when blank. `final` is false while a stroke is in progress. */
  onInk: (raster: Raster | null, final: boolean) => void;
  /** Delete or Backspace pressed. */
  onClear: () => void;
  /** Ctrl+Z / Cmd+Z pressed. */
  onUndo: () => void;
  /** Canvas side in pixels (square). */
  size?: number;
  /** Id of an element describing the shortcuts, for aria-describedby. */
  describedBy?: string;
}

/** The drawing's keyboard shortcuts: Delete or Backspace clears, Ctrl+Z (Cmd+Z) undoes; null for other keys. */
export function drawingShortcut(
  e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey'>,
): 'clear' | 'undo' | null {
  if (e.key === 'Delete' || e.key === 'Backspace') return 'clear';
  if ((e.ctrlKey || e.metaKey) && !e.shiftKey && e.key.toLowerCase() === 'z') return 'undo';
  return null;
}

/** Ink colour for display: the theme's foreground, read from CSS. Only alpha matters for MNIST. */
function inkColour(canvas: HTMLCanvasElement): string {
  const fg = getComputedStyle(canvas).getPropertyValue('--fg').trim();
  return fg || '#111';
}

/** A square canvas to draw a digit on; focusable, with keyboard shortcuts for clear and undo. */
export function DrawingCanvas({
  strokes,
  brushWidth,
  onStrokeEnd,
  onInk,
  onClear,
  onUndo,
  size = 280,
  describedBy,
}: DrawingCanvasProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLCanvasElement>(null);
  const current = useRef<Stroke | null>(null);
  /** The pointer drawing `current`: one finger, pen or mouse at a time; a second finger is ignored. */
  const activePointer = useRef<number | null>(null);
  const onInkRef = useRef(onInk);
  useEffect(() => {
    onInkRef.current = onInk;
  }, [onInk]);

  /** Repaint everything (finished strokes + the one in progress) and report the ink. */
  const repaint = useCallback(
    (final: boolean) => {
      const canvas = ref.current;
      const ctx = context2d(canvas, { willReadFrequently: true });
      if (!canvas || !ctx) {
        // No pixels to read (jsdom): blank exactly when there are no strokes.
        if (strokes.length === 0 && !current.current) onInkRef.current(null, final);
        return;
      }
      ctx.clearRect(0, 0, canvas.width, canvas.height);
      const all = current.current ? [...strokes, current.current] : strokes;
      paintStrokes(ctx, all, inkColour(canvas));
      const raster = imageDataToRaster(
        ctx.getImageData(0, 0, canvas.width, canvas.height).data,
        canvas.width,
        canvas.height,
      );
      onInkRef.current(isBlank(raster) ? null : raster, final);
    },
    [strokes],
  );

  // A new stroke list (stroke ended, undo, clear) is a final state.
  useEffect(() => repaint(true), [repaint]);

  // The drawable area is the canvas's content box: its client rectangle minus the border.
  const contentRect = (el: HTMLCanvasElement): CanvasBox => {
    const r = el.getBoundingClientRect();
    return {
      left: r.left + el.clientLeft,
      top: r.top + el.clientTop,
      width: el.clientWidth || r.width,
      height: el.clientHeight || r.height,
    };
  };
  const point = (e: PointerEvent<HTMLCanvasElement>) =>
    toCanvasPoint(e.clientX, e.clientY, contentRect(e.currentTarget), size, size);

  const onPointerDown = (e: PointerEvent<HTMLCanvasElement>) => {
    if (e.button !== 0 || current.current) return;
    e.preventDefault();
    e.currentTarget.focus();
    e.currentTarget.setPointerCapture(e.pointerId);
    activePointer.current = e.pointerId;
    current.current = { width: brushWidth, points: [point(e)] };
    repaint(false);
  };

  const onPointerMove = (e: PointerEvent<HTMLCanvasElement>) => {
    const stroke = current.current;
    if (!stroke || e.pointerId !== activePointer.current) return;
    // Coalesced events keep fast strokes smooth: the browser may merge several samples per frame.
    const native = e.nativeEvent;
    const samples = typeof native.getCoalescedEvents === 'function' ? native.getCoalescedEvents() : [];
    const rect = contentRect(e.currentTarget);
    if (samples.length > 0) {
      for (const s of samples) stroke.points.push(toCanvasPoint(s.clientX, s.clientY, rect, size, size));
    } else {
      stroke.points.push(point(e));
    }
    repaint(false);
  };

  const endStroke = (e: PointerEvent<HTMLCanvasElement>) => {
    const stroke = current.current;
    if (!stroke || e.pointerId !== activePointer.current) return;
    current.current = null;
    activePointer.current = null;
    if (e.currentTarget.hasPointerCapture(e.pointerId)) e.currentTarget.releasePointerCapture(e.pointerId);
    onStrokeEnd(stroke);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLCanvasElement>) => {
    const shortcut = drawingShortcut(e);
    if (!shortcut) return;
    e.preventDefault();
    e.stopPropagation(); // handled here; the panel around may handle the same keys for its buttons
    if (shortcut === 'clear') onClear();
    else onUndo();
  };

  return (
    <canvas
      ref={ref}
      className="inspect-draw-canvas"
      width={size}
      height={size}
      tabIndex={0}
      role="img"
      aria-label={t('draw.canvas')}
      aria-describedby={describedBy}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={endStroke}
      onPointerCancel={endStroke}
      onKeyDown={onKeyDown}
    />
  );
}
