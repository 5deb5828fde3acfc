/** Japanese: the Regularisation primer's figures and their runs (issue 12). */
import type { LabsStrings } from '../en/labs';

export const primerStrings: LabsStrings['labs']['regularisation']['figures'] = {
  start: '{{n}} 個の実行を並べて開始',
  startFailed: '実行を開始できませんでした：{{message}}',
  progress: '{{name}}：{{iteration}} / {{total}}（{{state}}）',
  decayTitle: 'L1 と L2 の荷重減衰（§6.4.2）',
  decayAbout:
    '300 枚の訓練画像で小さな実行を 2 つ、一方は L1（λ 0.01）、もう一方は L2（λ 0.1）で学習します。L1 はすべての重みを同じ量だけ 0 へ引き寄せるので、データに不要な重みは 0 になります。L2 は大きさに比例して縮めるだけで、ちょうど 0 になる重みはありません。ヒストグラムは 1 層目の重みで、評価のたびに更新されます。',
  decayChart: 'L1 と L2 の重みのヒストグラム',
  zeroShare: '{{name}}：±0.001 以内が {{share}}',
  decaySummary: '1 層目の重みのうち ±0.001 以内の割合：L1 {{l1}}、L2 {{l2}}。',
  gapTitle: '300 枚での訓練とテストの差（§6.4.1、6.4.3）',
  gapAbout:
    '訓練画像が 300 枚しかないと、ネットワークはそれをすべて覚えてしまい、テストの認識精度は大きく遅れます。これが過学習です。同じ実行を荷重減衰あり、Dropout ありで並べます。',
  gapChart: '訓練とテストの認識精度のグラフ',
  gapRow: '{{name}}：訓練 {{train}}、テスト {{test}}、差 {{gap}} ポイント。',
  train: '訓練データの認識精度',
  test: 'テストデータの認識精度',
  galleryTitle: '学習に使われる画像：ノイズとデータ拡張',
  galleryAbout:
    '最初の訓練画像を、この設定の実行が学習に使うとおりに表示します。学習器自身のバッチ作成処理を通し、σ のガウスノイズを加えたり、ランダムに平行移動・回転したりします。エポックごとに新しいノイズと移動が選ばれます。',
  galleryChart: '訓練画像のギャラリー',
  sigma: 'ノイズ σ',
  shift: '平行移動（px）',
  rotate: '回転（°）',
  drawAgain: 'もう一度引く',
  asTheyAre: 'そのまま',
  noisy: 'ノイズ σ {{sigma}}',
  augmented: '移動 ±{{shift}}、回転 ±{{rotate}}°',
  earlyTitle: '早期終了（§6.5.1）',
  earlyAbout:
    '300 枚の 5 分の 1 を検証用に取り分けます。検証データの損失が 5 回の評価で改善しなければ学習器は実行を止めます。残すべき重みは損失が最も低い時点のものです。',
  earlyChart: '検証曲線のグラフ',
  validationLoss: '検証データの損失',
  trainLoss: '訓練データの損失',
  iteration: 'イテレーション',
  best: '検証損失の最小',
  stopped: '停止',
  bestAt: '検証損失の最小値 {{loss}}（イテレーション {{iteration}}）。',
  stoppedAt: 'イテレーション {{iteration}} で早期終了しました。',
  presetsTitle: '本のより長い実験（MNIST ラボで実行）',
};
