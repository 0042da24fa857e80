import { useSession } from '../auth/session';
import { fill, useLanguage } from '../i18n/language';

const SUBJECT = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Who acted, as the services record it: a staff member's subject (shown as "you" when it is the
 * viewer, else abbreviated, the full id on hover), a buyer's pseudonym or a signatory as given,
 * and nothing when the service acted on a rule.
 */
export function Actor({ id, none }: { id: string | null | undefined; none?: string }) {
  const session = useSession();
  const { t } = useLanguage();
  if (!id) return <>{none ?? t.batch.system}</>;
  if (id === session.subject)
    return <span title={id}>{fill(t.batch.self, { name: session.displayName })}</span>;
  if (SUBJECT.test(id)) return <span title={id}>{`${t.batch.staff} ${id.slice(0, 8)}`}</span>;
  return <>{id}</>;
}
