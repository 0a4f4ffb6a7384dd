import { StrictMode } from 'react';
import { QueryClientProvider } from '@tanstack/react-query';
import { createRoot } from 'react-dom/client';
import './app/i18n';
import './styles.css';
import { App, preloadRoleChunk } from './App';
import { queryClient } from './app/hooks';

// Opening /officer/… (a reload, a bookmark): its chunk first, so the page renders in one go.
void preloadRoleChunk(window.location.pathname).finally(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <App />
      </QueryClientProvider>
    </StrictMode>,
  ),
);
