/**
 * Each hidden layer's activations for the drawn digit: one strip of cells per layer, the colour
 * of a cell is the unit's output (red positive, blue negative, on the layer's own ±max scale).
 */
import { useTranslation } from 'react-i18next';
import { divergingCss, maxAbs } from '../common/colormap';

export interface ActivationStripsProps {
  /** Per hidden layer, (units) activations for one input. */
  activations: readonly Float32Array[];
}

/** Strips of coloured cells, one strip per hidden layer. */
export function ActivationStrips({ activations }: ActivationStripsProps) {
  const { t } = useTranslation();
  if (activations.length === 0) return null;
  return (
    <section className="inspect-activations" aria-label={t('draw.activations.title')}>
      <h4>{t('draw.activations.title')}</h4>
      {activations.map((layer, l) => {
        const scale = maxAbs(layer);
        const name = t('draw.activations.layer', { n: l + 1, size: layer.length });
        return (
          <div key={l} className="inspect-activation-layer">
            <div className="inspect-activation-name">{name}</div>
            <div className="inspect-activation-strip" role="img" aria-label={name}>
              {Array.from(layer, (v, unit) => (
                <span
                  key={unit}
                  className="inspect-activation-cell"
                  style={{ background: divergingCss(v, scale) }}
                  title={t('draw.activations.cell', { unit, value: v.toFixed(3) })}
                />
              ))}
            </div>
          </div>
        );
      })}
    </section>
  );
}
