import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import { evidenceFile, jpegImage, minimalPdf, pngImage, videoClip } from './files';
import { listingsCsv } from './planning';

describe('demo evidence files', () => {
  it('makes a PNG whose chunks decode to size × size RGB rows, different each time', () => {
    const png = pngImage(16);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(16);
    const idatLength = png.readUInt32BE(33);
    expect(png.subarray(37, 41).toString()).toBe('IDAT');
    expect(inflateSync(png.subarray(41, 41 + idatLength))).toHaveLength(16 * (1 + 16 * 3));
    expect(pngImage(16).equals(png)).toBe(false);
  });

  it('makes a JPEG from SOI to EOI with a comment, different each time', () => {
    const jpeg = jpegImage('waybill');
    expect([...jpeg.subarray(0, 2)]).toEqual([0xff, 0xd8]);
    expect([...jpeg.subarray(-2)]).toEqual([0xff, 0xd9]);
    expect(jpeg.toString('latin1')).toContain('waybill');
    expect(jpegImage('waybill').equals(jpeg)).toBe(false);
  });

  it('makes a video blob starting with an ftyp box', () => {
    expect(videoClip('x', 1).subarray(4, 8).toString()).toBe('ftyp');
    expect(evidenceFile('unboxing-video', 'HZ2026-000001').contentType).toBe('video/mp4');
  });

  it('makes a minimal PDF that pdftotext reads back', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'qis-demo-pdf-'));
    writeFileSync(path.join(dir, 'r.pdf'), minimalPdf('Test report R-1 (fail)'));
    const text = execFileSync('pdftotext', ['r.pdf', '-'], { cwd: dir }).toString();
    expect(text).toContain('Test report R-1 (fail)');
  });

  it('writes import CSV with the header row, quoting and claims joined by |', () => {
    const csv = listingsCsv([
      {
        platform: 'taobao',
        listingId: '1',
        url: 'https://item.taobao.com/item.htm?id=1',
        title: '蚕丝被, "爆款"',
        priceFen: 100,
        promotionalClaims: ['限时秒杀', '爆款'],
        shopName: 's',
        shopUrl: 'https://s.taobao.com',
        sellerName: 'n',
        operatorName: 'o',
        observedAt: '2026-03-01T00:00:00Z',
      },
    ]);
    const [header, row] = csv.split('\r\n');
    expect(header).toBe(
      'platform,listingId,url,title,priceFen,promotionalClaims,shopName,shopUrl,sellerName,operatorName,observedAt',
    );
    expect(row).toContain('"蚕丝被, ""爆款"""');
    expect(row).toContain('限时秒杀|爆款');
  });
});
