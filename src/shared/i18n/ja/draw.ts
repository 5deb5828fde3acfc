/** Japanese: drawing a digit and reading the prediction and hidden-layer activations. */
import type { DrawStrings } from '../en/draw';

export const drawStrings: DrawStrings = {
  draw: {
    title: '手書き数字の認識',
    canvas: '手書き入力キャンバス',
    hint: '数字を書いてください',
    brush: 'ペンの太さ',
    clear: '消去',
    undo: '元に戻す',
    run: 'ネットワーク',
    noRuns: 'まだ学習結果がありません。先に学習するか読み込んでください',
    preview: 'ネットワークへの入力 (28×28)',
    shortcuts: 'Delete キーで消去、Ctrl+Z (⌘Z) で最後の一筆を元に戻す',
    error: '推論に失敗しました: {{message}}',
    predict: {
      live: '推論結果: {{digit}} ({{percent}}%)',
      top: '推論結果',
      probabilities: '各クラスの確率',
      bar: '{{digit}}: {{percent}}%',
    },
    activations: {
      title: '隠れ層の活性化',
      layer: '隠れ層 {{n}} (ニューロン {{size}} 個)',
      cell: 'ニューロン {{unit}}: {{value}}',
    },
  },
};
