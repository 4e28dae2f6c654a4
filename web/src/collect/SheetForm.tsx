/**
 * /collect/:year/units/:unitId/:form/:respondent? — one respondent's sheet (the
 * checklist holds two: observation and document check). Answers are saved on the
 * device as they are given; "Send" puts complete sheets in the outbox.
 */
import { Alert, Anchor, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useSession } from '../auth/session';
import { ActionBar } from '../components/ActionBar';
import { ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/Loading';
import { usePageTitle } from '../pages/usePageTitle';
import { isEditable, type SheetPlace, send, setAnswer, withdraw } from './actions';
import { unitPath } from './CollectHome';
import { ConflictPanel } from './ConflictPanel';
import { useDrafts, useInstrument, useSyncStatus } from './hooks';
import { ItemCard } from './ItemCard';
import {
  answeredCount,
  applicableIndicators,
  type Draft,
  draftKey,
  formSlots,
  isFormKind,
  type SheetSpec,
} from './model';
import { SheetStateBadge, sheetState } from './SheetStateBadge';
import { useAssignedUnit } from './UnitSheets';

function SheetStatus({ draft }: { draft: Draft | undefined }) {
  const { t } = useTranslation();
  const syncing = useSyncStatus().syncing;
  if (!draft) return null;
  if (draft.state === 'conflict') return <ConflictPanel draft={draft} />;
  if (draft.state === 'queued') {
    return (
      <Alert color="orange" data-testid="sheet-queued">
        <Text size="sm">{t('collect.sheet.queued')}</Text>
        <Button
          mt="xs"
          size="xs"
          variant="outline"
          color="orange.9"
          disabled={syncing}
          onClick={() => void withdraw(draft)}
        >
          {t('collect.sheet.withdraw')}
        </Button>
      </Alert>
    );
  }
  if (draft.state === 'rejected') {
    return (
      <Alert color="red" role="alert" data-testid="sheet-rejected">
        {t('collect.sheet.rejected', { message: draft.error ?? '' })}
      </Alert>
    );
  }
  if (draft.server?.status === 'returned' && draft.state === 'editing') {
    const general = draft.server.comments.filter((c) => c.indicator === null && !c.resolved);
    return (
      <Alert color="orange" data-testid="sheet-returned" title={t('collect.state.returned')}>
        <Text size="sm">{t('collect.sheet.returned')}</Text>
        {general.map((c) => (
          <Text key={c.id} size="sm" fw={600} mt={4}>
            {c.body}
          </Text>
        ))}
      </Alert>
    );
  }
  if (draft.state === 'sent' && draft.server) {
    return (
      <Alert color="gray" data-testid="sheet-sent">
        {t('collect.sheet.readOnly', {
          status: t(`collect.state.${draft.server.status}`),
          version: draft.server.version,
        })}
      </Alert>
    );
  }
  return null;
}

function Sheet({
  spec,
  draft,
  place,
  many,
}: {
  spec: SheetSpec;
  draft: Draft | undefined;
  place: SheetPlace;
  many: boolean;
}) {
  const { t } = useTranslation();
  const disabled = !isEditable(draft);
  const returned = draft?.server?.status === 'returned' && draft.state === 'editing';
  const comments = returned ? (draft?.server?.comments ?? []).filter((c) => !c.resolved) : [];
  return (
    <Stack gap="sm" component="section" aria-label={t(`collect.kinds.${spec.kind}`)} data-testid={`sheet-${spec.kind}`}>
      {many && (
        <Group gap="xs">
          <Title order={2} size="h4">
            {t(`collect.kinds.${spec.kind}`)}
          </Title>
          <SheetStateBadge state={sheetState(draft)} />
        </Group>
      )}
      <SheetStatus draft={draft} />
      {spec.indicators.map((ind) => (
        <ItemCard
          key={ind.code}
          indicator={ind}
          answer={draft?.answers[ind.code]}
          comments={comments.filter((c) => c.indicator === ind.code)}
          disabled={disabled}
          userId={place.userId}
          onChange={(change) => void setAnswer(place, spec.kind, spec.respondent, ind.code, change)}
        />
      ))}
    </Stack>
  );
}

export function SheetForm() {
  const { t } = useTranslation();
  const params = useParams();
  const year = Number(params.year);
  const unitId = Number(params.unitId);
  const form = params.form;
  const respondent = params.respondent ?? '';
  const { user } = useSession();
  const userId = Number(user?.id ?? 0);
  const assigned = useAssignedUnit(year, unitId);
  const instrument = useInstrument(year);
  const drafts = useDrafts(userId);
  const [sending, setSending] = useState(false);
  const formName = isFormKind(form) ? t(`collect.forms.${form}`) : '';
  usePageTitle(formName ? `${formName} ${respondent}`.trim() : t('collect.title'));

  if (assigned.isPending || instrument.isPending || drafts.data === undefined) return <Loading />;
  if (assigned.error || instrument.error) return <ErrorNotice error={assigned.error ?? instrument.error} />;
  if (!assigned.found) return <Alert color="orange">{t('collect.unit.notAssigned')}</Alert>;
  const { assignment, unit } = assigned.found;
  const indicators = applicableIndicators(instrument.data.instrument, assignment.entityLevel);
  const slot = isFormKind(form) ? formSlots(indicators, form).find((s) => s.respondent === respondent) : undefined;
  if (!slot || !isFormKind(form)) return <Alert color="orange">{t('collect.sheet.notFound')}</Alert>;

  const place: SheetPlace = { userId, year, entity: assignment.entity, unit: { id: unit.id, name: unit.name } };
  const byKey = new Map(drafts.data.map((d) => [d.key, d]));
  const sheets = slot.sheets.map((spec) => ({
    spec,
    draft: byKey.get(draftKey(userId, year, unitId, spec.kind, spec.respondent)),
  }));
  const editable = sheets.filter((s) => isEditable(s.draft));
  const total = editable.reduce((n, s) => n + s.spec.indicators.length, 0);
  const answered = editable.reduce((n, s) => n + answeredCount(s.draft, s.spec.indicators), 0);
  const resend = editable.some((s) => (s.draft?.baseVersion ?? 0) > 0);
  const submit = async () => {
    setSending(true);
    try {
      await send(editable.flatMap((s) => (s.draft ? [s.draft] : [])));
    } finally {
      setSending(false);
    }
  };

  return (
    <Stack gap="md">
      <div>
        <Anchor component={Link} to={unitPath(year, unitId)} size="sm">
          {unit.name}
        </Anchor>
        <Title order={1} size="h2">
          {formName}
          {respondent && ` · ${t('collect.slot.respondent', { respondent })}`}
        </Title>
        <Text size="sm" c="dimmed">
          {t('collect.unit.of', { entity: assignment.entity.name, year })}
        </Text>
      </div>
      {sheets.map((s) => (
        <Sheet key={s.spec.kind} spec={s.spec} draft={s.draft} place={place} many={sheets.length > 1} />
      ))}
      {editable.length > 0 && (
        <ActionBar testId="send-bar">
          <Group justify="space-between" wrap="nowrap" gap="xs">
            <Text size="sm" data-testid="progress">
              {answered < total
                ? t('collect.sheet.sendHint', { answered, total })
                : t('collect.unit.progress', { answered, total })}
            </Text>
            <Button
              size="md"
              disabled={answered < total || total === 0}
              loading={sending}
              onClick={() => void submit()}
              data-testid="send-sheet"
            >
              {resend ? t('collect.sheet.resend') : t('collect.sheet.send')}
            </Button>
          </Group>
        </ActionBar>
      )}
    </Stack>
  );
}
