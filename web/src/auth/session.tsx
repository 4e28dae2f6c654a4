/**
 * The signed-in user, if any. The session lives in an HttpOnly cookie; the app
 * only keeps the user and the CSRF token the server hands back.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useContext, useMemo } from 'react';
import { api, isApiError, setCsrfToken } from '../api/http';
import { anyBody } from '../api/queries';
import { type Session, sessionSchema, type User } from '../api/schemas';

const ME_KEY = ['auth', 'me'] as const;

async function fetchMe(signal: AbortSignal): Promise<Session | null> {
  try {
    const r = await api('/auth/me', sessionSchema, { signal });
    setCsrfToken(r.data.csrfToken);
    return r.data;
  } catch (e) {
    // not signed in (or a server without accounts yet): the public view
    if (isApiError(e) && (e.status === 401 || e.status === 404)) {
      setCsrfToken(null);
      return null;
    }
    throw e;
  }
}

interface SessionValue {
  user: User | null;
  loading: boolean;
  login(email: string, password: string): Promise<User>;
  logout(): Promise<void>;
  /** ends every session of this user, on every device */
  logoutEverywhere(): Promise<void>;
  loggingIn: boolean;
}

const SessionContext = createContext<SessionValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const qc = useQueryClient();
  const me = useQuery({
    queryKey: ME_KEY,
    queryFn: ({ signal }) => fetchMe(signal),
    staleTime: 5 * 60_000,
    retry: false,
  });

  const loginMutation = useMutation({
    mutationFn: (body: { email: string; password: string }) =>
      api('/auth/login', sessionSchema, { method: 'POST', body }).then((r) => r.data),
    onSuccess: async (session) => {
      setCsrfToken(session.csrfToken);
      // everything cached so far was fetched as someone else
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== 'auth' });
      qc.setQueryData(ME_KEY, session);
    },
  });

  const logoutMutation = useMutation({
    mutationFn: (everywhere: boolean) =>
      api(everywhere ? '/auth/logout-all' : '/auth/logout', anyBody, { method: 'POST' }),
    onSettled: () => {
      setCsrfToken(null);
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== 'auth' });
      qc.setQueryData(ME_KEY, null);
    },
  });

  const value = useMemo<SessionValue>(
    () => ({
      user: me.data?.user ?? null,
      loading: me.isPending,
      login: async (email, password) => (await loginMutation.mutateAsync({ email, password })).user,
      logout: async () => {
        try {
          await logoutMutation.mutateAsync(false);
        } catch {
          // the session is forgotten locally either way
        }
      },
      logoutEverywhere: async () => {
        try {
          await logoutMutation.mutateAsync(true);
        } catch {
          // as above
        }
      },
      loggingIn: loginMutation.isPending,
    }),
    [me.data, me.isPending, loginMutation, logoutMutation],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const v = useContext(SessionContext);
  if (!v) throw new Error('useSession outside SessionProvider');
  return v;
}
