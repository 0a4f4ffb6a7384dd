import { useEffect, useState } from 'react';
import { Button, FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { client, unwrap } from '../api/client';
import { useToast } from './toast';

/**
 * Asks the API to send a one-time SMS code to the number in the form's `phone` field, then counts down until another
 * may be asked. The answer is the same whether or not the number has an account, and so is the message shown.
 */
export function SendCodeButton({ form, purpose, id }: { form: FormInstance; purpose: 'sign_in' | 'password_reset'; id: string }) {
  const { t } = useTranslation();
  const toast = useToast();
  const [wait, setWait] = useState(0);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (wait <= 0) return;
    const timer = setTimeout(() => setWait((s) => s - 1), 1000);
    return () => clearTimeout(timer);
  }, [wait]);

  const send = async () => {
    let phone: string;
    try {
      phone = (await form.validateFields(['phone'])).phone as string;
    } catch {
      return;
    }
    setBusy(true);
    try {
      const answer = await unwrap(client.POST('/api/auth/codes', { body: { phone: phone.trim(), purpose } }));
      toast.success(t('account.signIn.codeSent', { minutes: Math.round(answer.expiresInSeconds / 60) }));
      setWait(answer.resendAfterSeconds);
    } catch (e) {
      toast.error(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Button id={id} size="large" onClick={send} loading={busy} disabled={wait > 0}>
      {wait > 0 ? t('account.signIn.resendIn', { seconds: wait }) : t('account.signIn.sendCode')}
    </Button>
  );
}
