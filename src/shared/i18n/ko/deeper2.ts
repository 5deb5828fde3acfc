/** 한국어: 기울기 확인, 실행 비교 표, 클래스 이름 (issue 13의 4–6). */
import type { deeper2Strings as en } from '../en/deeper2';

export const deeper2Strings: typeof en = {
  gradCheck: {
    title: '기울기 확인',
    intro:
      '책의 기울기 확인(5.7.3절): 오차역전파법의 기울기를 중심 차분 (f(x+h) − f(x−h)) / 2h와 비교합니다. 실행의 현재 가중치를 float64로 쓰고, 배치 정규화와 드롭아웃은 추론 때처럼 동작합니다.',
    none: '기울기를 확인할 실행을 고르세요',
    images: '훈련 이미지 수',
    entries: '매개변수마다 원소 수',
    button: '기울기 확인',
    cancel: '취소',
    pauseFirst: '이 실행은 학습 중입니다. 기울기를 확인하려면 일시 정지하거나 학습이 끝날 때까지 기다리세요.',
    starting: '확인을 시작하는 중…',
    progressLabel: '기울기 확인 진행 상황',
    progress: '원소 {{total}}개 중 {{done}}개 비교함',
    checkedOf: '{{total}}개 중 {{checked}}개',
    kinks: '(원소 {{count}}개는 h/100으로 다시 잼: 꺾인 점)',
    legend:
      'h = {{h}}. 상대 차 = 최대 |차이| ÷ 최대 |기울기|. 1e-5 미만이면 일치, 1e-2까지는 경계(ReLU나 최대 풀링의 꺾인 점), 그보다 크면 불일치(역전파 규칙의 오류)입니다.',
    col: {
      name: '매개변수',
      checked: '확인한 원소',
      mean: '평균 |차이|',
      max: '최대 |차이|',
      relative: '상대 차',
      verdict: '판정',
    },
    verdict: { agree: '일치', borderline: '경계', disagree: '불일치' },
    summary: {
      agree:
        '모든 매개변수에서 오차역전파법의 기울기가 수치 미분과 일치합니다(반복 {{iteration}}의 가중치, 이미지 {{images}}장). 역전파 규칙이 올바릅니다.',
      borderline:
        '오차역전파법의 기울기가 거의 일치합니다(반복 {{iteration}}의 가중치, 이미지 {{images}}장). 작은 차이는 ReLU나 최대 풀링의 꺾인 점 때문이지 규칙의 오류가 아닙니다.',
      disagree:
        '오차역전파법의 기울기가 수치 미분과 일치하지 않습니다(반복 {{iteration}}의 가중치, 이미지 {{images}}장). 표시된 매개변수 바로 위 층의 역전파 규칙이 틀렸습니다.',
    },
  },
  compare: {
    title: '실행 비교',
    needTwo: '비교하려면 그래프에 실행을 둘 이상 표시하세요(실행 목록의 체크 상자).',
    sameSettings: '이 실행들의 설정은 같습니다(시드도).',
    differing_one: '다른 설정만 표시합니다(강조).',
    differing_other: '다른 설정 {{count}}개만 표시합니다(강조).',
    exportCsv: 'CSV로 내보내기',
    tableLabel: '실행 나란히 보기',
    run: '실행',
    col: {
      finalTrainAccuracy: '훈련 정확도(최종)',
      bestTrainAccuracy: '훈련 정확도(최고)',
      finalTestAccuracy: '테스트 정확도(최종)',
      bestTestAccuracy: '테스트 정확도(최고)',
      finalTrainLoss: '훈련 손실(최종)',
      finalTestLoss: '테스트 손실(최종)',
      bestTestLoss: '테스트 손실(최소)',
      iterationsPerSecond: '초당 반복',
      wallMs: '경과 시간',
    },
  },
  classes: {
    fashion: {
      c0: '티셔츠/상의',
      c1: '바지',
      c2: '풀오버',
      c3: '드레스',
      c4: '코트',
      c5: '샌들',
      c6: '셔츠',
      c7: '운동화',
      c8: '가방',
      c9: '앵클부츠',
    },
    class: '클래스',
    perClass: '클래스별 정확도',
    filterTrue: '정답 클래스',
    filterPredicted: '예측한 클래스',
    title: '클래스 이름',
    intro: '이 데이터셋의 클래스에 이름을 붙입니다(데이터 폴더에 이 데이터셋 것만 저장됩니다).',
    nameOf: '레이블 {{label}}의 이름',
    save: '이름 저장',
    reset: '내가 붙인 이름 지우기',
    source: {
      none: '이 데이터셋에는 클래스 이름이 없어 레이블 0–9를 표시합니다.',
      known: '레이블의 체크섬으로 {{set}}임을 알아보고 표준 이름을 씁니다.',
      file: '데이터셋 폴더의 classes.txt에 있는 이름을 씁니다.',
      user: '직접 붙인 이름을 씁니다.',
    },
    set: { mnist: 'MNIST', 'fashion-mnist': 'Fashion-MNIST' },
    saved: '클래스 이름을 저장했습니다.',
    header: '{{set}} 클래스: {{names}}',
  },
};
