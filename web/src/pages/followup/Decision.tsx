/** Deciding an objection (accept with corrected answers, or reject), and what was decided. */
import { Alert, Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../auth/session';
import { errorMessage } from '../../components/ErrorNotice';
import { useFormat } from '../../format';
import { FeedbackAlert } from '../admin/FeedbackAlert';
import type { Feedback } from '../admin/useAction';
import { mayDecideObjection } from './access';
import { type ObjectionDetail, useObjectionActions } from './api';
import { respondentName, useDates } from './format';

const VALUES = ['0', '1', '2', '3', 'NA'] as const;
type Answer = { respondent: string; value: number | null };
const show = (v: number | null, na: string) => (v === null ? na : String(v));

export function DecisionPanel({ o }: { o: ObjectionDetail }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const { accept, reject } = useObjectionActions(o.id);
  const start: Answer[] = o.answers.length > 0 ? o.answers : [{ respondent: '', value: null }];
  const [answers, setAnswers] = useState<Answer[]>(start);
  const [reason, setReason] = useState('');
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  if (!mayDecideObjection(user)) return null;

  const run = async (kind: 'accept' | 'reject') => {
    setFeedback(null);
    try {
      if (kind === 'accept') await accept.mutateAsync({ answers, reason });
      else await reject.mutateAsync(reason);
      setFeedback({
        kind: 'ok',
        text: t(kind === 'accept' ? 'followUp.objections.accepted' : 'followUp.objections.rejected'),
      });
    } catch (err) {
      setFeedback({ kind: 'error', text: errorMessage(t, err), error: err });
    }
  };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="decide-heading" data-testid="decision-panel">
      <Stack gap="xs">
        <Title order={2} size="h4" id="decide-heading">
          {t('followUp.objections.decide')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('followUp.objections.decideIntro')}
        </Text>
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs">
          {answers.map((a, i) => (
            <NativeSelect
              key={a.respondent}
              label={t('followUp.objections.corrected', { respondent: respondentName(t, a.respondent) })}
              data={VALUES.map((v) => ({ value: v, label: v === 'NA' ? t('followUp.objections.na') : v }))}
              value={a.value === null ? 'NA' : String(a.value)}
              onChange={(e) => {
                const v = e.currentTarget.value;
                setAnswers((list) =>
                  list.map((x, j) => (j === i ? { ...x, value: v === 'NA' ? null : Number(v) } : x)),
                );
              }}
              data-testid={`corrected-${a.respondent || 'obs'}`}
            />
          ))}
        </SimpleGrid>
        <Textarea
          label={t('followUp.objections.decisionReason')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          required
          autosize
          minRows={2}
          data-testid="decision-reason"
        />
        <Group>
          <Button
            onClick={() => void run('accept')}
            loading={accept.isPending}
            disabled={!reason.trim() || reject.isPending}
            data-testid="objection-accept"
          >
            {t('followUp.objections.accept')}
          </Button>
          <Button
            color="red"
            variant="outline"
            onClick={() => void run('reject')}
            loading={reject.isPending}
            disabled={!reason.trim() || accept.isPending}
            data-testid="objection-reject"
          >
            {t('followUp.objections.reject')}
          </Button>
        </Group>
        <FeedbackAlert feedback={feedback} />
      </Stack>
    </Paper>
  );
}

export function DecisionSummary({ o }: { o: ObjectionDetail }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const dates = useDates();
  const d = o.decision;
  if (!d) return null;
  const na = t('followUp.objections.na');
  const list = (xs: Answer[]) => xs.map((a) => `${respondentName(t, a.respondent)}: ${show(a.value, na)}`).join(', ');
  const c = d.correction;
  return (
    <Alert
      color={d.status === 'accepted' ? 'patuh' : 'red'}
      variant="light"
      title={t('followUp.objections.decision', { status: t(`followUp.objections.status.${d.status}`) })}
      data-testid="objection-decision"
    >
      <Stack gap={4}>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {d.reason}
        </Text>
        {c && (
          <Text size="sm" data-testid="objection-correction">
            {t('followUp.objections.answersChange', { before: list(c.answers.before), after: list(c.answers.after) })}
          </Text>
        )}
        {c && (
          <Text size="sm" fw={600} data-testid="objection-score-change">
            {t('followUp.objections.scoreChange', {
              before: fmt.score(c.entityScore.before?.score),
              after: fmt.score(c.entityScore.after?.score),
            })}
          </Text>
        )}
        <Text size="xs" c="dimmed">
          {t('followUp.objections.decidedBy', { date: dates.at(d.at), name: d.by?.name ?? '—' })}
        </Text>
      </Stack>
    </Alert>
  );
}
