/** Which controls the panel shows: an architecture's own settings only for that architecture. */
import { notApplicable, type TrainConfig } from '../../shared/hyperparams';
import type { KeyOf } from '../../shared/i18n';

/** Why-keys that mark a setting as another architecture's own: such a control is hidden, not disabled. */
const ARCH_OWN: readonly KeyOf<'why'>[] = ['why.mlpOnly', 'why.simpleConvNetOnly'];

/** True when the panel shows the control of `key` for `config` (perhaps disabled, with its reason). */
export function shownInPanel(key: keyof TrainConfig, config: TrainConfig): boolean {
  const why = notApplicable(key, config);
  return why === null || !ARCH_OWN.includes(why);
}
