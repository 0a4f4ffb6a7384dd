import { useState } from 'react';
import { Button, Flex, Modal, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { client, unwrap } from '../api/client';
import { useAuth } from '../app/auth';
import { useApi } from '../app/hooks';
import { usePrefs } from '../app/prefs';
import { useToast } from './toast';

/** The privacy policy and the terms of use, in the console's language. */
export function TermsText() {
  const { t } = useTranslation();
  const { language } = usePrefs();
  const terms = useApi('/api/auth/terms');
  if (!terms.data) return null;
  const english = language === 'en';
  const text = (body: string) => (
    <div className="terms-text" tabIndex={0} aria-label={t('account.consent.title')}>
      {body.split('\n').map((line, i) => (
        <Typography.Paragraph key={i} strong={i === 0}>
          {line}
        </Typography.Paragraph>
      ))}
    </div>
  );
  return (
    <Tabs
      size="small"
      items={[
        { key: 'privacy', label: t('account.consent.privacy'), children: text(english ? terms.data.privacyPolicyEn : terms.data.privacyPolicyZh) },
        { key: 'terms', label: t('account.consent.terms'), children: text(english ? terms.data.termsEn : terms.data.termsZh) },
      ]}
    />
  );
}

/**
 * Asks a signed-in seeker or employer to agree to the privacy policy and terms when the server says the text changed
 * since she last agreed (or she never did): nothing else can be used until she agrees or signs out (PIPL).
 */
export function ConsentGate() {
  const { t } = useTranslation();
  const { principal, updatePrincipal, logout } = useAuth();
  const navigate = useNavigate();
  const toast = useToast();
  const terms = useApi('/api/auth/terms', {}, { enabled: !!principal?.consentRequired });
  const [busy, setBusy] = useState(false);
  if (!principal?.consentRequired) return null;

  const agree = async () => {
    if (!terms.data) return;
    setBusy(true);
    try {
      updatePrincipal(await unwrap(client.POST('/api/auth/terms/consent', { body: { version: terms.data.version, accept: true } })));
    } catch (e) {
      toast.error(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open title={t('account.consent.title')} closable={false} mask={{ closable: false }} keyboard={false} footer={null} width={640}>
      <Typography.Paragraph>{t('account.consent.updated', { version: terms.data?.version ?? '' })}</Typography.Paragraph>
      <TermsText />
      <Flex wrap gap={8} justify="end" style={{ marginTop: 12 }}>
        <Button
          onClick={() => {
            logout();
            navigate('/login');
          }}
        >
          {t('account.consent.decline')}
        </Button>
        <Button type="primary" id="consent-agree" loading={busy} disabled={!terms.data} onClick={agree}>
          {t('account.consent.agree')}
        </Button>
      </Flex>
    </Modal>
  );
}
