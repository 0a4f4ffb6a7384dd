import { useState } from 'react';
import { Alert, Button, Card, Flex, Result, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { api, ApiError } from '../app/api';
import { LanguageSwitch } from '../components/Shell';

/** Answering an invitation from its link (SMS or inbox): no sign-in; the signed token carries no personal data. */
export default function InvitationPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [result, setResult] = useState<{ status: string; ticket: string | null } | null>(null);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const answer = async (choice: 'accept' | 'decline') => {
    setBusy(true);
    setError(undefined);
    try {
      setResult(await api(`/api/events/${id}/invitations/respond`, { body: { token, answer: choice } }));
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="auth-page">
      <Card className="auth-card">
        <Flex justify="space-between" align="center">
          <Typography.Title level={1} className="page-title">
            {t('invitation.title')}
          </Typography.Title>
          <LanguageSwitch />
        </Flex>
        {error && <Alert type="error" role="alert" showIcon title={error} style={{ margin: '16px 0' }} />}
        {result ? (
          <Result status="success" title={t('invitation.answered')} subTitle={result.ticket ? t('invitation.ticketHint') : undefined} extra={<Link to="/login">{t('login.submit')}</Link>} />
        ) : (
          <>
            <Typography.Paragraph style={{ marginTop: 16 }}>{t('invitation.intro')}</Typography.Paragraph>
            <Flex gap={12}>
              <Button type="primary" loading={busy} disabled={!token} onClick={() => answer('accept')}>
                {t('invitation.accept')}
              </Button>
              <Button loading={busy} disabled={!token} onClick={() => answer('decline')}>
                {t('invitation.decline')}
              </Button>
            </Flex>
          </>
        )}
      </Card>
    </main>
  );
}
