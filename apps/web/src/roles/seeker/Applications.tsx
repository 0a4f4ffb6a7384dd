import { Button, Card, Descriptions, Flex, Popconfirm, Tag, Timeline, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../app/hooks';
import { formatDateTime } from '../../app/format';
import { useRegions } from '../../app/taxonomy';
import { PageTitle } from '../../components/Shell';
import { Async } from '../../components/States';
import { useToast } from '../../components/toast';
import type { ApplicationStatus } from '../../api/types';
import { client, unwrap } from '../../api/client';
import { Name } from '../../components/Name';
export type { Application } from '../../api/types';

export const STATUS_COLOR: Record<ApplicationStatus, string> = { applied: 'blue', viewed: 'cyan', interview: 'purple', offer: 'gold', hired: 'green', rejected: 'red', withdrawn: 'default' };

/** My applications: employer, pay, where each stands (every step with its time and note) and a link to the job. */
export default function ApplicationsPage() {
  const { t } = useTranslation();
  const toast = useToast();
  const state = useApi('/api/applications', { query: { limit: 50 } });
  const { regionName } = useRegions();

  const act = (promise: Promise<unknown>, done: string) => promise.then(() => (toast.success(done), state.reload()), toast.error);

  return (
    <>
      <PageTitle>{t('applications.title')}</PageTitle>
      <Async state={state} empty={t('applications.empty')}>
        {(page) => (
          <Flex vertical gap={12}>
            {page.items.map((a) => (
              <Card
                key={a.id}
                size="small"
                title={a.shortageOpen ? <Link to={`/seeker/jobs/${a.shortageId}`} className="job-title"><Name>{a.shortageTitle}</Name></Link> : <Name className="job-title">{a.shortageTitle}</Name>}
                extra={<Tag color={STATUS_COLOR[a.status]}>{t(`enums.application.${a.status}`)}</Tag>}
              >
                <Descriptions
                  size="small"
                  column={{ xs: 1, sm: 2 }}
                  items={[
                    { key: 'employer', label: t('myApplications.employer'), children: <><Name>{a.employerName}</Name> · <Name>{regionName(a.regionCode)}</Name></> },
                    { key: 'wage', label: t('myApplications.wage'), children: t(`jobPage.wageOf.${a.payBasis}`, { wage: a.wageMin === a.wageMax ? a.wageMin.toLocaleString() : `${a.wageMin.toLocaleString()}–${a.wageMax.toLocaleString()}` }) },
                  ]}
                />
                <Typography.Text strong>{t('myApplications.history')}</Typography.Text>
                <Timeline
                  style={{ marginTop: 8 }}
                  items={a.history.map((h) => ({
                    content: (
                      <span>
                        {t(`enums.application.${h.status}`)} · {formatDateTime(h.at)}
                        {h.note ? <> · <Name>{h.note}</Name></> : ''}
                      </span>
                    ),
                  }))}
                />
                <Flex gap={8} wrap align="center">
                  {a.shortageOpen ? <Link to={`/seeker/jobs/${a.shortageId}`}>{t('myApplications.viewJob')}</Link> : <Typography.Text type="secondary">{t('myApplications.jobClosed')}</Typography.Text>}
                  {!a.contactShared && !['withdrawn', 'rejected', 'hired'].includes(a.status) && (
                    <Button onClick={() => act(unwrap(client.POST('/api/applications/{id}/share-contact', { params: { path: { id: a.id } } })), t('applications.shared'))}>{t('applications.shareContact')}</Button>
                  )}
                  {a.contactShared && <Typography.Text type="secondary">{t('applications.contactShared')}</Typography.Text>}
                  {['applied', 'viewed', 'interview'].includes(a.status) && (
                    <Popconfirm
                      title={t('applications.withdrawConfirm')}
                      okText={t('common.confirm')}
                      cancelText={t('common.cancel')}
                      onConfirm={() => act(unwrap(client.POST('/api/applications/{id}/status', { params: { path: { id: a.id } }, body: { status: 'withdrawn' } })), t('applications.withdrawn'))}
                    >
                      <Button danger>{t('applications.withdraw')}</Button>
                    </Popconfirm>
                  )}
                </Flex>
              </Card>
            ))}
          </Flex>
        )}
      </Async>
    </>
  );
}
