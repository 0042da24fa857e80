import { PageContainer } from '@ant-design/pro-layout';
import type { ReactNode } from 'react';
import { usePageTitle } from '../pages/status-pages';

/** A page with its heading (h1) and document title. */
export function Page({ title, extra, children }: { title: string; extra?: ReactNode; children: ReactNode }) {
  usePageTitle(title);
  return (
    <PageContainer title={<h1 style={{ fontSize: 20, margin: 0 }}>{title}</h1>} extra={extra}>
      {children}
    </PageContainer>
  );
}
