/** Korean: the hyperparameter panel: its sections, every setting's label and help, the choices, why a setting does not apply, and input errors. */
import type { PanelStrings } from '../en/panel';

export const panelStrings: PanelStrings = {
  panel: {
    title: '하이퍼파라미터',
    network: '신경망',
    reset: '기본값으로 되돌리기',
    section: '책 §{{section}}',
    slider: '{{label}} 슬라이더',
    liveHint: '선택한 학습에 바로 적용됩니다.',
    nextRunHint: '다른 변경 사항은 다음 학습부터 적용됩니다.',
  },
  hidden: {
    label: '은닉층',
    help: '입력 쪽부터 차례로 각 은닉층의 뉴런 수(5장에서는 50).',
    size: '은닉층 {{index}} 크기',
    add: '층 추가',
    remove: '은닉층 {{index}} 삭제',
  },
  param: {
    arch: {
      label: '아키텍처',
      help: '신경망 종류: 5~6장의 다층 신경망, 7장의 SimpleConvNet, 8장의 DeepConvNet.',
    },
    filters: { label: '필터 수', help: '합성곱 계층의 필터 개수(책의 filter_num, 30).' },
    filterSize: { label: '필터 크기', help: '정사각형 필터 한 변의 픽셀 수(책은 5×5).' },
    stride: { label: '스트라이드', help: '필터가 한 번에 이동하는 픽셀 수(책은 1).' },
    pad: { label: '패딩', help: '합성곱 전에 이미지 둘레에 덧붙이는 0의 폭(책은 0).' },
    pool: { label: '풀링 크기', help: '최대 풀링 창의 한 변이며 스트라이드도 같은 값입니다(책은 2×2).' },
    convHidden: { label: '은닉 유닛 수', help: '풀링 뒤 완전연결 계층의 뉴런 수(책의 hidden_size, 100).' },
    activation: {
      label: '활성화 함수',
      help: '각 Affine 계층 뒤의 비선형 함수. ReLU는 학습이 빠르고, 시그모이드 함수는 책에서 처음 나옵니다.',
    },
    loss: {
      label: '손실 함수',
      help: '학습으로 줄이는 지표. 분류에서는 소프트맥스 뒤의 교차 엔트로피 오차가 표준입니다.',
    },
    init: {
      label: '가중치 초깃값',
      help: '처음 가중치를 정하는 방법. 시그모이드와 tanh에는 Xavier, ReLU에는 He 초깃값이 알맞습니다.',
    },
    initStd: {
      label: '가중치 초깃값의 표준편차',
      help: '처음 가중치를 만드는 정규분포의 표준편차(책에서는 0.01).',
    },
    optimizer: { label: '최적화 기법', help: '기울기로 가중치를 갱신하는 방법.' },
    learningRate: {
      label: '학습률',
      help: '한 번 갱신하는 크기. 너무 크면 발산하고, 너무 작으면 학습이 더딥니다.',
    },
    gradClip: {
      label: '기울기 클리핑',
      help: '각 갱신 전에 모든 기울기를 함께 줄여 전체 L2 노름이 이 값 이하가 되게 합니다(0 = 사용 안 함). 나쁜 배치 하나가 가중치를 멀리 날려 보내지 않게 합니다.',
    },
    momentum: { label: '모멘텀', help: '이전 갱신을 얼마나 이어받는지. 비탈을 구르는 공처럼 움직입니다.' },
    beta1: { label: 'Adam β1', help: '기울기 이동 평균의 감쇠율.' },
    beta2: { label: 'Adam β2', help: '기울기 제곱 이동 평균의 감쇠율.' },
    rmsDecay: { label: 'RMSprop 감쇠율', help: '과거 기울기 제곱을 얼마나 빨리 잊는지.' },
    schedule: { label: '학습률 스케줄', help: '학습 중에 학습률을 어떻게 바꿀지.' },
    scheduleStepEpochs: {
      label: '감쇠 간격(에폭)',
      help: '계단식 스케줄에서 학습률을 낮출 때까지의 에폭 수.',
    },
    scheduleDecay: { label: '감쇠율', help: '역수형·지수형 스케줄에서 학습률이 줄어드는 속도.' },
    weightDecay: { label: '가중치 감소', help: '큰 가중치에 페널티를 주어 오버피팅을 억제합니다.' },
    weightDecayLambda: { label: '가중치 감소 λ', help: '페널티의 세기.' },
    dropout: {
      label: '드롭아웃 비율',
      help: '학습 중 무작위로 삭제하는 뉴런의 비율. 오버피팅을 억제합니다.',
    },
    batchNorm: {
      label: '배치 정규화',
      help: '미니배치마다 각 층의 입력을 정규화합니다. 학습이 빨라지고 가중치 초깃값에 덜 민감해집니다.',
    },
    batchSize: { label: '배치 크기', help: '미니배치 하나의 이미지 수(책에서는 100).' },
    stopBy: { label: '종료 조건', help: '반복 횟수나 에폭 수로 학습을 끝냅니다.' },
    epochs: { label: '에폭 수', help: '훈련 데이터를 몇 번 도는지.' },
    iterations: { label: '반복 횟수', help: '미니배치로 갱신하는 횟수(책에서는 10,000번).' },
    evalEvery: {
      label: '평가 간격(반복)',
      help: '훈련 데이터와 시험 데이터로 정확도를 재는 간격(600이면 1에폭). 측정은 쌓이지 않습니다. 앞의 두 번이 아직 계산 중일 때 돌아온 측정은 건너뜁니다.',
    },
    sampling: { label: '미니배치 선택 방법', help: '매번 무작위로 뽑을지(책의 방법), 에폭마다 섞을지.' },
    trainSubset: {
      label: '훈련 데이터 수',
      help: '이 수만큼만 훈련 데이터를 씁니다(0 = 전부). 적게 하면 오버피팅이 보입니다.',
    },
    validationSplit: {
      label: '검증 데이터 비율',
      help: '하이퍼파라미터 조정용으로 떼어 두는 훈련 데이터의 비율.',
    },
    patience: {
      label: '조기 종료 인내',
      help: '검증 데이터에서 이 횟수만큼 개선이 없으면 멈춥니다(0 = 멈추지 않음).',
    },
    noiseSigma: { label: '입력 노이즈 σ', help: '학습 중 픽셀에 더하는 가우스 노이즈.' },
    augmentShift: { label: '무작위 이동(px)', help: '훈련 이미지를 최대 이 픽셀만큼 옮깁니다.' },
    augmentRotate: { label: '무작위 회전(°)', help: '훈련 이미지를 최대 이 각도만큼 회전합니다.' },
    seed: {
      label: '난수 시드',
      help: '가중치 초깃값, 배치 순서, 드롭아웃 마스크를 고정합니다. 같은 시드면 같은 곡선이 나옵니다.',
    },
  },
  option: {
    arch: { mlp: '다층 신경망', 'simple-convnet': 'SimpleConvNet(7장)', 'deep-convnet': 'DeepConvNet(8장)' },
    activation: { relu: 'ReLU', sigmoid: '시그모이드 함수', tanh: 'tanh' },
    loss: {
      'softmax-cross-entropy': '소프트맥스 + 교차 엔트로피 오차',
      'identity-mse': '항등 함수 + 오차제곱합',
    },
    init: { std: '정규분포(표준편차 지정)', xavier: 'Xavier 초깃값', he: 'He 초깃값' },
    optimizer: {
      sgd: 'SGD',
      momentum: 'Momentum',
      nesterov: 'Nesterov',
      adagrad: 'AdaGrad',
      rmsprop: 'RMSprop',
      adam: 'Adam',
    },
    schedule: { constant: '일정', step: '계단식', inverse: '역수형', exponential: '지수형' },
    weightDecay: { none: '없음', l2: 'L2', l1: 'L1' },
    stopBy: { iterations: '반복 횟수', epochs: '에폭 수' },
    sampling: { random: '무작위(복원 추출)', shuffle: '에폭마다 섞기' },
  },
  why: {
    mlpOnly: '다층 신경망에서만 사용합니다.',
    simpleConvNetOnly: 'SimpleConvNet에서만 사용합니다. DeepConvNet은 책의 구성 그대로 고정되어 있습니다.',
    convRelu: '합성곱 신경망은 책과 같이 ReLU를 사용합니다.',
    deepConvNetFixed:
      'DeepConvNet은 책의 구성 그대로 고정되어 있습니다(자체 드롭아웃을 쓰고 배치 정규화는 쓰지 않습니다).',
    initStd: '"정규분포(표준편차 지정)" 초깃값에서만 씁니다.',
    momentum: 'Momentum과 Nesterov에서만 씁니다.',
    adamOnly: 'Adam에서만 씁니다.',
    rmspropOnly: 'RMSprop에서만 씁니다.',
    stepOnly: '계단식 스케줄에서만 씁니다.',
    decayOnly: '역수형과 지수형 스케줄에서만 씁니다.',
    noWeightDecay: '먼저 가중치 감소에서 L2나 L1을 고르세요.',
    byIterations: '반복 횟수로 끝납니다. 종료 조건에서 "에폭 수"를 고르세요.',
    byEpochs: '에폭 수로 끝납니다. 종료 조건에서 "반복 횟수"를 고르세요.',
    noValidation: '검증 데이터 비율을 0보다 크게 하세요.',
  },
  error: {
    notNumber: '숫자를 입력하세요.',
    integer: '정수를 입력하세요.',
    range: '{{min}}에서 {{max}} 사이여야 합니다.',
    invalidConfig: '표시된 값을 고치면 학습할 수 있습니다.',
  },
  // The SimpleConvNet's layer sizes beside its controls (cnnviews)
  convShape: {
    label: '층별 크기(채널 × 높이 × 너비)',
    shapes: 'Conv1 {{conv}} → Pool1 {{pool}} → Affine {{inputs}} → {{hidden}} → 10',
    deep: '{{layers}} → Affine {{inputs}} → {{hidden}} → 10 (필터 3×3, 스트라이드 1)',
  },
};
