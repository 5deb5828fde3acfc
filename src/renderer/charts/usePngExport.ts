/** A chart region's "Export PNG": the ref to put on the region and the handler that saves it as `title`.png. */
import { useRef } from 'react';
import { toLabMessage } from '../../shared/messages';
import { useLabStore } from '../store';
import { exportChartPng } from './exportPng';

export function usePngExport<E extends HTMLElement = HTMLElement>(
  title: string,
  /** How the region becomes a PNG: its one chart by default; a lab figure exports all its panels. */
  exporter: (container: HTMLElement, title: string) => Promise<void> = exportChartPng,
) {
  const ref = useRef<E>(null);
  const pushNotice = useLabStore((s) => s.pushNotice);
  const savePng = () => {
    if (!ref.current) return;
    exporter(ref.current, title).catch((err: unknown) =>
      pushNotice('notice.exportFailed', toLabMessage(err)),
    );
  };
  return { ref, savePng };
}
