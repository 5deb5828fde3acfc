/** Japanese: the prose of a run exported to Python (the notebook's Markdown cells, the script's header). */
import type { NotebookStrings } from '../en/notebook';

export const notebookStrings: NotebookStrings = {
  notebook: {
    intro:
      'MNIST Lab からエクスポートしたノートブックです。学習の重みを読み込み、『ゼロから作る Deep Learning』と同じ書き方の NumPy だけで書いた順伝播で MNIST を評価し、学習曲線・混同行列・第 1 層の重みを描きます。上のセルから順に実行してください（Run All）。',
    factRun: '学習',
    factDataset: 'データセット',
    factArchitecture: 'ネットワーク構成',
    factProgress: '学習の進み',
    progress: '{{total}} イテレーション中 {{iteration}}（{{state}}）',
    datasetBundled: 'MNIST（MNIST Lab に同梱のもの。訓練画像 {{train}} 枚、テスト画像 {{test}} 枚）',
    datasetFolder: '{{path}} の MNIST（訓練画像 {{train}} 枚、テスト画像 {{test}} 枚）',
    architectureMlp:
      '全結合ネットワーク {{sizes}}：隠れ層ごとに Affine → {{activation}}{{extras}}、最後に Affine → {{output}}',
    withBatchNorm: '、Batch Normalization あり',
    withDropout: '、Dropout {{ratio}}',
    settingsHeading: 'ハイパーパラメータ',
    settingsIntro: 'この学習のすべての設定と、それを説明している本の節です。',
    colSetting: '設定',
    colValue: '値',
    colSection: '本の節',
    notUsed: '{{value}}（使われていません：{{why}}）',
    yes: 'オン',
    no: 'オフ',
    setupHeading: '準備',
    setupText:
      '`MNIST_DIR` は MNIST の 4 つの IDX ファイル（そのままでも `.gz` でも可）があるフォルダです。この学習に使ったフォルダですが、環境変数 `MNIST_DIR` で別のフォルダを指定できます。',
    metricsHeading: '記録',
    metricsText:
      '`losses` はイテレーションごとのミニバッチの損失、`evaluations` は評価点（{{evalEvery}} イテレーションごと）ごとの訓練画像とテスト画像での認識精度と損失、`reported` は最後の評価点でアプリが報告した値です。',
    weightsHeading: '重み',
    weightsText:
      'アプリがエクスポートする重み（`.npz`）を base64 で埋め込んであるので、ノートブックはこのファイル 1 つで完結します。`np.load` で本と同じ `network` 辞書（`W1`、`b1`、…）に読み込みます。',
    mnistHeading: 'MNIST',
    mnistText:
      'IDX ファイルの読み込みと、本の `load_mnist(normalize=True, flatten=True)` です。画素は [0, 1] に正規化し、1 枚を 784 個の 1 行に並べ、ラベルは数字のままです。',
    forwardHeading: '順伝播',
    forwardText:
      '本の 3 章の `predict` と同じ書き方の順伝播です。Affine レイヤはそれぞれ `x @ W + b` で、そのあとに活性化関数が続き、最後の層は {{output}} で終わります。',
    accuracyHeading: 'テストデータでの認識精度',
    accuracyText:
      'テスト画像を {{batch}} 枚ずつ分類して、正解の数を数えます。アプリはイテレーション {{iteration}} で {{correct}}/{{count}} と報告しました。ここでの数は数枚以内で一致するはずです（アプリは float32 で計算しており、ここでも float32 です）。',
    accuracyNoReport:
      'テスト画像を {{batch}} 枚ずつ分類して、正解の数を数えます。アプリはこの学習をまだ評価していません。',
    curvesHeading: '損失と認識精度',
    curvesText:
      '左はイテレーションごとのミニバッチの損失、右は評価点ごとの認識精度です（本の図 4-11、図 4-12 と同じ見方です）。',
    confusionHeading: '混同行列',
    confusionText: '行が正解の数字、列が予測した数字です。対角線上が正解で、それ以外はすべて誤りです。',
    firstLayerHeading: '第 1 層の重み',
    firstLayerText:
      '`W1` の各列を 28×28 の画像として描きます（最大 100 個）。第 1 層のそれぞれのニューロンが反応するパターンです。',
    scriptTitle: '「{{name}}」の NumPy 学習スクリプト（MNIST Lab からエクスポート）。',
    scriptAbout:
      '同じネットワークを同じ設定でゼロから学習します。NumPy だけを使い、『ゼロから作る Deep Learning』の書き方（5 章 train_neuralnet.py、6 章 MultiLayerNetExtend）に倣っています。最後にアプリと同じ形式でテストデータでの認識精度を表示します。',
    scriptRun:
      '実行方法：python3 {{file}}   （別のフォルダの MNIST を使うには MNIST_DIR=/path/to/mnist python3 {{file}}）',
    scriptSettings: '設定（角かっこ内は本の節）：',
    scriptCannot: 'このスクリプトで正確には再現できないこと：',
    cannotRandom:
      'アプリの乱数列：アプリのシード付き乱数生成器は NumPy のものとは違うため、np.random.seed({{seed}}) でも重みの初期値、ミニバッチ、Dropout のマスク、ノイズ、データ拡張は別のものになります。認識精度は 1 ポイント程度の差で一致しますが、数字までは一致しません。',
    cannotFloat: 'アプリは float32 で計算しますが、このスクリプトは本と同じく float64 で計算します。',
    cannotLiveRate: '学習中に変えた学習率：このスクリプトは設定の学習率（{{lr}}）を最後まで使います。',
    cannotImported:
      'この学習は重みファイルから読み込んだもので、アプリで学習したものではありません。スクリプトは読み込み時に決まった設定で、この構成をゼロから学習します。',
    // 畳み込みネットワーク（issue 15）
    architectureConv: '本の {{network}}：{{layers}}',
    forwardTextConv:
      '本の 7 章と同じ書き方の順伝播です。`im2col` は画像のフィルターの大きさの窓をそれぞれ 1 行に並べるので、`Convolution` はフィルター `W`（FN, C, FH, FW）を（FN, C·FH·FW）に変形したものとの 1 回の行列の積になり、`Pooling` は窓ごとの行の最大値になります。そのあとに Affine レイヤ `x @ W + b` が続き、最後の層は {{output}} で終わります。',
    firstLayerTextConv:
      '最初の畳み込み層のフィルター `W1[i, 0]` を小さな画像として描きます（最大 100 個）。本の図 7-24 と同じく、それぞれのフィルターが反応するパターンです。',
    scriptAboutConv:
      '同じネットワークを同じ設定でゼロから学習します。NumPy だけを使い、『ゼロから作る Deep Learning』の書き方（7 章 simple_convnet.py と train_convnet.py、8 章 deep_convnet.py：im2col、Convolution と Pooling、col2im による逆伝播）に倣っています。最後にアプリと同じ形式でテストデータでの認識精度を表示します。',
  },
};
