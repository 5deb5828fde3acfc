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
  },
};
