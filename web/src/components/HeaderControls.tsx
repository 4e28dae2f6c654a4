/** Header controls: cycle picker, language switch, account. */
import { Button, Menu, NativeSelect, SegmentedControl, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useSession } from '../auth/session';
import { useCycle } from '../cycle';
import { useLanguage } from '../format';
import { isLanguage, setLanguage } from '../i18n';

export function CyclePicker() {
  const { t } = useTranslation();
  const { cycles, year, pick } = useCycle();
  if (cycles.length === 0) return null;
  const options = [...cycles]
    .sort((a, b) => b.year - a.year)
    .map((c) => ({ value: String(c.year), label: String(c.year) }));
  return (
    <NativeSelect
      aria-label={t('header.cycle')}
      data-testid="cycle-picker"
      size="xs"
      w={84}
      data={options}
      value={year !== undefined && cycles.some((c) => c.year === year) ? String(year) : ''}
      onChange={(e) => pick(Number(e.currentTarget.value))}
    />
  );
}

export function LanguageSwitch() {
  const { t } = useTranslation();
  const lang = useLanguage();
  return (
    <div>
      <VisuallyHidden id="language-label">{t('header.language')}</VisuallyHidden>
      <SegmentedControl
        size="xs"
        aria-labelledby="language-label"
        data-testid="language-switch"
        value={lang}
        onChange={(v) => {
          if (isLanguage(v)) void setLanguage(v);
        }}
        data={[
          { value: 'id', label: <span lang="id">ID</span> },
          { value: 'en', label: <span lang="en">EN</span> },
        ]}
      />
    </div>
  );
}

export function AccountMenu() {
  const { t } = useTranslation();
  const { user, logout, logoutEverywhere } = useSession();
  const navigate = useNavigate();
  if (!user) {
    return (
      <Button component={Link} to="/login" size="xs" variant="filled" data-testid="login-link">
        {t('header.login')}
      </Button>
    );
  }
  const shown = user.name || user.email;
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <UnstyledButton aria-label={t('header.account', { name: shown })} data-testid="account-menu" px="xs" py={4}>
          <Text size="sm" fw={600} truncate maw={160}>
            {shown}
          </Text>
          <Text size="xs" c="dimmed">
            {t(`roles.${user.role}`)}
          </Text>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          {t('header.signedInAs')} {user.email}
        </Menu.Label>
        <Menu.Item
          data-testid="logout"
          onClick={() => {
            void logout().then(() => navigate('/login', { state: { loggedOut: true } }));
          }}
        >
          {t('header.logout')}
        </Menu.Item>
        <Menu.Item
          data-testid="logout-all"
          onClick={() => {
            void logoutEverywhere().then(() => navigate('/login', { state: { loggedOut: true } }));
          }}
        >
          {t('header.logoutAll')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
