/** Japanese versions of the service's messages (src/shared/messages.ts), by key; `msg.` in the Japanese dictionary. */
import type { MessageKey } from '../../messages';

export const jaMessages: Record<MessageKey, string> = {
  drawingNotSaved:
    'テストセットを {{file}} に保存できませんでした：{{why}}。テストセットは変わっていません。',
  drawingsNotMoved:
    '保存されたテストセット（{{file}}）を読み込めず（{{detail}}）、退避もできませんでした（{{why}}）。ファイルはそのまま残し、新しい画像はアプリを閉じるまでだけ保持します。',
  fileUnreadable: 'ファイルを読み込めませんでした。',
  chartNoCanvas: 'グラフを描く 2D キャンバスがありません。',
  chartNotEncoded: 'グラフを PNG に変換できませんでした。',
  chartNotDrawn: 'グラフを描けませんでした。',
  clientClosed: 'MNIST Lab との接続は閉じられています。',
  interrupted: 'この実行の学習中にアプリが終了しました。保存済みのエポックは残っています。',
  noDrawings: 'あなたのテストセットは空です。まず数字を描いて、何の数字かを選んでください。',
  noDrawing: 'ID {{id}} の手書き画像はありません。',
  drawingsFull: 'あなたのテストセットは上限の {{max}} 枚に達しています。先にいくつか削除してください。',
  drawingsUnreadable:
    '保存されたテストセット（{{file}}）を読み込めませんでした：{{detail}}。元のファイルは {{backup}} として残してあります。',
  divergedNaN:
    'イテレーション {{iteration}} で損失が NaN になりました。学習率（{{lr}}）が大きすぎる可能性があります。{{safer}} 以下を試してください',
  divergedInfinite:
    'イテレーション {{iteration}} で損失が無限大になりました。学習率（{{lr}}）が大きすぎる可能性があります。{{safer}} 以下を試してください',
  threadCrashed: '学習スレッドが異常終了しました：{{detail}}',
  threadExited: '学習スレッドが予期せず終了しました（終了コード {{code}}）。',
  evaluatorFailed: '評価スレッドでエラーが起きました：{{detail}}',
  runCouldNotStart: '学習を開始できませんでした：{{detail}}',
  tooManyRuns:
    '同時に学習できるのは {{max}} 個までです。ほかの学習を止めるか、終わるのを待ってから始めてください。',
  noWeightsYet: '{{name}} には動いているワーカーも保存済みの重みもありません（まだ重みに到達していません）。',
  wrongState:
    '{{name}} は「{{state}}」です。この操作は開始中・学習中・一時停止中・インポート済みの実行だけが受け付けます。',
  noWorker: '{{name}} には動いているワーカーがありません（状態：{{state}}）。',
  noRun: 'ID {{id}} の実行はありません。',
  fileTooBig: '{{name}} は {{size}} バイトです。重みファイルは {{max}} バイトまで読み込めます。',
  cannotImport: '{{name}} はインポートできません：{{detail}}',
  noLongerOpen: 'その重みファイルはもう開かれていません。もう一度開いてください。',
  wrongInputs: 'W1 の入力は {{inputs}} 個ですが、MNIST の画像は {{pixels}} ピクセル（28x28）です。',
  wrongOutputs:
    '最後の層の出力は {{outputs}} 個ですが、MNIST には {{classes}} 個（数字ごとに 1 つ）必要です。',
  notTrainable: 'このネットワークはここでは学習できません：{{detail}}',
  notBookConvNet:
    'この畳み込みの重みは本書の SimpleConvNet（W1 (FN, 1, F, F)、W2 (FN·S·S, hidden)、W3 (hidden, 10)）でも DeepConvNet でもありません：{{shapes}}。',
  notDense: '{{W}} の形状は {{shape}} です。評価できるのは全結合ネットワーク（W がすべて 2 次元）だけです。',
  shapesDontChain:
    '形状がつながりません：{{previous}} の出力は {{outputs}} 個ですが、{{weight}} の入力は {{inputs}} 個です。',
  noBias: '{{W}} に対応するバイアス {{b}} がありません。',
  biasSize: '{{b}} の値は {{count}} 個ですが、{{weight}} の出力は {{outputs}} 個です。',
  tooFewLayers:
    '少なくとも W1, b1, W2, b2（隠れ層が 1 つあるネットワーク）が必要ですが、ファイルにあるのは {{names}} です。',
  emptyWeights:
    '少なくとも W1, b1, W2, b2（隠れ層が 1 つあるネットワーク）が必要ですが、ファイルには何もありません。',
  unknownKind:
    '重みファイル {{name}} の種類がわかりません。mnist-lab の JSON、NumPy の .npz / .npy、Python の pickle（.pkl）、ONNX のいずれかを指定してください。',
  onnxImport:
    'ONNX はエクスポートのみでインポートはできません（バッチ正規化が畳み込まれているため）。代わりに .json、.npz、.pkl のエクスポートをインポートしてください。',
  notZip: '.npz ファイルではありません（zip アーカイブではありません）。',
  npzDamaged: '.npz アーカイブが壊れているか途中で切れています：{{cause}}。',
  npzNoArrays: '.npz アーカイブに配列がありません。',
  pythonExportUnsupported:
    '{{architecture}} のネットワークは {{format}} としてエクスポートできません（できるのは MLP、simple-convnet、deep-convnet の学習だけです）。代わりに重み（.npz、.pkl、.json）をエクスポートしてください。',
  npzNotNpy: '.npz アーカイブに .npy ではないファイル {{name}} が含まれています。',
  npzEntry: '{{name}} の中で：{{detail}}',
  unsupportedDtype:
    "NumPy の dtype '{{dtype}}' には対応していません。読み込めるのは数値の配列（f4, f8, u1, i1, u2, i2, u4, i4, i8, u8, b1）だけです。",
  arrayDataSize: '配列のデータは {{has}} ですが、形状 ({{shape}}) の {{dtype}} には {{needs}} 必要です。',
  pickleGlobal:
    'pickle が {{global}} を参照していますが、これは許可されていません。読み込めるのは NumPy 配列だけです。',
  pickleNotDict: 'pickle の中身が配列の辞書（{"W1": array, "b1": array, ...} のような形）ではありません。',
  pickleNotArray: "pickle の値 '{{name}}' が NumPy 配列ではありません。",
  pickleTruncatedAt:
    'pickle が途中で切れています：オフセット {{offset}} の {{what}} に {{needs}} 必要ですが、残りは {{left}} です。',
  pickleTruncated:
    'pickle が途中で切れています：オフセット {{offset}} で STOP オペコードなしに終わっています。',
  npzTooManyEntries:
    '.npz アーカイブに {{count}} 個のエントリがあります。読み込めるのは {{max}} 個までです（ネットワークの配列は 1 層あたり 2〜3 個です）。',
  npzHeadersDisagree:
    '.npz のエントリ {{name}} について、アーカイブの目録とエントリ自身のヘッダーの内容が食い違っています。壊れているか、悪意のあるファイルです。',
  npzEntryOutside:
    '.npz のエントリ {{name}} は {{size}} の圧縮データがあると宣言していますが、アーカイブにはそれだけの場所がありません。壊れているか、悪意のあるファイルです。',
  npzOverlap:
    '.npz のエントリ {{first}} と {{second}} が同じバイトを共有しています。壊れているか、悪意のあるファイルです。',
  npzInflatesTooMuch:
    '.npz のエントリ {{name}} は宣言した {{expected}} を超えて展開されます（ここまでで {{more}}）。壊れているか、悪意のあるファイルです。',
  npzSizeMismatch:
    '.npz のエントリ {{name}} はアーカイブの目録で {{declared}} と宣言されていますが、その配列には {{needs}} が必要です。',
  npzArraysTooBig:
    'この .npz の配列は合計で {{max}} を超えます。ここで学習するネットワークの重みはずっと小さくて済みます。',
  npyHeaderTooLong: '.npy のヘッダーが {{size}} あります。{{max}} を超えるヘッダーは読み込みません。',
  arrayTooBig:
    '形状 ({{shape}})、{{dtype}} の配列には {{size}} が必要です。重みファイルの配列は合計 {{max}} までです。',
  jsonTooManyValues:
    '重み JSON に {{max}} 個を超える値があります。重みファイルに必要な値はずっと少なくて済みます（テンソルは base64 の文字列です）。',
  jsonTooDeep: '重み JSON の入れ子が {{max}} 段より深くなっています。重みファイルには 5 段あれば足ります。',
  jsonConfigTooBig: '重み JSON の学習設定が {{size}} 文字あります。読み込めるのは {{max}} 文字までです。',
  nonFiniteWeight:
    'テンソル {{name}} のインデックス {{index}} の値が {{value}} です。重みは有限の数でなければなりません（保存した実行が発散していた可能性があります）。',
  decodeTimedOut:
    '読み込みに {{seconds}} 秒以上かかりました。重みファイルにこれほどの時間は必要ないため、中止しました。',
  decodeOutOfMemory:
    '読み込みに {{max}} MiB を超えるメモリが必要です。重みファイルにこれほどのメモリは必要ないため、中止しました。',
  decodeFailed: 'ファイルを読み込むスレッドでエラーが起きました：{{cause}}',
  datasetTimedOut:
    'データセットの読み込みに {{seconds}} 秒以上かかりました。MNIST 形式のフォルダにこれほどの時間は必要ないため、中止しました。',
  datasetOutOfMemory:
    'データセットの読み込みに {{max}} MiB を超えるメモリが必要です。MNIST 形式のフォルダにこれほどのメモリは必要ないため、中止しました。',
  datasetLoaderFailed: 'データセットを読み込むスレッドでエラーが起きました：{{cause}}',
  idxFileTooBig: '{{file}} の大きさは {{size}} です。IDX ファイルに入れられるデータは {{max}} までです。',
  pickleHugeInt:
    'pickle のオフセット {{offset}} に {{bytes}} バイトの整数があります。{{max}} バイトを超える整数は読み込みません（NumPy 配列の dict には不要です）。',
  pickleTooManyValues:
    'pickle が {{size}} の大きさに対して {{max}} 個を超える値を作ろうとしています（NumPy 配列の dict なら数百個で足ります）。壊れているか、悪意のあるファイルです。',
  jsonInvalid: '重みファイルが正しい JSON ではありません：{{cause}}',
  folderNotFound: 'データセットのフォルダが見つかりません：{{folder}}',
  notMnistFolder:
    '{{folder}} は MNIST のフォルダではありません。{{missing}}（そのままか .gz）がありません。必要な IDX ファイルは {{files}} の 4 つです。',
  cannotReadPair: '{{files}} を読み込めません：{{detail}}',
  imageSizesDiffer: '訓練画像は {{train}}、テスト画像は {{test}} です。大きさをそろえてください。',
  idxMagic:
    'IDX ファイルではありません。マジックナンバーが {{magic}} です（ラベルは 0x00000801、画像は 0x00000803 のはずです）。',
  idxTruncated:
    'IDX ファイルが途中で切れています：ヘッダは {{dims}} = {{declared}} のデータを宣言していますが、{{present}} しかありません。',
  idxCounts: '画像ファイルには {{images}} 枚の画像がありますが、ラベルファイルのラベルは {{labels}} 個です。',
  idxTooBig: 'IDX ファイルは {{size}} のデータがあると宣言しています。読み込めるのは {{max}} までです。',
  idxGzipTooLong:
    'gzip ファイルを展開すると、IDX ヘッダーが宣言する {{size}} を超えます。壊れているか、悪意のあるファイルです。',
  idxImageSize: '画像の大きさが {{rows}}x{{cols}} ピクセルです。使えるのは 1〜{{max}} ピクセルの画像です。',
  idxTooManyImages: '画像ファイルに {{count}} 枚の画像があります。使えるのは {{max}} 枚までです。',
  idxLabel: 'ラベル {{index}} が {{label}} です。MNIST のラベルは 0 から 9 の数字でなければなりません。',
  saveFailed: '{{file}} を保存できませんでした：{{why}}。何も書き込んでいません。別の場所を選んでください。',
  permissionDenied: '書き込む権限がありません',
  folderMissing: 'フォルダがありません',
  diskFull: 'ディスクがいっぱいです',
  diskReadOnly: 'ディスクが読み取り専用です',
  readFailed: '{{file}} を読み込めませんでした：{{detail}}',
  dataFolderInUse:
    '{{folder}} のラン履歴は {{app}}（プロセス {{pid}}）が使用中のため、ここでは表示だけです。ここで学習・インポート・変更するには、もう一方を閉じてください。',
  storageUnavailable:
    '{{folder}} にランを保存できません（{{why}}）。アプリを閉じるまでメモリにだけ残ります。',
  runNotSaved:
    '{{name}} を保存できませんでした（{{why}}）。メモリ上で続け、書き込めるようになりしだい保存し直します。',
  runSavedAgain: '{{name}} をふたたび保存しています。',
  importNotSaved: 'インポートしたネットワークを保存できませんでした（{{why}}）。何もインポートしていません。',
  connectionLost: 'MNIST Lab との接続が切れました。再接続しています。',
  tokenRefused:
    'MNIST Lab がこのページのトークンを拒否しました。`npm run serve` が表示したアドレスをもう一度開いてください。',
  invalidArgument: '{{argument}} が正しくありません：{{issues}}',
  unknownMethod: '不明なメソッドです：{{method}}',
  badRequest: '要求の形式が正しくありません：{{text}}',
  refusedSender: '{{method}} を拒否しました：MNIST Lab のウィンドウからの呼び出しではありません',
  unknownLanguage: '不明な言語です：{{language}}（{{languages}} のいずれかを指定してください）',
  workerGone: 'この実行には動いているワーカーがもうありません。',
  raw: '{{text}}',
  emptyDataset:
    '{{folder}} には学習画像が {{train}} 枚、テスト画像が {{test}} 枚あります。どちらも 1 枚以上必要です。',
  stoppedEarly: '早期終了しました：検証損失が {{patience}} 回の評価のあいだ改善しませんでした。',
  selectRunFirst: '先に実行を選んでください。',
  npyTruncated:
    '.npy ファイルが途中で切れています：形状 ({{shape}}) の {{dtype}} には {{needs}} のデータが必要ですが、{{present}} しかありません。',
  npyTrailing: '.npy ファイルの配列のあとに想定外のデータが {{extra}} あります。',
  pickleLineNoEnd: 'pickle が途中で切れています：オフセット {{offset}} のテキスト行に終わりがありません。',
  pickleBadUtf8: 'pickle に UTF-8 として正しくない文字列があります。',
  pickleStackEmpty: 'pickle の形式が不正です：オフセット {{offset}} でスタックが空です。',
  pickleNoMark: 'pickle の形式が不正です：オフセット {{offset}} より前に MARK がありません。',
  pickleMemo: 'pickle の形式が不正です：メモの項目 {{index}} が書き込まれる前に読み出されています。',
  pickleWrongOperand:
    'pickle の形式が不正です：オフセット {{offset}} の {{opcode}} 命令に、扱えない値が渡されています。',
  pickleBuildTarget:
    'pickle の形式が不正です：BUILD が NumPy の配列でも dtype でもないものに状態を設定しようとしています。',
  pickleNegativeLength: 'pickle の形式が不正です：オフセット {{offset}} の長さが負の値です。',
  pickleProtocol:
    'pickle のプロトコル {{protocol}} には対応していません。読み込めるのはプロトコル 2〜5 です。',
  pickleOutOfBand:
    'この pickle は配列をファイルの外（プロトコル 5 のバッファー）に置いているため、ファイルからは読み込めません。',
  pickleOpcode:
    'オフセット {{offset}} の pickle 命令 {{opcode}} には対応していません。読み込めるのは NumPy 配列を収めたプロトコル 2〜5 の pickle だけです。',
  pickleKeyNotString: 'pickle の辞書に文字列でないキーがあります（{{key}}）。',
  pickleBudget:
    'この pickle はファイル自体の大きさに見合わないメモリーを要求しています（さらに {{size}}）。壊れているか、悪意のあるファイルかもしれません。',
  pickleBadArray:
    'pickle の中の NumPy 配列の形式が不正です（{{part}}）。ファイルが壊れているか、NumPy で書かれたものではありません。',
  pickleCallRefused: '重みの pickle の中で {{call}} をこのように呼び出すことはできません。',
  pickleLatin1:
    "codecs.encode は文字列と 'latin1' の組み合わせでだけ使えます（指定されたのは {{encoding}}）。",
  pickleLatin1Char: 'codecs.encode：latin-1 の文字列に U+00FF より大きい文字が含まれています。',
  pickleObjectArray: 'NumPy のオブジェクト配列には対応していません。読み込めるのは数値の配列だけです。',
  pickleStructured: "NumPy の構造化 dtype には対応していません（dtype '{{dtype}}'）。",
  npyHeaderSyntax: '.npy のヘッダーを {{at}} 文字目で読み取れません：{{header}}',
  npyHeaderKey: ".npy のヘッダーに正しい '{{key}}' の項目がありません。",
  npyHeaderKeys: '.npy のヘッダーに想定外のキーがあります：{{keys}}。',
  notNpy: '.npy ファイルではありません：先頭が \\x93NUMPY ではありません。',
  npyVersion: '.npy のバージョン {{version}} には対応していません。読み込めるのは 1.0、2.0、3.0 です。',
  npyNoHeaderLength: '.npy ファイルが途中で切れています：ヘッダーの長さがありません。',
  npyHeaderTruncated:
    '.npy ファイルが途中で切れています：ヘッダーは {{declared}} あるはずですが、{{present}} しかありません。',
  invalidShape: '配列の形状 ({{shape}}) が不正です：各次元は 0 以上の整数でなければなりません。',
  jsonBase64Length:
    'テンソル {{name}}：データは base64 で {{length}} 文字ですが、形状からは float32 の値が {{count}} 個（{{expected}} 文字）必要です。',
  jsonBase64Invalid: 'テンソル {{name}}：データが正しい base64 ではありません。',
  jsonBase64Bytes:
    'テンソル {{name}}：データを復号すると {{length}} バイトですが、{{expected}} バイトのはずです。',
  jsonNotDocument: '重みの JSON が mnist-lab-weights v1 の文書として正しくありません：{{issues}}。',
  jsonDuplicateTensor: 'テンソル {{name}} が 2 回出てきます。',
  jsonTensorShape: 'テンソル {{name}}：{{detail}}',
  valuesVsShape: 'テンソル {{name}} には値が {{count}} 個ありますが、形状は ({{shape}}) です。',
  exportNeedsArchitecture: '{{format}} 形式で書き出すには、ネットワークの構成が必要です。',
  npyOneArray:
    '.npy ファイルに入る配列は 1 つだけです（{{count}} 個ではなく）。ネットワーク全体は .npz で書き出してください。',
  unknownFormat: "重みの形式 '{{format}}' は知られていません。{{formats}} のどれかを選んでください。",
  pickleHugeArray: '4 GiB 以上の配列を書き出すには pickle のプロトコル 4 が必要です。',
  pickleWriteProtocol:
    'pickle のプロトコル {{protocol}} には対応していません。2、3、4 のどれかを選んでください。',
  onnxNotDense:
    'W{{layer}} の形状は ({{shape}}) です。ONNX への書き出しには、重みがすべて 2 次元の全結合ネットワークが必要です。',
  onnxBias: 'b{{layer}} がないか、W{{layer}} に合う {{count}} 個の値を持っていません。',
  onnxChain:
    'W{{layer}} は {{inputs}} 個の入力を受け取りますが、層 {{previous}} の出力は {{outputs}} 個です。',
  onnxBatchNorm:
    '層 {{layer}} には gamma{{layer}} がありますが、beta{{layer}}、runningMean{{layer}}、runningVar{{layer}} がそろっていません。',
  onnxNoW1:
    'テンソル W1 がありません。ONNX への書き出しには全結合ネットワークの重み（W1、b1、W2、b2 …）が必要です。',
  onnxActivation: "活性化関数 '{{activation}}' は ONNX に書き出せません。",
  idxGzipDeclares:
    'この gzip ファイルは展開後 {{declared}} になると宣言していますが、{{size}} のファイルにそれだけの内容は入りません。壊れているか、途中で切れています。',
  idxGzipBroken: 'gzip 圧縮されたファイルのようですが、展開できません：{{cause}}',
  idxTooShort:
    'IDX ファイルではありません：長さが {{size}} しかありません（ヘッダーだけで 4 バイト必要です）。',
  idxType:
    'IDX のデータ型 {{type}}（マジックナンバー {{magic}}）には対応していません。使えるのは符号なしバイト（0x08）だけです。',
  idxDims:
    '次元の数が違います：ファイルは {{ndim}} 次元（マジックナンバー {{magic}}）ですが、{{expected}} 次元（マジックナンバー {{expectedMagic}}）のはずです。',
  idxHeaderTruncated:
    'IDX のヘッダーが途中で切れています：{{ndim}} 次元なら {{needs}} 必要ですが、ファイルは {{size}} です。',
  idxTrailing: 'IDX ファイルには、ヘッダーが宣言する {{dims}} のあとに余分なデータが {{extra}} あります。',
  httpMethodNotAllowed: 'このメソッドは使えません：MNIST Lab のページは GET と HEAD にだけ応えます。',
  httpUnknownHost: 'アクセスできません：このアドレスは MNIST Lab 自身のものではありません（不明なホスト）。',
  httpBadTarget: '不正なリクエストです：アドレスを読み取れません。',
  httpNeedsToken:
    'アクセスできません：npm run serve が表示したとおり、?token=... の付いたアドレスを開いてください。',
  httpNotFound: '見つかりません：{{path}}',
  httpServerError: 'MNIST Lab が応答できませんでした：{{cause}}',
  servePort: '--port には 0 から 65535 までの整数を指定してください（指定されたのは "{{port}}"）。',
  serveNoRenderer: 'ビルド済みの画面（{{folder}}）がありません。npm run build を実行してください。',
  serveCouldNotStart: 'MNIST Lab を起動できませんでした：{{detail}}',
  serveRunsFolder: '実行結果は {{folder}} に保存されます',
  serveRunning: 'MNIST Lab は {{url}} で動いています',
  serveServing: '（{{folder}} を 127.0.0.1 だけに公開しています。Ctrl+C で終了します）',
  serveStopping: 'MNIST Lab を終了しています…',
  serveUsage: '使い方：npm run serve -- [--port N] [--dataset MNIST_FOLDER] [--data-dir RUNS_FOLDER]',
  // CNN settings that cannot build a network (cnnviews)
  convNotWhole:
    '畳み込みの出力サイズ (H + 2·pad − filter) / stride + 1 = ({{side}} + 2·{{pad}} − {{filter}}) / {{stride}} + 1 = {{size}} が整数になりません（本書 §7.2.4）：フィルターが画像をちょうどの歩幅で横切れません。フィルターサイズ、パディング、ストライドのいずれかを変えてください。',
  poolNotWhole:
    '{{size}}×{{size}} の畳み込み出力は {{pool}}×{{pool}} のプーリング窓に分けられません：{{size}} / {{pool}} が整数になりません（本書 §7.3）。プーリングサイズか、フィルターサイズ、パディング、ストライドを変えてください。',
  // Look deeper (issue 13)
  hiddenLayerMissing: 'このネットワークには隠れ層 {{layer}} がありません（隠れ層は {{count}} 個です）。',
  // Gradient check in the app (issue 13)
  gradientCheckWhileTraining:
    '{{name}} は学習中で、確認している間にも重みが変わってしまいます。先に一時停止するか、学習が終わるのを待ってください。',
  gradientCheckBusy: '{{name}} の勾配確認はすでに実行中です。終わるのを待つか、キャンセルしてください。',
  gradientCheckCancelled: '勾配確認をキャンセルしました。',
  gradientCheckFailed: '勾配確認に失敗しました：{{detail}}',
  // Class names for any dataset (issue 13)
  classNamesFile:
    '{{file}} には 10 個のクラス名を 1 行に 1 つずつ（ラベル 0 から順に、それぞれ 40 文字まで）書いてください。使える行は {{count}} 行です。',
};
