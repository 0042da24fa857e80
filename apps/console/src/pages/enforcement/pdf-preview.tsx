import { Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { fill, useLanguage } from '../../i18n/language';
import { ErrorAlert } from '../../shared/errors';
import { noticePdfUrl } from './enforcement-api';

/** The notice's PDF in the page: fetched with the officer's token, shown from a blob URL. */
export function PdfPreview({ id, noticeNumber }: { id: string; noticeNumber: string }) {
  const { t } = useLanguage();
  const [url, setUrl] = useState<string>();
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    let revoked = false;
    let made: string | undefined;
    noticePdfUrl(id).then(
      (u) => {
        made = u;
        if (revoked) URL.revokeObjectURL(u);
        else setUrl(u);
      },
      (e: unknown) => setError(e),
    );
    return () => {
      revoked = true;
      if (made) URL.revokeObjectURL(made);
    };
  }, [id]);
  if (error) return <ErrorAlert error={error} />;
  if (!url)
    return (
      <Spin tip={t.enforcement.loadingPdf}>
        <div style={{ height: 120 }} />
      </Spin>
    );
  return (
    <div>
      <iframe
        src={url}
        title={fill(t.enforcement.previewTitle, { n: noticeNumber })}
        data-testid="notice-pdf"
        style={{ width: '100%', height: 'min(520px, 60vh)', border: '1px solid #d9d9d9', borderRadius: 6 }}
      />
      <Typography.Link href={url} target="_blank" rel="noreferrer">
        {t.enforcement.openPdf}
      </Typography.Link>
    </div>
  );
}
