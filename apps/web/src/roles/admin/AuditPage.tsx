import { useState } from 'react';
import { Card, Flex, Input, Select, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApi, usePaging } from '../../app/hooks';
import { formatDateTime } from '../../app/format';
import { PageTitle } from '../../components/Shell';
import { ErrorState } from '../../components/States';
import type { AuditLogEntry as AuditRow } from '../../api/types';

/** The append-only audit log: who did what, and every denied access. */
export default function AuditPage() {
  const { t } = useTranslation();
  const [result, setResult] = useState<AuditRow['result']>();
  const [userId, setUserId] = useState<string>();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const { page, firstPage, pagination } = usePaging(50);
  const state = useApi('/api/audit-log', {
    query: {
      result,
      userId,
      from: from ? `${from}T00:00:00+08:00` : undefined,
      to: to ? `${to}T23:59:59+08:00` : undefined,
      ...page,
    },
  });
  return (
    <>
      <PageTitle>{t('admin.audit')}</PageTitle>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Flex wrap gap={12} align="end">
          <div>
            <label htmlFor="audit-result">{t('admin.result')}</label>
            <Select id="audit-result" allowClear value={result} onChange={(v) => (setResult(v), firstPage())} style={{ width: 140, display: 'block' }} options={['success', 'denied', 'failed'].map((r) => ({ value: r, label: t(`admin.results.${r}`) }))} />
          </div>
          <div>
            <label htmlFor="audit-user">{t('admin.userId')}</label>
            <Input.Search id="audit-user" allowClear onSearch={(v) => setUserId(/^[0-9a-f-]{36}$/i.test(v.trim()) ? v.trim() : undefined)} style={{ width: 320, display: 'block' }} />
          </div>
          <div>
            <label htmlFor="audit-from">{t('dashboard.from')}</label>
            <Input id="audit-from" type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
          </div>
          <div>
            <label htmlFor="audit-to">{t('dashboard.to')}</label>
            <Input id="audit-to" type="date" value={to} onChange={(e) => setTo(e.target.value)} />
          </div>
        </Flex>
      </Card>
      {state.error ? (
        <ErrorState error={state.error} onRetry={state.reload} />
      ) : (
        <Table<AuditRow>
          rowKey="id"
          size="small"
          loading={state.loading}
          dataSource={state.data?.items ?? []}
          scroll={{ x: 1000 }}
          pagination={pagination(state.data?.total)}
          columns={[
            { title: t('admin.at'), dataIndex: 'at', render: (d: string) => formatDateTime(d), width: 160 },
            { title: t('admin.role'), dataIndex: 'role', render: (r: string | null) => (r ? t(`roles.${r}`, { defaultValue: r }) : '—') },
            { title: t('admin.action'), dataIndex: 'action' },
            { title: t('admin.object'), render: (_, r) => [r.objectType, r.objectId].filter(Boolean).join(' ') || '—' },
            { title: t('admin.result'), dataIndex: 'result', render: (r: string) => <Tag color={r === 'success' ? 'green' : r === 'denied' ? 'red' : 'orange'}>{t(`admin.results.${r}`, { defaultValue: r })}</Tag> },
            { title: 'HTTP', dataIndex: 'statusCode' },
            { title: t('admin.user'), dataIndex: 'userId', render: (u: string | null) => (u ? <code>{u.slice(0, 8)}</code> : '—') },
          ]}
        />
      )}
    </>
  );
}
