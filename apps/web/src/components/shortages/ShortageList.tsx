import { useState } from 'react';
import { Button, Card, Flex, Input, Modal, Select, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { client, download, unwrap } from '../../api/client';
import type { BulkSubmitResult } from '../../api/types';
import { useApi, usePaging } from '../../app/hooks';
import { formatDate, formatWage } from '../../app/format';
import { useRegions } from '../../app/taxonomy';
import { PageTitle } from '../Shell';
import { ErrorState } from '../States';
import { useToast } from '../toast';
import { Shortage, SHORTAGE_STATUS_COLOR, SHORTAGE_STATUSES, useEmployers } from './types';
import { asName, Name, nameLabel, nameOption } from '../Name';


/** The outcome of a bulk submit, row by row: where the screen put each posting, or why it was not submitted. */
function BulkSubmitReport({ result, onClose }: { result: BulkSubmitResult | null; onClose(): void }) {
  const { t } = useTranslation();
  return (
    <Modal open={!!result} title={t('bulkSubmit.title')} onCancel={onClose} onOk={onClose} okText={t('common.confirm')} cancelButtonProps={{ style: { display: 'none' } }} width={720}>
      {result && (
        <>
          <Typography.Paragraph role="status">{t('bulkSubmit.summary', result)}</Typography.Paragraph>
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={result.items}
            scroll={{ x: 560 }}
            columns={[
              { title: t('fields.title'), dataIndex: 'title', render: (v: string | null, item) => (v ? <Name>{v}</Name> : item.id) },
              {
                title: t('bulkSubmit.outcome'),
                render: (_, item) =>
                  item.error ? <Typography.Text type="danger">{item.error.message}</Typography.Text> : item.status ? <Tag color={SHORTAGE_STATUS_COLOR[item.status]}>{t(`enums.shortage.${item.status}`)}</Tag> : '—',
              },
              { title: t('bulkSubmit.rules'), render: (_, item) => item.ruleCodes.join(', ') || '—' },
            ]}
          />
        </>
      )}
    </Modal>
  );
}

/** Shortages in the caller's scope, filtered; links to the form, the detail and the candidates; drafts submitted together. */
export function ShortageListPage({ base, canImport }: { base: string; canImport?: boolean }) {
  const { t } = useTranslation();
  const toast = useToast();
  const [params] = useSearchParams();
  const [status, setStatus] = useState<string[]>(params.getAll('status'));
  const [q, setQ] = useState('');
  const [employerId, setEmployerId] = useState<string | undefined>(params.get('employer') ?? undefined);
  const { page, firstPage, pagination } = usePaging(20);
  const { employers, name } = useEmployers();
  const { regionName } = useRegions();
  const filters = { status, q: q || undefined, employerId };
  const state = useApi('/api/shortages', { query: { ...filters, ...page } });
  const [selected, setSelected] = useState<string[]>([]);
  const [justification, setJustification] = useState('');
  const [submitting, setSubmitting] = useState(false);
  const [report, setReport] = useState<BulkSubmitResult | null>(null);

  const submitSelected = async () => {
    setSubmitting(true);
    try {
      const result = await unwrap(client.POST('/api/shortages/submit-many', { body: { ids: selected, ...(justification.trim() ? { justification: justification.trim() } : {}) } }));
      setReport(result);
      setSelected([]);
      state.reload();
    } catch (e) {
      toast.error(e);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <>
      <PageTitle
        extra={
          <Flex gap={8} wrap>
            {canImport && <Link to={`${base}/import`}>{t('shortages.importExcel')}</Link>}
            <Button onClick={() => download('/api/shortages/export', { query: filters }, 'shortages.xlsx').catch(toast.error)}>{t('shortages.exportExcel')}</Button>
            <Link to={`${base}/shortages/new`}>
              <Button type="primary">{t('shortages.new')}</Button>
            </Link>
          </Flex>
        }
      >
        {t('shortages.title')}
      </PageTitle>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Flex wrap gap={8}>
          <Input.Search aria-label={t('common.search')} placeholder={t('shortages.searchPlaceholder')} allowClear onSearch={(v) => (setQ(v.trim()), firstPage())} style={{ width: 240 }} />
          <Select
            mode="multiple"
            allowClear
            aria-label={t('fields.status')}
            placeholder={t('fields.status')}
            value={status}
            onChange={(v) => (setStatus(v), firstPage())}
            options={SHORTAGE_STATUSES.map((s) => ({ value: s, label: t(`enums.shortage.${s}`) }))}
            style={{ minWidth: 200 }}
          />
          {employers.length > 1 && (
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              aria-label={t('fields.employer')}
              placeholder={t('fields.employer')}
              value={employerId}
              onChange={(v) => (setEmployerId(v), firstPage())}
              options={employers.map((e) => ({ value: e.id, label: e.name }))} labelRender={nameLabel} optionRender={nameOption}
              style={{ minWidth: 240 }}
            />
          )}
        </Flex>
      </Card>
      {selected.length > 0 && (
        <Card size="small" style={{ marginBottom: 12 }}>
          <Flex wrap gap={8} align="end">
            <Flex vertical gap={4} style={{ flex: '1 1 280px' }}>
              <label htmlFor="bulk-justification">{t('bulkSubmit.justification')}</label>
              <Input id="bulk-justification" value={justification} onChange={(e) => setJustification(e.target.value)} maxLength={500} />
            </Flex>
            <Button type="primary" loading={submitting} onClick={submitSelected}>
              {t('bulkSubmit.submit', { count: selected.length })}
            </Button>
          </Flex>
        </Card>
      )}
      <BulkSubmitReport result={report} onClose={() => setReport(null)} />
      {state.error ? (
        <ErrorState error={state.error} onRetry={state.reload} />
      ) : (
        <Table<Shortage>
          rowKey="id"
          size="small"
          loading={state.loading}
          dataSource={state.data?.items ?? []}
          className="table-wide"
          locale={{ emptyText: t('shortages.empty') }}
          pagination={pagination(state.data?.total)}
          rowSelection={{
            selectedRowKeys: selected,
            onChange: (keys) => setSelected(keys as string[]),
            getCheckboxProps: (s) => ({ disabled: s.status !== 'draft', 'aria-label': t('bulkSubmit.selectRow', { title: s.title }) }),
          }}
          columns={[
            { title: t('fields.title'), dataIndex: 'title', render: (v: string, s) => <Link to={`${base}/shortages/${s.id}`}><Name>{v}</Name></Link> },
            { title: t('fields.employer'), dataIndex: 'employerId', render: (id: string) => <Name>{name(id)}</Name> },
            { title: t('fields.occupation'), dataIndex: 'occupationName', render: asName },
            { title: t('fields.region'), dataIndex: 'regionCode', render: (c: string) => <Name>{regionName(c)}</Name> },
            { title: t('fields.openPositions'), render: (_, s) => `${s.openPositions}/${s.headcount}` },
            { title: t('fields.wage'), render: (_, s) => formatWage(s.wageMin, s.wageMax) },
            { title: t('fields.deadline'), dataIndex: 'deadline', render: (d: string) => formatDate(d) },
            { title: t('fields.status'), dataIndex: 'status', render: (s: Shortage['status']) => <Tag color={SHORTAGE_STATUS_COLOR[s]}>{t(`enums.shortage.${s}`)}</Tag> },
            {
              title: t('common.actions'),
              render: (_, s) => (
                <Flex gap={8} wrap>
                  {['open', 'partially_filled'].includes(s.status) && <Link to={`${base}/shortages/${s.id}/candidates`}>{t('shortages.candidates')}</Link>}
                  {['draft', 'open', 'partially_filled', 'screening'].includes(s.status) && <Link to={`${base}/shortages/${s.id}/edit`}>{t('common.edit')}</Link>}
                </Flex>
              ),
            },
          ]}
        />
      )}
    </>
  );
}
