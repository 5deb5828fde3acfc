/**
 * Noise injection and data augmentation: the first training images as the trainer really feeds
 * them — through its own BatchBuilder (toys.perturbedImages) — as they are, with Gaussian noise
 * of σ, and shifted and rotated at random within the limits. The sliders are the run settings of
 * the same names; "Draw again" draws new noise and new shifts, as the next epoch would.
 */
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Rng, toys, type DataSplit, type Perturbation } from '../../../nn';
import { errorMessage, localizeMessage } from '../../i18n/messages';
import { useLab } from '../../labContext';
import { LabFigure, Slider } from '../common';

const COUNT = 8;
const SIDE = 28;
const CELL = 60;
const LABEL_W = 150;
export const GALLERY_DEFAULTS = { noiseSigma: 0.3, augmentShift: 2, augmentRotate: 10 };

/** One image (SIDE², values in [0, 1], white on black as MNIST) as a PNG data URL. */
function imageUrl(pixels: Float32Array): string {
  const canvas = document.createElement('canvas');
  canvas.width = SIDE;
  canvas.height = SIDE;
  const ctx = canvas.getContext('2d');
  if (!ctx) return '';
  const img = ctx.createImageData(SIDE, SIDE);
  for (let p = 0; p < SIDE * SIDE; p++) {
    const v = Math.round(255 * pixels[p]);
    img.data.set([v, v, v, 255], p * 4);
  }
  ctx.putImageData(img, 0, 0);
  return canvas.toDataURL('image/png');
}

export function AugmentGallery() {
  const { t } = useTranslation();
  const lab = useLab();
  const [split, setSplit] = useState<DataSplit | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [settings, setSettings] = useState(GALLERY_DEFAULTS);
  const [draw, setDraw] = useState(1);
  useEffect(() => {
    let live = true;
    lab.sampleImages('train', 0, COUNT).then(
      (s) => live && setSplit(toys.sampleSplit(s.pixels, s.labels)),
      (err: unknown) => live && setError(localizeMessage(errorMessage(err), t)),
    );
    return () => {
      live = false;
    };
  }, [lab, t]);
  const rows = useMemo(() => {
    if (!split) return [];
    const none: Perturbation = { noiseSigma: 0, augmentShift: 0, augmentRotate: 0 };
    const kinds: [string, Perturbation][] = [
      [t('labs.regularisation.figures.asTheyAre'), none],
      [
        t('labs.regularisation.figures.noisy', { sigma: settings.noiseSigma }),
        { ...none, noiseSigma: settings.noiseSigma },
      ],
      [
        t('labs.regularisation.figures.augmented', {
          shift: settings.augmentShift,
          rotate: settings.augmentRotate,
        }),
        { ...none, augmentShift: settings.augmentShift, augmentRotate: settings.augmentRotate },
      ],
    ];
    return kinds.map(([label, p], k) => ({
      label,
      urls: toys.perturbedImages(split, p, new Rng(draw * 10 + k)).map(imageUrl),
    }));
  }, [split, settings, draw, t]);
  const title = t('labs.regularisation.figures.galleryChart');
  const set = (key: keyof typeof GALLERY_DEFAULTS) => (v: number) => setSettings((s) => ({ ...s, [key]: v }));
  return (
    <section className="lab__subsection" aria-labelledby="primer-gallery">
      <h3 id="primer-gallery">{t('labs.regularisation.figures.galleryTitle')}</h3>
      <p>{t('labs.regularisation.figures.galleryAbout')}</p>
      <div className="lab__controls">
        <Slider
          label={t('labs.regularisation.figures.sigma')}
          value={settings.noiseSigma}
          min={0}
          max={1}
          step={0.05}
          onChange={set('noiseSigma')}
        />
        <Slider
          label={t('labs.regularisation.figures.shift')}
          value={settings.augmentShift}
          min={0}
          max={4}
          step={1}
          onChange={set('augmentShift')}
        />
        <Slider
          label={t('labs.regularisation.figures.rotate')}
          value={settings.augmentRotate}
          min={0}
          max={30}
          step={1}
          onChange={set('augmentRotate')}
        />
        <button type="button" onClick={() => setDraw((d) => d + 1)}>
          {t('labs.regularisation.figures.drawAgain')}
        </button>
      </div>
      {error && <p role="alert">{error}</p>}
      {rows.length > 0 && (
        <LabFigure title={title} summary={rows.map((r) => r.label).join(' · ')}>
          <svg
            viewBox={`0 0 ${LABEL_W + COUNT * CELL} ${rows.length * CELL}`}
            width="100%"
            role="img"
            aria-label={title}
            className="lab-gallery"
          >
            {rows.map((r, i) => (
              <g key={i}>
                <text x={0} y={i * CELL + CELL / 2 + 4} className="lab-gallery__label">
                  {r.label}
                </text>
                {r.urls.map((url, j) => (
                  <image
                    key={j}
                    href={url}
                    x={LABEL_W + j * CELL + 2}
                    y={i * CELL + 2}
                    width={CELL - 4}
                    height={CELL - 4}
                    style={{ imageRendering: 'pixelated' }}
                  />
                ))}
              </g>
            ))}
          </svg>
        </LabFigure>
      )}
    </section>
  );
}
