import { useState } from 'react';
import { Alert, Button, Card, Collapse, Descriptions, Flex, Form, Input, Modal, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { client, unwrap } from '../api/client';
import { HOME_BY_ROLE, useAuth } from '../app/auth';
import { ConsentGate, TermsText } from '../components/Consent';
import { LanguageSwitch } from '../components/Shell';
import { useToast } from '../components/toast';
import { Name } from '../components/Name';

/**
 * Account and security, for every role: the account's names, password change (the current password is required;
 * other sessions end), the privacy policy and terms; for a seeker, deleting her account with what the README says
 * stays (the audit log) and what goes.
 */
export default function AccountPage() {
  const { t } = useTranslation();
  const { principal, username, adopt, logout } = useAuth();
  const navigate = useNavigate();
  const toast = useToast();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [confirmText, setConfirmText] = useState('');
  const [deleting, setDeleting] = useState(false);
  if (!principal) return null;

  const changePassword = async (values: { currentPassword: string; newPassword: string }) => {
    setBusy(true);
    try {
      adopt(await unwrap(client.POST('/api/auth/password', { body: { currentPassword: values.currentPassword, newPassword: values.newPassword } })));
      form.resetFields();
      toast.success(t('account.page.passwordChanged'));
    } catch (e) {
      toast.error(e);
    } finally {
      setBusy(false);
    }
  };

  const deleteAccount = async () => {
    setDeleting(true);
    try {
      await unwrap(client.DELETE('/api/seekers/me'));
      setConfirming(false);
      logout();
      toast.success(t('account.page.deleted'));
      navigate('/login', { replace: true });
    } catch (e) {
      toast.error(e);
    } finally {
      setDeleting(false);
    }
  };

  return (
    <main className="auth-page">
      <ConsentGate />
      <Card className="auth-card" style={{ maxWidth: 720 }}>
        <Flex justify="space-between" align="center" gap={8} wrap style={{ marginBottom: 8 }}>
          <Link to={HOME_BY_ROLE[principal.role] === '/seeker/jobs' ? '/seeker/profile' : HOME_BY_ROLE[principal.role]}>
            <ArrowLeftOutlined aria-hidden /> {t('account.page.back')}
          </Link>
          <LanguageSwitch />
        </Flex>
        <Typography.Title level={1} className="page-title">
          {t('account.page.title')}
        </Typography.Title>
        <Descriptions
          size="small"
          column={1}
          items={[
            { key: 'name', label: t('account.page.displayName'), children: <Name>{principal.displayName}</Name> },
            { key: 'username', label: t('account.page.username'), children: username ?? '—' },
          ]}
        />

        <Typography.Title level={2} style={{ fontSize: '1.15em', marginTop: 16 }}>
          {t('account.page.changePassword')}
        </Typography.Title>
        <Form form={form} layout="vertical" onFinish={changePassword} requiredMark={false} style={{ maxWidth: 420 }}>
          <Form.Item name="currentPassword" label={t('account.page.currentPassword')} rules={[{ required: true, message: t('login.passwordRequired') }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Form.Item name="newPassword" label={t('account.page.newPassword')} rules={[{ required: true, min: 10, message: t('register.passwordRule') }]}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            name="confirmPassword"
            label={t('account.page.confirmPassword')}
            dependencies={['newPassword']}
            rules={[
              { required: true, message: t('login.passwordRequired') },
              ({ getFieldValue }) => ({
                validator: (_, value) => (!value || value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('account.page.mismatch')))),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy} id="change-password">
            {t('account.page.changePassword')}
          </Button>
        </Form>

        <Collapse
          style={{ marginTop: 24 }}
          items={[{ key: 'terms', label: t('account.page.viewTerms'), children: <TermsText /> }]}
        />

        {principal.role === 'seeker' && (
          <>
            <Typography.Title level={2} style={{ fontSize: '1.15em', marginTop: 24 }}>
              {t('account.page.deleteTitle')}
            </Typography.Title>
            <Alert type="warning" showIcon title={t('account.page.deleteIntro')} style={{ marginBottom: 12 }} />
            <Button danger id="delete-account" onClick={() => (setConfirmText(''), setConfirming(true))}>
              {t('account.page.deleteButton')}
            </Button>
            <Modal
              open={confirming}
              title={t('account.page.deleteConfirmTitle')}
              onCancel={() => setConfirming(false)}
              okText={t('account.page.deleteButton')}
              okButtonProps={{ danger: true, disabled: confirmText.trim() !== t('account.page.deleteWord'), loading: deleting, id: 'delete-account-confirm' }}
              cancelText={t('common.cancel')}
              onOk={deleteAccount}
            >
              <Typography.Paragraph>{t('account.page.deleteIntro')}</Typography.Paragraph>
              <label htmlFor="delete-confirm-text">{t('account.page.deleteConfirmHint')}</label>
              <Input id="delete-confirm-text" value={confirmText} onChange={(e) => setConfirmText(e.target.value)} autoComplete="off" style={{ marginTop: 4 }} />
            </Modal>
          </>
        )}
      </Card>
    </main>
  );
}
