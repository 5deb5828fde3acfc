/**
 * The runs shown in the charts, side by side: only the hyperparameters that differ between them
 * (highlighted), then final and best accuracies and losses, iterations per second and wall time.
 * Every column header is a button that sorts by it (click, or Enter / Space); "Export CSV" saves
 * the table as it is sorted, through the same download path as the other exports.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useThrottledState } from '../charts/useThrottledState';
import { formatDuration } from '../controls/progress';
import { downloadBlob } from '../runs/files';
import {
  compareCsv,
  compareRow,
  differingKeys,
  formatValue,
  labelKeyOf,
  METRIC_COLUMNS,
  sortRows,
  type MetricColumn,
  type SortKey,
  type SortOrder,
} from './compare';
import './deeper.css';

const sameKey = (a: SortKey, b: SortKey) =>
  a.kind === b.kind && (a.kind === 'name' || (b.kind !== 'name' && a.key === b.key));

export function CompareTable() {
  const { t, i18n } = useTranslation();
  const { runs, order, hidden, metrics } = useThrottledState((s) => ({
    runs: s.runs,
    order: s.runOrder,
    hidden: s.hiddenRuns,
    metrics: s.metrics,
  }));
  const [sort, setSort] = useState<SortOrder>({ by: { kind: 'name' }, descending: false });
  const shown = useMemo(
    () => order.map((id) => runs[id]).filter((r) => r !== undefined && !hidden[r.id]),
    [order, runs, hidden],
  );
  const rows = useMemo(
    () =>
      sortRows(
        shown.map((r) => compareRow(r, metrics[r.id]?.epochs)),
        sort,
      ),
    [shown, metrics, sort],
  );
  const keys = useMemo(() => differingKeys(shown.map((r) => r.config)), [shown]);
  if (shown.length < 2)
    return (
      <section className="inspect-panel deeper-compare" aria-label={t('compare.title')}>
        <h3>{t('compare.title')}</h3>
        <p className="inspect-hint">{t('compare.needTwo')}</p>
      </section>
    );

  const percent = new Intl.NumberFormat(i18n.language, { style: 'percent', minimumFractionDigits: 2 });
  const number = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 4 });
  const integer = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 0 });
  const show = (column: MetricColumn, v: number | null): string => {
    if (v === null) return '—';
    if (column.endsWith('Accuracy')) return percent.format(v);
    if (column === 'iterationsPerSecond') return integer.format(v);
    if (column === 'wallMs') return formatDuration(v);
    return number.format(v);
  };
  const header = (key: SortKey, label: string, reactKey: string, className?: string) => {
    const active = sameKey(sort.by, key);
    const ariaSort = active ? (sort.descending ? 'descending' : 'ascending') : 'none';
    return (
      <th key={reactKey} scope="col" aria-sort={ariaSort} className={className}>
        <button
          type="button"
          className="deeper-sort"
          onClick={() => setSort({ by: key, descending: active ? !sort.descending : false })}
        >
          {label}
          {active ? (sort.descending ? ' ▼' : ' ▲') : ''}
        </button>
      </th>
    );
  };
  const exportCsv = () =>
    downloadBlob('runs-comparison.csv', new Blob([compareCsv(rows, keys)], { type: 'text/csv' }));

  return (
    <section className="inspect-panel deeper-compare" aria-label={t('compare.title')}>
      <h3>{t('compare.title')}</h3>
      <p className="inspect-muted">
        {keys.length === 0 ? t('compare.sameSettings') : t('compare.differing', { count: keys.length })}
      </p>
      <div className="deeper-row">
        <button type="button" onClick={exportCsv}>
          {t('compare.exportCsv')}
        </button>
      </div>
      <table className="deeper-table" aria-label={t('compare.tableLabel')}>
        <thead>
          <tr>
            {header({ kind: 'name' }, t('compare.run'), 'name')}
            {keys.map((k) => header({ kind: 'param', key: k }, t(labelKeyOf(k)), k, 'deeper-differs'))}
            {METRIC_COLUMNS.map((m) => header({ kind: 'metric', key: m }, t(`compare.col.${m}`), m))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <th scope="row">{r.name}</th>
              {keys.map((k) => (
                <td key={k} className="deeper-differs">
                  {formatValue(r.config[k])}
                </td>
              ))}
              {METRIC_COLUMNS.map((m) => (
                <td key={m}>{show(m, r.metrics[m])}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
