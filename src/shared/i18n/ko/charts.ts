/** Korean: the loss, accuracy and learning-rate charts. */
import type { ChartsStrings } from '../en/charts';

export const chartsStrings: ChartsStrings = {
  charts: {
    exportPng: 'PNG',
    exportPngTitle: '{{title}}을(를) PNG로 저장',
    region: '그래프',
    loss: '손실 함수 그래프',
    accuracy: '정확도 그래프',
    learningRate: '학습률 그래프',
    lossTitle: '반복마다의 손실 함수 값',
    accuracyTitle: '에폭마다의 정확도',
    learningRateTitle: '학습률 변화',
    iteration: '반복',
    epoch: '에폭',
    smoothing: '평활화',
    raw: '{{name}} (원래 값)',
    train: '{{name}} 훈련 데이터',
    test: '{{name}} 시험 데이터',
    validation: '{{name}} 검증 데이터',
    noData: '아직 데이터가 없습니다.',
    lossSummary: '{{name}}: 반복 {{iteration}}에서 손실 {{loss}}.',
    accuracySummary: '{{name}}: 에폭 {{epoch}}에서 훈련 정확도 {{train}}, 시험 정확도 {{test}}.',
    learningRateSummary: '{{name}}: 반복 {{iteration}}에서 학습률 {{lr}}.',
    legend: '범례',
  },
};
