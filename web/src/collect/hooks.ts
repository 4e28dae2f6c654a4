/** What the collection pages read: the server's lists (through the worker's offline copies) and the device's store. */
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { api } from '../api/http';
import type { Draft, OutboxEntry } from './model';
import { instrumentSchema, myAssignmentsSchema } from './schemas';
import { listDrafts, listOutbox, onStoreChange } from './store';
import { type SyncStatus, syncStatus } from './sync';

export const collectKeys = {
  assignments: ['collect', 'assignments'] as const,
  instrument: (year: number) => ['collect', 'instrument', year] as const,
};

export function useMyAssignments(enabled = true) {
  return useQuery({
    queryKey: collectKeys.assignments,
    enabled,
    staleTime: 60_000,
    queryFn: ({ signal }) => api('/me/assignments', myAssignmentsSchema, { signal }).then((r) => r.data),
  });
}

/** The cycle's instrument with every scale: it does not change during a cycle. */
export function useInstrument(year: number | undefined) {
  return useQuery({
    queryKey: collectKeys.instrument(year ?? 0),
    enabled: year !== undefined,
    staleTime: 60 * 60_000,
    queryFn: ({ signal }) => api(`/cycles/${year}/instrument`, instrumentSchema, { signal }).then((r) => r.data),
  });
}

/** A list from the device's store, read again whenever the store changes (here or in another tab). */
function useStored<T>(read: (() => Promise<T>) | null): { data: T | undefined; error: unknown } {
  const [state, setState] = useState<{ data: T | undefined; error: unknown }>({ data: undefined, error: null });
  useEffect(() => {
    if (!read) return;
    let live = true;
    const load = () =>
      read().then(
        (data) => live && setState({ data, error: null }),
        (error: unknown) => live && setState((s) => ({ data: s.data, error })),
      );
    void load();
    const stop = onStoreChange(() => void load());
    return () => {
      live = false;
      stop();
    };
  }, [read]);
  return state;
}

const draftReaders = new Map<number, () => Promise<Draft[]>>();
const outboxReaders = new Map<number, () => Promise<OutboxEntry[]>>();

/** Every draft of this user on this device. */
export function useDrafts(userId: number | undefined) {
  let read: (() => Promise<Draft[]>) | null = null;
  if (userId !== undefined) {
    read = draftReaders.get(userId) ?? (() => listDrafts(userId));
    draftReaders.set(userId, read);
  }
  return useStored(read);
}

/** The posts of this user waiting to be sent. */
export function useOutbox(userId: number | undefined) {
  let read: (() => Promise<OutboxEntry[]>) | null = null;
  if (userId !== undefined) {
    read = outboxReaders.get(userId) ?? (() => listOutbox(userId));
    outboxReaders.set(userId, read);
  }
  return useStored(read);
}

export function useSyncStatus(): SyncStatus {
  return useSyncExternalStore(syncStatus.subscribe, syncStatus.get, syncStatus.get);
}
