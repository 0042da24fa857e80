import { LockOutlined, PaperClipOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useLanguage } from '../../i18n/language';
import { IDENTITY_BEARING } from '../purchasing-admin/evidence/viewer-api';

/**
 * An evidence object the viewer may open (the services list only those): a link to the evidence
 * viewer, which previews or plays it from a short-lived URL (recorded in the custody ledger) with its
 * hash, retention and custody trail. A kind that shows the buyer asks first there for the purpose,
 * which the service audits with the view.
 */
export function EvidenceLink({ objectId, kind }: { objectId: string; kind: string }) {
  const { t } = useLanguage();
  const navigate = useNavigate();
  const kinds = t.batch.evidenceKinds as Record<string, string>;
  const label = kinds[kind] ?? kind;
  const to = `/evidence/${objectId}?kind=${encodeURIComponent(kind)}`;
  return (
    <Button
      size="small"
      href={to}
      icon={IDENTITY_BEARING.has(kind) ? <LockOutlined aria-hidden /> : <PaperClipOutlined aria-hidden />}
      onClick={(e) => {
        if (e.metaKey || e.ctrlKey || e.shiftKey) return;
        e.preventDefault();
        void navigate(to);
      }}
      title={objectId}
      data-evidence-kind={kind}
    >
      {label}
    </Button>
  );
}
