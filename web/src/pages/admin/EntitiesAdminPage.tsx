/** Entities and their service units per cycle: add, rename, deactivate. */
import { Alert, Badge, Button, Group, NativeSelect, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/http';
import { keys, useEntities, useProvinceNames, useUnits } from '../../api/queries';
import { type Entity, LEVELS, oneOf, type UnitRow, unitRowSchema } from '../../api/schemas';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { useCycle } from '../../cycle';
import { usePageTitle } from '../usePageTitle';
import { FeedbackAlert } from './FeedbackAlert';
import { useAction } from './useAction';

function UnitRowView({ unit, year, code }: { unit: UnitRow; year: number; code: string }) {
  const { t } = useTranslation();
  const [name, setName] = useState(unit.name);
  const patch = useAction(
    (body: { name?: string; active?: boolean }) =>
      api(`/units/${unit.id}`, oneOf(unitRowSchema.partial()), { method: 'PATCH', body }),
    { invalidate: [keys.units(year, code), ['results', year], ['entity-result', year]] },
  );
  return (
    <Table.Tr data-testid="admin-unit-row">
      <Table.Td>
        <Group
          gap="xs"
          wrap="nowrap"
          component="form"
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            patch.run({ name: name.trim() });
          }}
        >
          <TextInput
            size="xs"
            aria-label={t('admin.entities.newName', { name: unit.name })}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            miw={180}
          />
          <Button
            size="xs"
            variant="light"
            type="submit"
            disabled={!name.trim() || name.trim() === unit.name}
            loading={patch.pending}
          >
            {t('admin.entities.rename')}
          </Button>
        </Group>
        <FeedbackAlert feedback={patch.feedback} />
      </Table.Td>
      <Table.Td>{unit.kind ?? t('common.none')}</Table.Td>
      <Table.Td>
        <Badge variant="outline" color={unit.active ? 'patuh' : 'dark'}>
          {unit.active ? t('admin.entities.active') : t('admin.entities.inactive')}
        </Badge>
      </Table.Td>
      <Table.Td>
        <Button
          size="xs"
          variant="outline"
          color={unit.active ? 'red' : 'patuh'}
          onClick={() => patch.run({ active: !unit.active })}
        >
          {unit.active ? t('admin.entities.deactivate') : t('admin.entities.activate')}
        </Button>
      </Table.Td>
    </Table.Tr>
  );
}

function UnitsPanel({ entity, year }: { entity: Entity; year: number }) {
  const { t } = useTranslation();
  const units = useUnits(year, entity.code);
  const [name, setName] = useState('');
  const [kind, setKind] = useState('');
  const add = useAction(
    (body: { name: string; kind?: string }) =>
      api(`/cycles/${year}/entities/${encodeURIComponent(entity.code)}/units`, oneOf(unitRowSchema.partial()), {
        method: 'POST',
        body,
      }),
    { invalidate: [keys.units(year, entity.code)], success: (_r, b) => t('admin.entities.added', { name: b.name }) },
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.run(
      { name: name.trim(), ...(kind.trim() ? { kind: kind.trim() } : {}) },
      {
        onSuccess: () => {
          setName('');
          setKind('');
        },
      },
    );
  };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="units-admin-heading">
      <Stack gap="sm">
        <Title order={2} size="h4" id="units-admin-heading">
          {t('admin.entities.units', { entity: entity.name, year })}
        </Title>
        {units.isPending && <Loading />}
        {units.error && <ErrorNotice error={units.error} onRetry={() => void units.refetch()} />}
        {units.data && units.data.length === 0 && <Text c="dimmed">{t('admin.entities.noUnits')}</Text>}
        {units.data && units.data.length > 0 && (
          <Table.ScrollContainer minWidth={640} type="native">
            <Table verticalSpacing="xs" data-testid="admin-units-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('admin.entities.unitName')}</Table.Th>
                  <Table.Th scope="col">{t('admin.entities.unitKind')}</Table.Th>
                  <Table.Th scope="col">{t('admin.users.status')}</Table.Th>
                  <Table.Th scope="col">{t('admin.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {units.data.map((u) => (
                  <UnitRowView key={`${u.id}-${u.name}`} unit={u} year={year} code={entity.code} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <Group component="form" onSubmit={submit} align="flex-end" gap="sm" wrap="wrap">
          <TextInput
            label={t('admin.entities.unitName')}
            required
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            miw={220}
          />
          <TextInput
            label={t('admin.entities.unitKind')}
            value={kind}
            onChange={(e) => setKind(e.currentTarget.value)}
            w={180}
          />
          <Button type="submit" disabled={!name.trim()} loading={add.pending}>
            {t('admin.entities.addUnit')}
          </Button>
        </Group>
        <FeedbackAlert feedback={add.feedback} />
      </Stack>
    </Paper>
  );
}

export function EntitiesAdminPage() {
  const { t } = useTranslation();
  usePageTitle(t('admin.entities.title'));
  const { year } = useCycle();
  const [q, setQ] = useState('');
  const [level, setLevel] = useState('');
  const [debounced] = useDebouncedValue(q.trim(), 300);
  const entities = useEntities({ q: debounced || undefined, level: level || undefined });
  const provinces = useProvinceNames();
  const [selected, setSelected] = useState<Entity | null>(null);
  return (
    <Stack gap="lg">
      <Title order={1}>{t('admin.entities.title')}</Title>
      {year !== undefined && <Text size="sm">{t('admin.entities.pick', { year })}</Text>}
      <Group align="flex-end" gap="sm">
        <TextInput
          label={t('admin.entities.search')}
          placeholder={t('admin.entities.searchPlaceholder')}
          type="search"
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          miw={240}
        />
        <NativeSelect
          label={t('table.level')}
          value={level}
          onChange={(e) => setLevel(e.currentTarget.value)}
          data={[{ value: '', label: t('common.all') }, ...LEVELS.map((l) => ({ value: l, label: t(`levels.${l}`) }))]}
        />
      </Group>
      {entities.isPending && <Loading />}
      {entities.error && <ErrorNotice error={entities.error} onRetry={() => void entities.refetch()} />}
      {entities.data && entities.data.length === 0 && <Alert color="gray">{t('admin.entities.noEntities')}</Alert>}
      {entities.data && entities.data.length > 0 && (
        <Table.ScrollContainer minWidth={560} mah={360} type="native">
          <Table striped verticalSpacing={4} data-testid="admin-entities-table">
            <Table.Caption className="visually-hidden">{t('admin.entities.results')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('table.entity')}</Table.Th>
                <Table.Th scope="col">{t('table.level')}</Table.Th>
                <Table.Th scope="col">{t('table.province')}</Table.Th>
                <Table.Th scope="col">{t('admin.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {entities.data.map((e) => (
                <Table.Tr key={e.code} aria-selected={selected?.code === e.code}>
                  <Table.Th scope="row" fw={500}>
                    {e.name}{' '}
                    <Text span size="xs" c="dimmed">
                      ({e.code})
                    </Text>
                  </Table.Th>
                  <Table.Td>{t(`levels.${e.level}`)}</Table.Td>
                  <Table.Td>
                    {(e.provinceCode && provinces.data?.get(e.provinceCode)) ?? e.provinceCode ?? t('common.none')}
                  </Table.Td>
                  <Table.Td>
                    <Button
                      size="xs"
                      variant={selected?.code === e.code ? 'filled' : 'light'}
                      onClick={() => setSelected(e)}
                    >
                      {t('admin.entities.manageUnits')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {selected && year !== undefined && <UnitsPanel key={`${selected.code}-${year}`} entity={selected} year={year} />}
    </Stack>
  );
}
