/**
 * Where to go back to after signing in or registering (e.g. the job an anonymous visitor wanted to apply to). Kept in
 * this tab's session storage, never in a URL, and only for a while: an abandoned sign-in does not redirect a later one.
 */
const KEY = 'pes.returnTo';
const VALID_MS = 30 * 60 * 1000;

export function rememberReturn(path: string): void {
  sessionStorage.setItem(KEY, JSON.stringify({ path, at: Date.now() }));
}

/** The remembered path when it starts with `prefix` (the signed-in role's part of the console), once. */
export function takeReturn(prefix: string): string | null {
  const raw = sessionStorage.getItem(KEY);
  if (!raw) return null;
  sessionStorage.removeItem(KEY);
  try {
    const { path, at } = JSON.parse(raw) as { path?: unknown; at?: unknown };
    if (typeof path !== 'string' || typeof at !== 'number' || Date.now() - at > VALID_MS) return null;
    return path.startsWith(prefix) ? path : null;
  } catch {
    return null;
  }
}
