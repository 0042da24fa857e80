import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { appendPdfs } from './append-pdfs';
import { locateCjkFont, type CjkFont } from './cjk-font';
import { renderDocument } from './render-document';
import { renderLabels } from './render-labels';

const ARTIFACTS = path.resolve(__dirname, '../../../test-artifacts/documents');
/** A font without Chinese glyphs: what a misconfigured server would render with. */
const LATIN_FONT: CjkFont = { file: '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf' };

/** Renders page 1 as an 8-bit greyscale bitmap (PGM) and returns its pixels. */
function rasterize(pdf: Buffer, dpi = 60): { width: number; height: number; pixels: Buffer } {
  const dir = mkdtempSync(path.join(tmpdir(), 'qis-doc-'));
  writeFileSync(path.join(dir, 'doc.pdf'), pdf);
  execFileSync(
    'pdftoppm',
    ['-gray', '-r', String(dpi), '-f', '1', '-l', '1', '-singlefile', 'doc.pdf', 'page'],
    {
      cwd: dir,
    },
  );
  const pgm = readFileSync(path.join(dir, 'page.pgm'));
  const header = pgm.subarray(0, 50).toString('latin1').split(/\s+/);
  const [width, height] = [Number(header[1]), Number(header[2])];
  return { width, height, pixels: pgm.subarray(pgm.length - width * height) };
}

const inkRatio = (pixels: Buffer): number => pixels.filter((p) => p < 128).length / pixels.length;

/** A single character, large, alone on a page. */
const glyphPage = (ch: string, font: CjkFont) => renderDocument({ title: ch.repeat(8) }, font);

describe('documents', () => {
  const font = locateCjkFont();

  it('refuses a missing font file with a message naming the file and how to install it', () => {
    expect(() => locateCjkFont('/nowhere/font.ttc')).toThrow(
      /\/nowhere\/font\.ttc not found.*fonts-wqy-microhei/,
    );
  });

  it('renders distinct Chinese characters as distinct glyphs (not tofu boxes) with the embedded CJK font', async () => {
    const [jian, yan] = await Promise.all([glyphPage('检', font), glyphPage('验', font)]);
    const a = rasterize(jian).pixels;
    const b = rasterize(yan).pixels;
    expect(inkRatio(a)).toBeGreaterThan(0.001);
    expect(Buffer.compare(a, b)).not.toBe(0);

    // The control: a font lacking CJK draws the same missing-glyph for both characters.
    const [latinJian, latinYan] = await Promise.all([
      glyphPage('检', LATIN_FONT),
      glyphPage('验', LATIN_FONT),
    ]);
    expect(Buffer.compare(rasterize(latinJian).pixels, rasterize(latinYan).pixels)).toBe(0);
  });

  it('renders a work order page with ink spread over title, fields, table and signatures, kept as PNG', async () => {
    const pdf = await renderDocument(
      {
        title: '网络商品质量抽查检验工作单',
        number: 'GD2026-000123',
        fields: [
          { label: '样品名称', value: '桑蚕丝被' },
          { label: '标称商标', value: '丝之源' },
          { label: '标称生产者', value: '杭州丝之源家纺有限公司' },
        ],
        tables: [
          {
            caption: '样品信息',
            columns: ['样品', '封样条编号', '数量'],
            rows: [
              ['检验用样品', 'FY2026-004561', '1'],
              ['备份样品', 'FY2026-004562', '1'],
            ],
          },
        ],
        signatures: [
          { role: '执法人员', name: '王明', signedAt: '2026年3月5日 11:00' },
          { role: '承检机构人员', name: '李华', signedAt: '2026年3月5日 11:00' },
        ],
        issuer: '杭州市市场监督管理局',
        issuedOn: '2026年3月5日',
      },
      font,
    );
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1')).toMatch(/FontFile2/); // the TrueType font is embedded

    const { width, height, pixels } = rasterize(pdf);
    // Ink in several horizontal bands: title, fields, table, signatures all drew something.
    const bands = 8;
    const bandInk = Array.from({ length: bands }, (_, i) =>
      inkRatio(
        pixels.subarray(
          Math.floor((i * height) / bands) * width,
          Math.floor(((i + 1) * height) / bands) * width,
        ),
      ),
    );
    expect(bandInk.filter((ink) => ink > 0.002).length).toBeGreaterThanOrEqual(3);

    mkdirSync(ARTIFACTS, { recursive: true });
    const dir = mkdtempSync(path.join(tmpdir(), 'qis-doc-'));
    writeFileSync(path.join(dir, 'work-order.pdf'), pdf);
    execFileSync(
      'pdftoppm',
      [
        '-png',
        '-r',
        '80',
        '-f',
        '1',
        '-l',
        '1',
        '-singlefile',
        'work-order.pdf',
        path.join(ARTIFACTS, 'work-order'),
      ],
      {
        cwd: dir,
      },
    );
    expect(readFileSync(path.join(ARTIFACTS, 'work-order.png')).subarray(1, 4).toString()).toBe('PNG');
  });

  it('renders one label page per sample with barcode and QR code', async () => {
    const pdf = await renderLabels(
      [
        {
          title: '检验用样品',
          code: 'HZ2026-000123-S-T',
          lines: [{ label: '封样条编号', value: 'FY2026-004561' }],
        },
        {
          title: '备份样品',
          code: 'HZ2026-000123-S-B',
          lines: [{ label: '封样条编号', value: 'FY2026-004562' }],
        },
      ],
      font,
    );
    const pages = pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? [];
    expect(pages).toHaveLength(2);
    expect(inkRatio(rasterize(pdf).pixels)).toBeGreaterThan(0.05);
  });

  const pdfText = (pdf: Buffer): string => {
    const dir = mkdtempSync(path.join(tmpdir(), 'qis-doc-'));
    writeFileSync(path.join(dir, 'doc.pdf'), pdf);
    return execFileSync('pdftotext', ['doc.pdf', '-'], { cwd: dir }).toString();
  };

  it('prints the authority above the title, the addressee with one colon, the basis, the rights and the copies', async () => {
    const text = pdfText(
      await renderDocument(
        {
          authority: '杭州市市场监督管理局',
          title: '网络商品质量抽查检验通知书',
          addressee: '杭州丝之源家纺有限公司：',
          paragraphs: ['正文。'],
          legalBasis: '《流通领域商品质量抽查检验办法》。',
          rights: ['自收到本通知书之日起十五日内提出书面复检申请。'],
          issuer: '杭州市市场监督管理局',
          issuedOn: '二〇二六年三月五日',
          copiedTo: ['浙江天猫网络有限公司'],
        },
        font,
      ),
    );
    expect(text).toMatch(/杭州市市场监督管理局\s+网络商品质量抽查检验通知书/);
    expect(text).toContain('杭州丝之源家纺有限公司：\n');
    expect(text).not.toContain('：：');
    expect(text).toMatch(
      /正文。\s+依据：《流通领域商品质量抽查检验办法》。\s+权利告知\s+自收到本通知书之日起十五日内/,
    );
    expect(text).toMatch(/二〇二六年三月五日\s+抄送：浙江天猫网络有限公司/);
  });

  it('embeds in each document the glyphs of its own text only, documents rendered one after another', async () => {
    const short = { title: '通知' };
    const before = await renderDocument(short, font);
    // Many distinct characters: a subset shared between documents would carry them into the next one.
    const many = Array.from({ length: 2000 }, (_, i) => String.fromCodePoint(0x4e00 + i * 3)).join('');
    const large = await renderDocument({ title: '附页', paragraphs: [many] }, font);
    const after = await renderDocument(short, font);
    expect(large.length).toBeGreaterThan(before.length + 100_000);
    expect(Math.abs(after.length - before.length)).toBeLessThan(64);
    expect(pdfText(after)).toContain('通知');
  });

  it("appends an attachment's pages after the document's own, unchanged", async () => {
    const notice = await renderDocument({ title: '抽检结果通知书' }, font);
    const report = await renderDocument(
      { title: '检验报告', paragraphs: ['报告编号：TR-2026-0001', '附页'.repeat(2000)] },
      font,
    );
    const merged = await appendPdfs(notice, [report]);
    const pages = pdfText(merged).split('\f');
    expect(pages.filter((p) => p.trim().length > 0).length).toBeGreaterThanOrEqual(3);
    expect(pages[0]).toContain('抽检结果通知书');
    expect(pages[0]).not.toContain('TR-2026-0001');
    expect(pages[1]).toContain('报告编号：TR-2026-0001');
    await expect(appendPdfs(notice, [Buffer.from('not a pdf')])).rejects.toThrow();
  });
});
