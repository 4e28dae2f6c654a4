/** Open data: the published results as CSV, XLSX and JSON, per entity and per unit (plain links; the browser saves them). */
import { Anchor, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { EXPORT_FORMATS, EXPORT_LEVELS, exportUrl } from './api';

export function DownloadLinks({ year }: { year: number }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" component="section" aria-labelledby="data-terbuka" data-testid="downloads">
      <Title order={2} size="h3" id="data-terbuka">
        {t('dashboard.downloads.title')}
      </Title>
      <Text size="sm">{t('dashboard.downloads.intro', { year })}</Text>
      <Paper withBorder p="xs">
        <Table verticalSpacing={6} withRowBorders={false}>
          <Table.Tbody>
            {EXPORT_LEVELS.map((level) => {
              const name = t(`dashboard.downloads.${level}`);
              return (
                <Table.Tr key={level}>
                  <Table.Th scope="row" fw={600} w="40%">
                    {name}
                  </Table.Th>
                  <Table.Td>
                    <Group gap="md">
                      {EXPORT_FORMATS.map((format) => (
                        <Anchor
                          key={format}
                          href={exportUrl(year, format, level)}
                          download
                          fw={600}
                          aria-label={t('dashboard.downloads.link', {
                            level: name.toLocaleLowerCase(),
                            format: format.toUpperCase(),
                          })}
                          data-testid={`download-${level}-${format}`}
                        >
                          {format.toUpperCase()}
                        </Anchor>
                      ))}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Paper>
    </Stack>
  );
}
