/**
 * The strings of the weight visualizer's "gradient magnitude per layer" chart, in English, Japanese
 * (the book's terms: 勾配, 層, エポック) and Korean (기울기, 층). strings.ts puts them under
 * `inspect.gradient`.
 */

const en = {
  title: 'Gradient magnitude per layer',
  measure:
    'L2 norm ‖∂L/∂W‖ of each weight layer’s gradient (biases left out), the mean of every {{every}}th iteration between evaluations. Log scale.',
  legend: 'Layers',
  epoch: 'Epoch {{epoch}}',
  summary: '{{layer}}: {{value}} at epoch {{epoch}} (started at {{first}} at epoch {{firstEpoch}})',
  waiting: 'The gradient norms appear at the first evaluation point.',
  none: 'No gradient record for this run: the app measures gradients only while it trains a run, so imported runs and runs saved by an older version have none.',
};

/** The shape every language must fill. */
export type GradientDictionary = typeof en;

const ja: GradientDictionary = {
  title: '層ごとの勾配の大きさ',
  measure:
    '各層の重みの勾配 ‖∂L/∂W‖ の L2 ノルム（バイアスは含まない）。評価と評価の間で {{every}} イテレーションごとに測った値の平均。縦軸は対数目盛。',
  legend: '層',
  epoch: 'エポック {{epoch}}',
  summary: '{{layer}}: エポック {{epoch}} で {{value}}（開始時はエポック {{firstEpoch}} で {{first}}）',
  waiting: '勾配の大きさは最初の評価の時点で表示されます。',
  none: 'この学習結果には勾配の記録がありません。勾配はこのアプリで学習している間だけ測定するため、読み込んだ重みや以前のバージョンで保存した学習結果には記録がありません。',
};

const ko: GradientDictionary = {
  title: '층별 기울기 크기',
  measure:
    '각 층 가중치 기울기 ‖∂L/∂W‖의 L2 노름(편향 제외). 평가와 평가 사이에 {{every}}번째 반복마다 잰 값의 평균. 세로축은 로그 눈금.',
  legend: '층',
  epoch: '에폭 {{epoch}}',
  summary: '{{layer}}: 에폭 {{epoch}}에서 {{value}} (처음에는 에폭 {{firstEpoch}}에서 {{first}})',
  waiting: '기울기 크기는 첫 평가 시점에 표시됩니다.',
  none: '이 실행에는 기울기 기록이 없습니다. 기울기는 이 앱에서 학습하는 동안에만 측정하므로, 가져온 가중치나 이전 버전에서 저장한 실행에는 기록이 없습니다.',
};

export const gradientStrings = { en, ja, ko };
