/** Korean versions of the service's messages (src/shared/messages.ts), by key; `msg.` in the Korean dictionary. */
import type { MessageKey } from '../../messages';

export const koMessages: Record<MessageKey, string> = {
  drawingNotSaved: '테스트 세트를 {{file}}에 저장할 수 없습니다: {{why}}. 테스트 세트는 바뀌지 않았습니다.',
  drawingsNotMoved:
    '저장된 테스트 세트({{file}})를 읽을 수 없고({{detail}}) 옮겨 둘 수도 없습니다({{why}}). 파일은 그대로 두고, 새 그림은 앱을 닫을 때까지만 보관합니다.',
  fileUnreadable: '파일을 읽을 수 없습니다.',
  chartNoCanvas: '그래프를 그릴 2D 캔버스가 없습니다.',
  chartNotEncoded: '그래프를 PNG로 변환할 수 없습니다.',
  chartNotDrawn: '그래프를 그릴 수 없습니다.',
  clientClosed: 'MNIST Lab과의 연결이 닫혀 있습니다.',
  interrupted: '이 실행이 학습하는 중에 앱이 종료되었습니다. 저장된 에폭은 남아 있습니다.',
  noDrawings: '나의 테스트 세트가 비어 있습니다. 먼저 숫자를 그리고 어떤 숫자인지 고르세요.',
  noDrawing: 'ID가 {{id}}인 그림이 없습니다.',
  drawingsFull: '나의 테스트 세트가 최대치인 {{max}}장에 도달했습니다. 먼저 몇 장 지우세요.',
  drawingsUnreadable:
    '저장된 테스트 세트({{file}})를 읽을 수 없습니다: {{detail}}. 원래 파일은 {{backup}}(으)로 남겨 두었습니다.',
  divergedNaN:
    '반복 {{iteration}}에서 손실이 NaN이 되었습니다. 학습률({{lr}})이 너무 클 가능성이 큽니다. {{safer}} 이하로 시도해 보세요',
  divergedInfinite:
    '반복 {{iteration}}에서 손실이 무한대가 되었습니다. 학습률({{lr}})이 너무 클 가능성이 큽니다. {{safer}} 이하로 시도해 보세요',
  threadCrashed: '학습 스레드가 비정상 종료되었습니다: {{detail}}',
  threadExited: '학습 스레드가 예기치 않게 종료되었습니다(종료 코드 {{code}}).',
  evaluatorFailed: '평가 스레드에서 오류가 났습니다: {{detail}}',
  runCouldNotStart: '학습을 시작할 수 없습니다: {{detail}}',
  tooManyRuns:
    '동시에 학습할 수 있는 실행은 {{max}}개까지입니다. 다른 실행을 멈추거나 끝날 때까지 기다린 뒤 시작하세요.',
  noWeightsYet: '{{name}}에는 실행 중인 워커도 저장된 가중치도 없습니다(아직 가중치에 도달하지 않았습니다).',
  wrongState:
    '{{name}}은(는) "{{state}}" 상태입니다. 이 명령은 시작 중, 학습 중, 일시 정지, 가져온 실행만 받습니다.',
  noWorker: '{{name}}에는 실행 중인 워커가 없습니다(상태: {{state}}).',
  noRun: 'ID가 {{id}}인 실행이 없습니다.',
  fileTooBig: '{{name}}은(는) {{size}}바이트입니다. 가중치 파일은 {{max}}바이트까지 읽을 수 있습니다.',
  cannotImport: '{{name}}을(를) 가져올 수 없습니다: {{detail}}',
  noLongerOpen: '그 가중치 파일은 더 이상 열려 있지 않습니다. 다시 열어 주세요.',
  wrongInputs: 'W1의 입력은 {{inputs}}개인데 MNIST 이미지는 {{pixels}}픽셀(28x28)입니다.',
  wrongOutputs: '마지막 층의 출력은 {{outputs}}개인데 MNIST에는 {{classes}}개(숫자마다 하나)가 필요합니다.',
  notTrainable: '이 신경망은 여기서 학습할 수 없습니다: {{detail}}',
  notBookConvNet:
    '이 합성곱 가중치는 책의 SimpleConvNet(W1 (FN, 1, F, F), W2 (FN·S·S, hidden), W3 (hidden, 10))도 DeepConvNet도 아닙니다: {{shapes}}.',
  notDense: '{{W}}의 형상은 {{shape}}입니다. 평가할 수 있는 것은 완전연결 신경망(모든 W가 2차원)뿐입니다.',
  shapesDontChain:
    '형상이 이어지지 않습니다: {{previous}}의 출력은 {{outputs}}개인데 {{weight}}의 입력은 {{inputs}}개입니다.',
  noBias: '{{W}}에 대응하는 편향 {{b}}이(가) 없습니다.',
  biasSize: '{{b}}의 값은 {{count}}개인데 {{weight}}의 출력은 {{outputs}}개입니다.',
  tooFewLayers:
    '적어도 W1, b1, W2, b2(은닉층이 하나 있는 신경망)가 필요한데, 파일에 있는 것은 {{names}}입니다.',
  emptyWeights: '적어도 W1, b1, W2, b2(은닉층이 하나 있는 신경망)가 필요한데, 파일에 아무것도 없습니다.',
  unknownKind:
    '가중치 파일 {{name}}의 종류를 알 수 없습니다. mnist-lab JSON, NumPy .npz / .npy, Python pickle(.pkl), ONNX 중 하나여야 합니다.',
  onnxImport:
    'ONNX는 내보내기만 되고 가져오기는 안 됩니다(배치 정규화가 합쳐져 있기 때문입니다). 대신 .json, .npz, .pkl로 내보낸 파일을 가져오세요.',
  notZip: '.npz 파일이 아닙니다(zip 아카이브가 아닙니다).',
  npzDamaged: '.npz 아카이브가 손상되었거나 잘려 있습니다: {{cause}}.',
  npzNoArrays: '.npz 아카이브에 배열이 없습니다.',
  pythonExportUnsupported:
    '{{architecture}} 신경망은 {{format}}(으)로 내보낼 수 없습니다(MLP, simple-convnet, deep-convnet 학습만 가능합니다). 대신 가중치(.npz, .pkl, .json)를 내보내세요.',
  npzNotNpy: '.npz 아카이브에 .npy가 아닌 파일 {{name}}이(가) 들어 있습니다.',
  npzEntry: '{{name}} 안에서: {{detail}}',
  unsupportedDtype:
    "NumPy dtype '{{dtype}}'은(는) 지원하지 않습니다. 읽을 수 있는 것은 숫자 배열(f4, f8, u1, i1, u2, i2, u4, i4, i8, u8, b1)뿐입니다.",
  arrayDataSize: '배열 데이터는 {{has}}인데 형상 ({{shape}})의 {{dtype}}에는 {{needs}}가 필요합니다.',
  pickleGlobal:
    'pickle이 {{global}}을(를) 참조하는데, 이것은 허용되지 않습니다. 읽을 수 있는 것은 NumPy 배열뿐입니다.',
  pickleNotDict: 'pickle의 내용이 배열 딕셔너리({"W1": array, "b1": array, ...} 같은 형태)가 아닙니다.',
  pickleNotArray: "pickle의 값 '{{name}}'이(가) NumPy 배열이 아닙니다.",
  pickleTruncatedAt:
    'pickle이 잘려 있습니다: 오프셋 {{offset}}의 {{what}}에 {{needs}}가 필요한데 남은 것은 {{left}}입니다.',
  pickleTruncated: 'pickle이 잘려 있습니다: 오프셋 {{offset}}에서 STOP 연산 코드 없이 끝납니다.',
  npzTooManyEntries:
    '.npz 아카이브에 항목이 {{count}}개 있습니다. 최대 {{max}}개까지만 읽습니다(네트워크의 배열은 층마다 2~3개입니다).',
  npzHeadersDisagree:
    '.npz 항목 {{name}}에 대해 아카이브 목록과 항목 자체의 헤더 내용이 서로 다릅니다. 손상되었거나 악의적인 파일입니다.',
  npzEntryOutside:
    '.npz 항목 {{name}}은(는) 압축 데이터가 {{size}} 있다고 선언하지만 아카이브에는 그만한 자리가 없습니다. 손상되었거나 악의적인 파일입니다.',
  npzOverlap:
    '.npz 항목 {{first}}와(과) {{second}}이(가) 같은 바이트를 공유합니다. 손상되었거나 악의적인 파일입니다.',
  npzInflatesTooMuch:
    '.npz 항목 {{name}}이(가) 선언한 {{expected}}보다 크게 풀립니다(지금까지 {{more}}). 손상되었거나 악의적인 파일입니다.',
  npzSizeMismatch:
    '.npz 항목 {{name}}은(는) 아카이브 목록에 {{declared}}(으)로 선언되어 있지만 그 배열에는 {{needs}}이(가) 필요합니다.',
  npzArraysTooBig:
    '이 .npz의 배열은 합계 {{max}}을(를) 넘습니다. 여기서 학습하는 네트워크의 가중치는 훨씬 작습니다.',
  npyHeaderTooLong: '.npy 헤더가 {{size}}입니다. {{max}}을(를) 넘는 헤더는 읽지 않습니다.',
  arrayTooBig:
    '형태 ({{shape}}), {{dtype}} 배열에는 {{size}}이(가) 필요합니다. 가중치 파일의 배열은 합계 {{max}}까지입니다.',
  jsonTooManyValues:
    '가중치 JSON에 값이 {{max}}개를 넘게 있습니다. 가중치 파일에 필요한 값은 훨씬 적습니다(텐서는 base64 문자열입니다).',
  jsonTooDeep: '가중치 JSON이 {{max}}단계보다 깊게 중첩되어 있습니다. 가중치 파일에는 5단계면 충분합니다.',
  jsonConfigTooBig: '가중치 JSON의 학습 설정이 {{size}}자입니다. 최대 {{max}}자까지만 읽습니다.',
  nonFiniteWeight:
    '텐서 {{name}}의 인덱스 {{index}} 값이 {{value}}입니다. 가중치는 유한한 수여야 합니다(저장한 실행이 발산했을 가능성이 큽니다).',
  decodeTimedOut:
    '읽는 데 {{seconds}}초 넘게 걸렸습니다. 가중치 파일에는 이만큼의 시간이 필요 없으므로 중단했습니다.',
  decodeOutOfMemory:
    '읽는 데 {{max}}MiB가 넘는 메모리가 필요합니다. 가중치 파일에는 이만큼의 메모리가 필요 없으므로 중단했습니다.',
  decodeFailed: '파일을 읽는 스레드에서 오류가 났습니다: {{cause}}',
  datasetTimedOut:
    '데이터셋을 읽는 데 {{seconds}}초 넘게 걸렸습니다. MNIST 형식 폴더에는 이만큼의 시간이 필요 없으므로 중단했습니다.',
  datasetOutOfMemory:
    '데이터셋을 읽는 데 {{max}}MiB가 넘는 메모리가 필요합니다. MNIST 형식 폴더에는 이만큼의 메모리가 필요 없으므로 중단했습니다.',
  datasetLoaderFailed: '데이터셋을 읽는 스레드에서 오류가 났습니다: {{cause}}',
  idxFileTooBig: '{{file}}의 크기는 {{size}}입니다. IDX 파일에는 최대 {{max}}의 데이터만 담을 수 있습니다.',
  pickleHugeInt:
    'pickle의 오프셋 {{offset}}에 {{bytes}}바이트 정수가 있습니다. {{max}}바이트를 넘는 정수는 읽지 않습니다(NumPy 배열 dict에는 필요 없습니다).',
  pickleTooManyValues:
    'pickle이 크기 {{size}}에 비해 {{max}}개가 넘는 값을 만들려고 합니다(NumPy 배열 dict라면 수백 개면 충분합니다). 손상되었거나 악의적인 파일입니다.',
  jsonInvalid: '가중치 파일이 올바른 JSON이 아닙니다: {{cause}}',
  folderNotFound: '데이터셋 폴더를 찾을 수 없습니다: {{folder}}',
  notMnistFolder:
    '{{folder}}은(는) MNIST 폴더가 아닙니다. {{missing}}(원본 또는 .gz)이(가) 없습니다. 필요한 IDX 파일은 {{files}} 네 개입니다.',
  cannotReadPair: '{{files}}을(를) 읽을 수 없습니다: {{detail}}',
  imageSizesDiffer: '훈련 이미지는 {{train}}, 테스트 이미지는 {{test}}입니다. 크기가 같아야 합니다.',
  idxMagic:
    'IDX 파일이 아닙니다. 매직 넘버가 {{magic}}입니다(레이블은 0x00000801, 이미지는 0x00000803이어야 합니다).',
  idxTruncated:
    'IDX 파일이 잘려 있습니다: 헤더는 {{dims}} = {{declared}}의 데이터를 선언하지만 {{present}}만 있습니다.',
  idxCounts: '이미지 파일에는 이미지가 {{images}}장 있는데 레이블 파일에는 레이블이 {{labels}}개 있습니다.',
  idxTooBig: 'IDX 파일이 데이터 {{size}}를 선언합니다. 최대 {{max}}까지만 읽습니다.',
  idxGzipTooLong:
    'gzip 파일을 풀면 IDX 헤더가 선언한 {{size}}보다 커집니다. 손상되었거나 악의적인 파일입니다.',
  idxImageSize: '이미지 크기가 {{rows}}x{{cols}}픽셀입니다. 1~{{max}}픽셀 이미지만 쓸 수 있습니다.',
  idxTooManyImages: '이미지 파일에 이미지가 {{count}}장 있습니다. 최대 {{max}}장까지 쓸 수 있습니다.',
  idxLabel: '레이블 {{index}}이(가) {{label}}입니다. MNIST 레이블은 0부터 9까지의 숫자여야 합니다.',
  saveFailed: '{{file}}을(를) 저장할 수 없습니다: {{why}}. 아무것도 쓰지 않았습니다. 다른 위치를 고르세요.',
  permissionDenied: '쓰기 권한이 없습니다',
  folderMissing: '폴더가 없습니다',
  diskFull: '디스크가 가득 찼습니다',
  diskReadOnly: '디스크가 읽기 전용입니다',
  readFailed: '{{file}}을(를) 읽을 수 없습니다: {{detail}}',
  dataFolderInUse:
    '{{folder}}의 실행 기록은 {{app}}(프로세스 {{pid}})이(가) 사용 중이라 여기서는 보기만 합니다. 여기서 학습·가져오기·변경하려면 다른 쪽을 닫으세요.',
  storageUnavailable:
    '{{folder}}에 실행을 저장할 수 없습니다({{why}}). 앱을 닫을 때까지 메모리에만 남습니다.',
  runNotSaved:
    '{{name}}을(를) 저장할 수 없습니다({{why}}). 메모리에서 계속하고, 쓸 수 있게 되면 바로 다시 저장합니다.',
  runSavedAgain: '{{name}}이(가) 다시 저장됩니다.',
  importNotSaved: '가져온 네트워크를 저장할 수 없습니다({{why}}). 아무것도 가져오지 않았습니다.',
  connectionLost: 'MNIST Lab과의 연결이 끊어졌습니다. 다시 연결하는 중입니다.',
  tokenRefused: 'MNIST Lab이 이 페이지의 토큰을 거부했습니다. `npm run serve`가 출력한 주소를 다시 여세요.',
  invalidArgument: '{{argument}}이(가) 올바르지 않습니다: {{issues}}',
  unknownMethod: '알 수 없는 메서드입니다: {{method}}',
  badRequest: '요청 형식이 올바르지 않습니다: {{text}}',
  refusedSender: '{{method}}을(를) 거부했습니다: MNIST Lab 창에서 온 호출이 아닙니다',
  unknownLanguage: '알 수 없는 언어입니다: {{language}} ({{languages}} 중 하나를 지정하세요)',
  workerGone: '이 실행에는 더 이상 동작 중인 워커가 없습니다.',
  raw: '{{text}}',
  emptyDataset:
    '{{folder}}에는 학습 이미지 {{train}}장, 테스트 이미지 {{test}}장이 있습니다. 둘 다 1장 이상이어야 합니다.',
  stoppedEarly: '조기 종료했습니다: 검증 손실이 {{patience}}번의 평가 동안 개선되지 않았습니다.',
  selectRunFirst: '먼저 실행을 선택하세요.',
  npyTruncated:
    '.npy 파일이 잘렸습니다: 형상 ({{shape}})의 {{dtype}}에는 {{needs}}의 데이터가 필요하지만 {{present}}만 있습니다.',
  npyTrailing: '.npy 파일의 배열 뒤에 예상치 못한 데이터가 {{extra}} 있습니다.',
  pickleLineNoEnd: 'pickle이 중간에 잘렸습니다: 오프셋 {{offset}}의 텍스트 줄이 끝나지 않습니다.',
  pickleBadUtf8: 'pickle에 올바른 UTF-8이 아닌 문자열이 있습니다.',
  pickleStackEmpty: 'pickle 형식이 잘못되었습니다: 오프셋 {{offset}}에서 스택이 비어 있습니다.',
  pickleNoMark: 'pickle 형식이 잘못되었습니다: 오프셋 {{offset}} 앞에 MARK가 없습니다.',
  pickleMemo: 'pickle 형식이 잘못되었습니다: 메모 항목 {{index}}을(를) 쓰기 전에 읽고 있습니다.',
  pickleWrongOperand:
    'pickle 형식이 잘못되었습니다: 오프셋 {{offset}}의 {{opcode}} 명령에 처리할 수 없는 값이 주어졌습니다.',
  pickleBuildTarget:
    'pickle 형식이 잘못되었습니다: BUILD가 NumPy 배열도 dtype도 아닌 것에 상태를 적용하려 합니다.',
  pickleNegativeLength: 'pickle 형식이 잘못되었습니다: 오프셋 {{offset}}의 길이가 음수입니다.',
  pickleProtocol: 'pickle 프로토콜 {{protocol}}은(는) 지원하지 않습니다. 프로토콜 2~5만 읽을 수 있습니다.',
  pickleOutOfBand: '이 pickle은 배열을 파일 바깥(프로토콜 5 버퍼)에 두고 있어서 파일에서 읽을 수 없습니다.',
  pickleOpcode:
    '오프셋 {{offset}}의 pickle 명령 {{opcode}}은(는) 지원하지 않습니다. NumPy 배열을 담은 프로토콜 2~5의 pickle만 읽을 수 있습니다.',
  pickleKeyNotString: 'pickle 딕셔너리에 문자열이 아닌 키가 있습니다({{key}}).',
  pickleBudget:
    '이 pickle은 파일 크기에 비해 지나치게 많은 메모리를 요구합니다(추가로 {{size}}). 손상되었거나 악의적인 파일일 수 있습니다.',
  pickleBadArray:
    'pickle 안의 NumPy 배열 형식이 잘못되었습니다({{part}}). 파일이 손상되었거나 NumPy로 쓴 파일이 아닙니다.',
  pickleCallRefused: '가중치 pickle 안에서 {{call}}을(를) 이런 식으로 호출할 수 없습니다.',
  pickleLatin1: "codecs.encode는 문자열과 'latin1'의 조합으로만 쓸 수 있습니다(주어진 값: {{encoding}}).",
  pickleLatin1Char: 'codecs.encode: latin-1 문자열에 U+00FF보다 큰 문자가 있습니다.',
  pickleObjectArray: 'NumPy 객체 배열은 지원하지 않습니다. 숫자 배열만 읽을 수 있습니다.',
  pickleStructured: "NumPy 구조화 dtype은 지원하지 않습니다(dtype '{{dtype}}').",
  npyHeaderSyntax: '.npy 헤더를 {{at}}번째 문자에서 읽을 수 없습니다: {{header}}',
  npyHeaderKey: ".npy 헤더에 올바른 '{{key}}' 항목이 없습니다.",
  npyHeaderKeys: '.npy 헤더에 예상치 못한 키가 있습니다: {{keys}}.',
  notNpy: '.npy 파일이 아닙니다: \\x93NUMPY로 시작하지 않습니다.',
  npyVersion: '.npy 버전 {{version}}은(는) 지원하지 않습니다. 1.0, 2.0, 3.0만 읽을 수 있습니다.',
  npyNoHeaderLength: '.npy 파일이 중간에 잘렸습니다: 헤더 길이가 없습니다.',
  npyHeaderTruncated:
    '.npy 파일이 중간에 잘렸습니다: 헤더는 {{declared}}이어야 하는데 {{present}}밖에 없습니다.',
  invalidShape: '배열 형상 ({{shape}})이(가) 잘못되었습니다: 각 차원은 0 이상의 정수여야 합니다.',
  jsonBase64Length:
    '텐서 {{name}}: 데이터는 base64로 {{length}}자이지만, 형상에 따르면 float32 값 {{count}}개({{expected}}자)가 필요합니다.',
  jsonBase64Invalid: '텐서 {{name}}: 데이터가 올바른 base64가 아닙니다.',
  jsonBase64Bytes: '텐서 {{name}}: 데이터를 디코딩하면 {{length}}바이트인데 {{expected}}바이트여야 합니다.',
  jsonNotDocument: '가중치 JSON이 올바른 mnist-lab-weights v1 문서가 아닙니다: {{issues}}.',
  jsonDuplicateTensor: '텐서 {{name}}이(가) 두 번 나옵니다.',
  jsonTensorShape: '텐서 {{name}}: {{detail}}',
  valuesVsShape: '텐서 {{name}}에는 값이 {{count}}개 있지만 형상은 ({{shape}})입니다.',
  exportNeedsArchitecture: '{{format}} 형식으로 내보내려면 네트워크 구조가 필요합니다.',
  npyOneArray:
    '.npy 파일에는 배열이 하나만 들어갑니다({{count}}개가 아니라). 네트워크 전체는 .npz로 내보내세요.',
  unknownFormat: "알 수 없는 가중치 형식 '{{format}}'입니다. {{formats}} 중에서 고르세요.",
  pickleHugeArray: '4 GiB 이상인 배열을 내보내려면 pickle 프로토콜 4가 필요합니다.',
  pickleWriteProtocol: 'pickle 프로토콜 {{protocol}}은(는) 지원하지 않습니다. 2, 3, 4 중에서 고르세요.',
  onnxNotDense:
    'W{{layer}}의 형상은 ({{shape}})입니다. ONNX로 내보내려면 가중치가 모두 2차원인 완전연결 네트워크여야 합니다.',
  onnxBias: 'b{{layer}}이(가) 없거나 W{{layer}}에 맞는 값 {{count}}개를 갖고 있지 않습니다.',
  onnxChain: 'W{{layer}}은(는) 입력 {{inputs}}개를 받지만 층 {{previous}}의 출력은 {{outputs}}개입니다.',
  onnxBatchNorm:
    '층 {{layer}}에 gamma{{layer}}는 있지만 beta{{layer}}, runningMean{{layer}}, runningVar{{layer}}가 모두 있지는 않습니다.',
  onnxNoW1:
    '텐서 W1이 없습니다. ONNX로 내보내려면 완전연결 네트워크의 가중치(W1, b1, W2, b2, ...)가 필요합니다.',
  onnxActivation: "활성화 함수 '{{activation}}'은(는) ONNX로 내보낼 수 없습니다.",
  idxGzipDeclares:
    '이 gzip 파일은 압축을 풀면 {{declared}}이 된다고 선언하지만, {{size}}짜리 파일에는 그만큼 담길 수 없습니다. 손상되었거나 중간에 잘렸습니다.',
  idxGzipBroken: 'gzip으로 압축된 파일 같지만 압축을 풀 수 없습니다: {{cause}}',
  idxTooShort: 'IDX 파일이 아닙니다: 길이가 {{size}}밖에 되지 않습니다(헤더만 해도 4바이트가 필요합니다).',
  idxType:
    'IDX 데이터 형식 {{type}}(매직 넘버 {{magic}})은(는) 지원하지 않습니다. 부호 없는 바이트(0x08)만 쓸 수 있습니다.',
  idxDims:
    '차원 수가 다릅니다: 파일은 {{ndim}}차원(매직 넘버 {{magic}})인데 {{expected}}차원(매직 넘버 {{expectedMagic}})이어야 합니다.',
  idxHeaderTruncated:
    'IDX 헤더가 중간에 잘렸습니다: {{ndim}}차원이면 {{needs}}이(가) 필요하지만 파일은 {{size}}입니다.',
  idxTrailing: 'IDX 파일에 헤더가 선언한 {{dims}} 뒤로 남는 데이터가 {{extra}} 있습니다.',
  httpMethodNotAllowed: '허용되지 않는 메서드입니다: MNIST Lab의 페이지는 GET과 HEAD에만 응답합니다.',
  httpUnknownHost: '접근할 수 없습니다: 이 주소는 MNIST Lab의 주소가 아닙니다(알 수 없는 호스트).',
  httpBadTarget: '잘못된 요청입니다: 주소를 읽을 수 없습니다.',
  httpNeedsToken: '접근할 수 없습니다: npm run serve가 출력한 대로 ?token=...이 붙은 주소를 여세요.',
  httpNotFound: '찾을 수 없습니다: {{path}}',
  httpServerError: 'MNIST Lab이 응답하지 못했습니다: {{cause}}',
  servePort: '--port에는 0부터 65535까지의 정수를 지정해야 합니다(주어진 값: "{{port}}").',
  serveNoRenderer: '빌드된 화면({{folder}})이 없습니다. npm run build를 실행하세요.',
  serveCouldNotStart: 'MNIST Lab을 시작할 수 없습니다: {{detail}}',
  serveRunsFolder: '실행 결과는 {{folder}}에 저장됩니다',
  serveRunning: 'MNIST Lab이 {{url}}에서 실행 중입니다',
  serveServing: '({{folder}}를 127.0.0.1에만 제공합니다. Ctrl+C로 종료합니다)',
  serveStopping: 'MNIST Lab을 종료하는 중…',
  serveUsage: '사용법: npm run serve -- [--port N] [--dataset MNIST_FOLDER] [--data-dir RUNS_FOLDER]',
  // CNN settings that cannot build a network (cnnviews)
  convNotWhole:
    '합성곱 출력 크기 (H + 2·pad − filter) / stride + 1 = ({{side}} + 2·{{pad}} − {{filter}}) / {{stride}} + 1 = {{size}}가 정수가 아닙니다(책 §7.2.4): 필터가 이미지를 정확한 보폭으로 지나가지 못합니다. 필터 크기, 패딩 또는 스트라이드를 바꾸세요.',
  poolNotWhole:
    '{{size}}×{{size}} 합성곱 출력을 {{pool}}×{{pool}} 풀링 창으로 나눌 수 없습니다: {{size}} / {{pool}}이 정수가 아닙니다(책 §7.3). 풀링 크기나 필터 크기, 패딩, 스트라이드를 바꾸세요.',
  // Look deeper (issue 13)
  hiddenLayerMissing: '이 네트워크에는 은닉층 {{layer}}이(가) 없습니다 (은닉층은 {{count}}개입니다).',
  // Gradient check in the app (issue 13)
  gradientCheckWhileTraining:
    '{{name}}은(는) 학습 중이라 확인하는 동안에도 가중치가 바뀝니다. 먼저 일시 정지하거나 학습이 끝날 때까지 기다리세요.',
  gradientCheckBusy: '{{name}}의 기울기 확인이 이미 실행 중입니다. 끝날 때까지 기다리거나 취소하세요.',
  gradientCheckCancelled: '기울기 확인을 취소했습니다.',
  gradientCheckFailed: '기울기 확인에 실패했습니다: {{detail}}',
  // Class names for any dataset (issue 13)
  classNamesFile:
    '{{file}}에는 클래스 이름 10개를 한 줄에 하나씩(레이블 0부터, 각각 40자까지) 적어야 합니다. 쓸 수 있는 줄은 {{count}}줄입니다.',
};
