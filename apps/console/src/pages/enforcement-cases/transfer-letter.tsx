import { useQuery } from '@tanstack/react-query';
import { Card, Descriptions, Typography } from 'antd';
import { api, ApiError, authorizedHeaders, errorOf, unwrap } from '../../api/client';
import { useLanguage } from '../../i18n/language';
import { ErrorAlert } from '../../shared/errors';
import { PdfViewer } from '../../shared/pdf/pdf-viewer';
import { shanghaiTime } from '../../shared/time';
import { authorityOf } from './cases-api';

async function transferLetterPdf(caseId: string): Promise<Blob> {
  const res = await fetch(`/api/enforcement/cases/${encodeURIComponent(caseId)}/transfer-letter/pdf`, {
    headers: await authorizedHeaders(),
  });
  if (!res.ok) throw errorOf(res.status, await res.json().catch(() => null));
  return res.blob();
}

/** The case's transfer letter (案件移送函), when it was handed outside the city: its facts and its PDF in the page. */
export function TransferLetter({ caseId }: { caseId: string }) {
  const { t, language } = useLanguage();
  const letter = useQuery({
    queryKey: ['cases', 'transfer-letter', caseId],
    // A case not handed over has no letter: 404, final.
    retry: (n, e) => !(e instanceof ApiError && e.status < 500) && n < 2,
    queryFn: () =>
      unwrap(api.enforcement.GET('/cases/{id}/transfer-letter', { params: { path: { id: caseId } } })),
  });
  if (letter.error instanceof ApiError && letter.error.status === 404) return null;
  if (!letter.data) return letter.error ? <ErrorAlert error={letter.error} /> : null;
  const l = letter.data;
  return (
    <Card
      title={<h2 style={{ fontSize: 16, margin: 0 }}>{t.cases.transferLetter}</h2>}
      data-testid="transfer-letter"
    >
      <Descriptions column={{ xs: 1, md: 2 }} size="small" style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t.cases.letterNumber}>
          <Typography.Text code>{l.letterNumber}</Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t.cases.letterIssuedAt}>
          {shanghaiTime(l.issuedAt, language)}
        </Descriptions.Item>
        <Descriptions.Item label={t.cases.letterRecipient}>{authorityOf(l.recipient).name}</Descriptions.Item>
      </Descriptions>
      <PdfViewer
        documentKey={`transfer-letter:${l.id}`}
        load={() => transferLetterPdf(caseId)}
        fileName={`${l.letterNumber}.pdf`}
        title={`${t.cases.transferLetter} ${l.letterNumber}`}
        testId="transfer-letter-pdf"
      />
    </Card>
  );
}
