import { lazy, Suspense, useEffect, useState } from 'react';
import { Link, Navigate, Outlet, useLocation } from 'react-router';
import { useFocusOnNavigate } from './useFocusOnNavigate';
import { AppShell, Burger, Center, Group, Loader, NavLink, ScrollArea, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useSession } from '../session';
import { useT } from '../i18n';
import { LanguageSwitch } from './LanguageSwitch';
import { UserMenuButton } from './UserMenuButton';
import type { NavEntry } from '../routes/area';

/** The entry whose path is the longest prefix of the current path is the active one. */
function activeEntry(entries: NavEntry[], pathname: string): string | undefined {
  const matches = entries.filter((e) => (e.to === '/' ? pathname === '/' : pathname === e.to || pathname.startsWith(`${e.to}/`)));
  return matches.sort((a, b) => b.to.length - a.to.length)[0]?.to;
}

const loadUserMenu = () => import('./UserMenuDropdown');
const LazyUserMenu = lazy(() => loadUserMenu().then((m) => ({ default: m.UserMenuDropdown })));

/**
 * The user menu: a plain button until first used; then the menu's code loads (prefetched on hover or focus)
 * and the menu opens, focus moving to the new button so a keyboard user stays in place.
 */
function UserMenu() {
  const { user } = useSession();
  const t = useT();
  const [wanted, setWanted] = useState(false);
  if (!user) return null;
  const button = (
    <UserMenuButton
      name={user.name}
      label={t.common.userMenu}
      onClick={() => setWanted(true)}
      onPointerEnter={() => void loadUserMenu()}
      onFocus={() => void loadUserMenu()}
    />
  );
  if (!wanted) return button;
  return (
    <Suspense fallback={button}>
      <LazyUserMenu name={user.name} email={user.email} />
    </Suspense>
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
