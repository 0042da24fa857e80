/** What survives a reload of the page for an unfinished upload: enough to resume it. */
export interface SavedUpload {
  objectId: string;
  sha256: string;
  /** part number → ETag the store answered */
  sent: Array<[number, string]>;
}

const PREFIX = 'qis.evidence-upload:';

/** The same file for the same purpose: name, size and modification time, kind and batch. */
export const uploadKey = (file: File, kind: string, batchNumber?: string): string =>
  `${PREFIX}${kind}|${batchNumber ?? ''}|${file.name}|${file.size}|${file.lastModified}`;

/**
 * Unfinished uploads kept in localStorage (ids, hash, ETags; no file content), so choosing the same
 * file again after a reload or a crash resumes it. The service hashes the stored bytes on finalize,
 * so a different file that happened to look the same is refused there, never stored as this one.
 */
export const savedUploads = {
  read(key: string): SavedUpload | undefined {
    try {
      const raw = window.localStorage.getItem(key);
      return raw ? (JSON.parse(raw) as SavedUpload) : undefined;
    } catch {
      return undefined;
    }
  },
  write(key: string, saved: SavedUpload): void {
    try {
      window.localStorage.setItem(key, JSON.stringify(saved));
    } catch {
      // storage full or disabled: the upload still resumes within this page
    }
  },
  remove(key: string): void {
    try {
      window.localStorage.removeItem(key);
    } catch {
      // nothing kept
    }
  },
};
