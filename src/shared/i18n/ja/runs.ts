/** Japanese: the run list, export menu and the import-weights dialog. */
import type { RunsStrings } from '../en/runs';

export const runsStrings: RunsStrings = {
  runs: {
    rerun: '再実行',
    rerunTitle: '{{name}} を同じ設定でもう一度学習',
    trainFurtherTitle: '{{name}} を読み込んだ重みから続けて学習',
    exportMenu: 'エクスポート',
    exportTitle: '{{name}} をエクスポート',
    exportNpz: 'NumPy .npz',
    exportPkl: 'pickle .pkl',
    exportJson: 'JSON .json',
    exportOnnx: 'ONNX .onnx',
    exportIpynb: 'Jupyter ノートブック .ipynb',
    exportPy: 'NumPy 学習スクリプト .py',
    exportLossCsv: '損失 CSV（イテレーションごと）',
    exportEpochsCsv: 'エポック CSV（認識精度）',
    importWeights: '重みを読み込む…',
    title: '学習の一覧',
    empty: 'まだ学習はありません。',
    show: '{{name}} をグラフに表示',
    rename: '{{name}} の名前を変更',
    nameField: '{{name}} の名前',
    save: '保存',
    cancel: 'キャンセル',
    delete: '{{name}} を削除',
    confirmDelete: '学習「{{name}}」と記録を削除しますか？',
    select: '{{name}} を選択',
    selected: '選択中',
    defaultName: '学習 {{number}}',
  },
  importDialog: {
    title: '重みの読み込み',
    file: 'ファイル',
    architecture: 'ネットワーク',
    batchNorm: 'Batch Normalization あり',
    activation: '活性化関数',
    askActivation:
      'このファイルには活性化関数の記録がありません。このネットワークに対する本の選択をあらかじめ選んであります。',
    fromFile: '活性化関数はファイルに記録されています。',
    settingsFromFile: '続けて学習するときは、ファイルに記録された設定を使います。',
    settingsFromPanel:
      'ファイルには学習の設定が記録されていません。続けて学習するときはパネルの設定（最適化手法、学習率、バッチサイズなど）を使います。層の構成はファイルのとおりです。',
    name: '実行の名前',
    import: '読み込む',
    cancel: 'キャンセル',
  },
};
