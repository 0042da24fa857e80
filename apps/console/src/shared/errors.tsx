import { Alert } from 'antd';
import { ApiError } from '../api/client';
import { useLanguage } from '../i18n/language';

/** An API error as staff read it: the service's message, each field's reason, and the request id. */
export function ErrorAlert({ error }: { error: unknown }) {
  const { t } = useLanguage();
  if (!error) return null;
  const e = error instanceof ApiError ? error : undefined;
  const message = e ? e.message : error instanceof Error ? error.message : String(error);
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      message={e?.status === 403 ? t.forbidden.title : `${t.common.error}${e ? ` (${e.status})` : ''}`}
      description={
        <>
          {e?.details.length ? (
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {e.details.map((d) => (
                <li key={d}>{d}</li>
              ))}
            </ul>
          ) : (
            <div>{message}</div>
          )}
          {e?.requestId ? (
            <div style={{ marginTop: 4, fontSize: 12 }}>
              {t.common.requestId}: {e.requestId}
            </div>
          ) : null}
        </>
      }
    />
  );
}
