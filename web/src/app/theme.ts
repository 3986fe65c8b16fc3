import { Alert, type CSSVariablesResolver, Menu, Modal, NavLink, Notification, PasswordInput, createTheme, darken } from '@mantine/core';

/**
 * Dense admin screens: small controls, and colours that keep WCAG AA contrast (axe checks
 * every page, hovered and focused too): alert titles in the text colour, dimmed text and errors
 * darker than Mantine's, the active navigation link's text dark enough for its hover background
 * (Mantine's light colour on its light hover background is 4.0:1); every close button named; no
 * focusable placeholder inside an open menu (a menu may hold only its items).
 */
export const theme = createTheme({
  primaryColor: 'blue',
  respectReducedMotion: true,
  primaryShade: 8,
  defaultRadius: 'sm',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  components: {
    Alert: Alert.extend({ styles: { title: { color: 'var(--mantine-color-text)' } } }),
    Menu: Menu.extend({ defaultProps: { withInitialFocusPlaceholder: false } }),
    Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Close' }, size: 'min(440px, calc(100vw - 2rem))' } }),
    NavLink: NavLink.extend({ vars: (theme) => ({ root: { '--nl-color': darken(theme.colors[theme.primaryColor]![9], 0.15) }, children: {} }) }),
    Notification: Notification.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Dismiss' } } }),
    PasswordInput: PasswordInput.extend({ defaultProps: { visibilityToggleButtonProps: { 'aria-label': 'Show or hide the password' } } }),
  },
});

export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': 'var(--mantine-color-gray-7)', '--mantine-color-error': 'var(--mantine-color-red-9)' },
  dark: {},
});
