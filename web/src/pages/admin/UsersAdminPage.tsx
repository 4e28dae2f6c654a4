/** Users and roles: list, create with role and scope (entity or regional office), (de)activate. */
import {
  Badge,
  Button,
  Group,
  NativeSelect,
  Paper,
  PasswordInput,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/http';
import { keys, useEntities, useOffices, useUsers } from '../../api/queries';
import { oneOf, ROLES, type Role, type User, userSchema } from '../../api/schemas';
import { useSession } from '../../auth/session';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { usePageTitle } from '../usePageTitle';
import { FeedbackAlert } from './FeedbackAlert';
import { useAction } from './useAction';

const OFFICE_ROLES: ReadonlySet<Role> = new Set(['office_head', 'assessor']);

export interface NewUser {
  email: string;
  name: string;
  role: Role;
  password: string;
  entity?: string;
  office?: string;
}

function EntityPicker({ value, onChange }: { value: string | null; onChange(code: string | null): void }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const entities = useEntities({ q: q || undefined }, q.length >= 2);
  return (
    <Select
      label={t('admin.users.entity')}
      placeholder={t('admin.users.entityPlaceholder')}
      required
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      data={(entities.data ?? []).map((e) => ({ value: e.code, label: e.name }))}
      value={value}
      onChange={onChange}
      nothingFoundMessage={q.length >= 2 && !entities.isFetching ? t('admin.entities.noEntities') : undefined}
      miw={260}
      data-testid="user-entity"
    />
  );
}

function CreateUserForm() {
  const { t } = useTranslation();
  const offices = useOffices();
  const [form, setForm] = useState({ email: '', name: '', role: 'assessor' as Role, password: '' });
  const [entity, setEntity] = useState<string | null>(null);
  const [office, setOffice] = useState('');
  const needsEntity = form.role === 'entity_official';
  const needsOffice = OFFICE_ROLES.has(form.role);
  const create = useAction((body: NewUser) => api('/users', oneOf(userSchema), { method: 'POST', body }), {
    invalidate: [keys.users],
    success: (u) => t('admin.users.created', { email: u.data.email }),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body: NewUser = { ...form, email: form.email.trim(), name: form.name.trim() };
    if (needsEntity && entity) body.entity = entity;
    if (needsOffice && office) body.office = office;
    create.run(body, { onSuccess: () => setForm((f) => ({ ...f, email: '', name: '', password: '' })) });
  };
  const incomplete = !form.email.trim() || !form.password || (needsEntity && !entity) || (needsOffice && !office);
  return (
    <Paper withBorder p="md" component="form" onSubmit={submit} aria-labelledby="create-user-heading">
      <Stack gap="sm">
        <Title order={2} size="h4" id="create-user-heading">
          {t('admin.users.create')}
        </Title>
        <Group align="flex-start" gap="sm" wrap="wrap">
          <TextInput
            label={t('admin.users.email')}
            type="email"
            required
            autoComplete="off"
            value={form.email}
            onChange={(e) => setForm({ ...form, email: e.currentTarget.value })}
            miw={240}
          />
          <TextInput
            label={t('admin.users.name')}
            value={form.name}
            onChange={(e) => setForm({ ...form, name: e.currentTarget.value })}
            miw={200}
          />
          <NativeSelect
            label={t('admin.users.role')}
            value={form.role}
            data={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
            onChange={(e) => setForm({ ...form, role: e.currentTarget.value as Role })}
            data-testid="user-role"
          />
          {needsEntity && <EntityPicker value={entity} onChange={setEntity} />}
          {needsOffice && (
            <NativeSelect
              label={t('admin.users.office')}
              required
              value={office}
              data={[{ value: '', label: '—' }, ...(offices.data ?? []).map((o) => ({ value: o.code, label: o.name }))]}
              onChange={(e) => setOffice(e.currentTarget.value)}
              data-testid="user-office"
            />
          )}
          <PasswordInput
            label={t('admin.users.password')}
            description={t('admin.users.passwordHint')}
            required
            autoComplete="new-password"
            visibilityToggleButtonProps={{ 'aria-label': t('common.showPassword') }}
            value={form.password}
            onChange={(e) => setForm({ ...form, password: e.currentTarget.value })}
            miw={240}
          />
        </Group>
        <Group>
          <Button type="submit" loading={create.pending} disabled={incomplete}>
            {t('admin.users.create')}
          </Button>
        </Group>
        <FeedbackAlert feedback={create.feedback} />
      </Stack>
    </Paper>
  );
}

function UserRow({ user }: { user: User }) {
  const { t } = useTranslation();
  const { user: me } = useSession();
  const active = user.active !== false;
  const toggle = useAction(
    (body: { active: boolean }) => api(`/users/${user.id}`, oneOf(userSchema.partial()), { method: 'PATCH', body }),
    {
      invalidate: [keys.users],
    },
  );
  const scope = user.entity?.name ?? user.office?.name ?? t('admin.users.national');
  return (
    <Table.Tr data-testid="user-row">
      <Table.Th scope="row" fw={500}>
        {user.email}
      </Table.Th>
      <Table.Td>{user.name ?? t('common.none')}</Table.Td>
      <Table.Td>{t(`roles.${user.role}`)}</Table.Td>
      <Table.Td>{scope}</Table.Td>
      <Table.Td>
        <Badge variant="outline" color={active ? 'patuh' : 'dark'}>
          {active ? t('admin.users.active') : t('admin.users.inactive')}
        </Badge>
      </Table.Td>
      <Table.Td>
        {user.active !== undefined && user.id !== me?.id && (
          <Button
            size="xs"
            variant="outline"
            color={active ? 'red' : 'patuh'}
            loading={toggle.pending}
            onClick={() => toggle.run({ active: !active })}
          >
            {active ? t('admin.users.deactivate') : t('admin.users.activate')}
          </Button>
        )}
        <FeedbackAlert feedback={toggle.feedback?.kind === 'error' ? toggle.feedback : null} />
      </Table.Td>
    </Table.Tr>
  );
}

export function UsersAdminPage() {
  const { t } = useTranslation();
  usePageTitle(t('admin.users.title'));
  const users = useUsers();
  return (
    <Stack gap="lg">
      <Title order={1}>{t('admin.users.title')}</Title>
      {users.isPending && <Loading />}
      {users.error && <ErrorNotice error={users.error} onRetry={() => void users.refetch()} />}
      {users.data && (
        <Table.ScrollContainer minWidth={760} type="native">
          <Table striped verticalSpacing="xs" data-testid="users-table">
            <Table.Caption className="visually-hidden">{t('admin.users.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('admin.users.email')}</Table.Th>
                <Table.Th scope="col">{t('admin.users.name')}</Table.Th>
                <Table.Th scope="col">{t('admin.users.role')}</Table.Th>
                <Table.Th scope="col">{t('admin.users.scope')}</Table.Th>
                <Table.Th scope="col">{t('admin.users.status')}</Table.Th>
                <Table.Th scope="col">{t('admin.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {users.data.map((u) => (
                <UserRow key={String(u.id)} user={u} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {users.data && users.data.length === 0 && <Text c="dimmed">{t('common.none')}</Text>}
      <CreateUserForm />
    </Stack>
  );
}
