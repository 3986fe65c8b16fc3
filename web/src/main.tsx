import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { prefetchMe } from './api/me.ts';
import { App } from './app/App.tsx';
import { queryClient } from './app/query-client.ts';
import { cssVariablesResolver, theme } from './app/theme.ts';
import { prefetchUsersPage } from './users/users-query.ts';

prefetchMe(queryClient);
prefetchUsersPage(queryClient, window.location);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver}>
      {/* At the bottom: at the top they covered the header and, on a phone, a dialog's title and close button. */}
      <Notifications position="bottom-right" containerWidth="min(440px, calc(100vw - 2rem))" />
      <QueryClientProvider client={queryClient}>
        <BrowserRouter>
          <App />
        </BrowserRouter>
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);
