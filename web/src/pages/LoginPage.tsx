/** Email + password login. The server sets the session cookie. */
import { Alert, Anchor, Button, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { isApiError } from '../api/http';
import { useSession } from '../auth/session';
import { errorMessage } from '../components/ErrorNotice';
import { usePageTitle } from './usePageTitle';

function fromState(state: unknown): { from?: string; loggedOut?: boolean } {
  if (typeof state !== 'object' || state === null) return {};
  const s = state as Record<string, unknown>;
  return {
    from: typeof s.from === 'string' && s.from.startsWith('/') && !s.from.startsWith('//') ? s.from : undefined,
    loggedOut: s.loggedOut === true,
  };
}

export function LoginPage() {
  const { t } = useTranslation();
  usePageTitle(t('login.title'));
  const { user, login, loggingIn } = useSession();
  const navigate = useNavigate();
  const { state } = useLocation();
  const { from, loggedOut } = fromState(state);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);

  // signed in (now, or already when the page opened): go where the person was heading
  useEffect(() => {
    if (user) navigate(from ?? '/', { replace: true });
  }, [user, from, navigate]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await login(email.trim(), password);
    } catch (err) {
      if (isApiError(err) && (err.status === 401 || err.status === 400)) setError(t('login.invalid'));
      else if (isApiError(err) && (err.status === 429 || err.code === 'ACCOUNT_LOCKED')) setError(t('login.locked'));
      else setError(errorMessage(t, err));
    }
  };

  return (
    <Stack maw={420} mx="auto" mt="lg">
      <Title order={1}>{t('login.title')}</Title>
      <Text c="dimmed" size="sm">
        {t('login.intro')}
      </Text>
      {loggedOut && (
        <Alert color="patuh" variant="light" role="status">
          {t('login.loggedOut')}
        </Alert>
      )}
      <Paper withBorder p="lg" component="form" onSubmit={submit} noValidate aria-labelledby="login-heading">
        <Stack>
          <span id="login-heading" hidden>
            {t('login.title')}
          </span>
          {error && (
            <Alert color="red" variant="light" role="alert" data-testid="login-error">
              {error}
            </Alert>
          )}
          <TextInput
            label={t('login.email')}
            type="email"
            name="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            data-autofocus
          />
          <PasswordInput
            label={t('login.password')}
            name="password"
            autoComplete="current-password"
            visibilityToggleButtonProps={{ 'aria-label': t('common.showPassword') }}
            required
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
          />
          <Button type="submit" loading={loggingIn} disabled={!email || !password}>
            {t('login.submit')}
          </Button>
        </Stack>
      </Paper>
      <Text size="sm">
        {t('login.publicNote')}{' '}
        <Anchor component={Link} to="/">
          {t('login.seeResults')}
        </Anchor>
      </Text>
    </Stack>
  );
}
