/** Bulk import bodies: CSV with a header row, or NDJSON (one JSON object a line). */
export type ImportFormat = 'csv' | 'ndjson';

export const IMPORT_CONTENT_TYPES: Record<string, ImportFormat> = {
  'text/csv': 'csv',
  'application/x-ndjson': 'ndjson',
  'application/jsonl': 'ndjson',
};
