/** Japanese: the loss, accuracy and learning-rate charts. */
import type { ChartsStrings } from '../en/charts';

export const chartsStrings: ChartsStrings = {
  charts: {
    exportPng: 'PNG',
    exportPngTitle: '{{title}} を PNG で保存',
    region: 'グラフ',
    loss: '損失関数のグラフ',
    accuracy: '認識精度のグラフ',
    learningRate: '学習率のグラフ',
    lossTitle: 'イテレーションごとの損失関数の値',
    accuracyTitle: 'エポックごとの認識精度',
    learningRateTitle: '学習率の推移',
    iteration: 'イテレーション',
    epoch: 'エポック',
    smoothing: '平滑化',
    raw: '{{name}}（生の値）',
    train: '{{name}} 訓練データ',
    test: '{{name}} テストデータ',
    validation: '{{name}} 検証データ',
    noData: 'まだデータがありません。',
    lossSummary: '{{name}}：イテレーション {{iteration}} での損失は {{loss}}。',
    accuracySummary:
      '{{name}}：エポック {{epoch}} で訓練データの認識精度 {{train}}、テストデータの認識精度 {{test}}。',
    learningRateSummary: '{{name}}：イテレーション {{iteration}} での学習率は {{lr}}。',
    legend: '凡例',
  },
};
