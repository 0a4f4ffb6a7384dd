import { useState } from 'react';
import { Alert, Button, Card, Flex, Form, Input, Segmented, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate } from 'react-router-dom';
import { ApiError } from '../app/api';
import { HOME_BY_ROLE, useAuth } from '../app/auth';
import { client, unwrap } from '../api/client';
import type { Principal } from '../api/types';
import { SendCodeButton } from '../components/SendCodeButton';
import { LanguageSwitch } from '../components/Shell';

type Mode = 'password' | 'code' | 'reset';
const PHONE = /^1[3-9]\d{9}$/;

/** Sign-in by username or phone with a password, or by phone with an SMS code; a forgotten password is reset by SMS code. */
export function LoginPage() {
  const { t } = useTranslation();
  const { login, loginWithCode, principal } = useAuth();
  const navigate = useNavigate();
  const [mode, setMode] = useState<Mode>('password');
  const [error, setError] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [codeForm] = Form.useForm();
  const [resetForm] = Form.useForm();
  if (principal) return <Navigate to={HOME_BY_ROLE[principal.role]} replace />;

  const run = async (action: () => Promise<Principal | void>) => {
    setBusy(true);
    setError(undefined);
    setNotice(undefined);
    try {
      const who = await action();
      if (who) navigate(HOME_BY_ROLE[who.role], { replace: true });
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  const switchTo = (next: Mode) => {
    setMode(next);
    setError(undefined);
    if (next !== 'password') setNotice(undefined);
  };

  const phoneItem = (
    <Form.Item name="phone" label={t('account.signIn.phone')} rules={[{ required: true, pattern: PHONE, message: t('account.signIn.phoneRequired') }]}>
      <Input autoComplete="tel" inputMode="numeric" maxLength={11} size="large" />
    </Form.Item>
  );
  const codeItem = (form: typeof codeForm, purpose: 'sign_in' | 'password_reset', id: string) => (
    <Form.Item label={t('account.signIn.code')} required>
      <Space.Compact style={{ width: '100%' }}>
        <Form.Item name="code" noStyle rules={[{ required: true, pattern: /^\d{6}$/, message: t('account.signIn.codeRequired') }]}>
          <Input autoComplete="one-time-code" inputMode="numeric" maxLength={6} size="large" aria-label={t('account.signIn.code')} />
        </Form.Item>
        <SendCodeButton form={form} purpose={purpose} id={id} />
      </Space.Compact>
    </Form.Item>
  );

  return (
    <main className="auth-page">
      <Card className="auth-card">
        <Flex justify="space-between" align="center" style={{ marginBottom: 16 }}>
          <Typography.Title level={1} className="page-title">
            {mode === 'reset' ? t('account.reset.title') : t('app.title')}
          </Typography.Title>
          <LanguageSwitch />
        </Flex>
        {mode === 'reset' ? (
          <Typography.Paragraph type="secondary">{t('account.reset.intro')}</Typography.Paragraph>
        ) : (
          <>
            <Typography.Paragraph type="secondary">{t('login.intro')}</Typography.Paragraph>
            <Segmented
              block
              aria-label={t('login.submit')}
              value={mode}
              onChange={(value) => switchTo(value as Mode)}
              options={[
                { label: t('account.signIn.byPassword'), value: 'password' },
                { label: t('account.signIn.byCode'), value: 'code' },
              ]}
              style={{ marginBottom: 16 }}
            />
          </>
        )}
        {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 16 }} />}
        {notice && <Alert type="success" showIcon role="status" title={notice} style={{ marginBottom: 16 }} />}
        {mode === 'password' && (
          <Form layout="vertical" onFinish={(v: { username: string; password: string }) => run(() => login(v.username.trim(), v.password))} requiredMark={false}>
            <Form.Item name="username" label={t('account.signIn.account')} rules={[{ required: true, message: t('account.signIn.accountRequired') }]}>
              <Input autoComplete="username" size="large" />
            </Form.Item>
            <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('login.passwordRequired') }]}>
              <Input.Password autoComplete="current-password" size="large" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block size="large" loading={busy}>
              {t('login.submit')}
            </Button>
          </Form>
        )}
        {mode === 'code' && (
          <Form form={codeForm} layout="vertical" requiredMark={false} onFinish={(v: { phone: string; code: string }) => run(() => loginWithCode(v.phone.trim(), v.code.trim()))}>
            {phoneItem}
            {codeItem(codeForm, 'sign_in', 'send-sign-in-code')}
            <Button type="primary" htmlType="submit" block size="large" loading={busy}>
              {t('login.submit')}
            </Button>
          </Form>
        )}
        {mode === 'reset' && (
          <Form
            form={resetForm}
            layout="vertical"
            requiredMark={false}
            onFinish={(v: { phone: string; code: string; newPassword: string }) =>
              run(async () => {
                await unwrap(client.POST('/api/auth/password/reset', { body: { phone: v.phone.trim(), code: v.code.trim(), newPassword: v.newPassword } }));
                resetForm.resetFields();
                setMode('password');
                setNotice(t('account.reset.done'));
              })
            }
          >
            {phoneItem}
            {codeItem(resetForm, 'password_reset', 'send-reset-code')}
            <Form.Item name="newPassword" label={t('account.reset.newPassword')} rules={[{ required: true, min: 10, message: t('register.passwordRule') }]}>
              <Input.Password autoComplete="new-password" size="large" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block size="large" loading={busy}>
              {t('account.reset.submit')}
            </Button>
          </Form>
        )}
        <Flex wrap justify="space-between" gap={8} style={{ marginTop: 16 }}>
          {mode === 'reset' ? (
            <Button type="link" style={{ padding: 0 }} onClick={() => switchTo('password')}>
              {t('account.signIn.backToSignIn')}
            </Button>
          ) : (
            <Button type="link" style={{ padding: 0 }} onClick={() => switchTo('reset')}>
              {t('account.signIn.forgot')}
            </Button>
          )}
          <Typography.Text>
            {t('login.noAccount')} <Link to="/register">{t('login.register')}</Link>
          </Typography.Text>
        </Flex>
        <Typography.Paragraph type="secondary" style={{ fontSize: '0.9em', marginTop: 8 }}>
          {t('login.demoHint')}
        </Typography.Paragraph>
      </Card>
    </main>
  );
}
