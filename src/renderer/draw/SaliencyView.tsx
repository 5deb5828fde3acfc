/**
 * Why the network says what it says: for the explained class c, the gradient map ∂s_c/∂pixel
 * (where more ink would raise or lower c's score) and the evidence map pixel × gradient (which of
 * the drawn ink speaks for c, red, or against it, blue), each on its own symmetric colour scale
 * with a legend. Computed by backprop in the run's worker (LabApi.explain).
 */
import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Explanation } from '../../shared/explain';
import type { LabMessage } from '../../shared/messages';
import { fillDiverging, maxAbs, NEGATIVE_RGB, POSITIVE_RGB } from '../common/colormap';
import { paintPixels } from '../common/paint';
import { localizeMessage } from '../i18n/messages';

export interface SaliencyViewProps {
  explanation: Explanation | null;
  error: LabMessage | null;
  /** True when the user chose the class (a bar); false when it follows the top guess. */
  chosen: boolean;
  /** Go back to explaining the top guess. */
  onBackToTop: () => void;
}

const SIZE = 112;
const rgb = (c: readonly number[]) => `rgb(${c.join(', ')})`;

/** A short number for the legend: 3 significant digits. */
const short = (v: number) => (v === 0 ? '0' : v.toPrecision(3));

/** One 28x28 signed map on a diverging scale ±max|v|, with its legend. */
function SignedMap({
  data,
  title,
  label,
  digit,
}: {
  data: Float32Array;
  title: string;
  label: string;
  digit: number;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLCanvasElement>(null);
  const scale = maxAbs(data);
  useEffect(() => {
    paintPixels(ref.current, 28, 28, (rgba) => fillDiverging(rgba, 784, (i) => data[i], scale));
  }, [data, scale]);
  return (
    <figure className="inspect-saliency-map">
      <figcaption>{title}</figcaption>
      <canvas
        ref={ref}
        className="inspect-mnist"
        width={28}
        height={28}
        style={{ width: SIZE, height: SIZE }}
        role="img"
        aria-label={label}
      />
      <div className="inspect-saliency-legend" role="group" aria-label={t('insight.saliency.legend')}>
        <span
          className="inspect-saliency-ramp"
          aria-hidden="true"
          style={{
            background: `linear-gradient(to right, ${rgb(NEGATIVE_RGB)}, #fff, ${rgb(POSITIVE_RGB)})`,
          }}
        />
        <span className="inspect-saliency-ticks">
          <span>−{short(scale)}</span>
          <span>0</span>
          <span>+{short(scale)}</span>
        </span>
        <span className="inspect-saliency-ticks">
          <span>{t('insight.saliency.against', { digit })}</span>
          <span>{t('insight.saliency.for', { digit })}</span>
        </span>
      </div>
    </figure>
  );
}

/** The saliency maps of the explained class, or nothing while there is no drawing. */
export function SaliencyView({ explanation, error, chosen, onBackToTop }: SaliencyViewProps) {
  const { t } = useTranslation();
  const id = useId();
  if (error)
    return (
      <p className="inspect-error" role="alert">
        {t('insight.saliency.error', { message: localizeMessage(error, t) })}
      </p>
    );
  if (!explanation) return null;
  const digit = explanation.classIndex;
  let positive = 0;
  let negative = 0;
  for (const v of explanation.evidence) {
    if (v > 0) positive += v;
    else negative -= v;
  }
  const which = chosen ? t('insight.saliency.chosenClass') : t('insight.saliency.topClass');
  return (
    <section className="inspect-saliency" aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`}>{t('insight.saliency.title', { digit })}</h4>
      <p className="inspect-muted" aria-live="polite">
        {t('insight.saliency.explaining', { digit, which })}
      </p>
      <div className="inspect-saliency-maps">
        <SignedMap
          data={explanation.gradient}
          digit={digit}
          title={t('insight.saliency.gradient')}
          label={t('insight.saliency.gradientImage', { digit })}
        />
        <SignedMap
          data={explanation.evidence}
          digit={digit}
          title={t('insight.saliency.evidence')}
          label={t('insight.saliency.evidenceImage', { digit })}
        />
      </div>
      <p className="inspect-saliency-summary">
        {t('insight.saliency.summary', {
          digit,
          positive: positive.toFixed(2),
          negative: negative.toFixed(2),
        })}
      </p>
      {chosen ? (
        <button type="button" onClick={onBackToTop}>
          {t('insight.saliency.backToTop')}
        </button>
      ) : (
        <p className="inspect-muted">{t('insight.saliency.pick')}</p>
      )}
    </section>
  );
}
