/**
 * The frame around each chart: a labelled region (for screen readers and tests), a title, the chart,
 * an HTML legend with each run's colour and name, and a text summary of the latest values.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { usePngExport } from './usePngExport';

export interface LegendEntry {
  id: string;
  name: string;
  color: string;
  dashed?: boolean;
}

export interface ChartFrameProps {
  /** Accessible name of the region, e.g. "Loss chart". */
  label: string;
  title: string;
  legend: LegendEntry[];
  /** One sentence per run with its latest values. */
  summary: string[];
  controls?: ReactNode;
  children: ReactNode;
}

/** A chart region with legend and summary. */
export function ChartFrame({ label, title, legend, summary, controls, children }: ChartFrameProps) {
  const { t } = useTranslation();
  const { ref: sectionRef, savePng } = usePngExport(title);
  return (
    <section className="chart" aria-label={label} ref={sectionRef}>
      <div className="chart__header">
        <h3 className="chart__title">{title}</h3>
        {controls}
        {legend.length > 0 && (
          <button
            type="button"
            className="chart__png"
            title={t('charts.exportPngTitle', { title })}
            aria-label={t('charts.exportPngTitle', { title })}
            onClick={savePng}
          >
            {t('charts.exportPng')}
          </button>
        )}
      </div>
      {legend.length === 0 ? <p className="chart__empty">{t('charts.noData')}</p> : children}
      <ul className="chart__legend" aria-label={t('charts.legend')}>
        {legend.map((entry) => (
          <li key={entry.id} className="chart__legend-item">
            <span
              className={`chart__swatch${entry.dashed ? ' chart__swatch--dashed' : ''}`}
              style={{
                borderColor: entry.color,
                backgroundColor: entry.dashed ? 'transparent' : entry.color,
              }}
              aria-hidden="true"
            />
            {entry.name}
          </li>
        ))}
      </ul>
      <div className="sr-only">
        {summary.map((line, i) => (
          <p key={i}>{line}</p>
        ))}
      </div>
    </section>
  );
}
