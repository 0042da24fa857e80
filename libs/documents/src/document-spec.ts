/** One labelled value of a document: `样品名称：真丝被`. */
export interface DocumentField {
  label: string;
  value: string;
}

export interface DocumentTable {
  caption?: string;
  columns: string[];
  rows: string[][];
}

/** A signature line: who signs in which capacity, and when once signed. */
export interface SignatureLine {
  role: string;
  name?: string;
  /** Already formatted for the reader (Asia/Shanghai), e.g. `2026年3月5日 11:00`. */
  signedAt?: string;
}

/** A Chinese administrative document: title, number, fields, tables, free text, signatures. */
export interface DocumentSpec {
  /** The issuing authority, printed above the title (文头), e.g. `杭州市市场监督管理局`. */
  authority?: string;
  title: string;
  /** Document number shown under the title (文书编号). */
  number?: string;
  /** Addressee line at the top (e.g. the seller the notice is sent to); the colon is added once. */
  addressee?: string;
  /** The legal basis of the act, printed as `依据：…` after the body. */
  legalBasis?: string;
  /** The recipient's rights and their deadlines, in words, under the heading 权利告知. */
  rights?: string[];
  fields?: DocumentField[];
  tables?: DocumentTable[];
  paragraphs?: string[];
  signatures?: SignatureLine[];
  /** Issuer and date at the bottom right (落款). */
  issuer?: string;
  issuedOn?: string;
  /** Others who receive a copy (抄送), printed after the date. */
  copiedTo?: string[];
  /** Author/subject metadata of the PDF. */
  author?: string;
}

/** A printable sample label with a barcode and a QR code of the same code. */
export interface LabelSpec {
  title: string;
  code: string;
  /** Content of the QR code; defaults to the code. */
  qrContent?: string;
  lines: DocumentField[];
}
