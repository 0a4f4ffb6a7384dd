import { useState } from 'react';
import { Alert, Button, Card, Flex, Result, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { ApiError } from '../app/api';
import { HOME_BY_ROLE, useAuth } from '../app/auth';
import { LanguageSwitch } from '../components/Shell';
import { client, unwrap } from '../api/client';

/** Answering an invitation from its link (SMS or inbox): no sign-in; the signed token carries no personal data. */
export default function InvitationPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const { principal } = useAuth();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [result, setResult] = useState<{ kind: 'seeker' | 'employer'; status: string; ticket: string | null } | null>(null);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const answer = async (choice: 'accept' | 'decline') => {
    setBusy(true);
    setError(undefined);
    try {
      setResult(await unwrap(client.POST('/api/events/{id}/invitations/respond', { params: { path: { id: id! } }, body: { token, answer: choice } })));
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
          <Result
            status={result.status === 'declined' ? 'info' : 'success'}
            title={t(result.status === 'declined' ? 'invitation.declined' : result.kind === 'employer' ? 'invitation.confirmed' : 'invitation.accepted')}
            subTitle={result.ticket ? t(principal?.role === 'seeker' ? 'invitation.ticketHintSignedIn' : 'invitation.ticketHint') : t('invitation.answered')}
            extra={
              principal?.role === 'seeker' && result.ticket ? (
                <Link to={`/seeker/events/${id}`}>{t('invitation.showTicket')}</Link>
              ) : principal ? (
                <Link to={HOME_BY_ROLE[principal.role]}>{t('invitation.home')}</Link>
              ) : (
                <Link to="/login">{t('login.submit')}</Link>
              )
            }
          />
        ) : (
          <>
            <Typography.Paragraph style={{ marginTop: 16 }}>{t(token.startsWith('v1.e.') ? 'invitation.introEmployer' : 'invitation.intro')}</Typography.Paragraph>
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
