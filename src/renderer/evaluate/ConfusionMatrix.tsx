/**
 * The 10x10 confusion matrix: row = true label, column = predicted. The diagonal holds the
 * correct answers (shaded on its own scale); off the diagonal, the darker the cell the more
 * often the network confuses that pair. Each cell is a button that lists its images.
 */
import { useTranslation } from 'react-i18next';
import { useClassLabels } from '../deeper/classNames';
import { CLASSES } from './confusion';

export interface CellRef {
  truth: number;
  predicted: number;
}

export interface ConfusionMatrixProps {
  /** (10, 10) counts, row-major (see confusionMatrix). */
  matrix: Uint32Array;
  selected: CellRef | null;
  onSelect: (cell: CellRef) => void;
}

/** Colour of a cell: translucent, so it reads on light and dark backgrounds alike. */
function cellColour(count: number, peak: number, diagonal: boolean): string {
  if (count === 0 || peak === 0) return 'transparent';
  // Square root: a few confusions stay visible beside a cell of hundreds.
  const alpha = 0.12 + 0.78 * Math.sqrt(count / peak);
  return diagonal ? `rgba(26, 152, 80, ${alpha.toFixed(3)})` : `rgba(215, 48, 39, ${alpha.toFixed(3)})`;
}

/** A table of 100 buttons named "True 4, predicted 9: 12 images". */
export function ConfusionMatrix({ matrix, selected, onSelect }: ConfusionMatrixProps) {
  const { t } = useTranslation();
  const { names } = useClassLabels();
  let peakDiagonal = 0;
  let peakOff = 0;
  for (let r = 0; r < CLASSES; r++) {
    for (let c = 0; c < CLASSES; c++) {
      const v = matrix[r * CLASSES + c];
      if (r === c) peakDiagonal = Math.max(peakDiagonal, v);
      else peakOff = Math.max(peakOff, v);
    }
  }
  const digits = Array.from({ length: CLASSES }, (_, d) => d);
  return (
    <table className="inspect-cm">
      <caption>
        <strong>{t('evaluate.matrix')}</strong>{' '}
        <span className="inspect-muted">{t('evaluate.matrixCaption')}</span>
      </caption>
      <thead>
        <tr>
          <th scope="col" className="inspect-cm-corner">
            {t('evaluate.truth')} \ {t('evaluate.predicted')}
          </th>
          {digits.map((p) => (
            <th key={p} scope="col">
              {names[p]}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {digits.map((truth) => (
          <tr key={truth}>
            <th scope="row">{names[truth]}</th>
            {digits.map((predicted) => {
              const count = matrix[truth * CLASSES + predicted];
              const diagonal = truth === predicted;
              const isSelected = selected?.truth === truth && selected.predicted === predicted;
              const className = [
                'inspect-cm-cell',
                diagonal ? 'inspect-cm-diag' : '',
                isSelected ? 'inspect-cm-selected' : '',
              ]
                .filter(Boolean)
                .join(' ');
              return (
                <td key={predicted}>
                  <button
                    type="button"
                    className={className}
                    style={{ background: cellColour(count, diagonal ? peakDiagonal : peakOff, diagonal) }}
                    aria-label={t('evaluate.cell', {
                      truth: names[truth],
                      predicted: names[predicted],
                      count,
                    })}
                    aria-pressed={isSelected}
                    onClick={() => onSelect({ truth, predicted })}
                  >
                    {count}
                  </button>
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
