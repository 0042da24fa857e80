import type * as PdfJs from 'pdfjs-dist';

let loading: Promise<typeof PdfJs> | undefined;

/**
 * pdf.js, loaded on first use (it stays out of the initial bundle). Its worker is a file of this
 * build, emitted by Vite under /assets/ and started from the console's own origin, so the CSP's
 * `script-src 'self'` (which workers fall back to) admits it: no CDN, no blob: worker.
 */
export function loadPdfJs(): Promise<typeof PdfJs> {
  loading ??= Promise.all([import('pdfjs-dist'), import('pdfjs-dist/build/pdf.worker.min.mjs?url')]).then(
    ([lib, worker]) => {
      lib.GlobalWorkerOptions.workerSrc = worker.default;
      return lib;
    },
  );
  return loading;
}

/** A PDF's bytes from a URL of this origin (an evidence view ticket, a same-origin download). */
export async function fetchPdf(url: string, headers?: HeadersInit): Promise<Blob> {
  const res = await fetch(url, headers ? { headers } : {});
  if (!res.ok) throw new Error(`PDF answered ${res.status}`);
  return res.blob();
}
