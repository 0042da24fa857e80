import { createContext, useContext, type ReactNode } from 'react';
import type { Role, Session } from './keycloak';

const SessionContext = createContext<Session | undefined>(undefined);

export function SessionProvider({ session, children }: { session: Session; children: ReactNode }) {
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

export const hasAnyRole = (session: Session, roles: readonly Role[]): boolean =>
  roles.some((r) => session.roles.includes(r));
