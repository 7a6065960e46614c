import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { i18nReady } from './i18n';
import './styles.css';
import { App } from './App';
import { registerServiceWorker } from './pwa/registerServiceWorker';
import { reloadOnStaleChunk } from './pwa/reloadOnStaleChunk';

reloadOnStaleChunk();

// English, when chosen, arrives first; until then index.html's spinner stays.
void i18nReady.finally(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);

registerServiceWorker();
