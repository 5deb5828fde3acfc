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
  invalidConfig: '学習の設定が正しくありません：{{detail}}',
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
    '{{architecture}} のネットワークはまだ {{format}} としてエクスポートできません（できるのは全結合の MLP だけです）。代わりに重み（.npz、.pkl、.json）をエクスポートしてください。',
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
};
