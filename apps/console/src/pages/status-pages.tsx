import { Button, Result } from 'antd';
import { useEffect } from 'react';
import { Link } from 'react-router-dom';
import { signOut } from '../auth/keycloak';
import { useLanguage } from '../i18n/language';

export function usePageTitle(title: string) {
  const { t } = useLanguage();
  useEffect(() => {
    document.title = `${title} · ${t.appTitle}`;
  }, [title, t.appTitle]);
}

export function Forbidden() {
  const { t } = useLanguage();
  usePageTitle(t.forbidden.title);
  return (
    <Result
      status="403"
      title={<h1 style={{ fontSize: 24 }}>{t.forbidden.title}</h1>}
      subTitle={t.forbidden.text}
      extra={
        <Link to="/">
          <Button type="primary">{t.forbidden.home}</Button>
        </Link>
      }
    />
  );
}

export function NotFound() {
  const { t } = useLanguage();
  usePageTitle(t.notFound.title);
  return <Result status="404" title={<h1 style={{ fontSize: 24 }}>{t.notFound.title}</h1>} />;
}

export function NoRole() {
  const { t } = useLanguage();
  usePageTitle(t.noRole.title);
  return (
    <main>
      <Result
        status="warning"
        title={<h1 style={{ fontSize: 24 }}>{t.noRole.title}</h1>}
        subTitle={t.noRole.text}
        extra={
          <Button type="primary" onClick={signOut}>
            {t.signOut}
          </Button>
        }
      />
    </main>
  );
}
