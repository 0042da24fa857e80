import { fill, useLanguage } from '../../i18n/language';
import { PdfViewer } from '../../shared/pdf/pdf-viewer';
import { noticePdf } from './enforcement-api';

/** The notice's PDF in the page (fetched with the officer's token), with a download link. */
export function PdfPreview({ id, noticeNumber }: { id: string; noticeNumber: string }) {
  const { t } = useLanguage();
  return (
    <PdfViewer
      documentKey={`notice:${id}`}
      load={() => noticePdf(id)}
      fileName={`${noticeNumber}.pdf`}
      title={fill(t.enforcement.previewTitle, { n: noticeNumber })}
      testId="notice-pdf"
    />
  );
}
