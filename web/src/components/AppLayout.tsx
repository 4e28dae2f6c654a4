/** The frame of every page: header, navigation by role, main content. */
import { Anchor, AppShell, Burger, Divider, Group, NavLink, ScrollArea, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { adminPagesFor } from '../auth/access';
import { useSession } from '../auth/session';
import { registerServiceWorker } from '../collect/register-sw';
import { useCycle } from '../cycle';
import { AccountMenu, CyclePicker, LanguageSwitch } from './HeaderControls';

interface Item {
  to: string;
  label: string;
  testId: string;
  external?: boolean;
}

function useNavItems(): { main: Item[]; admin: Item[] } {
  const { t } = useTranslation();
  const { user } = useSession();
  const { year } = useCycle();
  const main: Item[] = [];
  if (user?.role === 'entity_official' && user.entity) {
    if (year !== undefined)
      main.push({
        to: `/cycles/${year}/entities/${encodeURIComponent(user.entity.code)}`,
        label: t('nav.myEntity'),
        testId: 'nav-my-entity',
      });
  } else if (year !== undefined) {
    main.push({ to: `/cycles/${year}`, label: t('nav.results'), testId: 'nav-results' });
  }
  if (user?.role === 'assessor') main.push({ to: '/collect', label: t('nav.collect'), testId: 'nav-collect' });
  if (user?.role === 'office_head' || user?.role === 'central' || user?.role === 'admin') {
    main.push({ to: '/fieldwork', label: t('nav.fieldwork'), testId: 'nav-fieldwork' });
  }
  if (user) main.push({ to: '/tindak-lanjut', label: t('nav.followUp'), testId: 'nav-follow-up' });
  main.push({ to: '/publik', label: t('nav.publicDashboard'), testId: 'nav-public-dashboard' });
  const pages = adminPagesFor(user);
  const admin: Item[] = pages.map((p) => ({ to: `/admin/${p}`, label: t(`nav.${p}`), testId: `nav-admin-${p}` }));
  if (user?.role === 'admin' || user?.role === 'central') {
    admin.push({ to: '/api/docs', label: t('nav.apiDocs'), testId: 'nav-api-docs', external: true });
  }
  return { main, admin };
}

function NavItem({ item, onNavigate }: { item: Item; onNavigate: () => void }) {
  const { pathname } = useLocation();
  if (item.external) return <NavLink href={item.to} label={item.label} data-testid={item.testId} />;
  const active = pathname === item.to || (item.to !== '/' && pathname.startsWith(`${item.to}/`));
  return (
    <NavLink
      component={Link}
      to={item.to}
      label={item.label}
      active={active}
      aria-current={active ? 'page' : undefined}
      data-testid={item.testId}
      onClick={onNavigate}
    />
  );
}

export function AppLayout() {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure(false);
  const { main, admin } = useNavItems();
  // the offline app shell, for whoever opens the signed-in app (not the public dashboard)
  useEffect(registerServiceWorker, []);

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <a href="#main" className="skip-link">
        {t('app.skipToContent')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="sm" gap="xs" wrap="nowrap" justify="space-between">
          <Group gap="xs" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={t('app.toggleMenu')}
              aria-expanded={opened}
            />
            <Anchor component={Link} to="/" underline="never" aria-label={t('app.home')} c="patuh.8">
              <Text component="span" fw={800} fz={22} lh={1} style={{ letterSpacing: '-0.5px' }}>
                {t('app.name')}
              </Text>
            </Anchor>
            <Text size="xs" c="dimmed" visibleFrom="md" maw={260} lh={1.2}>
              {t('app.tagline')}
            </Text>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <CyclePicker />
            <LanguageSwitch />
            <Group visibleFrom="sm">
              <AccountMenu />
            </Group>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label={t('nav.label')} component="nav">
        <AppShell.Section hiddenFrom="sm" pb="xs">
          <AccountMenu />
          <Divider mt="xs" />
        </AppShell.Section>
        <AppShell.Section grow component={ScrollArea}>
          <Stack gap={2}>
            {main.map((item) => (
              <NavItem key={item.to} item={item} onNavigate={close} />
            ))}
          </Stack>
          {admin.length > 0 && (
            <Stack gap={2} mt="md" data-testid="admin-menu">
              <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" id="admin-nav-label">
                {t('nav.admin')}
              </Text>
              {admin.map((item) => (
                <NavItem key={item.to} item={item} onNavigate={close} />
              ))}
            </Stack>
          )}
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
