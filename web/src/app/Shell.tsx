import { AppShell, Burger, Group, NavLink, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { NavLink as RouterLink, useLocation } from 'react-router';
import { type Me, actingRole } from '../api/me.ts';
import { AccountMenu } from './AccountMenu.tsx';
import { navFor } from './nav.ts';
import { WorkspaceSwitcher } from './WorkspaceSwitcher.tsx';

/** The signed-in frame: a header with the workspace and the person, the areas their role reaches, the page. */
export function Shell({ me, children }: { me: Me; children: ReactNode }) {
  const [opened, { toggle, close }] = useDisclosure(false);
  const location = useLocation();
  const role = actingRole(me);
  return (
    <AppShell header={{ height: 52 }} navbar={{ width: 210, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Open the navigation" />
            <Text fw={700}>Toolplane</Text>
            <WorkspaceSwitcher me={me} />
          </Group>
          <AccountMenu me={me} />
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" component="nav" aria-label="Console">
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
