import { Anchor, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePageTitle } from './usePageTitle';

export function NotFoundPage() {
  const { t } = useTranslation();
  usePageTitle(t('errors.pageNotFound'));
  return (
    <Stack maw={560}>
      <Title order={1}>{t('errors.pageNotFound')}</Title>
      <Text>
        <Anchor component={Link} to="/">
          {t('errors.goHome')}
        </Anchor>
      </Text>
    </Stack>
  );
}
