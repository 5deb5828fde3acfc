/**
 * The words of main's user-facing surfaces, the app menu and the native dialogs, in every UI
 * language. The renderer's dictionaries (src/renderer/i18n) hold the rest; the terms here follow
 * them (重みを読み込む / 가중치 불러오기, ...). `{app}` stands for the application's name.
 */
import { isUiLanguage, type UiLanguage } from '../../shared/shell';

export interface ShellLabels {
  file: string;
  openDatasetFolder: string;
  importWeights: string;
  exportWeights: string;
  quit: string;
  /** macOS: Quit in the app menu. */
  quitApp: string;
  edit: string;
  undo: string;
  redo: string;
  cut: string;
  copy: string;
  paste: string;
  selectAll: string;
  view: string;
  theme: string;
  themeSystem: string;
  themeLight: string;
  themeDark: string;
  language: string;
  zoomIn: string;
  zoomOut: string;
  actualSize: string;
  fullScreen: string;
  devTools: string;
  help: string;
  shortcuts: string;
  about: string;
  hide: string;
  hideOthers: string;
  showAll: string;
  /** Title of the dataset folder dialog. */
  openDatasetTitle: string;
  /** Titles and filter names of the weights dialogs. */
  importWeightsTitle: string;
  exportWeightsTitle: string;
  weightsFiles: string;
}

export const SHELL_LABELS: Record<UiLanguage, ShellLabels> = {
  en: {
    file: 'File',
    openDatasetFolder: 'Open Dataset Folder…',
    importWeights: 'Import Weights…',
    exportWeights: 'Export Weights…',
    quit: 'Quit',
    quitApp: 'Quit {app}',
    edit: 'Edit',
    undo: 'Undo',
    redo: 'Redo',
    cut: 'Cut',
    copy: 'Copy',
    paste: 'Paste',
    selectAll: 'Select All',
    view: 'View',
    theme: 'Theme',
    themeSystem: 'System',
    themeLight: 'Light',
    themeDark: 'Dark',
    language: 'Language',
    zoomIn: 'Zoom In',
    zoomOut: 'Zoom Out',
    actualSize: 'Actual Size',
    fullScreen: 'Toggle Full Screen',
    devTools: 'Toggle Developer Tools',
    help: 'Help',
    shortcuts: 'Keyboard Shortcuts',
    about: 'About {app}',
    hide: 'Hide {app}',
    hideOthers: 'Hide Others',
    showAll: 'Show All',
    openDatasetTitle: 'Open an MNIST dataset folder',
    importWeightsTitle: 'Import weights',
    exportWeightsTitle: 'Export weights',
    weightsFiles: 'Weights',
  },
  ja: {
    file: 'ファイル',
    openDatasetFolder: 'データセットのフォルダを開く…',
    importWeights: '重みを読み込む…',
    exportWeights: '重みをエクスポート…',
    quit: '終了',
    quitApp: '{app} を終了',
    edit: '編集',
    undo: '元に戻す',
    redo: 'やり直す',
    cut: '切り取り',
    copy: 'コピー',
    paste: '貼り付け',
    selectAll: 'すべて選択',
    view: '表示',
    theme: 'テーマ',
    themeSystem: 'システム設定',
    themeLight: 'ライト',
    themeDark: 'ダーク',
    language: '言語',
    zoomIn: '拡大',
    zoomOut: '縮小',
    actualSize: '実際のサイズ',
    fullScreen: 'フルスクリーンの切り替え',
    devTools: '開発者ツールの切り替え',
    help: 'ヘルプ',
    shortcuts: 'キーボードショートカット',
    about: '{app} について',
    hide: '{app} を隠す',
    hideOthers: 'ほかを隠す',
    showAll: 'すべてを表示',
    openDatasetTitle: 'MNIST 形式のデータセットのフォルダを開く',
    importWeightsTitle: '重みを読み込む',
    exportWeightsTitle: '重みをエクスポート',
    weightsFiles: '重み',
  },
  ko: {
    file: '파일',
    openDatasetFolder: '데이터셋 폴더 열기…',
    importWeights: '가중치 불러오기…',
    exportWeights: '가중치 내보내기…',
    quit: '종료',
    quitApp: '{app} 종료',
    edit: '편집',
    undo: '실행 취소',
    redo: '다시 실행',
    cut: '잘라내기',
    copy: '복사',
    paste: '붙여넣기',
    selectAll: '모두 선택',
    view: '보기',
    theme: '테마',
    themeSystem: '시스템 설정',
    themeLight: '밝게',
    themeDark: '어둡게',
    language: '언어',
    zoomIn: '확대',
    zoomOut: '축소',
    actualSize: '실제 크기',
    fullScreen: '전체 화면 전환',
    devTools: '개발자 도구 전환',
    help: '도움말',
    shortcuts: '키보드 단축키',
    about: '{app} 정보',
    hide: '{app} 가리기',
    hideOthers: '기타 가리기',
    showAll: '모두 보기',
    openDatasetTitle: 'MNIST 형식 데이터셋 폴더 열기',
    importWeightsTitle: '가중치 불러오기',
    exportWeightsTitle: '가중치 내보내기',
    weightsFiles: '가중치',
  },
};

/** The UI language for an OS locale (`ja-JP` -> `ja`), English when we do not speak it. */
export function languageForLocale(locale: string | null | undefined): UiLanguage {
  const base = (locale ?? '').toLowerCase().split(/[-_]/)[0];
  return isUiLanguage(base) ? base : 'en';
}

/** `{app}` filled in. */
export function withAppName(label: string, appName: string): string {
  return label.replaceAll('{app}', appName);
}
