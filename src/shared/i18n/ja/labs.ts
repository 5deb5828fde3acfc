/** Japanese: the Labs, the book's chapters 3 to 6 as live pages. */
import type { LabsStrings } from '../en/labs';
import { graphLabStrings } from './labs-graph';
import { primerStrings } from './labs-primer';

export const labsStrings: LabsStrings = {
  labs: {
    area: {
      label: 'エリア',
      mnist: 'MNIST ラボ',
      labs: '本のラボ',
    },
    chapters: {
      ch03: '3章・ニューラルネットワーク',
      ch04: '4章・ニューラルネットワークの学習',
      ch05: '5章・誤差逆伝播法',
      ch06: '6章・学習に関するテクニック',
    },
    common: {
      navLabel: 'ラボ',
      section: '本書 {{section}} 節',
      reset: 'リセット',
      play: '再生',
      step: '1 ステップ',
      // issue 12: the labs' worker
      workerFailed: 'ラボのワーカーが失敗しました: {{message}}',
    },
    activations: {
      title: '活性化関数',
      section: '3.2',
      intro:
        'ステップ関数、シグモイド関数、tanh、ReLU と、その導関数（破線）です。x を動かすと各関数の y と dy/dx が読めます。ステップ関数には役に立つ傾きがなく、シグモイドの傾きは最大 0.25、ReLU の傾きは 0 か 1 です。',
      x: 'x',
      curves: '関数',
      curve: { step: 'ステップ関数', sigmoid: 'シグモイド', tanh: 'tanh', relu: 'ReLU' },
      derivatives: '導関数を表示',
      derivativeOf: '{{name}}′',
      chart: '活性化関数のグラフ',
      atX: 'x = {{x}} での値',
      function: '関数',
      undefined: '定義されない',
      readout: '{{name}}（x = {{x}}）：y = {{y}}、dy/dx = {{dydx}}。',
    },
    shapes: {
      title: '形状と順方向の計算',
      section: '3.3–3.4',
      intro:
        'np.dot(A, B) では A の列数と B の行数が一致していなければなりません。その下は、本書に印刷された重みを持つ 3 層ニューラルネットワークです。x や重みを書き換えると、その先の値がすべて更新されます。',
      ruleTitle: 'A·B は計算できる？',
      aRows: 'A の行数',
      aCols: 'A の列数',
      bRows: 'B の行数',
      bCols: 'B の列数',
      defined: 'は計算できます。結果の形状は {{shape}} です。',
      undefined: 'は計算できません。内側の次元 {{left}} と {{right}} が一致しません。',
      networkTitle: '3 層ニューラルネットワーク（init_network, forward）',
      weight: '{{name}} の {{row}} 行 {{col}} 列',
      flow: 'すべての途中の値とその形状',
      stage: '値',
      formula: '計算式',
      shape: '形状',
      value: '値の中身',
      formulas: {
        A1: 'x·W1 + b1',
        Z1: 'sigmoid(A1)',
        A2: 'Z1·W2 + b2',
        Z2: 'sigmoid(A2)',
        A3: 'Z2·W3 + b3',
        y: 'identity(A3)',
      },
      chart: 'ネットワークの出力のグラフ',
      summary: '出力 y = {{y}}。',
    },
    softmax: {
      title: 'ソフトマックス関数',
      section: '3.5',
      intro:
        'ロジットを入力すると確率が棒グラフで表示されます。素朴な式 exp(a) / Σ exp(a) は大きな値でオーバーフローして NaN になります。先に最大値を引けば、同じ答えをオーバーフローなしで得られます。温度はロジットを割る値で、1 より大きいと平らに、小さいと鋭くなります。',
      logits: 'ロジット a（カンマ区切り）',
      bookExample: '本書の例 [0.3, 2.9, 4.0]',
      overflowExample: 'オーバーフローの例 [1010, 1000, 990]',
      naive: '素朴な式（最大値を引かない）',
      temperature: '温度 T',
      badLogits: '0.3, 2.9, 4.0 のように、カンマで区切った 1〜20 個の数値を入力してください。',
      nanExplained: 'exp(1010) は float64 で表せる最大値を超えて inf になり、inf / inf は NaN です。',
      chart: 'ソフトマックスの確率のグラフ',
      summary: '確率 {{y}}。',
    },
    losses: {
      title: '損失関数',
      section: '4.2',
      intro:
        '本書のニューラルネットワークの出力 y と one-hot 表現の正解ラベルを比べます。正解ラベルを選び、出力を動かすと、2 乗和誤差と交差エントロピー誤差がともに変わります。',
      label: '正解ラベル',
      values: '正解 {{label}}：2 乗和誤差 {{mse}}、交差エントロピー誤差 {{ce}}。',
      output: 'y{{k}}',
      outputSeries: '出力 y',
      targetSeries: 'one-hot の正解 t',
      chart: '出力と正解のグラフ',
      whyNotAccuracy:
        'なぜ認識精度を指標にしないのか。重み w を少し変えても認識精度はしばらく変わらず、あるところで飛びます。その微分はほとんどの場所で 0 になり、重みをどちらに動かせばよいか教えてくれません。損失関数は滑らかに変わります。',
      sweepChart: '重みを 1 つ変えたときの認識精度と損失',
      accuracySeries: '認識精度',
      lossSeries: '交差エントロピー誤差',
    },
    numdiff: {
      title: '数値微分',
      section: '4.3',
      intro:
        'f1(x) = 0.01x² + 0.1x と、x での接線です。傾きは中心差分 (f(x+h) − f(x−h)) / 2h（h = 1e-4）で求めます。下のグラフは h を小さくしたときの誤差です。はじめは減りますが、やがて丸め誤差が勝ち、float32 では float64 より早くそうなります。',
      x: 'x',
      slopes: 'x = {{x}} での傾き',
      central: '中心差分',
      forward: '前方差分 (f(x+h) − f(x)) / h',
      exact: '解析解 0.02x + 0.1',
      tangent: '接線',
      chart: 'f1 と接線のグラフ',
      errorChart: 'h を小さくしたときの誤差（両対数）',
      logError: 'log₁₀ |誤差|',
      summary: 'x = {{x}} での傾きは {{slope}}。',
      tinyH:
        'h = 1e-50 は float32 では {{rounded}} になるので、x + h は x のままで、推定値は {{value}} です。誤差がちょうど 0 の点はグラフの下端に描いています。',
    },
    gradient: {
      title: '勾配と勾配降下法',
      section: '4.4',
      intro:
        '矢印は −∇f、つまり下り坂の向きです。平面をクリックして（または数値で）開始点を決め、学習率とステップ数を選んで勾配降下法を見てみましょう。0.1 は収束し、10 は発散し、1e-10 はほとんど動きません。',
      function: '関数',
      f2: 'f(x0, x1) = x0² + x1²',
      f3: 'f(x, y) = x²/20 + y²',
      startX: '開始点 x0',
      startY: '開始点 x1',
      lr: '学習率',
      steps: 'ステップ数',
      end: '{{step}} ステップ後：x = {{point}}、f(x) = {{value}}。',
      diverged: '発散しました。',
      clickHint: 'クリックで開始点を設定します。',
      planeLabel: '勾配の矢印と勾配降下法の経路',
      chart: '勾配と勾配降下法のグラフ',
      valueChart: '各ステップの f(x)',
      summary: '経路の終点は {{point}}。',
      atPoints: '3 つの点での勾配（numerical_gradient）',
    },
    backprop: {
      title: 'なぜ誤差逆伝播法か',
      section: '4.5, 5.7',
      intro:
        '本の 2 層ネットワークを実際の MNIST 画像で、同じ初期重みと同じ 10 枚ずつのバッチから 2 回学習します。1 回は数値微分の勾配（パラメータ 1 つにつき順方向の計算 2 回、§4.5）、もう 1 回は誤差逆伝播法（§5.7）で、1 イテレーションずつ交互にワーカーで計算します。損失の曲線は同じになり、1 イテレーションあたりの時間をこのマシンで計測します。',
      hidden: 'ネットワーク',
      params: 'パラメータ',
      iterations: 'イテレーション数',
      measure: '両方の方法で学習する',
      measuring:
        '学習中… 両方の方法で {{total}} 回中 {{done}} 回終了（バッチ {{batch}} 枚）。数値微分には少し時間がかかります。',
      failed: '計測できませんでした：{{message}}',
      result:
        '誤差逆伝播法：1 イテレーションあたり {{backprop}}。数値微分：1 イテレーションあたり {{numerical}}、およそ {{ratio}} 倍の時間です。',
      us: '{{v}} µs',
      ms: '{{v}} ms',
      s: '{{v}} 秒',
      chart: '1 イテレーションあたりの時間のグラフ',
      logMs: 'log₁₀ 時間（ms）',
      backpropSeries: '誤差逆伝播法',
      numericalSeries: '数値微分',
      summary: '計測値：誤差逆伝播法 {{backprop}} ms、数値微分 {{numerical}} ms（1 イテレーションあたり）。',
      lossChart: '両方の方法の損失の推移のグラフ',
      lossSummary: 'イテレーションごとの損失（誤差逆伝播法/数値微分）：{{losses}}。',
      iteration: 'イテレーション',
    },
    optimizers: {
      title: '最適化手法の比較',
      section: '6.1',
      intro:
        '6 つの最適化手法が、本書の学習率で f(x, y) = x²/20 + y² を (−7, 2) から 30 回の更新で最小化します。SGD は傾きの急な y 方向にジグザグに進み、Momentum はボールが転がるように動き、AdaGrad と Adam は歩幅を調整します。',
      choose: '最適化手法と学習率',
      lr: '{{name}} の学習率',
      steps: '表示する更新回数',
      chart: '最適化手法の経路のグラフ',
      planeLabel: 'x²/20 + y² 上の各最適化手法の経路',
      at: '{{name}}：{{point}}。',
      table: '{{step}} 回更新後の位置と f',
    },
    initWeights: {
      title: '重みの初期値とアクティベーション',
      section: '6.2',
      intro:
        '1000 個のランダムな入力を 100 ニューロンの 5 層に通します。標準偏差 1 ではシグモイドの出力が 0 と 1 に偏り（勾配消失）、0.01 では 0.5 付近に集まります（表現力の制限）。Xavier の初期値はシグモイドと tanh に、He の初期値は ReLU に向いています。',
      init: '重みの初期値',
      activation: '活性化関数',
      inits: { std1: '標準偏差 1', std001: '標準偏差 0.01', xavier: 'Xavier', he: 'He' },
      layer: '{{n}} 層目',
      chart: 'アクティベーションのヒストグラム',
      summary: '{{init}}・{{activation}} での 5 層のヒストグラム。',
    },
    regularisation: {
      title: '正則化の入門',
      section: '6.4–6.5',
      intro:
        'ネットワークが訓練データを丸暗記しないための方法を、ここから開始して並べて学習する小さな MNIST の実行で示します：L1 と L2 の重みのヒストグラム、300 枚での訓練とテストの認識精度の差とその対策、学習器に与えるノイズ入り・拡張済みの画像、早期終了の時点を示した検証曲線。',
      terms: {
        l1: {
          term: 'L1 の Weight decay',
          text: '損失に λ Σ|W| を加えます。多くの重みがちょうど 0 になります。',
        },
        l2: {
          term: 'L2 の Weight decay',
          text: '損失に ½ λ Σ W² を加えます。大きな重みは小さくなりますが、ちょうど 0 にはなりません。',
        },
        dropout: {
          term: 'Dropout',
          text: '学習のたびに隠れ層のニューロンをランダムに消去し、特定のニューロンに頼れないようにします。',
        },
        noise: {
          term: 'ノイズの付加',
          text: '訓練画像にガウスノイズを加えます。画素をそのまま覚えることができなくなります。',
        },
        augment: {
          term: 'Data Augmentation',
          text: '訓練画像を少し平行移動・回転させ、同じデータから多くのデータを作ります。',
        },
        early: {
          term: '早期終了（Early stopping）',
          text: '検証データを取り分け、その認識精度が何回か続けて改善しなければ学習を止めます。',
        },
      },
      // issue 12: the primer's figures
      figures: primerStrings,
    },
    presets: {
      title: 'MNIST の実験',
      section: '6',
      intro:
        '本書 6 章の実験をワンクリックのプリセットにしました。それぞれ MNIST ラボで学習を始め、そのグラフを表示します。数分で終わるよう、繰り返し回数は本書より減らしています。',
      start: 'MNIST ラボで {{n}} 件の学習を開始',
      ranked: '最高の認識精度（検証データ、なければテストデータ）の順',
      noEvaluation: 'まだ評価されていません',
      optimizers: {
        title: '最適化手法の比較',
        about: '784-100-100-100-100-10 の ReLU ネットワークで SGD、Momentum、AdaGrad、Adam を比べます。',
      },
      weightInit: {
        title: '重みの初期値',
        about: '同じ ReLU ネットワークで、標準偏差 0.01、Xavier、He の初期値を比べます。',
      },
      batchNorm: {
        title: 'Batch Normalization',
        about:
          '訓練画像 1000 枚で、2 つの初期値のスケールについて Batch Normalization のありとなしを比べます。',
      },
      overfitting: {
        title: '過学習とその対策',
        about: '訓練画像 300 枚と深いネットワークで、対策なし、L2 の Weight decay、Dropout を比べます。',
      },
      randomSearch: {
        title: 'ランダムサーチ',
        about: '学習率と Weight decay の係数を対数スケールでランダムに選び、検証データで評価します。',
      },
      l1l2: {
        title: 'L1 と L2',
        about:
          '同じ過学習の設定で L1 と L2 の Weight decay を比べます。重みのヒストグラムを見比べてください。',
      },
      noiseAugment: {
        title: 'ノイズと Data Augmentation',
        about: '対策なし、ノイズを加えた画像、平行移動・回転した画像を比べます。',
      },
      earlyStopping: {
        title: '早期終了',
        about: '20 % を検証データに取り分け、3 回続けて改善しなければ止めます。',
      },
      runs: {
        sgd: 'SGD',
        momentum: 'Momentum',
        adagrad: 'AdaGrad',
        adam: 'Adam',
        std001: '標準偏差 0.01',
        xavier: 'Xavier',
        he: 'He',
        bnOn: 'Batch Norm あり、標準偏差 {{std}}',
        bnOff: 'Batch Norm なし、標準偏差 {{std}}',
        plain: '正則化なし',
        l2: 'L2、λ {{lambda}}',
        l1: 'L1、λ {{lambda}}',
        dropout: 'Dropout {{ratio}}',
        trial: '試行 {{n}}：学習率 {{lr}}、λ {{lambda}}',
        noise: 'ノイズ σ {{sigma}}',
        augment: '平行移動 {{shift}} px、回転 {{rotate}}°',
        early: '早期終了、猶予 {{patience}} 回',
      },
    },
    // issue 12: ch05 computational graphs
    graph: graphLabStrings,
  },
};
