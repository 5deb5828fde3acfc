/** ch06's MNIST experiments as one-click presets. */
import { LabPage } from './common';
import { PresetCard } from './PresetCard';

/** The presets page. */
export function PresetsLab() {
  return (
    <LabPage id="presets">
      <div className="lab__presets">
        {(['optimizers', 'weightInit', 'batchNorm', 'overfitting', 'randomSearch'] as const).map((id) => (
          <PresetCard key={id} id={id} />
        ))}
      </div>
    </LabPage>
  );
}
