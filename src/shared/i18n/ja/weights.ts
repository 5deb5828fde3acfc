/** Japanese: the weight visualizer: tiles, heatmaps, histograms and the gradient chart. */
import type { WeightsStrings } from '../en/weights';

export const weightsStrings: WeightsStrings = {
  weights: {
    title: '重み',
    firstLayer: '第1層の重み',
    unit: '隠れ層のニューロン {{n}}',
    filter: 'フィルター {{n}}',
    scale: '色: 青 −{{max}}、白 0、赤 +{{max}}',
    hoverTile: '{{tile}}、画素 ({{x}}, {{y}})、インデックス {{index}}: {{value}}',
    hoverCell: '{{name}}[{{row}}, {{col}}] = {{value}}',
    heatmap: '{{name}} ({{rows}}×{{cols}})',
    histogram: '{{name}} のヒストグラム',
    histogramRange: '{{count}} 個の値、{{min}} 〜 {{max}}',
    loading: '重みを読み込み中…',
    none: '重みを見る学習結果を選んでください',
    error: '重みを読み込めませんでした: {{message}}',
    live: '学習中は自動で更新されます',
    close: '閉じる',
    enlarged: '{{tile}} (拡大)',
    unsupported: 'この第1層には 28×28 の画像として表示できる重みがありません',
    hint: 'ポインターを重ねると値を表示、タイルをクリックすると拡大',
    gradient: {
      title: '層ごとの勾配の大きさ',
      measure:
        '各層の重みの勾配 ‖∂L/∂W‖ の L2 ノルム（バイアスは含まない）。評価と評価の間で {{every}} イテレーションごとに測った値の平均。縦軸は対数目盛。',
      legend: '層',
      epoch: 'エポック {{epoch}}',
      summary: '{{layer}}: エポック {{epoch}} で {{value}}（開始時はエポック {{firstEpoch}} で {{first}}）',
      waiting: '勾配の大きさは最初の評価の時点で表示されます。',
      none: 'この学習結果には勾配の記録がありません。勾配はこのアプリで学習している間だけ測定するため、読み込んだ重みや以前のバージョンで保存した学習結果には記録がありません。',
    },
  },
};
