import { ReactNode, Suspense } from 'react';
import { Badge, Button, ConfigProvider, Flex, Grid, Layout, Menu, Segmented, Skeleton, Space, Switch, Typography } from 'antd';
import { BellOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { useAuth } from '../app/auth';
import { useApi } from '../app/hooks';
import { Language } from '../app/i18n';
import { usePrefs } from '../app/prefs';
import { ConsentGate } from './Consent';
import { Name } from './Name';

export interface NavItem {
  path: string;
  label: string;
  /** The seeker's bottom tab bar on a phone: an icon and a short label. */
  icon?: ReactNode;
  short?: string;
}

/**
 * Phone-first controls for job seekers on a phone: 16 px text (18 px in large-text mode) and controls at least
 * 44 px high (touch targets, WCAG 2.5.5), everywhere below this provider.
 */
export function PhoneFirst({ children }: { children: ReactNode }) {
  const { largeText } = usePrefs();
  const phone = Grid.useBreakpoint().md === false;
  if (!phone) return <>{children}</>;
  return (
    <ConfigProvider theme={{ token: { fontSize: largeText ? 18 : 16, controlHeight: 44, controlHeightSM: 44 } }}>
      <div className="phone-first">{children}</div>
    </ConfigProvider>
  );
}

/** The seeker's main pages as a tab bar fixed at the bottom of a phone's screen, every tab within reach of a thumb. */
function TabBar({ items, selected }: { items: NavItem[]; selected?: string }) {
  const { t } = useTranslation();
  return (
    <nav className="tab-bar" aria-label={t('shell.tabs')}>
      {items.map((item) => (
        <Link key={item.path} to={item.path} className={`tab-bar-item${item.path === selected ? ' tab-bar-item-active' : ''}`} aria-current={item.path === selected ? 'page' : undefined}>
          <span aria-hidden className="tab-bar-icon">
            {item.icon}
          </span>
          <span className="tab-bar-label">{item.short ?? item.label}</span>
        </Link>
      ))}
    </nav>
  );
}

export function LanguageSwitch() {
  const { t } = useTranslation();
  const { language, setLanguage } = usePrefs();
  return (
    <Segmented
      size="small"
      aria-label={t('shell.language')}
      value={language}
      onChange={(value) => setLanguage(value as Language)}
      options={[
        // Each language named in itself.
        { label: <span lang="zh-CN">中文</span>, value: 'zh-CN' },
        { label: <span lang="en">EN</span>, value: 'en' },
      ]}
    />
  );
}

export function LargeTextSwitch() {
  const { t } = useTranslation();
  const { largeText, setLargeText } = usePrefs();
  return (
    <Space size={4}>
      <Switch size="small" id="large-text" checked={largeText} onChange={setLargeText} aria-label={t('shell.largeText')} />
      <label htmlFor="large-text" className="shell-label">
        {t('shell.largeText')}
      </label>
    </Space>
  );
}

/** The frame of every signed-in page: brand, the role's menu, inbox, language, large text (seekers), sign-out. */
export function Shell({ items, base, children }: { items: NavItem[]; base: string; children: ReactNode }) {
  const { t } = useTranslation();
  const { principal, username, logout } = useAuth();
  const location = useLocation();
  const navigate = useNavigate();
  const unread = useApi('/api/notifications', { query: { unread: true, limit: 1 } });
  const selected = [...items].sort((a, b) => b.path.length - a.path.length).find((item) => location.pathname === item.path || location.pathname.startsWith(`${item.path}/`));
  // A seeker on a phone gets the bottom tab bar instead of the top menu.
  const screens = Grid.useBreakpoint();
  const tabs = principal?.role === 'seeker' && screens.md === false;

  return (
    <Layout className={tabs ? 'shell shell-tabs' : 'shell'}>
      <ConsentGate />
      <Layout.Header className="shell-header">
        <Flex wrap align="center" justify="space-between" gap={8} className="shell-top">
          <Link to={base} className="shell-brand">
            {t('app.title')}
            <span className="shell-role">{principal ? t(`roles.${principal.role}`) : ''}</span>
          </Link>
          <Flex wrap align="center" gap={12}>
            {principal?.role === 'seeker' && <LargeTextSwitch />}
            <LanguageSwitch />
            <Link to={`${base}/inbox`}>
              <Badge count={unread.data?.total ?? 0} size="small" overflowCount={99}>
                <BellOutlined style={{ fontSize: 18 }} aria-hidden />
              </Badge>
              <span className="sr-only">{t('shell.inbox')}</span>
            </Link>
            <Link to="/account" className="shell-user" title={username ?? undefined}>
              <UserOutlined aria-hidden /> <Name>{principal?.displayName || username}</Name>
              <span className="sr-only"> · {t('account.page.title')}</span>
            </Link>
            <Button
              size="small"
              icon={<LogoutOutlined />}
              onClick={() => {
                logout();
                navigate('/login');
              }}
            >
              {t('shell.logout')}
            </Button>
          </Flex>
        </Flex>
        {!tabs && (
          <nav aria-label={t('shell.menu')}>
            <Menu
              mode="horizontal"
              // No "…" overflow menu (it hides focusable links with aria-hidden): on a phone the menu scrolls sideways.
              disabledOverflow
              selectedKeys={selected ? [selected.path] : []}
              items={items.map((item) => ({ key: item.path, label: <Link to={item.path}>{item.label}</Link> }))}
              className="shell-menu"
            />
          </nav>
        )}
      </Layout.Header>
      {/* The location this content was rendered for: during a navigation the address bar is ahead of it (tests wait on it). */}
      <Layout.Content className="shell-content" id="main" data-path={location.pathname}>
        <Suspense fallback={<Skeleton active />}>{principal?.role === 'seeker' ? <PhoneFirst>{children}</PhoneFirst> : children}</Suspense>
      </Layout.Content>
      <Layout.Footer className="shell-footer">{t('app.footer')}</Layout.Footer>
      {tabs && <TabBar items={items} selected={selected?.path} />}
    </Layout>
  );
}

export function PageTitle({ children, extra }: { children: ReactNode; extra?: ReactNode }) {
  return (
    <Flex wrap align="center" justify="space-between" gap={8} style={{ marginBottom: 16 }}>
      <Typography.Title level={1} className="page-title">
        {children}
      </Typography.Title>
      {extra}
    </Flex>
  );
}
