import { AppShell, Burger, Group, NavLink, Text, useMantineTheme } from '@mantine/core';
import { useDisclosure, useMediaQuery, useReducedMotion } from '@mantine/hooks';
import { type KeyboardEvent, type ReactNode, useRef } from 'react';
import { NavLink as RouterLink, useLocation } from 'react-router';
import { type Me, actingRole } from '../api/me.ts';
import { AccountMenu } from './AccountMenu.tsx';
import { navFor } from './nav.ts';
import { WorkspaceSwitcher } from './WorkspaceSwitcher.tsx';

/**
 * The signed-in frame: a header with the workspace and the person, the areas their role
 * reaches, the page. Below the `sm` breakpoint the navigation is a drawer opened by the
 * burger; while closed it is inert (off screen, so out of the tab order and the
 * accessibility tree too). It slides only for people who have not asked for reduced motion.
 * Escape pressed on the open drawer or on its burger closes it and puts the focus back on
 * the burger, as a WAI-ARIA dialog or disclosure does.
 */
export function Shell({ me, children }: { me: Me; children: ReactNode }) {
  const [opened, { toggle, close }] = useDisclosure(false);
  const location = useLocation();
  const role = actingRole(me);
  const narrow = useMediaQuery(`(max-width: calc(${useMantineTheme().breakpoints.sm} - 0.1px))`);
  const reducedMotion = useReducedMotion();
  const burger = useRef<HTMLButtonElement>(null);
  const closeOnEscape = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !opened || !narrow) return;
    event.preventDefault();
    close();
    burger.current?.focus();
  };
  return (
    <AppShell
      header={{ height: 52 }}
      navbar={{ width: 210, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
      transitionDuration={reducedMotion ? 0 : 200}
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              ref={burger}
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label="Navigation"
              aria-expanded={opened}
              aria-controls="console-navigation"
              onKeyDown={closeOnEscape}
            />
            <Text fw={700}>Toolplane</Text>
            <WorkspaceSwitcher me={me} />
          </Group>
          <AccountMenu me={me} />
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" component="nav" aria-label="Console" id="console-navigation" inert={narrow && !opened} onKeyDown={closeOnEscape}>
        {navFor(role, me.instanceAdmin).map((entry) => (
          <NavLink
            key={entry.path}
            component={RouterLink}
            to={entry.path}
            label={entry.label}
            active={location.pathname === entry.path || location.pathname.startsWith(`${entry.path}/`)}
            onClick={close}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main>
        {children}
      </AppShell.Main>
    </AppShell>
  );
}
