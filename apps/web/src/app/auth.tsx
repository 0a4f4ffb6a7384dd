import { createContext, ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { ApiError, getToken, setToken } from './api';
import { client, unwrap } from '../api/client';
import type { LoginResponse, Principal, Role } from '../api/types';
export type { Role, Principal } from '../api/types';

interface Auth {
  principal: Principal | null;
  username: string | null;
  ready: boolean;
  login(username: string, password: string): Promise<Principal>;
  /** Sign-in with the mobile number and an SMS code. */
  loginWithCode(phone: string, code: string): Promise<Principal>;
  /** Keeps a token the API handed out (a password change returns a fresh one). */
  adopt(response: LoginResponse, name?: string): Principal;
  /** The principal changed on the server (consent given): show it. */
  updatePrincipal(principal: Principal): void;
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

  const adopt = useCallback((response: LoginResponse, name?: string) => {
    setToken(response.accessToken);
    const shown = name ?? sessionStorage.getItem(USERNAME_KEY) ?? response.principal.displayName;
    sessionStorage.setItem(USERNAME_KEY, shown);
    sessionStorage.setItem(PRINCIPAL_KEY, JSON.stringify(response.principal));
    setUsername(shown);
    setPrincipal(response.principal);
    return response.principal;
  }, []);

  const login = useCallback(
    async (name: string, password: string) => adopt(await unwrap(client.POST('/api/auth/login', { body: { username: name, password } })), name),
    [adopt],
  );

  const loginWithCode = useCallback(
    async (phone: string, code: string) => {
      const response = await unwrap(client.POST('/api/auth/login/code', { body: { phone, code } }));
      return adopt(response, response.principal.displayName);
    },
    [adopt],
  );

  const updatePrincipal = useCallback((next: Principal) => {
    sessionStorage.setItem(PRINCIPAL_KEY, JSON.stringify(next));
    setPrincipal(next);
  }, []);

  const value = useMemo(
    () => ({ principal, username, ready, login, loginWithCode, adopt, updatePrincipal, logout }),
    [principal, username, ready, login, loginWithCode, adopt, updatePrincipal, logout],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth outside AuthProvider');
  return auth;
}
