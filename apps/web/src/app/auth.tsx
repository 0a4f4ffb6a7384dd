import { createContext, ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { ApiError, getToken, setToken } from './api';
import { client, unwrap } from '../api/client';
import type { Principal, Role } from '../api/types';
export type { Role, Principal } from '../api/types';

interface Auth {
  principal: Principal | null;
  username: string | null;
  ready: boolean;
  login(username: string, password: string): Promise<Principal>;
  logout(): void;
}

const USERNAME_KEY = 'pes.username';
const PRINCIPAL_KEY = 'pes.principal';

function cachedPrincipal(): Principal | null {
  if (!getToken()) return null;
  try {
    return JSON.parse(sessionStorage.getItem(PRINCIPAL_KEY) ?? 'null') as Principal | null;
  } catch {
    return null;
  }
}
const AuthContext = createContext<Auth | null>(null);

export const HOME_BY_ROLE: Record<Role, string> = {
  seeker: '/seeker/jobs',
  officer: '/officer',
  employer: '/employer',
  admin: '/admin',
  station_staff: '/station',
};

/** Who is signed in. The token lives in this tab's session storage only, never in a URL. */
export function AuthProvider({ children }: { children: ReactNode }) {
  // The principal of this tab's sign-in renders at once; the server confirms it in the background (a reload
  // does not wait for a round trip before the role's pages start loading).
  const [principal, setPrincipal] = useState<Principal | null>(cachedPrincipal);
  const [ready, setReady] = useState(!getToken() || cachedPrincipal() !== null);
  const [username, setUsername] = useState<string | null>(sessionStorage.getItem(USERNAME_KEY));

  const logout = useCallback(() => {
    setToken(null);
    sessionStorage.removeItem(USERNAME_KEY);
    sessionStorage.removeItem(PRINCIPAL_KEY);
    setPrincipal(null);
    setUsername(null);
  }, []);

  useEffect(() => {
    if (!getToken()) return;
    unwrap(client.GET('/api/auth/me'))
      .then((confirmed) => {
        sessionStorage.setItem(PRINCIPAL_KEY, JSON.stringify(confirmed));
        setPrincipal((current) => (JSON.stringify(current) === JSON.stringify(confirmed) ? current : confirmed));
      }, (error: unknown) => {
        // Only a refused token signs the tab out; a busy or unreachable server keeps this tab's sign-in.
        if (error instanceof ApiError && error.status === 401) logout();
      })
      .finally(() => setReady(true));
  }, [logout]);

  useEffect(() => {
    const onSignedOut = () => logout();
    window.addEventListener('pes:signed-out', onSignedOut);
    return () => window.removeEventListener('pes:signed-out', onSignedOut);
  }, [logout]);

  const login = useCallback(async (name: string, password: string) => {
    const response = await unwrap(client.POST('/api/auth/login', { body: { username: name, password } }));
    setToken(response.accessToken);
    sessionStorage.setItem(USERNAME_KEY, name);
    sessionStorage.setItem(PRINCIPAL_KEY, JSON.stringify(response.principal));
    setUsername(name);
    setPrincipal(response.principal);
    return response.principal;
  }, []);

  const value = useMemo(() => ({ principal, username, ready, login, logout }), [principal, username, ready, login, logout]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth outside AuthProvider');
  return auth;
}
