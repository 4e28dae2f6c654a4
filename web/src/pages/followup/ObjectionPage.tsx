/** One objection: what it is about, the current answers, the thread both sides write in, and the decision. */
import { Alert, Anchor, Breadcrumbs, Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorNotice, errorMessage } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { useFormat, useLanguage } from '../../format';
import { FeedbackAlert } from '../admin/FeedbackAlert';
import type { Feedback } from '../admin/useAction';
import { usePageTitle } from '../usePageTitle';
import { type ObjectionDetail, uploadEvidence, useObjection, useObjectionActions } from './api';
import { DecisionPanel, DecisionSummary } from './Decision';
import { EvidenceLinks, EvidencePicker } from './Evidence';
import { respondentName, useDates } from './format';
import { ObjectionStatusBadge } from './ObjectionStatusBadge';

function Answers({ o }: { o: ObjectionDetail }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600}>
        {t('followUp.objections.answers')}
      </Text>
      <Group gap="xs" data-testid="objection-answers">
        {o.answers.map((a) => (
          <span className="answer" key={a.respondent}>
            {respondentName(t, a.respondent)}: {a.value === null ? t('followUp.objections.na') : a.value}
          </span>
        ))}
      </Group>
      <Text size="sm" data-testid="objection-indicator-score">
        {t('followUp.objections.indicatorScore', { score: fmt.score(o.indicatorScore) })}
      </Text>
    </Stack>
  );
}

function Thread({ o }: { o: ObjectionDetail }) {
  const { t } = useTranslation();
  const dates = useDates();
  const { message } = useObjectionActions(o.id);
  const [body, setBody] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setFeedback(null);
    try {
      const evidence = file ? [await uploadEvidence(file, `objection:${o.id}`)] : [];
      await message.mutateAsync({ body, ...(evidence.length ? { evidence } : {}) });
      setBody('');
      setFile(null);
      setFeedback({ kind: 'ok', text: t('followUp.objections.sent') });
    } catch (err) {
      setFeedback({ kind: 'error', text: errorMessage(t, err), error: err });
    }
  };
  return (
    <Stack gap="xs" component="section" aria-labelledby="thread-heading">
      <Title order={2} size="h4" id="thread-heading">
        {t('followUp.objections.thread')}
      </Title>
      {o.messages.length === 0 && <Text c="dimmed">{t('followUp.objections.noMessages')}</Text>}
      <Stack gap="xs" component="ol" p={0} m={0} style={{ listStyle: 'none' }} data-testid="objection-thread">
        {o.messages.map((m) => (
          <Paper
            key={m.id}
            component="li"
            withBorder
            p="sm"
            ml={m.author.side === 'ombudsman' ? 'lg' : 0}
            mr={m.author.side === 'entity' ? 'lg' : 0}
            bg={m.author.side === 'ombudsman' ? 'patuh.0' : undefined}
            data-side={m.author.side}
          >
            <Text size="xs" c="dimmed">
              {m.author.name ?? '—'} · {t(`followUp.side.${m.author.side}`)} · {dates.at(m.at)}
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {m.body}
            </Text>
            <EvidenceLinks hashes={m.evidence} />
          </Paper>
        ))}
      </Stack>
      {o.status === 'open' ? (
        <form onSubmit={submit} aria-label={t('followUp.objections.reply')}>
          <Stack gap="xs">
            <Textarea
              label={t('followUp.objections.reply')}
              value={body}
              onChange={(e) => setBody(e.currentTarget.value)}
              required
              autosize
              minRows={2}
              data-testid="objection-reply"
            />
            <EvidencePicker value={file} onChange={setFile} />
            <Group>
              <Button type="submit" loading={message.isPending} disabled={!body.trim()} data-testid="objection-send">
                {t('followUp.objections.send')}
              </Button>
            </Group>
            <FeedbackAlert feedback={feedback} />
          </Stack>
        </form>
      ) : (
        <Text size="sm" c="dimmed">
          {t('followUp.objections.closed')}
        </Text>
      )}
    </Stack>
  );
}

export function ObjectionPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const dates = useDates();
  const id = Number(useParams().id);
  const q = useObjection(id);
  usePageTitle(
    q.data ? `${t('followUp.objections.title')} ${q.data.indicator.code} · ${q.data.entity.name}` : undefined,
  );
  if (!Number.isInteger(id) || id <= 0) return <Alert color="gray">{t('errors.pageNotFound')}</Alert>;
  if (q.isPending) return <Loading />;
  if (q.error) return <ErrorNotice error={q.error} onRetry={() => void q.refetch()} />;
  const o = q.data;
  return (
    <Stack gap="lg">
      <Breadcrumbs>
        <Anchor
          component={Link}
          to={`/tindak-lanjut/${o.cycle}/${encodeURIComponent(o.entity.code)}?tab=sanggahan`}
          size="sm"
        >
          {o.entity.name} · {t('followUp.objections.cycle', { year: o.cycle })}
        </Anchor>
        <Text size="sm" aria-current="page">
          {t('followUp.objections.title')} {o.indicator.code}
        </Text>
      </Breadcrumbs>
      <Group justify="space-between" align="flex-start" gap="xs">
        <div>
          <Title order={1} size="h2" data-testid="objection-title">
            {o.indicator.code} · {o.unit.name}
          </Title>
          {o.indicator.text && <Text>{o.indicator.text[lang]}</Text>}
        </div>
        <ObjectionStatusBadge status={o.status} />
      </Group>
      <Paper withBorder p="md">
        <Stack gap="xs">
          {o.indicator.requirement && (
            <Text size="sm">
              <Text span fw={600}>
                {t('followUp.items.requirement')}:
              </Text>{' '}
              {o.indicator.requirement[lang]}
            </Text>
          )}
          <Text size="sm" fw={600}>
            {t('followUp.objections.reason')}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="objection-reason-text">
            {o.reason}
          </Text>
          <EvidenceLinks hashes={o.evidence} />
          <Text size="xs" c="dimmed">
            {t('followUp.objections.filedAt', { date: dates.at(o.filedAt), name: o.filedBy.name ?? '—' })}
          </Text>
          <Answers o={o} />
        </Stack>
      </Paper>
      {o.decision && <DecisionSummary o={o} />}
      <Thread o={o} />
      {o.status === 'open' && <DecisionPanel o={o} />}
    </Stack>
  );
}
