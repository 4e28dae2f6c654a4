/** One way to tell people what went wrong, from the API's status and code. */
import { Alert, Anchor, Button, Group, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { isApiError } from '../api/http';
import { currentLanguage } from '../i18n';

/** Some refusals (a new password) carry their message in both languages: details.messages.{id,en}. */
function messageInLanguage(details: unknown): string | undefined {
  const m = (details as { messages?: Record<string, unknown> } | null | undefined)?.messages;
  const text = m?.[currentLanguage()];
  return typeof text === 'string' ? text : undefined;
}

export function errorMessage(t: TFunction, error: unknown): string {
  if (!isApiError(error))
    return t('errors.generic', { code: 'CLIENT', message: error instanceof Error ? error.message : String(error) });
  switch (error.status) {
    case 0:
      return t('errors.network');
    case 401:
      return t('errors.unauthenticated');
    case 403:
      return t('errors.forbidden');
    case 404:
      return t('errors.notFound');
    case 429:
      return t('errors.rateLimited');
    case 400:
      return t('errors.validation', { message: messageInLanguage(error.details) ?? error.message });
    case 409:
      return t('errors.conflict', { message: error.message });
    default:
      return t('errors.generic', { code: error.code, message: error.message });
  }
}

export function ErrorNotice({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const location = useLocation();
  const needsLogin = isApiError(error) && error.status === 401;
  const transient = !isApiError(error) || error.status === 0 || error.status >= 500;
  return (
    <Alert color="red" variant="light" title={t('errors.title')} role="alert" data-testid="error-notice">
      <Text size="sm">{errorMessage(t, error)}</Text>
      <Group mt="sm" gap="sm">
        {needsLogin && (
          <Anchor component={Link} to="/login" state={{ from: location.pathname }}>
            {t('errors.login')}
          </Anchor>
        )}
        {transient && onRetry && (
          <Button size="xs" variant="outline" color="red" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        )}
      </Group>
    </Alert>
  );
}
