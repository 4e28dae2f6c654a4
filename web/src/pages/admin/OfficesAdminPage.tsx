/** The regional offices (perwakilan), one per province. */
import { Stack, Table, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useOffices } from '../../api/queries';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { usePageTitle } from '../usePageTitle';

export function OfficesAdminPage() {
  const { t } = useTranslation();
  usePageTitle(t('admin.offices.title'));
  const offices = useOffices();
  return (
    <Stack gap="lg">
      <Title order={1}>{t('admin.offices.title')}</Title>
      {offices.isPending && <Loading />}
      {offices.error && <ErrorNotice error={offices.error} onRetry={() => void offices.refetch()} />}
      {offices.data && (
        <Table.ScrollContainer minWidth={480} type="native">
          <Table striped verticalSpacing="xs" data-testid="offices-table">
            <Table.Caption className="visually-hidden">{t('admin.offices.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('admin.offices.code')}</Table.Th>
                <Table.Th scope="col">{t('admin.offices.name')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {offices.data.map((o) => (
                <Table.Tr key={o.code}>
                  <Table.Td>{o.code}</Table.Td>
                  <Table.Th scope="row" fw={500}>
                    {o.name}
                  </Table.Th>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
