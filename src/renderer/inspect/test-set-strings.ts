/**
 * Strings of the personal test set ("this was a 7"), merged into the inspect dictionaries under
 * `inspect.mine`. Japanese and Korean use the book's terms (テストデータ, 認識精度 / 테스트 데이터, 정확도).
 */
const en = {
  thisWas: 'This was a…',
  addAs: 'Add to my test set as {{digit}}',
  added: 'Added to your test set as {{digit}} ({{total}} in the set).',
  addFailed: 'Could not add the drawing: {{message}}',
  title: 'My test set',
  intro:
    'Drawings you labelled with “This was a…”. Evaluate them with any run to see how it does on your own handwriting.',
  empty: 'No drawings yet: draw a digit, then say which it was.',
  count: 'Drawings: {{total}}',
  perDigit: 'Drawings per digit',
  evaluate: 'Evaluate with {{run}}',
  evaluating: 'Evaluating…',
  result: '{{run}}: {{correct}} of {{total}} correct ({{percent}}%)',
  evaluateFailed: 'Evaluation failed: {{message}}',
  list: 'Drawings in my test set',
  item: 'Drawing {{n}}: labelled {{label}}',
  itemResult: 'Drawing {{n}}: labelled {{label}}, predicted {{predicted}} ({{percent}}%)',
  delete: 'Delete drawing {{n}} ({{label}})',
  deleteFailed: 'Could not delete the drawing: {{message}}',
  right: 'right',
  wrong: 'wrong',
};

export type TestSetDictionary = typeof en;

const ja: TestSetDictionary = {
  thisWas: 'この数字は…',
  addAs: '{{digit}} として自分のテストセットに追加',
  added: '{{digit}} としてテストセットに追加しました（全 {{total}} 枚）。',
  addFailed: '手書き画像を追加できませんでした：{{message}}',
  title: '自分のテストセット',
  intro:
    '「この数字は…」でラベルを付けた手書き画像です。どの実行でも評価でき、自分の字をどれだけ認識できるかがわかります。',
  empty: 'まだ画像がありません。数字を描いて、何の数字かを選んでください。',
  count: '{{total}} 枚',
  perDigit: '数字ごとの枚数',
  evaluate: '{{run}} で評価',
  evaluating: '評価中…',
  result: '{{run}}：{{total}} 枚中 {{correct}} 枚正解（{{percent}}%）',
  evaluateFailed: '評価できませんでした：{{message}}',
  list: '自分のテストセットの画像',
  item: '画像 {{n}}：ラベル {{label}}',
  itemResult: '画像 {{n}}：ラベル {{label}}、推論 {{predicted}}（{{percent}}%）',
  delete: '画像 {{n}}（{{label}}）を削除',
  deleteFailed: '画像を削除できませんでした：{{message}}',
  right: '正解',
  wrong: '不正解',
};

const ko: TestSetDictionary = {
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
};

export const testSetStrings = { en, ja, ko };
