/** Japanese: the training controls and progress, and the run states (the one place they are named). */
import type { TrainingStrings } from '../en/training';

export const trainingStrings: TrainingStrings = {
  controls: {
    region: '学習の操作',
    train: '学習',
    pause: '一時停止',
    resume: '再開',
    step: '1 ステップ',
    stop: '停止',
    help: 'ヘルプ',
    noRun: '学習が選ばれていません。「学習」を押して始めましょう。',
    epochOf: 'エポック {{epoch}} / {{total}}',
    iterationOf: 'イテレーション {{iteration}} / {{total}}',
    perSecond: '{{rate}} 回/秒',
    elapsed: '経過 {{time}}',
    remaining: '残り {{time}}',
    progress: '{{name}} の進み具合',
  },
  state: {
    starting: '開始中',
    training: '学習中',
    paused: '一時停止中',
    finished: '完了',
    stopped: '停止',
    diverged: '発散',
    failed: '失敗',
    interrupted: '中断',
    imported: '読み込み済み',
  },
};
