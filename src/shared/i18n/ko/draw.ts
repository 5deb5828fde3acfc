/** Korean: drawing a digit and reading the prediction and hidden-layer activations. */
import type { DrawStrings } from '../en/draw';

export const drawStrings: DrawStrings = {
  draw: {
    title: '손글씨 숫자 인식',
    canvas: '그리기 캔버스',
    hint: '숫자를 써 보세요',
    brush: '펜 굵기',
    clear: '지우기',
    undo: '실행 취소',
    run: '신경망',
    noRuns: '아직 학습 결과가 없습니다. 먼저 학습하거나 불러오세요',
    preview: '신경망이 보는 입력 (28×28)',
    shortcuts: 'Delete 키로 지우기, Ctrl+Z (⌘Z)로 마지막 획 취소',
    error: '추론 실패: {{message}}',
    predict: {
      live: '추론 결과: {{digit}} ({{percent}}%)',
      top: '추론 결과',
      probabilities: '클래스별 확률',
      bar: '{{digit}}: {{percent}}%',
    },
    activations: {
      title: '은닉층 활성화',
      layer: '은닉층 {{n}} (뉴런 {{size}}개)',
      cell: '뉴런 {{unit}}: {{value}}',
    },
  },
};
