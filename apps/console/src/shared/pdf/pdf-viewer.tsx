import {
  ColumnWidthOutlined,
  DownloadOutlined,
  LeftOutlined,
  RightOutlined,
  ZoomInOutlined,
  ZoomOutOutlined,
} from '@ant-design/icons';
import { Alert, Button, Space, Spin, Typography } from 'antd';
import type { PDFDocumentLoadingTask, PDFDocumentProxy, RenderTask, TextLayer } from 'pdfjs-dist';
import { useEffect, useRef, useState } from 'react';
import { fill, useLanguage } from '../../i18n/language';
import { loadPdfJs } from './pdf-js';
import './pdf-viewer.css';

/** Zoom relative to the page fitted to the viewer's width (1). */
const ZOOMS = [0.5, 0.75, 1, 1.25, 1.5, 2, 3];

export interface PdfViewerProps {
  /** Names the document: a new key loads it anew (the loader may change identity on every render). */
  documentKey: string;
  /** The bytes: fetched with the caller's token, from a short-lived view URL, or a local file. */
  load: () => Promise<Blob>;
  /** What the download link saves the file as. */
  fileName: string;
  /** What the document is, for the region's and the page image's accessible names. */
  title: string;
  testId?: string;
}

/**
 * A PDF drawn in the page with pdf.js: one page at a time on a canvas fitted to the viewer's width
 * (a 390 px phone included), its text layer over it (selectable, searchable, read aloud), page
 * navigation, zoom and a download link. No frame and no plugin: the console's CSP allows neither.
 */
export function PdfViewer({ documentKey, load, fileName, title, testId = 'pdf-viewer' }: PdfViewerProps) {
  const { t } = useLanguage();
  const v = t.viewer.pdf;
  const loader = useRef(load);
  loader.current = load;
  const frame = useRef<HTMLDivElement>(null);
  const holder = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const text = useRef<HTMLDivElement>(null);
  const [doc, setDoc] = useState<PDFDocumentProxy>();
  const [download, setDownload] = useState<string>();
  const [error, setError] = useState<unknown>();
  const [pageNumber, setPageNumber] = useState(1);
  const [zoom, setZoom] = useState(1);
  const [width, setWidth] = useState(0);
  const [rendered, setRendered] = useState<number>();

  useEffect(() => {
    let cancelled = false;
    let url: string | undefined;
    let task: PDFDocumentLoadingTask | undefined;
    setDoc(undefined);
    setError(undefined);
    setPageNumber(1);
    setZoom(1);
    setRendered(undefined);
    void (async () => {
      const [lib, blob] = await Promise.all([loadPdfJs(), loader.current()]);
      if (cancelled) return;
      url = URL.createObjectURL(blob);
      setDownload(url);
      // pdf.js 6 has no eval path left (PostScript functions are interpreted): the CSP needs none.
      task = lib.getDocument({ data: new Uint8Array(await blob.arrayBuffer()) });
      const loaded = await task.promise;
      if (!cancelled) setDoc(loaded);
    })().catch((e: unknown) => {
      if (!cancelled) setError(e);
    });
    return () => {
      cancelled = true;
      if (url) URL.revokeObjectURL(url);
      void task?.destroy();
    };
  }, [documentKey]);

  useEffect(() => {
    const el = frame.current;
    if (!el) return;
    const observer = new ResizeObserver(([entry]) => setWidth(Math.floor(entry?.contentRect.width ?? 0)));
    observer.observe(el);
    return () => observer.disconnect();
  }, [doc]);

  useEffect(() => {
    if (!doc || width <= 0) return;
    let cancelled = false;
    let render: RenderTask | undefined;
    let layer: TextLayer | undefined;
    setRendered(undefined);
    void (async () => {
      const lib = await loadPdfJs();
      const page = await doc.getPage(pageNumber);
      const el = canvas.current;
      const box = holder.current;
      const textBox = text.current;
      if (cancelled || !el || !box || !textBox) return;
      const scale = (width / page.getViewport({ scale: 1 }).width) * zoom;
      const viewport = page.getViewport({ scale });
      const ratio = window.devicePixelRatio || 1;
      el.width = Math.floor(viewport.width * ratio);
      el.height = Math.floor(viewport.height * ratio);
      el.style.width = `${Math.floor(viewport.width)}px`;
      el.style.height = `${Math.floor(viewport.height)}px`;
      box.style.width = `${Math.floor(viewport.width)}px`;
      box.style.setProperty('--scale-factor', String(scale));
      render = page.render({
        canvas: el,
        viewport,
        ...(ratio === 1 ? {} : { transform: [ratio, 0, 0, ratio, 0, 0] }),
      });
      await render.promise;
      textBox.replaceChildren();
      layer = new lib.TextLayer({
        textContentSource: page.streamTextContent(),
        container: textBox,
        viewport,
      });
      await layer.render();
      if (!cancelled) setRendered(pageNumber);
    })().catch((e: unknown) => {
      if (!cancelled && !(e instanceof Error && e.name === 'RenderingCancelledException')) setError(e);
    });
    return () => {
      cancelled = true;
      render?.cancel();
      layer?.cancel();
    };
  }, [doc, pageNumber, zoom, width]);

  const total = doc?.numPages ?? 0;
  const zoomAt = ZOOMS.indexOf(zoom);
  const downloadLink = download ? (
    <Button size="small" icon={<DownloadOutlined aria-hidden />} href={download} download={fileName}>
      {v.download}
    </Button>
  ) : null;

  return (
    <section aria-label={fill(v.region, { title })} data-testid={testId} data-rendered-page={rendered}>
      {error ? (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Alert
            type="warning"
            showIcon
            message={v.failed}
            description={error instanceof Error ? error.message : String(error)}
            data-testid="pdf-error"
          />
          {downloadLink}
        </Space>
      ) : !doc ? (
        <Spin tip={v.loading}>
          <div style={{ height: 160 }} />
        </Spin>
      ) : (
        <Space direction="vertical" size={8} style={{ width: '100%' }}>
          <Space wrap size={4} align="center">
            <Button
              size="small"
              icon={<LeftOutlined aria-hidden />}
              aria-label={v.previous}
              disabled={pageNumber <= 1}
              onClick={() => setPageNumber((n) => Math.max(1, n - 1))}
            />
            <Typography.Text data-testid="pdf-page" aria-live="polite">
              {fill(v.page, { n: pageNumber, total })}
            </Typography.Text>
            <Button
              size="small"
              icon={<RightOutlined aria-hidden />}
              aria-label={v.next}
              disabled={pageNumber >= total}
              onClick={() => setPageNumber((n) => Math.min(total, n + 1))}
            />
            <Button
              size="small"
              icon={<ZoomOutOutlined aria-hidden />}
              aria-label={v.zoomOut}
              disabled={zoomAt <= 0}
              onClick={() => setZoom(ZOOMS[zoomAt - 1] ?? zoom)}
            />
            <Typography.Text data-testid="pdf-zoom" aria-label={fill(v.zoom, { percent: zoom * 100 })}>
              {zoom * 100}%
            </Typography.Text>
            <Button
              size="small"
              icon={<ZoomInOutlined aria-hidden />}
              aria-label={v.zoomIn}
              disabled={zoomAt >= ZOOMS.length - 1}
              onClick={() => setZoom(ZOOMS[zoomAt + 1] ?? zoom)}
            />
            <Button
              size="small"
              icon={<ColumnWidthOutlined aria-hidden />}
              aria-label={v.fitWidth}
              disabled={zoom === 1}
              onClick={() => setZoom(1)}
            />
            {downloadLink}
          </Space>
          <Spin spinning={rendered === undefined}>
            <div
              ref={frame}
              tabIndex={0}
              role="region"
              aria-label={fill(v.pageImage, { title, n: pageNumber })}
              style={{
                overflow: 'auto',
                maxHeight: '75vh',
                padding: 8,
                background: '#e8e8e8',
                borderRadius: 6,
                scrollbarGutter: 'stable',
              }}
            >
              <div ref={holder} className="qis-pdf-page">
                <canvas ref={canvas} data-testid="pdf-canvas" aria-hidden />
                <div ref={text} className="textLayer" data-testid="pdf-text-layer" />
              </div>
            </div>
          </Spin>
        </Space>
      )}
    </section>
  );
}
