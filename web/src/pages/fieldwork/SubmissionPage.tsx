/**
 * /fieldwork/submissions/:id — one sheet for review: every answer with its level's
 * meaning and its evidence, a note per item, and the reviewer's action: verify
 * (office head), validate (central), or send back with the notes. Actions carry the
 * version read, so a sheet that changed meanwhile is refused rather than judged unseen.
 */
import { Alert, Anchor, Button, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useSession } from '../../auth/session';
import { useInstrument } from '../../collect/hooks';
import type { FullIndicator, SubmissionDetail } from '../../collect/schemas';
import { ActionBar } from '../../components/ActionBar';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { FeedbackAlert } from '../admin/FeedbackAlert';
import { useAction } from '../admin/useAction';
import { usePageTitle } from '../usePageTitle';
import { type ReturnComment, type ReviewAction, review, reviewKeys, useSubmission } from './queries';
import { ReviewItem } from './ReviewItem';
import { SubmissionHistory } from './SubmissionHistory';
import { StatusBadge, sheetName } from './SubmissionsPage';

/** Which actions this role may take on a sheet in this status (the server decides; this hides the rest). */
export function actionsFor(role: string | undefined, status: SubmissionDetail['status']): ReviewAction[] {
  const central = role === 'central' || role === 'admin';
  const head = role === 'office_head' || role === 'admin';
  const out: ReviewAction[] = [];
  if (head && status === 'submitted') out.push('verify');
  if (central && status === 'verified') out.push('validate');
  if ((head || central) && (status === 'submitted' || status === 'verified')) out.push('return');
  else if (central && status === 'validated') out.push('return');
  return out;
}

function Review({ sheet, indicators }: { sheet: SubmissionDetail; indicators: Map<string, FullIndicator> }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const qc = useQueryClient();
  const [notes, setNotes] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState('');
  const actions = actionsFor(user?.role, sheet.status);
  const canReturn = actions.includes('return');
  const comments: ReturnComment[] = [
    ...Object.entries(notes)
      .filter(([, b]) => b.trim())
      .map(([indicator, body]) => ({ indicator, body: body.trim() })),
    ...(general.trim() ? [{ indicator: null, body: general.trim() }] : []),
  ];
  const act = useAction((a: ReviewAction) => review(sheet.id, a, sheet.version, a === 'return' ? comments : []), {
    invalidate: [reviewKeys.all, ['results'], ['entity-result']],
    success: (_r, a) =>
      t(a === 'verify' ? 'review.verified' : a === 'validate' ? 'review.validated' : 'review.returned'),
  });
  const order = [...indicators.keys()];
  const items = [...sheet.items].sort((a, b) => order.indexOf(a.indicator) - order.indexOf(b.indicator));
  const open = sheet.comments.filter((c) => !c.resolved);
  const done = () => {
    setNotes({});
    setGeneral('');
    void qc.invalidateQueries({ queryKey: reviewKeys.one(sheet.id) });
  };

  return (
    <Stack gap="sm">
      {open.length > 0 && (
        <Alert color="orange" title={t('review.comments')}>
          {open.map((c) => (
            <Text key={c.id} size="sm">
              {c.indicator ? `${c.indicator}: ` : ''}
              {c.body}
            </Text>
          ))}
        </Alert>
      )}
      <Title order={2} size="h4">
        {t('review.items')}
      </Title>
      {items.map((i) => (
        <ReviewItem
          key={i.indicator}
          item={i}
          indicator={indicators.get(i.indicator)}
          canComment={canReturn}
          comment={notes[i.indicator] ?? ''}
          onComment={(body) => setNotes((n) => ({ ...n, [i.indicator]: body }))}
        />
      ))}
      {actions.length > 0 && (
        <ActionBar testId="review-actions">
          <Stack gap="xs">
            {canReturn && (
              <Textarea
                label={t('review.sheetComment')}
                autosize
                minRows={1}
                maxLength={4000}
                value={general}
                onChange={(e) => setGeneral(e.currentTarget.value)}
              />
            )}
            <Group gap="xs" grow>
              {actions.includes('verify') && (
                <Button loading={act.pending} onClick={() => act.runAsync('verify').then(done, () => undefined)}>
                  {t('review.verify')}
                </Button>
              )}
              {actions.includes('validate') && (
                <Button loading={act.pending} onClick={() => act.runAsync('validate').then(done, () => undefined)}>
                  {t('review.validate')}
                </Button>
              )}
              {canReturn && (
                <Button
                  color="orange.9"
                  variant="outline"
                  loading={act.pending}
                  disabled={comments.length === 0}
                  title={comments.length === 0 ? t('review.needComment') : t('review.sendBackHint')}
                  onClick={() => act.runAsync('return').then(done, () => undefined)}
                >
                  {t('review.sendBack')}
                </Button>
              )}
            </Group>
          </Stack>
        </ActionBar>
      )}
      <FeedbackAlert feedback={act.feedback} />
    </Stack>
  );
}

export function SubmissionPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const sheet = useSubmission(id);
  const instrument = useInstrument(sheet.data?.year);
  const indicators = useMemo(
    () =>
      new Map(
        (instrument.data?.instrument.dimensions ?? []).flatMap((d) =>
          d.variables.flatMap((v) => v.indicators.map((i) => [i.code, i] as const)),
        ),
      ),
    [instrument.data],
  );
  const title = sheet.data
    ? t('review.sheetTitle', {
        kind: t(`collect.kinds.${sheet.data.kind}`),
        respondent: sheet.data.respondent,
        unit: sheet.data.unit.name,
      })
    : t('review.title');
  usePageTitle(title);
  if (sheet.isPending) return <Loading />;
  if (sheet.error) return <ErrorNotice error={sheet.error} onRetry={() => void sheet.refetch()} />;
  const s = sheet.data;
  const back = `/fieldwork?year=${s.year}`;
  return (
    <Stack gap="md" maw={860}>
      <div>
        <Anchor component={Link} to={back} size="sm">
          {t('review.back')}
        </Anchor>
        <Title order={1} size="h2">
          {sheetName(t, s)} · {s.unit.name}
        </Title>
        <Group gap="xs" mt={4}>
          <StatusBadge status={s.status} />
          <Text size="sm" c="dimmed">
            {`${s.entity.name} · ${s.year} · ${t('review.version')} ${s.version} · ${t('review.assessor')}: ${s.assessor.name ?? t('common.none')}`}
          </Text>
        </Group>
      </div>
      <Review key={s.id} sheet={s} indicators={indicators} />
      <SubmissionHistory sheet={s} />
    </Stack>
  );
}
