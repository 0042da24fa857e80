/** Columns of the risk warnings open-data set (`risk-warnings.csv`): name, Chinese header. */
export const RISK_WARNING_FIELDS = [
  ['id', '警示编号'],
  ['title', '标题'],
  ['sampleName', '样品名称'],
  ['brand', '标称商标'],
  ['specModel', '规格型号'],
  ['producerName', '标称生产者'],
  ['producerUnifiedSocialCreditCode', '生产者统一社会信用代码'],
  ['sellerName', '被抽样网络商品经营者'],
  ['platformName', '第三方交易平台'],
  ['failingItems', '不合格项目'],
  ['risk', '风险提示'],
  ['advice', '消费提示'],
  ['issuedBy', '发布机关'],
  ['issuedAt', '发布时间'],
] as const;
