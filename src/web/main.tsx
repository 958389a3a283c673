// Only the Mantine styles the app uses (the whole styles.css is ~200 KB): base layers first, then the
// components, the shared ones (buttons, inputs, popovers) before those built on them. A new component needs its line.
import '@mantine/core/styles/baseline.css';
import '@mantine/core/styles/default-css-variables.css';
import '@mantine/core/styles/global.css';
import '@mantine/core/styles/UnstyledButton.css';
import '@mantine/core/styles/VisuallyHidden.css';
import '@mantine/core/styles/Paper.css';
import '@mantine/core/styles/Popover.css';
import '@mantine/core/styles/CloseButton.css';
import '@mantine/core/styles/Group.css';
import '@mantine/core/styles/Stack.css';
import '@mantine/core/styles/Loader.css';
import '@mantine/core/styles/Overlay.css';
import '@mantine/core/styles/ModalBase.css';
import '@mantine/core/styles/Input.css';
import '@mantine/core/styles/InlineInput.css';
import '@mantine/core/styles/Flex.css';
import '@mantine/core/styles/Combobox.css';
import '@mantine/core/styles/ScrollArea.css';
import '@mantine/core/styles/ActionIcon.css';
import '@mantine/core/styles/Alert.css';
import '@mantine/core/styles/Anchor.css';
import '@mantine/core/styles/AppShell.css';
import '@mantine/core/styles/Avatar.css';
import '@mantine/core/styles/Badge.css';
import '@mantine/core/styles/Burger.css';
import '@mantine/core/styles/Button.css';
import '@mantine/core/styles/Card.css';
import '@mantine/core/styles/Center.css';
import '@mantine/core/styles/Checkbox.css';
import '@mantine/core/styles/CheckboxIndicator.css';
import '@mantine/core/styles/Code.css';
import '@mantine/core/styles/Container.css';
import '@mantine/core/styles/Grid.css';
import '@mantine/core/styles/Image.css';
import '@mantine/core/styles/List.css';
import '@mantine/core/styles/Menu.css';
import '@mantine/core/styles/Modal.css';
import '@mantine/core/styles/NavLink.css';
import '@mantine/core/styles/NumberInput.css';
import '@mantine/core/styles/Pagination.css';
import '@mantine/core/styles/PasswordInput.css';
import '@mantine/core/styles/Progress.css';
import '@mantine/core/styles/Radio.css';
import '@mantine/core/styles/RadioIndicator.css';
import '@mantine/core/styles/SegmentedControl.css';
import '@mantine/core/styles/SimpleGrid.css';
import '@mantine/core/styles/Skeleton.css';
import '@mantine/core/styles/Spoiler.css';
import '@mantine/core/styles/Switch.css';
import '@mantine/core/styles/Table.css';
import '@mantine/core/styles/Text.css';
import '@mantine/core/styles/Title.css';
import '@mantine/core/styles/Notification.css';
import '@mantine/notifications/styles.css';
import './a11y.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import {
  Badge,
  createTheme,
  DEFAULT_THEME,
  InputWrapper,
  MantineProvider,
  type CSSVariablesResolver,
  type MantineColorsTuple,
} from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { ApiError, setUnauthorizedHandler } from './api';
import { resetSession } from './session';
import { router } from './routes/index';
import { languageReady } from './i18n';

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
  void router.navigate(`/login?next=${encodeURIComponent(here.pathname + here.search)}`, { replace: true });
});

// WCAG 2.1 AA (issue 13): text in a colour and white text on a filled colour need 4.5:1. Mantine's shade 6
// (teal #12b886: 2.55:1 on white) is too light, so the light scheme uses shade 9 (teal #067452: 5.8:1 on white,
// 5.0:1 on the light badge background); green, orange and yellow get darker 8-9 shades (5.4-6.5:1).
const darker = (base: readonly string[], s8: string, s9: string) => [...base.slice(0, 8), s8, s9] as unknown as MantineColorsTuple;
const theme = createTheme({
  primaryColor: 'teal',
  primaryShade: { light: 9, dark: 5 },
  colors: {
    // Shade 9 a little darker (#067452): 5.0:1 on the light variant's tinted background (#e6f2ef), 5.8:1 on white.
    // Shade 8 is the filled buttons' hover colour: #087f5b keeps white text at 4.9:1 (Mantine's #099268 is 3.9:1).
    teal: darker(DEFAULT_THEME.colors.teal, '#087f5b', '#067452'),
    green: darker(DEFAULT_THEME.colors.green, '#237a35', '#1e6e30'),
    orange: darker(DEFAULT_THEME.colors.orange, '#b03d0a', '#a63a0a'),
    yellow: darker(DEFAULT_THEME.colors.yellow, '#8f4f00', '#7a4300'),
  },
  // No transitions for people who ask their system for less motion.
  respectReducedMotion: true,
  // Black or white text on a filled colour, whichever reads better.
  autoContrast: true,
  defaultRadius: 'md',
  components: {
    // Status badges sit in narrow table cells and card headers: never cut them to "AK…".
    Badge: Badge.extend({ styles: { root: { flexShrink: 0 }, label: { overflow: 'visible' } } }),
    // A table wider than a phone scrolls sideways: its scroll area takes the keyboard focus, so it can be scrolled without a mouse.
    TableScrollContainer: { defaultProps: { scrollAreaProps: { viewportProps: { tabIndex: 0 } } } },
    // The modal's close button (an icon) is named for screen readers.
    // Plain objects (not Modal.extend): importing the components here would put them in the first load.
    Modal: { defaultProps: { closeButtonProps: { 'aria-label': 'Tutup' } } },
    // So is a notification's ("Perubahan disimpan" and the like).
    Notification: { defaultProps: { closeButtonProps: { 'aria-label': 'Tutup pemberitahuan' } } },
    Alert: { defaultProps: { closeButtonLabel: 'Tutup' } },
    // The clear (x) button of clearable inputs.
    FileInput: { defaultProps: { clearButtonProps: { 'aria-label': 'Kosongkan' } } },
    Select: { defaultProps: { clearButtonProps: { 'aria-label': 'Kosongkan' } } },
    MultiSelect: { defaultProps: { clearButtonProps: { 'aria-label': 'Kosongkan' } } },
    // Hints under the input, so inputs side by side stay aligned whatever the length of their hints.
    InputWrapper: InputWrapper.extend({ defaultProps: { inputWrapperOrder: ['label', 'input', 'description', 'error'] } }),
  },
});

// Dimmed text (hints, labels of secondary figures) in gray 7 (#495057, 8.2:1 on white) instead of gray 6 (3.3:1);
// placeholders (a file input shows its placeholder as text) #6b7280, 4.8:1; error messages and the text of an
// invalid input in red 9 (#c92a2a, 7.9:1) instead of red 6 (#fa5252, 3.3:1).
const cssVariables: CSSVariablesResolver = (th) => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': th.colors.gray[7],
    '--mantine-color-placeholder': '#6b7280',
    '--mantine-color-error': th.colors.red[9],
  },
  dark: {},
});

// English users first get their texts (a small chunk); everyone else renders at once.
void languageReady.then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <MantineProvider theme={theme} cssVariablesResolver={cssVariables}>
        <Notifications position="top-right" />
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </MantineProvider>
    </StrictMode>,
  ),
);
