/** The list of runs, oldest first. */
import { useTranslation } from 'react-i18next';
import { useLabStore } from '../store';
import { selectRunOrder } from '../store/selectors';
import { ImportWeightsButton } from './ImportWeightsButton';
import { RunItem } from './RunItem';

/** Every run, with its controls. */
export function RunList() {
  const { t } = useTranslation();
  const order = useLabStore(selectRunOrder);
  return (
    <section className="runs" aria-labelledby="runs-title">
      <div className="runs__header">
        <h2 id="runs-title">{t('runs.title')}</h2>
        <ImportWeightsButton />
      </div>
      {order.length === 0 ? (
        <p className="runs__empty">{t('runs.empty')}</p>
      ) : (
        <ul className="runs__list">
          {order.map((id) => (
            <RunItem key={id} runId={id} />
          ))}
        </ul>
      )}
    </section>
  );
}
