import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Controller, Get, Header, NotFoundException, Param, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '@qis/auth';
import type { Response } from 'express';

/** The page's files: in the source tree beside this file, or found from the build output (dist/). */
function assetsDir(): string {
  const candidates = [
    path.join(__dirname, 'assets'),
    path.resolve(__dirname, '../../../../../services/disclosure/src/web/assets'),
  ];
  const found = candidates.find((dir) => existsSync(path.join(dir, 'index.html')));
  if (!found) throw new Error(`the public page's assets are missing (looked in ${candidates.join(', ')})`);
  return found;
}

/** What the page may load from /assets/: its modules, its style and its translations, by extension. */
const ASSET_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
};

/** The page's files in `dir` (one level, no index.html), by name. */
function pageFiles(dir: string): Array<[string, string]> {
  return readdirSync(dir)
    .filter((name) => ASSET_TYPES[path.extname(name)] !== undefined)
    .map((name) => [name, path.join(dir, name)]);
}

/** Scripts and styles only from this service; no inline script, no framing. */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The public web page (公示网页), anonymous: one HTML shell for every page path, the page's script
 * modules, style and translations, and Apache ECharts served from node_modules (no CDN).
 */
@ApiExcludeController()
@Controller()
export class PublicPageController {
  private readonly dir = assetsDir();
  private readonly shell = readFileSync(path.join(this.dir, 'index.html'), 'utf8');
  private readonly files = new Map<string, string>([
    ...pageFiles(this.dir),
    ['echarts.min.js', require.resolve('echarts/dist/echarts.min.js')],
  ]);

  @Get()
  @Public()
  home(@Res() res: Response): void {
    this.sendShell(res);
  }

  @Get('results/:id')
  @Public()
  result(@Res() res: Response): void {
    this.sendShell(res);
  }

  @Get(['notices', 'risk-warnings', 'revisions', 'statistics', 'open-data'])
  @Public()
  section(@Res() res: Response): void {
    this.sendShell(res);
  }

  @Get('assets/:file')
  @Public()
  @Header('cache-control', 'public, max-age=300')
  asset(@Param('file') file: string, @Res() res: Response): void {
    const found = this.files.get(file);
    if (!found)
      throw new NotFoundException({
        statusCode: 404,
        error: 'Not Found',
        message: `asset ${file} not found`,
      });
    res.setHeader('content-type', ASSET_TYPES[path.extname(found)] as string);
    res.setHeader('x-content-type-options', 'nosniff');
    res.sendFile(found);
  }

  private sendShell(res: Response): void {
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.setHeader('content-security-policy', CSP);
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('referrer-policy', 'no-referrer');
    res.setHeader('cache-control', 'no-cache');
    res.send(this.shell);
  }
}
