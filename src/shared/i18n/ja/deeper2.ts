/** 日本語：勾配確認、実行の比較表、クラス名（issue 13 の 4–6）。 */
import type { deeper2Strings as en } from '../en/deeper2';

export const deeper2Strings: typeof en = {
  gradCheck: {
    title: '勾配確認',
    intro:
      '本の勾配確認（5.7.3 節）：誤差逆伝播法の勾配を中心差分 (f(x+h) − f(x−h)) / 2h と比べます。実行の現在の重みを float64 で使い、Batch Normalization と Dropout は推論時の動きにします。',
    none: '勾配を確認する実行を選んでください',
    images: '訓練画像の数',
    entries: 'パラメータごとの要素数',
    button: '勾配を確認',
    cancel: 'キャンセル',
    pauseFirst: 'この実行は学習中です。勾配を確認するには、一時停止するか学習が終わるのを待ってください。',
    starting: '確認を始めています…',
    progressLabel: '勾配確認の進み具合',
    progress: '{{total}} 要素中 {{done}} 要素を比較しました',
    checkedOf: '{{total}} 中 {{checked}}',
    kinks: '（{{count}} 要素は h/100 で測り直し：折れ目）',
    legend:
      'h = {{h}}。相対差 = 最大 |差| ÷ 最大 |勾配|。1e-5 未満なら一致、1e-2 までは境界（ReLU や Max プーリングの折れ目）、それより大きければ不一致（逆伝播の規則の誤り）です。',
    col: {
      name: 'パラメータ',
      checked: '確認した要素',
      mean: '平均 |差|',
      max: '最大 |差|',
      relative: '相対差',
      verdict: '判定',
    },
    verdict: { agree: '一致', borderline: '境界', disagree: '不一致' },
    summary: {
      agree:
        'すべてのパラメータで誤差逆伝播法の勾配が数値微分と一致しました（イテレーション {{iteration}} の重み、画像 {{images}} 枚）。逆伝播の規則は正しく実装されています。',
      borderline:
        '誤差逆伝播法の勾配はほぼ一致しました（イテレーション {{iteration}} の重み、画像 {{images}} 枚）。小さな差は ReLU や Max プーリングの折れ目によるもので、規則の誤りではありません。',
      disagree:
        '誤差逆伝播法の勾配が数値微分と一致しません（イテレーション {{iteration}} の重み、画像 {{images}} 枚）。印の付いたパラメータのすぐ上の層で、逆伝播の規則が間違っています。',
    },
  },
  compare: {
    title: '実行の比較',
    needTwo: '比較するには、グラフに 2 つ以上の実行を表示してください（実行一覧のチェックボックス）。',
    sameSettings: 'これらの実行の設定は同じです（シードも）。',
    differing_one: '違いのある設定だけを表示しています（強調表示）。',
    differing_other: '違いのある {{count}} 個の設定だけを表示しています（強調表示）。',
    exportCsv: 'CSV に書き出す',
    tableLabel: '実行の並列比較',
    run: '実行',
    col: {
      finalTrainAccuracy: '訓練認識精度（最終）',
      bestTrainAccuracy: '訓練認識精度（最高）',
      finalTestAccuracy: 'テスト認識精度（最終）',
      bestTestAccuracy: 'テスト認識精度（最高）',
      finalTrainLoss: '訓練損失（最終）',
      finalTestLoss: 'テスト損失（最終）',
      bestTestLoss: 'テスト損失（最小）',
      iterationsPerSecond: '毎秒のイテレーション',
      wallMs: '経過時間',
    },
  },
  classes: {
    fashion: {
      c0: 'Tシャツ/トップ',
      c1: 'ズボン',
      c2: 'プルオーバー',
      c3: 'ドレス',
      c4: 'コート',
      c5: 'サンダル',
      c6: 'シャツ',
      c7: 'スニーカー',
      c8: 'バッグ',
      c9: 'アンクルブーツ',
    },
    class: 'クラス',
    perClass: 'クラスごとの認識精度',
    filterTrue: '正解のクラス',
    filterPredicted: '予測したクラス',
    title: 'クラス名',
    intro:
      'このデータセットのクラスに名前を付けます（データフォルダに、このデータセットの分だけ保存されます）。',
    nameOf: 'ラベル {{label}} の名前',
    save: '名前を保存',
    reset: '自分で付けた名前を消す',
    source: {
      none: 'このデータセットにはクラス名がないため、ラベル 0–9 を表示しています。',
      known: 'ラベルのチェックサムから {{set}} と判定し、標準のクラス名を使っています。',
      file: 'データセットフォルダの classes.txt の名前を使っています。',
      user: 'あなたが付けた名前を使っています。',
    },
    set: { mnist: 'MNIST', 'fashion-mnist': 'Fashion-MNIST' },
    saved: 'クラス名を保存しました。',
    header: '{{set}} のクラス：{{names}}',
  },
};
