/** Korean: the training controls and progress, and the run states (the one place they are named). */
import type { TrainingStrings } from '../en/training';

export const trainingStrings: TrainingStrings = {
  controls: {
    region: '학습 조작',
    train: '학습',
    pause: '일시 정지',
    resume: '재개',
    step: '한 단계',
    stop: '정지',
    help: '도움말',
    noRun: '선택한 학습이 없습니다. "학습"을 눌러 시작하세요.',
    epochOf: '에폭 {{epoch}} / {{total}}',
    iterationOf: '반복 {{iteration}} / {{total}}',
    perSecond: '초당 {{rate}}회',
    elapsed: '경과 {{time}}',
    remaining: '남은 시간 {{time}}',
    progress: '{{name}} 진행 상황',
  },
  state: {
    starting: '시작 중',
    training: '학습 중',
    paused: '일시 정지',
    finished: '완료',
    stopped: '정지됨',
    diverged: '발산',
    failed: '실패',
    interrupted: '중단됨',
    imported: '가져옴',
  },
};
