import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { UserManager, WebStorageStateStore, type User } from 'oidc-client-ts';

export type Role = 'student' | 'teacher' | 'staff' | 'admin' | 'service';

export interface Session {
  user: User;
  name: string;
  login: string;
  roles: Role[];
  structures: string[];
  learnerCode: string | null;
}

export const CALLBACK_PATH = '/oidc-callback';

export const userManager = new UserManager({
  authority: `${location.origin}/auth`,
  client_id: 'pegase-web',
  redirect_uri: `${location.origin}${CALLBACK_PATH}`,
  post_logout_redirect_uri: `${location.origin}/`,
  response_type: 'code',
  scope: 'openid profile',
  // Renewed with the refresh token half a minute before expiry: tokens live at least 60 s.
  automaticSilentRenew: true,
  accessTokenExpiringNotificationTimeInSeconds: 30,
  userStore: new WebStorageStateStore({ store: sessionStorage }),
  stateStore: new WebStorageStateStore({ store: sessionStorage }),
});

interface ReturnState {
  returnTo: string;
}

/** Sends the browser to the provider, to come back to the page asked for. */
export function login(returnTo = `${location.pathname}${location.search}${location.hash}`): Promise<void> {
  const state: ReturnState = { returnTo: returnTo.startsWith(CALLBACK_PATH) ? '/' : returnTo };
  return userManager.signinRedirect({ state });
}

export async function logout(): Promise<void> {
  const user = await userManager.getUser();
  await userManager.removeUser();
  await userManager.signoutRedirect({ id_token_hint: user?.id_token, post_logout_redirect_uri: `${location.origin}/` });
}

/** The claims of the access token (Pégase's roles travel there, not in the id token). */
function accessClaims(token: string): Record<string, unknown> {
  try {
    const payload = token.split('.')[1] ?? '';
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = Uint8Array.from(json, (c) => c.charCodeAt(0));
    return JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
  } catch {
    return {};
  }
}

export function sessionOf(user: User): Session {
  const claims = accessClaims(user.access_token);
  const strings = (value: unknown) => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
  const login = typeof claims['preferred_username'] === 'string' ? claims['preferred_username'] : (user.profile.preferred_username ?? user.profile.sub);
  return {
    user,
    login,
    name: user.profile.name ?? login,
    roles: strings(claims['pegase_roles']) as Role[],
    structures: strings(claims['pegase_structures']),
    learnerCode: typeof claims['learner_code'] === 'string' ? claims['learner_code'] : null,
  };
}

export const isStaff = (session: Session) => session.roles.includes('staff') || session.roles.includes('admin');

const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (session === null) throw new Error('useSession outside of <AuthGate>');
  return session;
}

/** The current access token, for the API client. */
export async function accessToken(): Promise<string | null> {
  const user = await userManager.getUser();
  return user && !user.expired ? user.access_token : null;
}

type GateState = { kind: 'loading' } | { kind: 'ready'; session: Session } | { kind: 'error'; message: string };

/**
 * Renders its children for a signed-in person only: completes the login on
 * the callback address, and otherwise sends an unknown visitor to the provider.
 */
export function AuthGate({
  children,
  onReturn,
  fallback,
  failure,
}: {
  children: ReactNode;
  onReturn: (path: string) => void;
  fallback: ReactNode;
  failure: (message: string) => ReactNode;
}) {
  const [state, setState] = useState<GateState>({ kind: 'loading' });

  useEffect(() => {
    let cancelled = false;
    const start = async () => {
      if (location.pathname === CALLBACK_PATH) {
        const user = await userManager.signinRedirectCallback();
        if (cancelled) return;
        const returnTo = (user.state as ReturnState | undefined)?.returnTo ?? '/';
        onReturn(returnTo);
        setState({ kind: 'ready', session: sessionOf(user) });
        return;
      }
      let user = await userManager.getUser();
      if (user?.expired && user.refresh_token) user = await userManager.signinSilent().catch(() => null);
      if (cancelled) return;
      if (!user || user.expired) {
        await login();
        return;
      }
      setState({ kind: 'ready', session: sessionOf(user) });
    };
    start().catch((error: unknown) => {
      if (!cancelled) setState({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
    });
    const loaded = (user: User) => setState({ kind: 'ready', session: sessionOf(user) });
    const unloaded = () => void login();
    // The refresh token expired or was revoked: the provider's session decides (a new login, or straight back).
    const renewFailed = () => void login();
    userManager.events.addUserLoaded(loaded);
    userManager.events.addUserSignedOut(unloaded);
    userManager.events.addSilentRenewError(renewFailed);
    return () => {
      cancelled = true;
      userManager.events.removeUserLoaded(loaded);
      userManager.events.removeUserSignedOut(unloaded);
      userManager.events.removeSilentRenewError(renewFailed);
    };
    // The login is started once, at mount.
  }, []);

  if (state.kind === 'loading') return <>{fallback}</>;
  if (state.kind === 'error') return <>{failure(state.message)}</>;
  return <SessionContext.Provider value={state.session}>{children}</SessionContext.Provider>;
}
