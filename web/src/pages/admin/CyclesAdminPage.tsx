/** Cycles: create one from an instrument edition; move a cycle along its lifecycle. */
import {
  Autocomplete,
  Badge,
  Button,
  Group,
  NativeSelect,
  NumberInput,
  Paper,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/http';
import { useInstrumentCatalog } from '../../api/instruments';
import { keys } from '../../api/queries';
import { CYCLE_STATUSES, type Cycle, type CycleStatus, cycleSchema, oneOf } from '../../api/schemas';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { useCycle } from '../../cycle';
import { usePageTitle } from '../usePageTitle';
import { FeedbackAlert } from './FeedbackAlert';
import { useAction } from './useAction';

function TransitionForm({ cycle }: { cycle: Cycle }) {
  const { t } = useTranslation();
  // the server lists the moves this user may make; without that list, offer every other status
  const options = cycle.transitions ?? CYCLE_STATUSES.filter((s) => s !== cycle.status);
  const [to, setTo] = useState<CycleStatus | undefined>(options[0]);
  const move = useAction(
    (target: CycleStatus) =>
      api(`/cycles/${cycle.year}/transition`, oneOf(cycleSchema.partial()), { method: 'POST', body: { to: target } }),
    {
      invalidate: [keys.cycles, ['results']],
      success: (_r, target) => t('admin.cycles.moved', { year: cycle.year, status: t(`status.${target}`) }),
    },
  );
  const value = to !== undefined && options.includes(to) ? to : options[0];
  if (value === undefined) {
    return move.feedback ? <FeedbackAlert feedback={move.feedback} /> : <span>{t('common.none')}</span>;
  }
  return (
    <Stack gap={4}>
      <Group
        gap="xs"
        wrap="nowrap"
        component="form"
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          move.run(value);
        }}
      >
        <NativeSelect
          size="xs"
          aria-label={t('admin.cycles.newStatus', { year: cycle.year })}
          value={value}
          data={options.map((s) => ({ value: s, label: t(`status.${s}`) }))}
          onChange={(e) => setTo(e.currentTarget.value as CycleStatus)}
          data-testid={`transition-${cycle.year}`}
        />
        <Button size="xs" type="submit" loading={move.pending}>
          {t('admin.cycles.move')}
        </Button>
      </Group>
      <FeedbackAlert feedback={move.feedback} />
    </Stack>
  );
}

function CreateCycleForm({ cycles }: { cycles: Cycle[] }) {
  const { t } = useTranslation();
  const newest = cycles.reduce<Cycle | undefined>((a, c) => (!a || c.year > a.year ? c : a), undefined);
  const [year, setYear] = useState<number | string>((newest?.year ?? new Date().getFullYear() - 1) + 1);
  const newestEdition = [...cycles].sort((a, b) => b.year - a.year).find((c) => c.edition)?.edition ?? '';
  const [edition, setEdition] = useState(newestEdition);
  const [bandScheme, setBandScheme] = useState(newest?.bandScheme ?? '');
  // what is installed (GET /instruments), and what earlier cycles used
  const catalog = useInstrumentCatalog().data;
  const editions = [
    ...new Set([
      ...(catalog?.editions ?? []).map((e) => e.edition),
      ...cycles.flatMap((c) => (c.edition ? [c.edition] : [])),
    ]),
  ];
  const schemes = [
    ...new Set([...(catalog?.bandSchemes ?? []).map((b) => b.scheme), ...cycles.map((c) => c.bandScheme)]),
  ];
  const create = useAction(
    (body: { year: number; edition: string; bandScheme: string }) =>
      api('/cycles', oneOf(cycleSchema.partial()), { method: 'POST', body }),
    { invalidate: [keys.cycles], success: (_r, b) => t('admin.cycles.created', { year: b.year }) },
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.run({ year: Number(year), edition: edition.trim(), bandScheme: bandScheme.trim() });
  };
  return (
    <Paper withBorder p="md" component="form" onSubmit={submit} aria-labelledby="create-cycle-heading">
      <Stack gap="sm">
        <Title order={2} size="h4" id="create-cycle-heading">
          {t('admin.cycles.create')}
        </Title>
        <Group align="flex-end" gap="sm" wrap="wrap">
          <NumberInput
            label={t('admin.cycles.year')}
            required
            min={2000}
            max={2100}
            allowDecimal={false}
            value={year}
            onChange={setYear}
            w={120}
          />
          <Autocomplete
            label={t('admin.cycles.edition')}
            required
            data={editions}
            value={edition}
            onChange={setEdition}
            w={200}
          />
          <Autocomplete
            label={t('admin.cycles.bandScheme')}
            required
            data={schemes}
            value={bandScheme}
            onChange={setBandScheme}
            w={200}
          />
          <Button type="submit" loading={create.pending} disabled={!edition.trim() || !bandScheme.trim() || !year}>
            {t('admin.cycles.create')}
          </Button>
        </Group>
        <FeedbackAlert feedback={create.feedback} />
      </Stack>
    </Paper>
  );
}

export function CyclesAdminPage() {
  const { t } = useTranslation();
  usePageTitle(t('admin.cycles.title'));
  const { cycles, loading, error } = useCycle();
  if (loading) return <Loading />;
  if (error) return <ErrorNotice error={error} />;
  const sorted = [...cycles].sort((a, b) => b.year - a.year);
  return (
    <Stack gap="lg">
      <Title order={1}>{t('admin.cycles.title')}</Title>
      <Text size="sm" c="dimmed">
        {t('admin.cycles.lifecycle')}
      </Text>
      <Table.ScrollContainer minWidth={640} type="native">
        <Table striped verticalSpacing="xs" data-testid="cycles-table">
          <Table.Caption className="visually-hidden">{t('admin.cycles.caption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('admin.cycles.year')}</Table.Th>
              <Table.Th scope="col">{t('admin.cycles.edition')}</Table.Th>
              <Table.Th scope="col">{t('admin.cycles.bandScheme')}</Table.Th>
              <Table.Th scope="col">{t('admin.cycles.status')}</Table.Th>
              <Table.Th scope="col">{t('admin.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sorted.map((c) => (
              <Table.Tr key={c.year}>
                <Table.Th scope="row">{c.year}</Table.Th>
                <Table.Td>{c.edition ?? t('common.none')}</Table.Td>
                <Table.Td>{c.bandScheme}</Table.Td>
                <Table.Td>
                  <Badge variant="outline" color="dark">
                    {t(`status.${c.status}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <TransitionForm cycle={c} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <CreateCycleForm cycles={cycles} />
    </Stack>
  );
}
