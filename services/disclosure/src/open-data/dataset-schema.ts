/** One column of an open-data set: its machine name, type, Chinese header and meaning. */
export interface FieldSpec {
  name: string;
  type: 'string' | 'integer' | 'number' | 'boolean' | 'date' | 'date-time' | 'string[]';
  nullable: boolean;
  zh: string;
  description: string;
}

const f = (
  name: string,
  type: FieldSpec['type'],
  zh: string,
  description: string,
  nullable = false,
): FieldSpec => ({
  name,
  type,
  nullable,
  zh,
  description,
});

/** Published results (`results.csv` / `results.json`): the current version of every result not withdrawn. */
export const RESULT_FIELDS: readonly FieldSpec[] = [
  f('id', 'string', '公示编号', 'public result id (UUID) of this version; opens /results/{id}'),
  f('version', 'integer', '版本', '1 for the first publication, +1 per correction'),
  f('kind', 'string', '公示类型', 'result or correction'),
  f('status', 'string', '状态', 'published or corrected'),
  f('supersedes', 'string', '更正前公示编号', 'id of the version this one corrects', true),
  f('sellerName', 'string', '被抽样网络商品经营者', 'seller (网络商品经营者)'),
  f('sampleName', 'string', '样品名称', 'sample name'),
  f('claimedBrand', 'string', '标称商标', 'claimed brand', true),
  f('claimedProducer', 'string', '标称生产者名称', 'claimed producer', true),
  f('specModel', 'string', '规格型号', 'specification / model', true),
  f('productionDate', 'date', '生产日期', 'claimed production date, YYYY-MM-DD', true),
  f(
    'mainNonconformingItems',
    'string[]',
    '主要不合格项目',
    'main nonconforming items; CSV: joined with "；"',
  ),
  f('verdict', 'string', '综合判定结论', 'pass (合格) or fail (不合格)'),
  f('platform', 'string', '交易平台', 'platform name; empty for a seller’s own website', true),
  f('platformName', 'string', '第三方交易平台经营者', 'platform operator', true),
  f('category', 'string', '品类代码', 'category code'),
  f('categoryName', 'string', '品类', 'category name'),
  f(
    'regionCode',
    'string',
    '经营者所在地区代码',
    "GB/T 2260 district of the seller's registered address",
    true,
  ),
  f('regionName', 'string', '经营者所在地区', 'province, city and district name', true),
  f('resultDate', 'date', '结果日期', 'day the result became final, Asia/Shanghai'),
  f('publishedAt', 'date-time', '公示时间', 'when this version was published, UTC (ISO 8601)'),
  f('reason', 'string', '更正原因', 'why it was corrected', true),
  // Last, so a reader of the CSV by column position meets the columns it knew where they were.
  f(
    'sampledBy',
    'string',
    '抽样单位',
    'the bureau, or a district bureau on its delegation (受…委托); empty: the bureau',
    true,
  ),
];

/** Statistics (`statistics.csv` / `statistics.json`): one row per value of the `by` dimension. */
export const STATISTICS_FIELDS: readonly FieldSpec[] = [
  f('by', 'string', '维度', 'category, platform, province, city, district, month, quarter or year'),
  f('key', 'string', '维度值', 'code, platform name or period; `unknown` / `none` when absent'),
  f('label', 'string', '名称', 'Chinese label of the key'),
  f('tested', 'integer', '抽检批次', 'batches with a published final result (withdrawn left out)'),
  f('passed', 'integer', '合格批次', 'batches that passed'),
  f('failed', 'integer', '不合格批次', 'batches that failed'),
  f('threeNo', 'integer', '三无产品批次', 'no producer, no producer address or no certificate'),
  f('noProducer', 'integer', '无生产者批次', 'no claimed producer'),
  f('noAddress', 'integer', '无地址批次', 'no claimed producer address'),
  f('noCertificate', 'integer', '无合格证批次', 'no certificate of conformity'),
  ...(['passRate', 'detectionRate', 'threeNoRate'] as const).flatMap((rate) => {
    const zh = { passRate: '合格率', detectionRate: '不合格检出率', threeNoRate: '三无产品比率' }[rate];
    return [
      f(rate, 'number', zh, `${rate} as a fraction 0–1`, true),
      f(`${rate}Low`, 'number', `${zh}下限`, 'lower bound of the 95% Wilson interval', true),
      f(`${rate}High`, 'number', `${zh}上限`, 'upper bound of the 95% Wilson interval', true),
    ];
  }),
  f('qualityIndex', 'number', '质量指数', '100 × (0.8 × pass rate + 0.2 × (1 − three-no rate))', true),
  f('qualityIndexLow', 'number', '质量指数下限', 'from the worst bounds of both rates', true),
  f('qualityIndexHigh', 'number', '质量指数上限', 'from the best bounds of both rates', true),
  f('smallSample', 'boolean', '样本量小', 'fewer than 30 batches'),
];
