/** Korean: the Regularisation primer's figures and their runs (issue 12). */
import type { LabsStrings } from '../en/labs';

export const primerStrings: LabsStrings['labs']['regularisation']['figures'] = {
  start: '실행 {{n}}개를 나란히 시작',
  startFailed: '실행을 시작하지 못했습니다: {{message}}',
  progress: '{{name}}: {{iteration}} / {{total}}({{state}})',
  decayTitle: 'L1과 L2 가중치 감소(§6.4.2)',
  decayAbout:
    '훈련 이미지 300장으로 작은 실행 두 개를 학습합니다. 하나는 L1(λ 0.01), 하나는 L2(λ 0.1)입니다. L1은 모든 가중치를 같은 양만큼 0으로 끌어당기므로 데이터에 필요 없는 가중치는 0이 됩니다. L2는 크기에 비례해 줄일 뿐 정확히 0이 되는 가중치는 없습니다. 히스토그램은 첫 번째 층의 가중치이며 평가할 때마다 갱신됩니다.',
  decayChart: 'L1과 L2 가중치 히스토그램',
  zeroShare: '{{name}}: ±0.001 이내 {{share}}',
  decaySummary: '첫 번째 층 가중치 중 ±0.001 이내의 비율: L1 {{l1}}, L2 {{l2}}.',
  gapTitle: '300장에서의 훈련·시험 차이(§6.4.1, 6.4.3)',
  gapAbout:
    '훈련 이미지가 300장뿐이면 신경망은 그것을 모두 외워 버리고 시험 정확도는 크게 뒤처집니다. 이것이 오버피팅입니다. 같은 실행을 가중치 감소, 드롭아웃과 함께 나란히 봅니다.',
  gapChart: '훈련과 시험 정확도 그래프',
  gapRow: '{{name}}: 훈련 {{train}}, 시험 {{test}}, 차이 {{gap}}포인트.',
  train: '훈련 정확도',
  test: '시험 정확도',
  galleryTitle: '학습에 쓰이는 이미지: 잡음과 데이터 확장',
  galleryAbout:
    '첫 훈련 이미지를 이 설정의 실행이 학습하는 그대로 보여 줍니다. 학습기 자신의 배치 생성 코드를 거쳐 σ의 가우스 잡음을 더하거나 무작위로 이동·회전합니다. 에폭마다 새 잡음과 새 이동이 뽑힙니다.',
  galleryChart: '훈련 이미지 갤러리',
  sigma: '잡음 σ',
  shift: '이동(px)',
  rotate: '회전(°)',
  drawAgain: '다시 뽑기',
  asTheyAre: '그대로',
  noisy: '잡음 σ {{sigma}}',
  augmented: '이동 ±{{shift}}, 회전 ±{{rotate}}°',
  earlyTitle: '조기 종료(§6.5.1)',
  earlyAbout:
    '300장 중 5분의 1을 검증용으로 떼어 둡니다. 검증 손실이 5번의 평가 동안 개선되지 않으면 학습기가 실행을 멈춥니다. 남길 가중치는 손실이 가장 낮았던 시점의 것입니다.',
  earlyChart: '검증 곡선 그래프',
  validationLoss: '검증 손실',
  trainLoss: '훈련 손실',
  iteration: '반복',
  best: '최저 검증 손실',
  stopped: '멈춤',
  bestAt: '최저 검증 손실 {{loss}}(반복 {{iteration}}).',
  stoppedAt: '반복 {{iteration}}에서 조기 종료했습니다.',
  presetsTitle: '책의 더 긴 실험(MNIST 실습에서)',
};
