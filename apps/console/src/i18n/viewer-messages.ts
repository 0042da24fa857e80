/** Shared viewers: the in-page PDF viewer. Part of the one dictionary per language in messages.ts. */
export const viewerZhCN = {
  pdf: {
    loading: '正在加载 PDF…',
    region: '{title}（PDF 预览）',
    page: '第 {n} 页，共 {total} 页',
    pageImage: '{title}，第 {n} 页',
    previous: '上一页',
    next: '下一页',
    zoomIn: '放大',
    zoomOut: '缩小',
    fitWidth: '适合宽度',
    zoom: '缩放 {percent}%',
    download: '下载 PDF',
    failed: 'PDF 无法显示，请下载后查看。',
  },
};

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

export const viewerEn: Widen<typeof viewerZhCN> = {
  pdf: {
    loading: 'Loading the PDF…',
    region: '{title} (PDF preview)',
    page: 'Page {n} of {total}',
    pageImage: '{title}, page {n}',
    previous: 'Previous page',
    next: 'Next page',
    zoomIn: 'Zoom in',
    zoomOut: 'Zoom out',
    fitWidth: 'Fit width',
    zoom: 'Zoom {percent}%',
    download: 'Download PDF',
    failed: 'The PDF cannot be shown here; download it to read it.',
  },
};
