/** Korean: the run list, export menu and the import-weights dialog. */
import type { RunsStrings } from '../en/runs';

export const runsStrings: RunsStrings = {
  runs: {
    rerun: '다시 실행',
    rerunTitle: '{{name}}을(를) 같은 설정으로 다시 학습',
    trainFurtherTitle: '{{name}}을(를) 가져온 가중치에서 이어서 학습',
    exportMenu: '내보내기',
    exportTitle: '{{name}} 내보내기',
    exportNpz: 'NumPy .npz',
    exportPkl: 'pickle .pkl',
    exportJson: 'JSON .json',
    exportOnnx: 'ONNX .onnx',
    exportIpynb: 'Jupyter 노트북 .ipynb',
    exportPy: 'NumPy 학습 스크립트 .py',
    exportLossCsv: '손실 CSV (반복마다)',
    exportEpochsCsv: '에폭 CSV (정확도)',
    importWeights: '가중치 불러오기…',
    title: '학습 목록',
    empty: '아직 학습이 없습니다.',
    show: '{{name}}을(를) 그래프에 표시',
    rename: '{{name}} 이름 바꾸기',
    nameField: '{{name}}의 이름',
    save: '저장',
    cancel: '취소',
    delete: '{{name}} 삭제',
    confirmDelete: '학습 "{{name}}"과(와) 기록을 삭제할까요?',
    select: '{{name}} 선택',
    selected: '선택됨',
    defaultName: '학습 {{number}}',
  },
  importDialog: {
    title: '가중치 불러오기',
    file: '파일',
    architecture: '신경망',
    batchNorm: '배치 정규화 포함',
    activation: '활성화 함수',
    askActivation:
      '파일에 활성화 함수가 기록되어 있지 않아, 이 신경망에 대한 책의 선택을 미리 골라 두었습니다.',
    fromFile: '활성화 함수는 파일에 기록되어 있습니다.',
    settingsFromFile: '이어서 학습할 때는 파일에 기록된 설정을 사용합니다.',
    settingsFromPanel:
      '파일에 학습 설정이 기록되어 있지 않습니다. 이어서 학습할 때는 패널의 설정(최적화 기법, 학습률, 배치 크기 등)을 사용합니다. 층 구성은 파일을 따릅니다.',
    name: '실행 이름',
    import: '불러오기',
    cancel: '취소',
  },
};
