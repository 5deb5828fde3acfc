/**
 * The app's layout: header, the hyperparameter panel (complementary), and the main area with the
 * training controls, banners, charts and run list. Needs a StoreProvider (with a lab) above it.
 */
import { useTranslation } from 'react-i18next';
import { AppHeader } from './AppHeader';
import { MainViews } from './MainViews';
import { HelpDialog } from './controls/HelpDialog';
import { TrainControls } from './controls/TrainControls';
import { useShortcuts } from './controls/useShortcuts';
import { Notices } from './feedback/Notices';
import { RunBanners } from './feedback/RunBanners';
import { StorageBanner } from './feedback/StorageBanner';
import { HyperparamPanel } from './panel/HyperparamPanel';
import { ImportWeightsDialog } from './runs/ImportWeightsDialog';
import { RunList } from './runs/RunList';
import { LabsView } from './labs/LabsView';
import { useLabStore } from './store';

/** The whole renderer UI. */
export function App() {
  const { t } = useTranslation();
  useShortcuts();
  const area = useLabStore((s) => s.area);
  return (
    <div className={area === 'labs' ? 'app app--labs' : 'app'}>
      <a className="skip-link" href="#main">
        {t('app.skipToMain')}
      </a>
      <AppHeader />
      {area === 'labs' ? (
        <main id="main" className="app__main" tabIndex={-1}>
          <LabsView />
        </main>
      ) : (
        <>
          <aside className="app__side" aria-label={t('panel.title')}>
            <HyperparamPanel />
          </aside>
          <main id="main" className="app__main" tabIndex={-1}>
            <TrainControls />
            <StorageBanner />
            <RunBanners />
            <MainViews />
            <RunList />
          </main>
        </>
      )}
      <Notices />
      <HelpDialog />
      <ImportWeightsDialog />
    </div>
  );
}
