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
    map: {
      title: '은닉층 지도',
      layer: '층',
      layerOption: '{{name}} (뉴런 {{width}}개)',
      computing: '지도를 계산하는 중…',
      variance:
        '테스트 이미지 {{count}}장의 PCA (반복 {{iteration}}): 1축이 분산의 {{first}}%, 2축이 {{second}}%',
      canvas: '레이블별로 색칠한 테스트 이미지 {{count}}장의 지도',
      keys: '점을 가리키면 이미지를 보여 주고 클릭하면 엽니다. 키: 화살표로 이미지 이동, Enter로 열기, Escape로 닫기.',
      legend: '레이블',
      drawn: '직접 그린 숫자',
      point: '테스트 이미지 {{index}}: 정답 {{label}}, 예측 {{prediction}} ({{percent}}%)',
      opened: '테스트 이미지 {{index}}',
      close: '닫기',
      error: '지도 계산에 실패했습니다: {{message}}',
    },
    tsne: {
      start: 't-SNE',
      about: '같은 이미지를 이 반복 시점의 t-SNE로 배치합니다 (백그라운드에서 몇 초 걸립니다).',
      cancel: '취소',
      fetching: '층의 출력을 가져오는 중…',
      progress: 't-SNE 진행 상황',
      affinities: '각 이미지의 이웃을 찾는 중…',
      iteration: '반복 {{iteration}} / {{iterations}}',
      cancelled: 't-SNE를 반복 {{iteration}} / {{iterations}}에서 취소했습니다.',
      error: 't-SNE에 실패했습니다: {{message}}',
      caption:
        '테스트 이미지 {{count}}장의 t-SNE (반복 {{iteration}}, 퍼플렉서티 {{perplexity}}, KL {{kl}}). 학습이 계속되어도 그대로이며, 최신 상태는 PCA 지도에서 볼 수 있습니다.',
      canvas: '레이블별로 색칠한 테스트 이미지 {{count}}장의 t-SNE 지도',
      noDrawing:
        '직접 그린 숫자는 이 지도에 없습니다: t-SNE는 계산에 쓴 이미지만 배치할 수 있고 새 점을 더할 방법이 없습니다. PCA 지도에는 표시됩니다.',
      noNewPoints:
        '직접 그린 숫자는 t-SNE 지도에 놓을 수 없습니다: t-SNE는 계산에 쓴 이미지만 배치할 수 있고 새 점을 더할 방법이 없습니다.',
      back: '최신 PCA 지도로 돌아가기',
    },
    histograms: {
      title: '학습 중 활성화와 가중치의 분포',
      none: '아직 히스토그램이 없습니다. 학습 중 평가 시점마다 기록됩니다.',
      about:
        '행은 층, 열은 평가 시점입니다. 각 은닉층이 테스트 이미지 500장에 대해 내는 출력과 각 층의 가중치 분포. 그래프 아래 숫자는 범위입니다.',
      layer: '층',
      iteration: '반복 {{iteration}}',
      activations: '{{name}} 출력',
      weights: '{{name}} 가중치',
      dead: '죽은 ReLU 뉴런: {{percent}}%',
      deadCell: '{{percent}}% 죽음',
      cell: '반복 {{iteration}}의 {{name}}: {{min}}부터 {{max}}까지',
    },
  },
};
