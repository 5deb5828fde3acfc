/** Japanese: the "look deeper" views (saliency of a drawing, hidden-layer map, histograms over training). */
import type { InsightStrings } from '../en/insight';

export const insightStrings: InsightStrings = {
  insight: {
    saliency: {
      title: 'なぜ {{digit}} なのか',
      topClass: '推論結果',
      chosenClass: '選んだクラス',
      explaining: '{{digit}} の根拠 ({{which}})',
      backToTop: '推論結果に戻す',
      pick: '棒を選ぶと別のクラスの根拠を表示します (Tab で移動し Enter)。',
      barButton: '{{digit}} の根拠を表示 ({{percent}}%)',
      gradient: '勾配: ∂スコア/∂画素',
      gradientImage: '{{digit}} のスコアが各画素でどう変わるか',
      evidence: '根拠: 画素 × 勾配',
      evidenceImage: '{{digit}} を支持する (赤) / 否定する (青) 筆跡',
      legend: '色の目盛り',
      against: '{{digit}} を否定',
      for: '{{digit}} を支持',
      summary: '{{digit}} を支持する筆跡: +{{positive}}、否定: −{{negative}}',
      error: '根拠の計算に失敗しました: {{message}}',
    },
    map: {
      title: '隠れ層のマップ',
      layer: '層',
      layerOption: '{{name}} (ニューロン {{width}} 個)',
      computing: 'マップを計算中…',
      variance:
        'テスト画像 {{count}} 枚の PCA (イテレーション {{iteration}}): 第 1 軸が分散の {{first}}%、第 2 軸が {{second}}%',
      canvas: 'ラベルで色分けしたテスト画像 {{count}} 枚のマップ',
      keys: '点に合わせると画像を表示し、クリックで開きます。キー: 矢印で画像を移動、Enter で開く、Escape で閉じる。',
      legend: 'ラベル',
      drawn: 'あなたの手書き',
      point: 'テスト画像 {{index}}: 正解 {{label}}、推論 {{prediction}} ({{percent}}%)',
      opened: 'テスト画像 {{index}}',
      close: '閉じる',
      error: 'マップの計算に失敗しました: {{message}}',
    },
    tsne: {
      start: 't-SNE',
      about: '同じ画像をこのイテレーションの t-SNE で配置します (バックグラウンドで数秒かかります)。',
      cancel: 'キャンセル',
      fetching: '層の出力を取得中…',
      progress: 't-SNE の進み具合',
      affinities: '各画像の近傍を計算中…',
      iteration: 'イテレーション {{iteration}} / {{iterations}}',
      cancelled: 't-SNE をイテレーション {{iteration}} / {{iterations}} でキャンセルしました。',
      error: 't-SNE に失敗しました: {{message}}',
      caption:
        'テスト画像 {{count}} 枚の t-SNE (イテレーション {{iteration}}、パープレキシティ {{perplexity}}、KL {{kl}})。学習が進んでもこのままです。最新の状態は PCA のマップで見られます。',
      canvas: 'ラベルで色分けしたテスト画像 {{count}} 枚の t-SNE マップ',
      noDrawing:
        'あなたの手書きはこのマップにはありません: t-SNE は計算に使った画像しか配置できず、新しい点を加える方法がありません。PCA のマップには表示されます。',
      noNewPoints:
        '手書きの数字は t-SNE のマップには置けません: t-SNE は計算に使った画像しか配置できず、新しい点を加える方法がありません。',
      back: '最新の PCA マップに戻る',
    },
    histograms: {
      title: '学習中の活性化と重みの分布',
      none: 'まだヒストグラムがありません。学習中の各評価時点で記録されます。',
      about:
        '行が層、列が評価時点です。各隠れ層のテスト画像 500 枚に対する出力と、各層の重みの分布。グラフの下の数値は範囲です。',
      layer: '層',
      iteration: 'イテレーション {{iteration}}',
      activations: '{{name}} の出力',
      weights: '{{name}} の重み',
      dead: '死んだ ReLU ニューロン: {{percent}}%',
      deadCell: '{{percent}}% 死亡',
      cell: 'イテレーション {{iteration}} の {{name}}: {{min}} から {{max}}',
    },
  },
};
