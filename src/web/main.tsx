import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { Badge, createTheme, InputWrapper, MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { ApiError, setUnauthorizedHandler } from './api';
import { resetSession } from './session';
import { router } from './routes/index';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // Do not retry what the server refused on purpose (validation, rights, missing rows).
      retry: (count, err) => !(err instanceof ApiError && err.status >= 400 && err.status < 500) && count < 2,
      refetchOnWindowFocus: false,
    },
  },
});

// A 401 anywhere means the session ended: forget the user and go to the login page, then come back.
setUnauthorizedHandler(() => {
  resetSession(queryClient);
  const here = router.state.location;
  const publicPaths = ['/login', '/forgot-password', '/reset-password', '/accept-invitation'];
  if (publicPaths.includes(here.pathname)) return;
  router.navigate(`/login?next=${encodeURIComponent(here.pathname + here.search)}`, { replace: true });
});

const theme = createTheme({
  primaryColor: 'teal',
  defaultRadius: 'md',
  components: {
    // Status badges sit in narrow table cells and card headers: never cut them to "AK…".
    Badge: Badge.extend({ styles: { root: { flexShrink: 0 }, label: { overflow: 'visible' } } }),
    // Hints under the input, so inputs side by side stay aligned whatever the length of their hints.
    InputWrapper: InputWrapper.extend({ defaultProps: { inputWrapperOrder: ['label', 'input', 'description', 'error'] } }),
  },
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider theme={theme}>
      <Notifications position="top-right" />
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);
