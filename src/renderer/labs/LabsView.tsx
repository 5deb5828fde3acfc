/**
 * The Labs: the book's chapters 3 to 6 as live pages beside the MNIST lab. A list of labs by
 * chapter (arrow keys move through it) and the open lab. Every number a lab shows comes from the
 * engine (src/nn, the toys of src/nn/toys.ts); MNIST runs go through the Lab service.
 */
import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ActivationsLab } from './ActivationsLab';
import { BackpropLab } from './BackpropLab';
import { GradientLab } from './GradientLab';
import { GraphLab } from './GraphLab';
import { InitWeightsLab } from './InitWeightsLab';
import { LAB_CHAPTERS, LAB_IDS, type LabId } from './labList';
import { LossesLab } from './LossesLab';
import { NumDiffLab } from './NumDiffLab';
import { OptimizersLab } from './OptimizersLab';
import { PresetsLab } from './PresetsLab';
import { RegularisationLab } from './RegularisationLab';
import { ShapesLab } from './ShapesLab';
import { SoftmaxLab } from './SoftmaxLab';
import './labs.css';

const PAGES: Record<LabId, () => React.JSX.Element> = {
  activations: ActivationsLab,
  shapes: ShapesLab,
  softmax: SoftmaxLab,
  losses: LossesLab,
  numdiff: NumDiffLab,
  gradient: GradientLab,
  backprop: BackpropLab,
  graph: GraphLab,
  optimizers: OptimizersLab,
  initWeights: InitWeightsLab,
  regularisation: RegularisationLab,
  presets: PresetsLab,
};

/** The Labs view. */
export function LabsView() {
  const { t } = useTranslation();
  const [open, setOpen] = useState<LabId>('activations');
  const Page = PAGES[open];
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    e.preventDefault();
    const i = LAB_IDS.indexOf(open);
    const next = LAB_IDS[(i + (e.key === 'ArrowDown' ? 1 : LAB_IDS.length - 1)) % LAB_IDS.length];
    setOpen(next);
    document.getElementById(`lab-tab-${next}`)?.focus();
  };
  return (
    <div className="labs">
      <nav className="labs__nav" aria-label={t('labs.common.navLabel')}>
        <div
          role="tablist"
          aria-orientation="vertical"
          aria-label={t('labs.common.navLabel')}
          onKeyDown={onKeyDown}
        >
          {LAB_CHAPTERS.map((c) => (
            <div key={c.chapter} className="labs__chapter" role="presentation">
              <p className="labs__chapter-title" role="presentation">
                {t(`labs.chapters.${c.chapter}`)}
              </p>
              {c.labs.map((id) => (
                <button
                  key={id}
                  id={`lab-tab-${id}`}
                  type="button"
                  role="tab"
                  aria-selected={open === id}
                  aria-controls="lab-panel"
                  tabIndex={open === id ? 0 : -1}
                  className="labs__tab"
                  onClick={() => setOpen(id)}
                >
                  {t(`labs.${id}.title`)}
                </button>
              ))}
            </div>
          ))}
        </div>
      </nav>
      <div id="lab-panel" role="tabpanel" aria-labelledby={`lab-tab-${open}`} className="labs__panel">
        <Page key={open} />
      </div>
    </div>
  );
}
