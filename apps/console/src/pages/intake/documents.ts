import { api, authorizedHeaders, errorOf, unwrap } from '../../api/client';

/** The object store's presigned URL under the console's own origin (the console's CSP allows no other). */
const sameOrigin = (presigned: string): string => {
  const u = new URL(presigned);
  return `${window.location.origin}/object-store${u.pathname}${u.search}`;
};

/** Saves a blob under a file name, as a download. */
function save(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** The sample labels (Code 128 + QR of the test and backup samples) as the evidence service renders them. */
export async function labelsPdf(sampleCode: string): Promise<Blob> {
  const res = await fetch(
    `${window.location.origin}/api/evidence/samples/${encodeURIComponent(sampleCode)}/labels`,
    { headers: await authorizedHeaders() },
  );
  if (!res.ok) throw errorOf(res.status, await res.json().catch(() => null));
  return res.blob();
}

export async function downloadLabels(sampleCode: string): Promise<void> {
  save(await labelsPdf(sampleCode), `${sampleCode}-labels.pdf`);
}

/**
 * Opens the labels in the browser's PDF viewer, in a new tab, to print them on the label printer
 * (the console's CSP frames nothing, so no hidden print frame).
 */
export async function printLabels(sampleCode: string): Promise<void> {
  const tab = window.open('', '_blank');
  const url = URL.createObjectURL(await labelsPdf(sampleCode));
  if (tab) tab.location.href = url;
  else window.location.assign(url);
  setTimeout(() => URL.revokeObjectURL(url), 600_000);
}

/** A stored document's bytes for the in-page preview, through a short-lived view URL the ledger records as a view. */
export async function viewStored(objectId: string): Promise<Blob> {
  const ticket = await unwrap(
    api.evidence.POST('/evidence/objects/{id}/view', { params: { path: { id: objectId } } }),
  );
  const res = await fetch(sameOrigin(ticket.url));
  if (!res.ok) throw new Error(`object store answered ${res.status}`);
  return res.blob();
}

/** A stored document (work order, sampling notice) through a short-lived download the ledger records. */
export async function downloadStored(objectId: string, fileName: string): Promise<void> {
  const ticket = await unwrap(
    api.evidence.POST('/evidence/objects/{id}/download', { params: { path: { id: objectId } } }),
  );
  const res = await fetch(sameOrigin(ticket.url));
  if (!res.ok) throw new Error(`object store answered ${res.status}`);
  save(await res.blob(), fileName);
}
