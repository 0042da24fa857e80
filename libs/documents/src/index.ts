export { appendPdfs } from './append-pdfs';
export { code128Png, qrPng } from './barcodes';
export { DEFAULT_CJK_FONT_FILE, locateCjkFont, type CjkFont } from './cjk-font';
export type { DocumentField, DocumentSpec, DocumentTable, LabelSpec, SignatureLine } from './document-spec';
export { renderDocument } from './render-document';
export { renderLabels } from './render-labels';
export { formatShanghaiDate, formatShanghaiDateTime } from './shanghai-date';
export {
  chineseNumeral,
  formatShanghaiDateInWords,
  LEGAL_SOURCES,
  OBJECTION_PERIOD_DAYS,
  objectionRight,
  REINSPECTION_PROCEDURES_DAYS,
  withinDays,
  withinWorkingDays,
} from './legal-wording';
