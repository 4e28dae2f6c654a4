/** A sheet's history: its status moves, and the audit trail when this role may read it. */
import { List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SubmissionDetail } from '../../collect/schemas';
import { useSubmissionAudit } from './queries';

export function SubmissionHistory({ sheet }: { sheet: SubmissionDetail }) {
  const { t, i18n } = useTranslation();
  const audit = useSubmissionAudit(sheet.id);
  const when = (iso: string) => new Date(iso).toLocaleString(i18n.language === 'en' ? 'en-GB' : 'id-ID');
  return (
    <Stack gap="xs" component="section" aria-labelledby="history-heading">
      <Title order={2} size="h4" id="history-heading">
        {t('review.history')}
      </Title>
      <List size="sm" spacing={4} data-testid="history">
        {sheet.history.map((e) => (
          <List.Item key={`${e.at}-${e.version}-${e.to}`}>
            <Text span size="sm" fw={600}>
              {e.from
                ? t('review.event', { from: t(`collect.state.${e.from}`), to: t(`collect.state.${e.to}`) })
                : `${t('review.created')} (${t(`collect.state.${e.to}`)})`}
            </Text>
            {` · v${e.version} · ${when(e.at)} · ${t('review.by', { actor: e.actor })}`}
          </List.Item>
        ))}
      </List>
      {audit.data && audit.data.length > 0 && (
        <>
          <Title order={3} size="h5">
            {t('review.audit')}
          </Title>
          <List size="xs" spacing={2} data-testid="audit">
            {audit.data.map((a) => (
              <List.Item key={a.seq}>
                {`#${a.seq} · ${when(a.at)} · ${t('review.auditChange', { action: a.action, actor: a.actor })}`}
              </List.Item>
            ))}
          </List>
        </>
      )}
    </Stack>
  );
}
