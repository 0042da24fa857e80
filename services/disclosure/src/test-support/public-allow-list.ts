/**
 * The allow-list of every public payload: the field names each kind of payload may carry, at any
 * depth. Nothing else may appear — no buyer, account, delivery address, evidence link, batch
 * number or internal id beyond the public result id.
 */
const RESULT = [
  'id',
  'kind',
  'version',
  'status',
  'supersedes',
  'supersededBy',
  'sellerName',
  'sampleName',
  'claimedBrand',
  'claimedProducer',
  'specModel',
  'productionDate',
  'mainNonconformingItems',
  'verdict',
  'platform',
  'platformName',
  'category',
  'categoryName',
  'regionCode',
  'regionName',
  'resultDate',
  'sampledBy',
  'publishedAt',
  'reason',
];
const PAGE = ['items', 'page', 'pageSize', 'total'];
/** The rules' fields of a public notice (公告通知): only here may a listing link and order number appear. */
const NOTICE = [
  'id',
  'sellerName',
  'sampleName',
  'specModel',
  'listingUrl',
  'orderNumber',
  'platform',
  'verdict',
  'publishedAt',
];

const STATISTICS = [
  'by',
  'filters',
  'rows',
  'total',
  'generatedAt',
  ...['category', 'platform', 'region', 'period', 'from', 'to'],
  ...['key', 'label', 'tested', 'passed', 'failed', 'threeNo', 'noProducer', 'noAddress', 'noCertificate'],
  ...['passRate', 'detectionRate', 'threeNoRate', 'qualityIndex', 'value', 'low', 'high', 'smallSample'],
];

export const PUBLIC_ALLOW_LIST = {
  'result-page': [...PAGE, ...RESULT],
  'result-detail': ['current', 'history', ...RESULT],
  'notice-page': [...PAGE, ...NOTICE],
  facets: ['categories', 'platforms', 'regions', 'periods', 'bureau', 'code', 'zh', 'en', 'level', 'name'],
  'results-export': ['dataset', 'schemaVersion', 'generatedAt', 'count', 'items', ...RESULT],
  'statistics-export': ['dataset', 'schemaVersion', ...STATISTICS],
  statistics: STATISTICS,
  /** `disclosure.result-published.v1` values (the batch number travels in the key only). */
  'result-published': [
    'publicResultId',
    'kind',
    'supersedes',
    'sellerName',
    'sampleName',
    'claimedBrand',
    'claimedProducer',
    'specModel',
    'productionDate',
    'mainNonconformingItems',
    'verdict',
    'platformName',
    'publishedAt',
  ],
} satisfies Record<string, string[]>;

export type PublicPayloadKind = keyof typeof PUBLIC_ALLOW_LIST;

/** Every field name of a JSON value with its path (`items[].sellerName`). */
function fieldPaths(value: unknown, path = ''): Array<{ path: string; key: string }> {
  if (Array.isArray(value)) return value.flatMap((v) => fieldPaths(v, `${path}[]`));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, v]) => [
    { path: path ? `${path}.${key}` : key, key },
    ...fieldPaths(v, path ? `${path}.${key}` : key),
  ]);
}

/** Field paths of `payload` outside the allow-list of its kind (empty when it is clean). */
export function fieldsOutsideAllowList(kind: PublicPayloadKind, payload: unknown): string[] {
  const allowed = new Set<string>(PUBLIC_ALLOW_LIST[kind]);
  return [
    ...new Set(
      fieldPaths(payload)
        .filter((f) => !allowed.has(f.key))
        .map((f) => f.path),
    ),
  ];
}

/** The secrets found anywhere in `text` (a serialised payload, a CSV, an HTML page). */
export const secretsIn = (text: string, secrets: readonly string[]): string[] =>
  secrets.filter((s) => s.length > 0 && text.includes(s));
