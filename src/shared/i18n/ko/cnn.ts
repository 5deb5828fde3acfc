/** Korean: the CNN views: the first convolution's filters before training and now, and a drawn digit's feature maps. */
import type { CnnStrings } from '../en/cnn';

export const cnnStrings: CnnStrings = {
  cnn: {
    filters: {
      title: '첫 번째 합성곱 계층: 학습 전과 현재의 필터',
      caption:
        '각 타일은 Conv1의 {{size}}×{{size}} 필터 하나입니다(책 §7.6.1, 그림 7-24). 학습 전에는 무작위 잡음이고, 학습하면서 에지와 블롭을 검출하게 됩니다.',
      before: '학습 전 필터',
      now: '현재 필터',
      beforeScale: '학습 전 · 스케일 ±{{max}}',
      nowScale: '현재(반복 {{iteration}}) · 스케일 ±{{max}}',
      filter: '필터 {{n}}',
      filterBefore: '학습 전 필터 {{n}}',
      noBefore: '이 실행은 가져온 것입니다. 가중치를 파일에서 읽었으므로 학습 전 필터가 없습니다.',
      loadingBefore: '실행의 시드로 초기 필터를 다시 만드는 중…',
    },
    maps: {
      title: '특징 맵(책 §7.6)',
      caption:
        '그린 숫자에 대해 각 합성곱 계층과 풀링 계층이 출력하는 것. 채널마다 타일 하나, 빨강은 양수, 파랑은 음수이며 계층마다 자체 스케일을 씁니다.',
      layer: '{{name}}: {{H}}×{{W}} 채널 {{C}}개',
      channel: '{{name}} 채널 {{n}}',
      channelStats:
        '{{name}} 채널 {{n}}: 최댓값 {{max}} ({{maxX}}, {{maxY}}), 최솟값 {{min}} ({{minX}}, {{minY}})',
      keys: '{{name}} 채널: 화살표 키로 채널을 고릅니다',
      hover: '{{name}} 채널 {{n}}, ({{x}}, {{y}}): {{value}}',
      loading: '특징 맵을 계산하는 중…',
      error: '특징 맵을 계산할 수 없습니다: {{message}}',
    },
  },
};
