/**
 * Renderer entry: i18n, the store, the lab client (window.lab in Electron, a WebSocket client in a
 * browser), its event wiring outside React, then React.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { getLab } from './bridge';
import { initI18n, matchLanguage } from './i18n';
import { Root } from './Root';
import { storedTheme } from './AppHeader';
import { connectLab } from './store/connectLab';
import { connectMenu } from './store/connectMenu';
import { createLabStore } from './store';
import './styles/theme.css';
import './styles/layout.css';
import './styles/controls.css';

const i18n = initI18n();
const lab = getLab();
const store = createLabStore({ language: matchLanguage(i18n.language) ?? 'en', theme: storedTheme() }, lab);
connectLab(lab, store);
connectMenu(lab, store);

const container = document.getElementById('root');
if (!container) throw new Error('index.html lacks #root');
createRoot(container).render(
  <StrictMode>
    <Root store={store} />
  </StrictMode>,
);
