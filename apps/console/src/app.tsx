import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider, Grid, Spin } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { Suspense } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router-dom';
import type { Session } from './auth/keycloak';
import { hasAnyRole, SessionProvider } from './auth/session';
import { LanguageProvider, useLanguage } from './i18n/language';
import { ConsoleLayout } from './layout/console-layout';
import { Forbidden, NoRole, NotFound } from './pages/status-pages';
import { ROUTES } from './routes';
import { ApiError } from './api/client';
import './shared/accessible.css';
import { useFocusableScrollRegions } from './shared/focusable-scroll';

const queries = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 15_000,
      refetchOnWindowFocus: false,
      // 4xx answers are final (forbidden, not found, invalid); retry only what may pass later.
      retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
    },
  },
});

function Routed({ session }: { session: Session }) {
  const { language, t } = useLanguage();
  const narrow = Grid.useBreakpoint().md === false;
  useFocusableScrollRegions(t.common.table);
  return (
    <ConfigProvider
      locale={language === 'en' ? enUS : zhCN}
      theme={{
        token: {
          colorPrimary: '#0b3d91',
          // Links and hint texts at 4.5:1 or better (WCAG AA); Ant Design's defaults are lighter.
          colorLink: '#0b3d91',
          colorLinkHover: '#1d4fb0',
          colorTextSecondary: 'rgba(0, 0, 0, 0.68)',
          colorTextDescription: 'rgba(0, 0, 0, 0.66)',
          colorTextTertiary: 'rgba(0, 0, 0, 0.64)',
          colorTextQuaternary: 'rgba(0, 0, 0, 0.6)',
          colorTextPlaceholder: 'rgba(0, 0, 0, 0.6)',
          borderRadius: 4,
        },
        // On a phone a card pads 12 px, as the page does (ConsoleLayout): its content keeps the width.
        ...(narrow ? { components: { Card: { bodyPadding: 12, headerPadding: 12 } } } : {}),
      }}
      // No space inserted between two Chinese characters: buttons read as written ("批准", not "批 准").
      button={{ autoInsertSpace: false }}
    >
      <AntApp>
        {session.roles.length === 0 ? (
          <NoRole />
        ) : (
          <ConsoleLayout>
            <Suspense fallback={<Spin style={{ display: 'block', margin: 48 }} />}>
              <Routes>
                {ROUTES.map((r) => (
                  <Route
                    key={r.path}
                    path={r.path}
                    element={hasAnyRole(session, r.roles) ? <r.page /> : <Forbidden />}
                  />
                ))}
                <Route path="*" element={<NotFound />} />
              </Routes>
            </Suspense>
          </ConsoleLayout>
        )}
      </AntApp>
    </ConfigProvider>
  );
}

export function App({ session }: { session: Session }) {
  return (
    <SessionProvider session={session}>
      <LanguageProvider>
        <QueryClientProvider client={queries}>
          <BrowserRouter>
            <Routed session={session} />
          </BrowserRouter>
        </QueryClientProvider>
      </LanguageProvider>
    </SessionProvider>
  );
}
