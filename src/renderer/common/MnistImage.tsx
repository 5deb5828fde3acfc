/** One 28x28 MNIST image, drawn pixel for pixel and enlarged without smoothing. */
import { useEffect, useRef } from 'react';
import { fillGrey } from './colormap';
import { paintPixels } from './paint';

export interface MnistImageProps {
  /** (784) uint8 pixels, 0 = paper; null draws an empty frame. */
  pixels: Uint8Array | null;
  /** Displayed size in CSS pixels (square). */
  size?: number;
  /** Accessible name; without one the image is decorative. */
  label?: string;
}

/** A 28x28 digit image (ink dark on white), enlarged with crisp pixels. */
export function MnistImage({ pixels, size = 56, label }: MnistImageProps) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    paintPixels(ref.current, 28, 28, (rgba) => {
      if (pixels) fillGrey(rgba, pixels);
      else rgba.fill(255);
    });
  }, [pixels]);
  return (
    <canvas
      ref={ref}
      className="inspect-mnist"
      width={28}
      height={28}
      style={{ width: size, height: size }}
      role={label ? 'img' : undefined}
      aria-label={label}
      aria-hidden={label ? undefined : true}
    />
  );
}
