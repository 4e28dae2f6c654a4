/** A state-changing call with a message for the person who made it. */
import { type QueryKey, useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../components/ErrorNotice';

export interface Feedback {
  kind: 'ok' | 'error';
  text: string;
  error?: unknown;
}

export function useAction<A, R>(
  run: (args: A) => Promise<R>,
  opts: { invalidate?: QueryKey[]; success?: (r: R, args: A) => string },
) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const mutation = useMutation({
    mutationFn: run,
    onMutate: () => setFeedback(null),
    onSuccess: async (r, args) => {
      await Promise.all((opts.invalidate ?? []).map((queryKey) => qc.invalidateQueries({ queryKey })));
      setFeedback({ kind: 'ok', text: opts.success ? opts.success(r, args) : t('admin.saved') });
    },
    onError: (error) => setFeedback({ kind: 'error', text: errorMessage(t, error), error }),
  });
  return {
    run: mutation.mutate,
    runAsync: mutation.mutateAsync,
    pending: mutation.isPending,
    feedback,
    clear: () => setFeedback(null),
  };
}
