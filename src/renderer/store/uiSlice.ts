/** UI slice: theme, language, the selected run, chart smoothing, notices and dialogs. */
import type { LabMessage } from '../../shared/messages';
import type { StateCreator } from 'zustand';
import type { WeightsPreview } from '../../shared/api';
import type { DatasetInfo } from '../../shared/runs';
import type { KeyOf, Language } from '../../shared/i18n';

export type ThemeChoice = 'system' | 'light' | 'dark';
/** What the Help dialog shows: the keyboard shortcuts, or what the app is (Help > About). */
export type HelpTopic = 'shortcuts' | 'about';
/** The app's two areas: the MNIST lab (panel, controls, views) and the book's Labs. */
export type AppArea = 'mnist' | 'labs';
/** The MNIST lab's main views (tabs). */
export const MAIN_VIEWS = ['charts', 'draw', 'weights', 'evaluate'] as const;
export type MainView = (typeof MAIN_VIEWS)[number];

/** A message shown to the user: an error from a rejected call, or an event from the service. */
export interface Notice {
  id: number;
  /** The title's key (e.g. `notice.startFailed`), plus the raw message from the service. */
  titleKey: KeyOf<'notice'>;
  message: LabMessage;
}

export interface UiSlice {
  theme: ThemeChoice;
  /** The UI's language (new runs are named in it). */
  language: Language;
  selectedRunId: string | null;
  /** EMA smoothing factor for the loss chart, 0..0.99. */
  smoothing: number;
  notices: Notice[];
  /** Run ids whose failure banner was dismissed. */
  dismissedBanners: Record<string, true>;
  helpOpen: boolean;
  helpTopic: HelpTopic;
  /** A weights file opened by the service and waiting for the import dialog's answer. */
  importPreview: WeightsPreview | null;
  /** The dataset the service trains on, once known. */
  dataset: DatasetInfo | null;
  /** Which area the window shows. */
  area: AppArea;
  /** The MNIST lab's open tab. */
  mainView: MainView;
  setArea: (area: AppArea) => void;
  setMainView: (view: MainView) => void;
  setDataset: (dataset: DatasetInfo) => void;
  setTheme: (theme: ThemeChoice) => void;
  setLanguage: (language: Language) => void;
  selectRun: (runId: string | null) => void;
  setSmoothing: (smoothing: number) => void;
  pushNotice: (titleKey: KeyOf<'notice'>, message: LabMessage) => void;
  dismissNotice: (id: number) => void;
  dismissBanner: (runId: string) => void;
  /** Opens the Help dialog on `topic` (the shortcuts by default), or closes it. */
  setHelpOpen: (open: boolean, topic?: HelpTopic) => void;
  setImportPreview: (preview: WeightsPreview | null) => void;
}

let nextNoticeId = 1;

/** Default EMA factor: visible smoothing without hiding the trend's start. */
export const DEFAULT_SMOOTHING = 0.6;

export const createUiSlice: StateCreator<UiSlice, [], [], UiSlice> = (set) => ({
  theme: 'system',
  language: 'en',
  selectedRunId: null,
  smoothing: DEFAULT_SMOOTHING,
  notices: [],
  dismissedBanners: {},
  helpOpen: false,
  helpTopic: 'shortcuts',
  importPreview: null,
  dataset: null,
  area: 'mnist',
  mainView: 'charts',
  setArea: (area) => set({ area }),
  setMainView: (mainView) => set({ mainView }),
  setDataset: (dataset) => set({ dataset }),
  setTheme: (theme) => set({ theme }),
  setLanguage: (language) => set({ language }),
  selectRun: (selectedRunId) => set({ selectedRunId }),
  setSmoothing: (smoothing) => set({ smoothing: Math.min(0.99, Math.max(0, smoothing)) }),
  pushNotice: (titleKey, message) =>
    set((s) => ({ notices: [...s.notices, { id: nextNoticeId++, titleKey, message }].slice(-5) })),
  dismissNotice: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
  dismissBanner: (runId) => set((s) => ({ dismissedBanners: { ...s.dismissedBanners, [runId]: true } })),
  setHelpOpen: (helpOpen, helpTopic = 'shortcuts') => set(helpOpen ? { helpOpen, helpTopic } : { helpOpen }),
  setImportPreview: (importPreview) => set({ importPreview }),
});
