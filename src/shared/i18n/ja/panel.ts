/** Japanese: the hyperparameter panel: its sections, every setting's label and help, the choices, why a setting does not apply, and input errors. */
import type { PanelStrings } from '../en/panel';

export const panelStrings: PanelStrings = {
  panel: {
    title: 'ハイパーパラメータ',
    network: 'ネットワーク',
    reset: '初期値に戻す',
    section: '本書 §{{section}}',
    slider: '{{label}}のスライダー',
    liveHint: '選択中の学習にすぐ反映されます。',
    nextRunHint: 'ほかの変更は次の学習から反映されます。',
  },
  hidden: {
    label: '隠れ層',
    help: '入力側から順に、各隠れ層のニューロン数（5章では 50）。',
    size: '隠れ層 {{index}} のサイズ',
    add: '層を追加',
    remove: '隠れ層 {{index}} を削除',
  },
  param: {
    arch: {
      label: 'アーキテクチャ',
      help: 'ネットワークの種類：5〜6章の多層ネットワーク、7章の SimpleConvNet、8章の DeepConvNet。',
    },
    filters: { label: 'フィルター数', help: '畳み込み層のフィルターの数（本書の filter_num、30）。' },
    filterSize: { label: 'フィルターサイズ', help: '正方形フィルターの一辺のピクセル数（本書は 5×5）。' },
    stride: { label: 'ストライド', help: 'フィルターを一度に動かすピクセル数（本書は 1）。' },
    pad: { label: 'パディング', help: '畳み込みの前に画像の周囲に足す 0 の幅（本書は 0）。' },
    pool: {
      label: 'プーリングサイズ',
      help: 'Max プーリングの窓の一辺。ストライドも同じ値になります（本書は 2×2）。',
    },
    convHidden: {
      label: '隠れユニット数',
      help: 'プーリングの後の全結合層のニューロン数（本書の hidden_size、100）。',
    },
    activation: {
      label: '活性化関数',
      help: '各 Affine レイヤの後に置く非線形関数。ReLU は学習が速く、シグモイド関数は本書で最初に登場します。',
    },
    loss: {
      label: '損失関数',
      help: '学習で小さくする指標。分類ではソフトマックスの後の交差エントロピー誤差が標準です。',
    },
    init: {
      label: '重みの初期値',
      help: '最初の重みの決め方。シグモイドや tanh には Xavier、ReLU には He の初期値が向いています。',
    },
    initStd: {
      label: '重みの初期値の標準偏差',
      help: '最初の重みを生成するガウス分布の標準偏差（本書では 0.01）。',
    },
    optimizer: { label: '最適化手法', help: '勾配から重みを更新する方法。' },
    learningRate: {
      label: '学習率',
      help: '1 回の更新の大きさ。大きすぎると発散し、小さすぎると学習が進みません。',
    },
    gradClip: {
      label: '勾配クリッピング',
      help: '各更新の前に、すべての勾配をまとめて縮め、全体の L2 ノルムがこの値以下になるようにします（0 = 使わない）。1 つの悪いバッチで重みが大きく飛ばされるのを防ぎます。',
    },
    momentum: {
      label: 'モーメンタム',
      help: '前回の更新をどれだけ引き継ぐか。坂を転がるボールのような動きになります。',
    },
    beta1: { label: 'Adam の β1', help: '勾配の移動平均の減衰率。' },
    beta2: { label: 'Adam の β2', help: '勾配の 2 乗の移動平均の減衰率。' },
    rmsDecay: { label: 'RMSprop の減衰率', help: '過去の勾配の 2 乗をどれだけ速く忘れるか。' },
    schedule: { label: '学習率のスケジュール', help: '学習中に学習率をどう変えるか。' },
    scheduleStepEpochs: {
      label: '減衰の間隔（エポック）',
      help: 'ステップ型のスケジュールで、学習率を下げるまでのエポック数。',
    },
    scheduleDecay: { label: '減衰率', help: '逆数型・指数型のスケジュールで、学習率が小さくなる速さ。' },
    weightDecay: {
      label: 'Weight decay（荷重減衰）',
      help: '大きな重みにペナルティを課し、過学習を抑えます。',
    },
    weightDecayLambda: { label: 'Weight decay の λ', help: 'ペナルティの強さ。' },
    dropout: {
      label: 'Dropout の比率',
      help: '学習中にランダムに消去するニューロンの割合。過学習を抑えます。',
    },
    batchNorm: {
      label: 'バッチ正規化',
      help: 'ミニバッチごとに各層の入力を正規化します。学習が速くなり、重みの初期値に左右されにくくなります。',
    },
    batchSize: { label: 'バッチサイズ', help: '1 つのミニバッチの画像数（本書では 100）。' },
    stopBy: { label: '終了条件', help: 'イテレーション数かエポック数で学習を終えます。' },
    epochs: { label: 'エポック数', help: '訓練データを何周するか。' },
    iterations: { label: 'イテレーション数', help: 'ミニバッチによる更新の回数（本書では 10,000 回）。' },
    evalEvery: {
      label: '評価の間隔（イテレーション）',
      help: '訓練データとテストデータで認識精度を測る間隔（600 で 1 エポック）。測定はたまりません。前の 2 回がまだ計算中のときに来た回は飛ばします。',
    },
    sampling: {
      label: 'ミニバッチの選び方',
      help: '毎回ランダムに選ぶ（本書の方法）か、エポックごとにシャッフルするか。',
    },
    trainSubset: {
      label: '訓練データの枚数',
      help: 'この枚数だけ訓練データを使います（0 = すべて）。少なくすると過学習が見られます。',
    },
    validationSplit: {
      label: '検証データの割合',
      help: 'ハイパーパラメータの調整用に取り分ける訓練データの割合。',
    },
    patience: {
      label: '早期終了の猶予',
      help: '検証データでの改善がこの回数続かなければ学習を止めます（0 = 止めない）。',
    },
    noiseSigma: { label: '入力ノイズ σ', help: '学習中に画素へ加えるガウスノイズ。' },
    augmentShift: { label: 'ランダム平行移動（px）', help: '訓練画像を最大この画素数だけずらします。' },
    augmentRotate: { label: 'ランダム回転（°）', help: '訓練画像を最大この角度だけ回転させます。' },
    seed: {
      label: '乱数シード',
      help: '重みの初期値、バッチの順序、Dropout のマスクを固定します。同じシードなら同じ曲線になります。',
    },
  },
  option: {
    arch: {
      mlp: '多層ネットワーク',
      'simple-convnet': 'SimpleConvNet（7章）',
      'deep-convnet': 'DeepConvNet（8章）',
    },
    activation: { relu: 'ReLU', sigmoid: 'シグモイド関数', tanh: 'tanh' },
    loss: {
      'softmax-cross-entropy': 'ソフトマックス＋交差エントロピー誤差',
      'identity-mse': '恒等関数＋2 乗和誤差',
    },
    init: { std: 'ガウス分布（標準偏差を指定）', xavier: 'Xavier の初期値', he: 'He の初期値' },
    optimizer: {
      sgd: 'SGD',
      momentum: 'Momentum',
      nesterov: 'Nesterov',
      adagrad: 'AdaGrad',
      rmsprop: 'RMSprop',
      adam: 'Adam',
    },
    schedule: { constant: '一定', step: 'ステップ型', inverse: '逆数型', exponential: '指数型' },
    weightDecay: { none: 'なし', l2: 'L2', l1: 'L1' },
    stopBy: { iterations: 'イテレーション数', epochs: 'エポック数' },
    sampling: { random: 'ランダム（復元抽出）', shuffle: 'エポックごとにシャッフル' },
  },
  why: {
    mlpOnly: '多層ネットワークでのみ使います。',
    simpleConvNetOnly: 'SimpleConvNet でのみ使います。DeepConvNet は本書のとおりの固定構成です。',
    convRelu: '畳み込みネットワークは本書と同じく ReLU を使います。',
    deepConvNetFixed:
      'DeepConvNet は本書のとおりの固定構成です（専用の Dropout を持ち、Batch Normalization は使いません）。',
    initStd: '「ガウス分布（標準偏差を指定）」の初期値でのみ使います。',
    momentum: 'Momentum と Nesterov でのみ使います。',
    adamOnly: 'Adam でのみ使います。',
    rmspropOnly: 'RMSprop でのみ使います。',
    stepOnly: 'ステップ型のスケジュールでのみ使います。',
    decayOnly: '逆数型と指数型のスケジュールでのみ使います。',
    noWeightDecay: '先に Weight decay で L2 か L1 を選んでください。',
    byIterations: 'イテレーション数で終了します。終了条件で「エポック数」を選んでください。',
    byEpochs: 'エポック数で終了します。終了条件で「イテレーション数」を選んでください。',
    noValidation: '検証データの割合を 0 より大きくしてください。',
  },
  error: {
    notNumber: '数値を入力してください。',
    integer: '整数を入力してください。',
    range: '{{min}} から {{max}} の範囲で入力してください。',
    invalidConfig: '赤く示された値を直すと学習できます。',
  },
  // The SimpleConvNet's layer sizes beside its controls (cnnviews)
  convShape: {
    label: '各層のサイズ（チャンネル × 高さ × 幅）',
    shapes: 'Conv1 {{conv}} → Pool1 {{pool}} → Affine {{inputs}} → {{hidden}} → 10',
    deep: '{{layers}} → Affine {{inputs}} → {{hidden}} → 10（フィルター 3×3、ストライド 1）',
  },
};
