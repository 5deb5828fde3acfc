/** Korean: the personal test set ("this was a 7"). */
import type { TestSetStrings } from '../en/testSet';

export const testSetStrings: TestSetStrings = {
  testSet: {
    thisWas: '이 숫자는…',
    addAs: '{{digit}}(으)로 나의 테스트 세트에 추가',
    added: '{{digit}}(으)로 테스트 세트에 추가했습니다(모두 {{total}}장).',
    addFailed: '그림을 추가할 수 없습니다: {{message}}',
    title: '나의 테스트 세트',
    intro:
      '"이 숫자는…"으로 레이블을 붙인 그림입니다. 어떤 실행으로든 평가해서 내 글씨를 얼마나 잘 인식하는지 볼 수 있습니다.',
    empty: '아직 그림이 없습니다. 숫자를 그리고 어떤 숫자인지 고르세요.',
    count: '{{total}}장',
    perDigit: '숫자별 장수',
    evaluate: '{{run}}(으)로 평가',
    evaluating: '평가 중…',
    result: '{{run}}: {{total}}장 중 {{correct}}장 정답({{percent}}%)',
    evaluateFailed: '평가할 수 없습니다: {{message}}',
    list: '나의 테스트 세트의 그림',
    item: '그림 {{n}}: 레이블 {{label}}',
    itemResult: '그림 {{n}}: 레이블 {{label}}, 예측 {{predicted}}({{percent}}%)',
    delete: '그림 {{n}}({{label}}) 삭제',
    deleteFailed: '그림을 삭제할 수 없습니다: {{message}}',
    right: '정답',
    wrong: '오답',
  },
};
