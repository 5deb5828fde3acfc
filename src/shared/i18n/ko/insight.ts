/** Korean: the "look deeper" views (saliency of a drawing, hidden-layer map, histograms over training). */
import type { InsightStrings } from '../en/insight';

export const insightStrings: InsightStrings = {
  insight: {
    saliency: {
      title: '왜 {{digit}}인가?',
      topClass: '최상위 예측',
      chosenClass: '선택한 클래스',
      explaining: '{{digit}}의 근거 ({{which}})',
      backToTop: '최상위 예측으로 돌아가기',
      pick: '막대를 고르면 다른 클래스의 근거를 보여 줍니다 (Tab으로 이동 후 Enter).',
      barButton: '{{digit}}의 근거 보기 ({{percent}}%)',
      gradient: '기울기: ∂점수/∂픽셀',
      gradientImage: '각 픽셀에 따라 {{digit}}의 점수가 어떻게 변하는지',
      evidence: '근거: 픽셀 × 기울기',
      evidenceImage: '{{digit}}을(를) 지지하는 (빨강) / 반대하는 (파랑) 획',
      legend: '색 눈금',
      against: '{{digit}} 반대',
      for: '{{digit}} 지지',
      summary: '{{digit}}을(를) 지지하는 획: +{{positive}}, 반대: −{{negative}}',
      error: '근거 계산에 실패했습니다: {{message}}',
    },
  },
};
