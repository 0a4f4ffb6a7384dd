import { useEffect, useState } from 'react';
import { Alert, Button, Card, Descriptions, Flex, Form, Switch, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { client, get, saveFile, unwrap } from '../../api/client';
import { useApi } from '../../app/hooks';
import { rememberNames } from '../../app/taxonomy';
import { PageTitle } from '../../components/Shell';
import { Async } from '../../components/States';
import { useToast } from '../../components/toast';
import { compact, ProfileFields } from './profileFields';
import type { SeekerProfile as Me } from '../../api/types';

/** My profile: what matching uses (skills, certificates, wishes), consent, and a copy of my data. */
export default function ProfilePage() {
  const { t } = useTranslation();
  const toast = useToast();
  const state = useApi('/api/seekers/me');
  const [form] = Form.useForm();
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (!state.data) return;
    // the response names the wanted occupations: the picker shows them by name at once
    rememberNames('occupations', state.data.desiredOccupations.map((code, i) => ({ code, name: state.data!.desiredOccupationNames[i] ?? code })));
    form.setFieldsValue(state.data);
  }, [state.data, form]);

  const save = async (values: Partial<Me>) => {
    setSaving(true);
    const { name, phone, regionCode, townshipCode, travelRadiusKm, desiredOccupations, workTypes, wageExpectation, skillLevel, skills, certificates } = values;
    const saved = await toast.attempt(
      () =>
        unwrap(
          client.PATCH('/api/seekers/me', {
            body: { ...compact({ name, phone, regionCode, townshipCode, travelRadiusKm, wageExpectation, skillLevel }), desiredOccupations: desiredOccupations ?? [], workTypes: workTypes ?? [], skills: skills ?? [], certificates: certificates ?? [] },
          }),
        ),
      t('profile.saved'),
    );
    if (saved) state.reload();
    setSaving(false);
  };

  const exportMine = async () => {
    try {
      const data = await get('/api/seekers/me/export', {});
      saveFile(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }), 'my-data.json');
    } catch (e) {
      toast.error(e);
    }
  };

  return (
    <>
      <PageTitle extra={<Button onClick={exportMine}>{t('profile.export')}</Button>}>{t('profile.title')}</PageTitle>
      <Async state={state}>
        {(me) => (
          <Flex vertical gap={16}>
            <Card size="small">
              <Descriptions
                size="small"
                column={{ xs: 1, sm: 2, md: 3 }}
                items={[
                  { key: 'id', label: t('fields.residentId'), children: me.residentId },
                  { key: 'birth', label: t('fields.birthDate'), children: me.birthDate },
                  { key: 'gender', label: t('fields.gender'), children: t(`enums.gender.${me.gender}`) },
                  {
                    key: 'groups',
                    label: t('fields.priorityGroups'),
                    children: me.priorityGroups?.length ? me.priorityGroups.map((g) => <Tag key={g.group}>{t(`enums.priorityGroup.${g.group}`)}</Tag>) : '—',
                  },
                ]}
              />
              <Flex align="center" gap={8} style={{ marginTop: 8 }}>
                <Switch
                  id="consent"
                  checked={me.consentSensitiveMatching}
                  onChange={(on) => unwrap(client.PUT('/api/seekers/me/consent', { body: { consentSensitiveMatching: on } })).then(() => (toast.success(t('profile.saved')), state.reload()), toast.error)}
                />
                <label htmlFor="consent">{t('profile.consent')}</label>
              </Flex>
              <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
                {t('profile.consentHint')}
              </Typography.Paragraph>
            </Card>
            <Card size="small" title={t('profile.edit')}>
              <Alert type="info" showIcon title={t('profile.matchingHint')} style={{ marginBottom: 16 }} />
              <Form form={form} layout="vertical" onFinish={save}>
                <ProfileFields withSkills />
                <Button type="primary" htmlType="submit" loading={saving}>
                  {t('common.save')}
                </Button>
              </Form>
            </Card>
          </Flex>
        )}
      </Async>
    </>
  );
}
