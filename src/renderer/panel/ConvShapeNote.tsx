/**
 * Beside SimpleConvNet's controls: the sizes its settings give each layer (book §7.2.4 and §7.3),
 * or, when they do not work out (an output size that is not a whole number), the message saying
 * which setting to change. Train stays disabled while there is such a message (isConfigValid).
 * Below DeepConvNet's architecture choice: its fixed layer sizes (book §8.1).
 */
import { useTranslation } from 'react-i18next';
import { convShapes, deepConvNetShapes } from '../../shared/conv-geometry';
import { localizeMessage } from '../i18n/messages';
import { useLabStore } from '../store';
import { selectConfig } from '../store/selectors';

const chw = (s: { C: number; H: number; W: number }) => `${s.C}×${s.H}×${s.W}`;

/** The layer sizes of the CNN being set up, or why a SimpleConvNet cannot be built; nothing for an MLP. */
export function ConvShapeNote() {
  const { t } = useTranslation();
  const config = useLabStore(selectConfig);
  if (config.arch === 'deep-convnet') {
    const { layers, affine } = deepConvNetShapes();
    return (
      <p className="param__help conv-shape" data-testid="conv-shapes">
        {t('convShape.label')}:{' '}
        {t('convShape.deep', {
          layers: layers.map((l) => `${l.name} ${chw(l)}`).join(' → '),
          inputs: affine.D,
          hidden: affine.M,
        })}
      </p>
    );
  }
  if (config.arch !== 'simple-convnet') return null;
  const r = convShapes(config);
  if ('problem' in r)
    return (
      <p className="param__error conv-shape" role="alert" data-testid="conv-shape-problem">
        {localizeMessage(r.problem, t)}
      </p>
    );
  const { conv, pool, affine } = r.shapes;
  return (
    <p className="param__help conv-shape" aria-live="polite" data-testid="conv-shapes">
      {t('convShape.label')}:{' '}
      {t('convShape.shapes', { conv: chw(conv), pool: chw(pool), inputs: affine.D, hidden: affine.M })}
    </p>
  );
}
