/** Korean: the weight visualizer: tiles, heatmaps, histograms and the gradient chart. */
import type { WeightsStrings } from '../en/weights';

export const weightsStrings: WeightsStrings = {
  weights: {
    title: '가중치',
    firstLayer: '첫 번째 층의 가중치',
    unit: '은닉층 뉴런 {{n}}',
    filter: '필터 {{n}}',
    scale: '색: 파랑 −{{max}}, 흰색 0, 빨강 +{{max}}',
    hoverTile: '{{tile}}, 픽셀 ({{x}}, {{y}}), 인덱스 {{index}}: {{value}}',
    hoverCell: '{{name}}[{{row}}, {{col}}] = {{value}}',
    heatmap: '{{name}} ({{rows}}×{{cols}})',
    histogram: '{{name}} 히스토그램',
    histogramRange: '값 {{count}}개, {{min}} ~ {{max}}',
    loading: '가중치를 불러오는 중…',
    none: '가중치를 볼 학습 결과를 선택하세요',
    error: '가중치를 읽을 수 없습니다: {{message}}',
    live: '학습 중에는 자동으로 갱신됩니다',
    close: '닫기',
    enlarged: '{{tile}} (확대)',
    unsupported: '이 첫 번째 층에는 28×28 그림으로 보일 가중치가 없습니다',
    hint: '마우스를 올리면 값을, 타일을 클릭하면 확대해 보여 줍니다',
    gradient: {
      title: '층별 기울기 크기',
      measure:
        '각 층 가중치 기울기 ‖∂L/∂W‖의 L2 노름(편향 제외). 평가와 평가 사이에 {{every}}번째 반복마다 잰 값의 평균. 세로축은 로그 눈금.',
      legend: '층',
      epoch: '에폭 {{epoch}}',
      summary: '{{layer}}: 에폭 {{epoch}}에서 {{value}} (처음에는 에폭 {{firstEpoch}}에서 {{first}})',
      waiting: '기울기 크기는 첫 평가 시점에 표시됩니다.',
      none: '이 실행에는 기울기 기록이 없습니다. 기울기는 이 앱에서 학습하는 동안에만 측정하므로, 가져온 가중치나 이전 버전에서 저장한 실행에는 기록이 없습니다.',
    },
  },
};
