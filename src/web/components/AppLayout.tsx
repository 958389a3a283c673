import { useEffect } from 'react';
import { Link, Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { useFocusOnNavigate } from './useFocusOnNavigate';
import { AppShell, Avatar, Burger, Center, Group, Loader, Menu, NavLink, ScrollArea, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { call, client } from '../api';
import { resetSession, useSession } from '../session';
import { useT } from '../i18n';
import { LanguageSwitch } from './LanguageSwitch';
import type { NavEntry } from '../routes/area';

/** The entry whose path is the longest prefix of the current path is the active one. */
function activeEntry(entries: NavEntry[], pathname: string): string | undefined {
  const matches = entries.filter((e) => (e.to === '/' ? pathname === '/' : pathname === e.to || pathname.startsWith(`${e.to}/`)));
  return matches.sort((a, b) => b.to.length - a.to.length)[0]?.to;
}

function initials(name: string) {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0]!.toUpperCase())
    .join('');
}

function UserMenu() {
  const { user } = useSession();
  const t = useT();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const logout = useMutation({
    mutationFn: () => call(client.POST('/api/auth/logout')),
    onSettled: () => {
      resetSession(queryClient);
      void navigate('/login', { replace: true });
    },
  });
  if (!user) return null;
  return (
    <Menu position="bottom-end" withArrow>
      <Menu.Target>
        <UnstyledButton aria-label={t.common.userMenu}>
          <Group gap={6} wrap="nowrap">
            <Avatar size="sm" color="teal" radius="xl">
              {initials(user.name)}
            </Avatar>
            <Text size="sm" visibleFrom="sm" maw={180} truncate>
              {user.name}
            </Text>
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{user.email}</Menu.Label>
        <Menu.Item component={Link} to="/account">
          {t.common.nav.account}
        </Menu.Item>
        <Menu.Item color="red" onClick={() => logout.mutate()}>
          {t.common.logout}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

/** The logged-in shell: header, navigation (a burger drawer on phones) and the page. */
export function AppLayout({ nav }: { nav: NavEntry[] }) {
  const { user, isLoading, can } = useSession();
  const t = useT();
  const location = useLocation();
  const [opened, { toggle, close }] = useDisclosure();
  useEffect(close, [location.pathname, close]);
  useFocusOnNavigate();

  if (isLoading)
    return (
      <Center h="100vh">
        <Loader />
      </Center>
    );
  if (!user) {
    const next = location.pathname === '/' ? '' : `?next=${encodeURIComponent(location.pathname + location.search)}`;
    return <Navigate to={`/login${next}`} replace />;
  }
  // A member officer's own institution, one click away ("Lembaga saya").
  const own: NavEntry[] =
    user.role === 'member' && user.institutionId
      ? [{ to: `/directory/${user.institutionId}`, label: (m) => m.common.nav.myInstitution, order: 5 }]
      : [];
  const entries = [...own, ...nav.filter((e) => !e.ability || can(e.ability))].sort((a, b) => a.order - b.order);
  const active = activeEntry(entries, location.pathname);

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
      <AppShell.Header>
        {/* Keyboard users jump past the header and navigation; visible only when focused. */}
        <a href="#main" className="skip-link">
          Langsung ke isi
        </a>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t.common.menu} />
            <Text component={Link} to="/" fw={700} size="lg" c="teal.9" style={{ textDecoration: 'none' }}>
              {t.common.appName}
            </Text>
            <Text size="sm" c="dimmed" visibleFrom="md">
              {t.common.tagline}
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <LanguageSwitch />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label={t.common.menu}>
        <ScrollArea>
          {entries.map((e) => (
            <NavLink key={e.to} component={Link} to={e.to} label={e.label(t)} active={e.to === active} variant="light" color="teal" />
          ))}
        </ScrollArea>
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
