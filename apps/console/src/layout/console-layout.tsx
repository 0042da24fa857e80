import {
  AppstoreOutlined,
  AuditOutlined,
  BankOutlined,
  FileSearchOutlined,
  HomeOutlined,
  InboxOutlined,
  LogoutOutlined,
  NotificationOutlined,
  ShoppingOutlined,
  TranslationOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { ProLayout, type MenuDataItem } from '@ant-design/pro-layout';
import { Button, Grid, Input, Popover, Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { signOut } from '../auth/keycloak';
import { hasAnyRole, useSession } from '../auth/session';
import { useLanguage } from '../i18n/language';
import { BATCH_NUMBER } from '../pages/batches/stages';
import { MENU_GROUPS, ROUTES, type MenuGroup } from '../routes';
import { areaLabel } from '../shared/areas';
import './console-layout.css';

const GROUP_ICONS: Record<MenuGroup, ReactNode> = {
  purchasing: <ShoppingOutlined />,
  intake: <InboxOutlined />,
  enforcement: <BankOutlined />,
  disclosure: <NotificationOutlined />,
  planning: <AppstoreOutlined />,
  admin: <AuditOutlined />,
};

/** The shell: a menu of what the signed-in roles may open, the user and their scope, language, sign-out. */
export function ConsoleLayout({ children }: { children: ReactNode }) {
  const session = useSession();
  const { t, language, setLanguage } = useLanguage();
  const location = useLocation();
  const navigate = useNavigate();
  // Phones: the header keeps the search, the language and a user button whose panel signs out.
  const wide = Grid.useBreakpoint().md ?? true;

  const visible = ROUTES.filter((r) => r.menu && hasAnyRole(session, r.roles));
  const item = (r: (typeof visible)[number]): MenuDataItem => ({
    path: r.path,
    name: t.menu[r.menu!],
    icon: r.path === '/' ? <HomeOutlined /> : r.path === '/batches' ? <FileSearchOutlined /> : undefined,
  });
  const menu: MenuDataItem[] = [
    ...visible.filter((r) => !r.group).map(item),
    ...MENU_GROUPS.map((group) => ({ group, routes: visible.filter((r) => r.group === group) }))
      .filter((g) => g.routes.length > 0)
      .map((g) => ({
        path: `/${g.group}`,
        name: t.menu[g.group],
        icon: GROUP_ICONS[g.group],
        children: g.routes.map(item),
      })),
  ];
  const scope = session.jurisdiction
    ? areaLabel(session.jurisdiction, language)
    : (session.labId ?? session.platformId);
  const who = (
    <Space size={4} data-testid="current-user">
      <Typography.Text style={{ color: '#fff' }}>{session.displayName}</Typography.Text>
      {session.roles.map((r) => (
        <Tag key={r} color="blue">
          {t.roles[r]}
        </Tag>
      ))}
      {scope ? <Tag>{scope}</Tag> : null}
    </Space>
  );

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
        // A phone keeps its width for the content: 12 px a side, where 40 left a 390 px screen's
        // cards and tables about 250 px.
        pageContainer: { paddingInlinePageContainerContent: wide ? 40 : 12 },
      }}
      actionsRender={() => [
        <Input.Search
          key="search"
          aria-label={t.searchBatch}
          placeholder={t.searchBatchPlaceholder}
          allowClear
          style={{ width: wide ? 220 : 150 }}
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
            void navigate(
              BATCH_NUMBER.test(text) || !planningReader
                ? `/batches/${encodeURIComponent(text)}`
                : `/batches?q=${encodeURIComponent(text)}`,
            );
          }}
        />,
        <Button
          key="language"
          type="text"
          icon={wide ? <TranslationOutlined /> : undefined}
          style={{ color: '#fff', paddingInline: wide ? undefined : 4 }}
          aria-label={`${t.language}: ${language === 'en' ? '中文' : 'English'}`}
          lang={language === 'en' ? 'zh-CN' : 'en'}
          onClick={() => setLanguage(language === 'en' ? 'zh-CN' : 'en')}
        >
          {language === 'en' ? '中文' : 'EN'}
        </Button>,
      ]}
      avatarProps={{
        title: wide ? who : undefined,
        size: 'small',
        render: (_props, dom) =>
          wide ? (
            <Space>
              {dom}
              <Button type="text" icon={<LogoutOutlined />} style={{ color: '#fff' }} onClick={signOut}>
                {t.signOut}
              </Button>
            </Space>
          ) : (
            <Popover
              trigger="click"
              placement="bottomRight"
              content={
                <Space direction="vertical" data-testid="current-user">
                  <Typography.Text strong>{session.displayName}</Typography.Text>
                  <Space size={4} wrap>
                    {session.roles.map((r) => (
                      <Tag key={r} color="blue">
                        {t.roles[r]}
                      </Tag>
                    ))}
                    {scope ? <Tag>{scope}</Tag> : null}
                  </Space>
                  <Button icon={<LogoutOutlined />} onClick={signOut} block>
                    {t.signOut}
                  </Button>
                </Space>
              }
            >
              <Button
                type="text"
                icon={<UserOutlined />}
                aria-label={`${t.account}: ${session.displayName}`}
                style={{ color: '#fff' }}
              />
            </Popover>
          ),
      }}
    >
      <main>{children}</main>
    </ProLayout>
  );
}
