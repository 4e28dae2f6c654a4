/** /collect/:year/units/:unitId — the unit's fieldwork in the order it is done: checklist, then the interviews. */
import { Alert, Anchor, Button, Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useSession } from '../auth/session';
import { ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/Loading';
import { usePageTitle } from '../pages/usePageTitle';
import { slotPath } from './CollectHome';
import { useDrafts, useInstrument, useMyAssignments } from './hooks';
import {
  answeredCount,
  applicableIndicators,
  type Draft,
  draftKey,
  FORMS,
  type FormKind,
  type FormSlot,
  formSlots,
} from './model';
import { type SheetState, SheetStateBadge, STATE_COLOURS, sheetState } from './SheetStateBadge';
import type { MyAssignment } from './schemas';

/** The assignment holding this unit, and the unit. */
export function useAssignedUnit(year: number, unitId: number) {
  const q = useMyAssignments();
  let found: { assignment: MyAssignment; unit: MyAssignment['units'][number] } | undefined;
  for (const a of q.data ?? []) {
    const unit = a.year === year ? a.units.find((u) => u.id === unitId) : undefined;
    if (unit) found = { assignment: a, unit };
  }
  return { ...q, found };
}

/** The state of a slot: the most pressing of its sheets' states. */
const PRIORITY: SheetState[] = [
  'conflict',
  'rejected',
  'returned',
  'editing',
  'queued',
  'empty',
  'submitted',
  'verified',
  'validated',
];
export function slotState(states: SheetState[]): SheetState {
  if (states.every((s) => s === 'empty')) return 'empty';
  // begun: a sheet not started yet makes the slot a draft
  const begun = states.map((s): SheetState => (s === 'empty' ? 'editing' : s));
  return PRIORITY.find((p) => begun.includes(p)) ?? 'empty';
}

function SlotButton({
  year,
  unitId,
  slot,
  drafts,
  userId,
  compact,
}: {
  year: number;
  unitId: number;
  slot: FormSlot;
  drafts: Map<string, Draft>;
  userId: number;
  /** one of many in a grid: the state as coloured text, not a badge */
  compact: boolean;
}) {
  const { t } = useTranslation();
  const sheets = slot.sheets.map((s) => drafts.get(draftKey(userId, year, unitId, s.kind, s.respondent)));
  const state = slotState(sheets.map(sheetState));
  const total = slot.sheets.reduce((n, s) => n + s.indicators.length, 0);
  const answered = slot.sheets.reduce((n, s, k) => n + answeredCount(sheets[k], s.indicators), 0);
  const label = slot.respondent || t(`collect.forms.${slot.form}`);
  return (
    <Button
      component={Link}
      to={slotPath(year, unitId, slot.form, slot.respondent)}
      variant="default"
      h="auto"
      py={8}
      data-testid={`slot-${slot.form}${slot.respondent ? `-${slot.respondent}` : ''}`}
      data-state={state}
      styles={{ label: { flexDirection: 'column', alignItems: 'flex-start', gap: 4, whiteSpace: 'normal' } }}
    >
      <Text fw={700} size="sm">
        {label}
      </Text>
      {compact ? (
        <Text size="xs" fw={600} c={`${STATE_COLOURS[state]}.9`} lh={1.2}>
          {t(`collect.state.${state}`)}
        </Text>
      ) : (
        <SheetStateBadge state={state} />
      )}
      <Text size="xs" c="dimmed">
        {t('collect.unit.progress', { answered, total })}
      </Text>
    </Button>
  );
}

function FormCard({
  form,
  slots,
  ...rest
}: {
  form: FormKind;
  slots: FormSlot[];
  year: number;
  unitId: number;
  drafts: Map<string, Draft>;
  userId: number;
}) {
  const { t } = useTranslation();
  if (slots.length === 0) return null;
  const many = slots.length > 1;
  return (
    <Card withBorder radius="md" padding="sm" component="section" aria-labelledby={`form-${form}`}>
      <Stack gap="xs">
        <div>
          <Title order={2} size="h4" id={`form-${form}`}>
            {t(`collect.forms.${form}`)}
          </Title>
          <Text size="xs" c="dimmed">
            {t(`collect.formsHint.${form}`, { count: slots.length })}
          </Text>
        </div>
        {many ? (
          <SimpleGrid cols={{ base: 3, xs: 4 }} spacing={6}>
            {slots.map((s) => (
              <SlotButton key={s.respondent} slot={s} compact {...rest} />
            ))}
          </SimpleGrid>
        ) : (
          slots.map((s) => <SlotButton key={s.respondent} slot={s} compact={false} {...rest} />)
        )}
      </Stack>
    </Card>
  );
}

export function UnitSheets() {
  const { t } = useTranslation();
  const params = useParams();
  const year = Number(params.year);
  const unitId = Number(params.unitId);
  const { user } = useSession();
  const userId = Number(user?.id ?? 0);
  const assigned = useAssignedUnit(year, unitId);
  const instrument = useInstrument(year);
  const drafts = useDrafts(userId).data;
  usePageTitle(assigned.found?.unit.name ?? t('collect.title'));

  if (assigned.isPending || instrument.isPending) return <Loading />;
  if (assigned.error || instrument.error) {
    return <ErrorNotice error={assigned.error ?? instrument.error} onRetry={() => void assigned.refetch()} />;
  }
  if (!assigned.found) return <Alert color="orange">{t('collect.unit.notAssigned')}</Alert>;
  const { assignment, unit } = assigned.found;
  const indicators = applicableIndicators(instrument.data.instrument, assignment.entityLevel);
  const byKey = new Map((drafts ?? []).map((d) => [d.key, d]));
  return (
    <Stack gap="md">
      <div>
        <Anchor component={Link} to="/collect" size="sm">
          {t('collect.unit.back')}
        </Anchor>
        <Title order={1}>{unit.name}</Title>
        <Text size="sm" c="dimmed">
          {t('collect.unit.of', { entity: assignment.entity.name, year })}
        </Text>
      </div>
      {FORMS.map((form) => (
        <FormCard
          key={form}
          form={form}
          slots={formSlots(indicators, form)}
          year={year}
          unitId={unitId}
          drafts={byKey}
          userId={userId}
        />
      ))}
    </Stack>
  );
}
