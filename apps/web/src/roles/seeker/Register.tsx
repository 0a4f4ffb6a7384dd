import { useState } from 'react';
import { Alert, Button, Card, Checkbox, Col, Flex, Form, Input, Modal, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { ApiError } from '../../app/api';
import { client, unwrap } from '../../api/client';
import type { SeekerRegistration } from '../../api/types';
import { useAuth } from '../../app/auth';
import { LanguageSwitch } from '../../components/Shell';
import { TermsText } from '../../components/Consent';
import { useApi } from '../../app/hooks';
import { compact, ProfileFields } from './profileFields';

/** Self-registration of a job seeker: an account and a profile, then straight to the job search. */
export default function RegisterPage() {
  const { t } = useTranslation();
  const { login } = useAuth();
  const navigate = useNavigate();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [showTerms, setShowTerms] = useState(false);
  const terms = useApi('/api/auth/terms');

  const submit = async (values: Record<string, unknown>) => {
    setBusy(true);
    setError(undefined);
    try {
      const { confirm: _confirm, acceptTerms: _accepted, ...body } = values;
      // The form's rules make its filled fields a valid registration (the API checks them again). The terms version
      // is the one shown on this form.
      const registration = {
        ...compact(body), residentId: String(values.residentId).trim().toUpperCase(), termsVersion: terms.data?.version, acceptTerms: true,
      } as SeekerRegistration;
      await unwrap(client.POST('/api/seekers/register', { body: registration }));
      await login(String(values.username), String(values.password));
      navigate('/seeker/profile', { replace: true });
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="auth-page">
      <Card className="auth-card" style={{ maxWidth: 720 }}>
        <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
          <Typography.Title level={1} className="page-title">
            {t('register.title')}
          </Typography.Title>
          <LanguageSwitch />
        </Flex>
        <Typography.Paragraph type="secondary">{t('register.intro')}</Typography.Paragraph>
        {error && <Alert type="error" role="alert" showIcon title={error} style={{ marginBottom: 16 }} />}
        <Form layout="vertical" onFinish={submit} initialValues={{ travelRadiusKm: 10, consentSensitiveMatching: false }}>
          <Row gutter={12}>
            <Col xs={24} md={12}>
              <Form.Item name="username" label={t('login.username')} rules={[{ required: true, pattern: /^[a-zA-Z0-9_-]{3,64}$/, message: t('register.usernameRule') }]}>
                <Input autoComplete="username" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="password" label={t('login.password')} rules={[{ required: true, min: 10, message: t('register.passwordRule') }]}>
                <Input.Password autoComplete="new-password" />
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Form.Item name="residentId" label={t('fields.residentId')} rules={[{ required: true, pattern: /^\d{17}[\dXx]$/, message: t('register.residentIdRule') }]} extra={t('register.residentIdHint')}>
                <Input maxLength={18} autoComplete="off" />
              </Form.Item>
            </Col>
          </Row>
          <ProfileFields withSkills={false} />
          <Form.Item name="consentSensitiveMatching" valuePropName="checked">
            <Checkbox>{t('profile.consent')}</Checkbox>
          </Form.Item>
          <Form.Item
            name="acceptTerms"
            valuePropName="checked"
            rules={[{ validator: (_, value) => (value ? Promise.resolve() : Promise.reject(new Error(t('account.consent.required')))) }]}
          >
            <Checkbox id="accept-terms">
              {t('account.consent.registerLabel')}{' '}
              <Button type="link" size="small" style={{ padding: 0, height: 'auto' }} onClick={(e) => (e.preventDefault(), setShowTerms(true))}>
                {t('account.consent.privacy')}
              </Button>{' '}
              {t('account.consent.and')}{' '}
              <Button type="link" size="small" style={{ padding: 0, height: 'auto' }} onClick={(e) => (e.preventDefault(), setShowTerms(true))}>
                {t('account.consent.terms')}
              </Button>
            </Checkbox>
          </Form.Item>
          <Modal open={showTerms} title={t('account.consent.title')} onCancel={() => setShowTerms(false)} footer={null} width={640}>
            <TermsText />
          </Modal>
          <Button type="primary" htmlType="submit" block size="large" loading={busy}>
            {t('register.submit')}
          </Button>
        </Form>
        <Typography.Paragraph style={{ marginTop: 16 }}>
          <Link to="/login">{t('register.haveAccount')}</Link>
        </Typography.Paragraph>
      </Card>
    </main>
  );
}
