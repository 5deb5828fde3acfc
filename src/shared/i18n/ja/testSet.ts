/** Japanese: the personal test set ("this was a 7"). */
import type { TestSetStrings } from '../en/testSet';

export const testSetStrings: TestSetStrings = {
  testSet: {
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
  },
};
