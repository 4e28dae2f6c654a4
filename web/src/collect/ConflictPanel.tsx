/**
 * A sheet the server holds with other answers: both side by side, item by item,
 * and the assessor's choice. Nothing is overwritten without it. The device's
 * answers can be sent again only when the server's sheet was sent back.
 */
import { Alert, Button, Group, Radio, Stack, Table, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { resolveConflict } from './actions';
import { type Answer, answersFrom, type Draft } from './model';

function same(a: Answer | undefined, b: Answer | undefined): boolean {
  return (
    a?.value === b?.value &&
    (a?.note?.trim() ?? '') === (b?.note?.trim() ?? '') &&
    [...(a?.evidence ?? [])].sort().join() === [...(b?.evidence ?? [])].sort().join()
  );
}

export function ConflictPanel({ draft }: { draft: Draft }) {
  const { t } = useTranslation();
  const c = draft.conflict;
  const server = useMemo(() => answersFrom(c?.serverItems ?? []), [c]);
  const differing = useMemo(
    () =>
      [...new Set([...Object.keys(server), ...Object.keys(draft.answers)])]
        .filter((code) => !same(draft.answers[code], server[code]))
        .sort(),
    [server, draft.answers],
  );
  const [keep, setKeep] = useState<Set<string>>(() => new Set(differing));
  const [busy, setBusy] = useState(false);
  if (!c) return null;
  const canKeep = c.serverStatus === 'returned';
  const show = (a: Answer | undefined) => {
    if (!a || a.value === undefined) return t('collect.conflict.none');
    const v = a.value === null ? t('collect.value.na') : String(a.value);
    const extra = [a.note?.trim(), a.evidence.length ? `📎${a.evidence.length}` : ''].filter(Boolean).join(' · ');
    return extra ? `${v} · ${extra}` : v;
  };
  const run = async (k: Set<string>) => {
    setBusy(true);
    try {
      await resolveConflict(draft, k);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Alert color="red" variant="light" title={t('collect.conflict.title')} data-testid="conflict">
      <Stack gap="xs">
        <Text size="sm">{t('collect.conflict.lead', { version: c.serverVersion })}</Text>
        {c.message && (
          <Text size="xs" c="dimmed">
            {c.message}
          </Text>
        )}
        {differing.length === 0 ? (
          <Text size="sm">{t('collect.conflict.same')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={320} type="native">
            <Table verticalSpacing={4} fz="sm" data-testid="conflict-table">
              <Table.Caption className="visually-hidden">{t('collect.conflict.caption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('collect.conflict.indicator')}</Table.Th>
                  <Table.Th scope="col">{t('collect.conflict.mine')}</Table.Th>
                  <Table.Th scope="col">{t('collect.conflict.server')}</Table.Th>
                  {canKeep && <Table.Th scope="col">{t('collect.conflict.choose')}</Table.Th>}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {differing.map((code) => (
                  <Table.Tr key={code} data-testid="conflict-row">
                    <Table.Th scope="row">{code}</Table.Th>
                    <Table.Td data-testid="conflict-mine">{show(draft.answers[code])}</Table.Td>
                    <Table.Td data-testid="conflict-server">{show(server[code])}</Table.Td>
                    {canKeep && (
                      <Table.Td>
                        <Radio.Group
                          value={keep.has(code) ? 'mine' : 'server'}
                          onChange={(v) =>
                            setKeep((s) => {
                              const n = new Set(s);
                              if (v === 'mine') n.add(code);
                              else n.delete(code);
                              return n;
                            })
                          }
                          label={`${t('collect.conflict.choose')} ${code}`}
                          labelProps={{ className: 'visually-hidden' }}
                        >
                          <Group gap="xs" wrap="nowrap">
                            <Radio value="mine" label={t('collect.conflict.mine')} size="xs" />
                            <Radio value="server" label={t('collect.conflict.server')} size="xs" />
                          </Group>
                        </Radio.Group>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {!canKeep && (
          <Text size="sm">
            {t('collect.conflict.cannotKeep', { status: t(`collect.state.${c.serverStatus ?? 'submitted'}`) })}
          </Text>
        )}
        <Group gap="xs" grow>
          {canKeep && differing.length > 0 && (
            <Button loading={busy} onClick={() => void run(keep)} data-testid="conflict-keep-mine">
              {t('collect.conflict.keepMine')}
            </Button>
          )}
          <Button
            variant="default"
            loading={busy}
            onClick={() => void run(new Set())}
            data-testid="conflict-take-server"
          >
            {t('collect.conflict.takeServer')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
