import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './app/i18n';
import './styles.css';
import { App, preloadRoleChunk } from './App';

// Opening /officer/… (a reload, a bookmark): its chunk first, so the page renders in one go.
void preloadRoleChunk(window.location.pathname).finally(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
