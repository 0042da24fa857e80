import {
  AppstoreOutlined,
  AuditOutlined,
  FileSearchOutlined,
  HomeOutlined,
  LogoutOutlined,
  TranslationOutlined,
} from '@ant-design/icons';
import { ProLayout, type MenuDataItem } from '@ant-design/pro-layout';
import { Button, Input, Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { signOut } from '../auth/keycloak';
import { hasAnyRole, useSession } from '../auth/session';
import { useLanguage } from '../i18n/language';
import { ROUTES } from '../routes';

const GROUP_ICONS = { planning: <AppstoreOutlined />, admin: <AuditOutlined /> };

/** The shell: a menu of what the signed-in roles may open, the user and their scope, language, sign-out. */
export function ConsoleLayout({ children }: { children: ReactNode }) {
  const session = useSession();
  const { t, language, setLanguage } = useLanguage();
  const location = useLocation();
  const navigate = useNavigate();

  const visible = ROUTES.filter((r) => r.menu && hasAnyRole(session, r.roles));
  const item = (r: (typeof visible)[number]): MenuDataItem => ({
    path: r.path,
    name: t.menu[r.menu!],
    icon: r.path === '/' ? <HomeOutlined /> : r.path === '/batches' ? <FileSearchOutlined /> : undefined,
  });
  const menu: MenuDataItem[] = [
    ...visible.filter((r) => !r.group).map(item),
    ...(['planning', 'admin'] as const)
      .map((group) => ({ group, routes: visible.filter((r) => r.group === group) }))
      .filter((g) => g.routes.length > 0)
      .map((g) => ({
        path: `/${g.group}`,
        name: t.menu[g.group],
        icon: GROUP_ICONS[g.group],
        children: g.routes.map(item),
      })),
  ];
  const scope = session.jurisdiction ?? session.labId ?? session.platformId;

  return (
    <ProLayout
      title={t.appTitle}
      logo={false}
      layout="mix"
      fixSiderbar
      location={{ pathname: location.pathname }}
      route={{ path: '/', routes: menu }}
      menuItemRender={(menuItem, dom) => (menuItem.path ? <Link to={menuItem.path}>{dom}</Link> : dom)}
      token={{
        header: { colorBgHeader: '#0b3d91', colorHeaderTitle: '#fff', colorTextRightActionsItem: '#fff' },
      }}
      actionsRender={() => [
        <Input.Search
          key="search"
          aria-label={t.searchBatch}
          placeholder={t.searchBatchPlaceholder}
          allowClear
          style={{ width: 220 }}
          onSearch={(value) => {
            const text = value.trim();
            if (!text) return;
            // Planning finds batches by seller or listing; purchasing by order number (for its readers).
            const planningReader = hasAnyRole(session, [
              'planner',
              'approver',
              'auditor',
              'admin',
              'purchasing-admin',
            ]);
            navigate(
              /^[A-Z]{2,8}\d{4}-\d{6}$/.test(text) || !planningReader
                ? `/batches/${encodeURIComponent(text)}`
                : `/batches?q=${encodeURIComponent(text)}`,
            );
          }}
        />,
        <Button
          key="language"
          type="text"
          icon={<TranslationOutlined />}
          style={{ color: '#fff' }}
          aria-label={`${t.language}: ${language === 'en' ? '中文' : 'English'}`}
          onClick={() => setLanguage(language === 'en' ? 'zh-CN' : 'en')}
        >
          {language === 'en' ? '中文' : 'EN'}
        </Button>,
      ]}
      avatarProps={{
        title: (
          <Space size={4} data-testid="current-user">
            <Typography.Text style={{ color: '#fff' }}>{session.displayName}</Typography.Text>
            {session.roles.map((r) => (
              <Tag key={r} color="blue">
                {t.roles[r]}
              </Tag>
            ))}
            {scope ? <Tag>{scope}</Tag> : null}
          </Space>
        ),
        size: 'small',
        render: (_props, dom) => (
          <Space>
            {dom}
            <Button type="text" icon={<LogoutOutlined />} style={{ color: '#fff' }} onClick={signOut}>
              {t.signOut}
            </Button>
          </Space>
        ),
      }}
    >
      <main>{children}</main>
    </ProLayout>
  );
}
