/** The public dashboard's frame: brand, cycle, language, sign-in link, the page, a footer. */
import { Anchor, Button, Container, Group, NativeSelect, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate, useParams } from 'react-router';
import { LanguageSwitch } from '../../components/HeaderControls';
import { usePublicCycles } from './api';

/** The same page in another cycle: the overview, the rankings, or the same entity's card. */
export function pathInYear(pathname: string, search: string, year: number): string {
  const rest = /^\/publik\/\d{4}(\/.*)?$/.exec(pathname)?.[1] ?? '';
  return `/publik/${year}${rest}${rest.startsWith('/peringkat') ? search : ''}`;
}

function PublicCyclePicker() {
  const { t } = useTranslation();
  const cycles = usePublicCycles();
  const { year } = useParams();
  const { pathname, search } = useLocation();
  const navigate = useNavigate();
  const options = [...(cycles.data ?? [])]
    .sort((a, b) => b.year - a.year)
    .map((c) => ({ value: String(c.year), label: String(c.year), disabled: c.entities === 0 }));
  if (options.length === 0 || !year) return null;
  return (
    <NativeSelect
      aria-label={t('dashboard.cycle')}
      data-testid="public-cycle-picker"
      size="xs"
      w={84}
      data={options}
      value={year}
      onChange={(e) => navigate(pathInYear(pathname, search, Number(e.currentTarget.value)))}
    />
  );
}

export function PublicLayout() {
  const { t } = useTranslation();
  const { year } = useParams();
  const base = year ? `/publik/${year}` : '/publik';
  return (
    <div className="public-frame">
      <a href="#public-main" className="skip-link">
        {t('app.skipToContent')}
      </a>
      <header className="public-header">
        <Container size="lg" px="sm">
          <Group h={56} gap="xs" wrap="nowrap" justify="space-between">
            <Anchor component={Link} to={base} underline="never" c="patuh.8" aria-label={t('dashboard.title')}>
              <Group gap={8} wrap="nowrap">
                <Text component="span" fw={800} fz={22} lh={1}>
                  {t('app.name')}
                </Text>
                <Text component="span" size="sm" c="dimmed" visibleFrom="xs" lh={1.1}>
                  {t('dashboard.title')}
                </Text>
              </Group>
            </Anchor>
            <Group gap="xs" wrap="nowrap">
              <PublicCyclePicker />
              <LanguageSwitch />
              <Button component={Link} to="/login" size="xs" variant="subtle" visibleFrom="sm">
                {t('header.login')}
              </Button>
            </Group>
          </Group>
          <Group component="nav" aria-label={t('dashboard.nav.label')} gap="md" pb={6} wrap="wrap">
            <Anchor component={Link} to={base} size="sm" fw={600} data-testid="public-nav-overview">
              {t('dashboard.nav.overview')}
            </Anchor>
            {year && (
              <Anchor component={Link} to={`${base}/peringkat`} size="sm" fw={600} data-testid="public-nav-rankings">
                {t('dashboard.nav.rankings')}
              </Anchor>
            )}
            {year && (
              <Anchor component={Link} to={`${base}#data-terbuka`} size="sm" fw={600}>
                {t('dashboard.nav.downloads')}
              </Anchor>
            )}
            <Anchor component={Link} to="/" size="sm" c="dimmed">
              {t('dashboard.nav.app')}
            </Anchor>
          </Group>
        </Container>
      </header>
      <Container size="lg" px="sm" py="md" component="main" id="public-main" tabIndex={-1}>
        <Outlet />
      </Container>
      <Container size="lg" px="sm" pb="lg" component="footer">
        <Text size="xs" c="dimmed">
          {t('dashboard.footer')}
        </Text>
      </Container>
    </div>
  );
}
