/** Korean: the prose of a run exported to Python (the notebook's Markdown cells, the script's header). */
import type { NotebookStrings } from '../en/notebook';

export const notebookStrings: NotebookStrings = {
  notebook: {
    intro:
      'MNIST Lab에서 내보낸 노트북입니다. 학습의 가중치를 불러와 『밑바닥부터 시작하는 딥러닝』과 같은 방식으로 NumPy만으로 작성한 순전파로 MNIST를 평가하고, 학습 곡선, 혼동 행렬, 첫 번째 층의 가중치를 그립니다. 위의 셀부터 차례로 실행하세요(Run All).',
    factRun: '학습',
    factDataset: '데이터셋',
    factArchitecture: '신경망 구조',
    factProgress: '학습 진행',
    progress: '{{total}}번 반복 중 {{iteration}}번({{state}})',
    datasetBundled: 'MNIST(MNIST Lab에 포함된 것, 훈련 이미지 {{train}}장, 시험 이미지 {{test}}장)',
    datasetFolder: '{{path}}의 MNIST(훈련 이미지 {{train}}장, 시험 이미지 {{test}}장)',
    architectureMlp:
      '완전연결 신경망 {{sizes}}: 은닉층마다 Affine → {{activation}}{{extras}}, 마지막에 Affine → {{output}}',
    withBatchNorm: ', 배치 정규화 사용',
    withDropout: ', 드롭아웃 {{ratio}}',
    settingsHeading: '하이퍼파라미터',
    settingsIntro: '이 학습의 모든 설정과, 그 설정을 설명하는 책의 절입니다.',
    colSetting: '설정',
    colValue: '값',
    colSection: '책의 절',
    notUsed: '{{value}} (사용하지 않음: {{why}})',
    yes: '켬',
    no: '끔',
    setupHeading: '준비',
    setupText:
      '`MNIST_DIR`은 MNIST의 IDX 파일 네 개(그대로든 `.gz`든 상관없음)가 있는 폴더입니다. 이 학습에 사용한 폴더이지만, 환경 변수 `MNIST_DIR`로 다른 폴더를 지정할 수 있습니다.',
    metricsHeading: '기록',
    metricsText:
      '`losses`는 반복마다의 미니배치 손실, `evaluations`는 평가 지점({{evalEvery}}번 반복마다)마다 훈련 이미지와 시험 이미지에 대한 정확도와 손실, `reported`는 마지막 평가 지점에서 앱이 보고한 값입니다.',
    weightsHeading: '가중치',
    weightsText:
      '앱이 내보내는 가중치(`.npz`)를 base64로 넣어 두었으므로 노트북은 이 파일 하나로 완결됩니다. `np.load`로 책과 같은 `network` 딕셔너리(`W1`, `b1`, …)에 불러옵니다.',
    mnistHeading: 'MNIST',
    mnistText:
      'IDX 파일을 읽는 함수와 책의 `load_mnist(normalize=True, flatten=True)`입니다. 픽셀은 [0, 1]로 정규화하고, 이미지 한 장을 784개짜리 한 행으로 펼치며, 레이블은 숫자 그대로입니다.',
    forwardHeading: '순전파',
    forwardText:
      '책 3장의 `predict`와 같은 방식으로 작성한 순전파입니다. Affine 계층은 각각 `x @ W + b`이고 그 뒤에 활성화 함수가 이어지며, 마지막 층은 {{output}}(으)로 끝납니다.',
    accuracyHeading: '시험 데이터 정확도',
    accuracyText:
      '시험 이미지를 {{batch}}장씩 분류하여 맞힌 개수를 셉니다. 앱은 {{iteration}}번째 반복에서 {{correct}}/{{count}}(이)라고 보고했습니다. 여기서 센 개수는 몇 장 이내로 일치해야 합니다(앱은 float32로 계산하며, 여기서도 float32입니다).',
    accuracyNoReport:
      '시험 이미지를 {{batch}}장씩 분류하여 맞힌 개수를 셉니다. 앱은 아직 이 학습을 평가하지 않았습니다.',
    curvesHeading: '손실과 정확도',
    curvesText:
      '왼쪽은 반복마다의 미니배치 손실, 오른쪽은 평가 지점마다의 정확도입니다(책의 그림 4-11, 그림 4-12와 같은 방식입니다).',
    confusionHeading: '혼동 행렬',
    confusionText: '행은 실제 숫자, 열은 예측한 숫자입니다. 대각선이 정답이고 나머지는 모두 오답입니다.',
    firstLayerHeading: '첫 번째 층의 가중치',
    firstLayerText:
      '`W1`의 각 열을 28×28 이미지로 그립니다(최대 100개). 첫 번째 층의 각 뉴런이 반응하는 패턴입니다.',
    scriptTitle: '"{{name}}"의 NumPy 학습 스크립트(MNIST Lab에서 내보냄).',
    scriptAbout:
      '같은 신경망을 같은 설정으로 처음부터 학습합니다. NumPy만 사용하며 『밑바닥부터 시작하는 딥러닝』의 방식(5장 train_neuralnet.py, 6장 MultiLayerNetExtend)을 따르고, 마지막에 앱과 같은 형식으로 시험 데이터 정확도를 출력합니다.',
    scriptRun:
      '실행 방법: python3 {{file}}   (다른 폴더의 MNIST를 쓰려면 MNIST_DIR=/path/to/mnist python3 {{file}})',
    scriptSettings: '설정(대괄호 안은 책의 절):',
    scriptCannot: '이 스크립트가 정확히 재현할 수 없는 것:',
    cannotRandom:
      '앱의 난수열: 앱의 시드 난수 생성기는 NumPy의 것과 다르므로, np.random.seed({{seed}})를 써도 가중치 초깃값, 미니배치, 드롭아웃 마스크, 잡음, 데이터 확장이 달라집니다. 정확도는 1포인트 정도 이내로 일치하지만 숫자까지 같지는 않습니다.',
    cannotFloat: '앱은 float32로 계산하지만, 이 스크립트는 책과 같이 float64로 계산합니다.',
    cannotLiveRate: '학습 도중에 바꾼 학습률: 이 스크립트는 설정의 학습률({{lr}})을 끝까지 사용합니다.',
    cannotImported:
      '이 학습은 가중치 파일에서 불러온 것이며 앱에서 학습한 것이 아닙니다. 스크립트는 불러올 때 정해진 설정으로 이 구조를 처음부터 학습합니다.',
    // 합성곱 신경망(issue 15)
    architectureConv: '책의 {{network}}: {{layers}}',
    forwardTextConv:
      '책의 7장과 같은 방식으로 쓴 순전파입니다. `im2col`은 이미지에서 필터 크기의 창을 하나씩 한 행으로 펼치므로, `Convolution`은 필터 `W`(FN, C, FH, FW)를 (FN, C·FH·FW)로 바꾼 것과의 행렬 곱 한 번이 되고, `Pooling`은 창마다 행의 최댓값이 됩니다. 그 뒤에 Affine 계층 `x @ W + b`가 이어지고, 마지막 층은 {{output}}(으)로 끝납니다.',
    firstLayerTextConv:
      '첫 번째 합성곱 계층의 필터 `W1[i, 0]`을 작은 이미지로 그립니다(최대 100개). 책의 그림 7-24처럼 각 필터가 반응하는 패턴입니다.',
    scriptAboutConv:
      '같은 신경망을 같은 설정으로 처음부터 학습합니다. NumPy만 사용하며 『밑바닥부터 시작하는 딥러닝』의 방식(7장 simple_convnet.py와 train_convnet.py, 8장 deep_convnet.py: im2col, Convolution과 Pooling, col2im을 통한 역전파)을 따르고, 마지막에 앱과 같은 형식으로 시험 데이터 정확도를 출력합니다.',
  },
};
