/** Accuracy per true digit: which digits the network finds hard (often 8, 9, 5 for the book's net). */
import { useTranslation } from 'react-i18next';
import { useClassLabels } from '../deeper/classNames';
import type { ClassAccuracy } from './confusion';

export interface ClassAccuracyTableProps {
  classes: readonly ClassAccuracy[];
}

/** A table of digit, correct/total and accuracy, with a small bar per digit. */
export function ClassAccuracyTable({ classes }: ClassAccuracyTableProps) {
  const { t } = useTranslation();
  const { names, digits } = useClassLabels();
  return (
    <table className="inspect-class-accuracy">
      <caption>{digits ? t('evaluate.perClass') : t('classes.perClass')}</caption>
      <thead>
        <tr>
          <th scope="col">{digits ? t('evaluate.digit') : t('classes.class')}</th>
          <th scope="col">{t('evaluate.correct')}</th>
          <th scope="col">{t('evaluate.total')}</th>
          <th scope="col">{t('evaluate.accuracy')}</th>
        </tr>
      </thead>
      <tbody>
        {classes.map((c) => (
          <tr key={c.digit}>
            <th scope="row">{names[c.digit] ?? c.digit}</th>
            <td>{c.correct}</td>
            <td>{c.total}</td>
            <td>
              <span className="inspect-class-bar" aria-hidden="true">
                <span style={{ width: `${Number.isNaN(c.accuracy) ? 0 : c.accuracy * 100}%` }} />
              </span>
              {Number.isNaN(c.accuracy) ? '–' : c.accuracy.toFixed(4)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
