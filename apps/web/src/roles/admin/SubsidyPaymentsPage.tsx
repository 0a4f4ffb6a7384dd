import { useState } from 'react';
import { Alert, Button, Card, Flex, Input, Modal, Select, Space, Table, Tabs, Tag, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { client, download, unwrap } from '../../api/client';
import type { FundLedgerLine, PaymentBatch, ReturnImportReport, SuspiciousCase } from '../../api/types';
import { formatDateTime, shanghaiToday } from '../../app/format';
import { useApi, usePaging } from '../../app/hooks';
import { PageTitle } from '../../components/Shell';
import { ErrorState } from '../../components/States';
import { useToast } from '../../components/toast';

const yuan = (fen: number) => (fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

function toFormData(fields: { file: Blob }): FormData {
  const form = new FormData();
  form.append('file', fields.file);
  return form;
}

/** Payment batches: open one, download the bank file, import the bank's return. */
function Batches() {
  const { t } = useTranslation();
  const toast = useToast();
  const { page, pagination } = usePaging(20);
  const state = useApi('/api/subsidies/payment-batches', { query: page });
  const [report, setReport] = useState<ReturnImportReport | null>(null);
  const [busy, setBusy] = useState(false);

  const create = () => toast.attempt(async () => {
    await unwrap(client.POST('/api/subsidies/payment-batches'));
    state.reload();
  }, t('subsidyPay.batchCreated'));
  const importReturn = async (id: string, file: File) => {
    setBusy(true);
    try {
      setReport(await unwrap(client.POST('/api/subsidies/payment-batches/{id}/return', { params: { path: { id } }, body: { file } as never, bodySerializer: toFormData })));
      state.reload();
    } catch (e) {
      toast.error(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Flex vertical gap={12}>
      <Flex wrap gap={8} align="center">
        <Button type="primary" onClick={() => void create()}>{t('subsidyPay.createBatch')}</Button>
        <Typography.Text type="secondary">{t('subsidyPay.createHint')}</Typography.Text>
      </Flex>
      {report && (
        <Alert
          type={report.rejected.length ? 'warning' : 'success'}
          showIcon
          closable
          onClose={() => setReport(null)}
          message={t('subsidyPay.returnSummary', { paid: report.paid.length, failed: report.failed.length, bounced: report.bounced.length, unchanged: report.unchanged.length, rejected: report.rejected.length, claims: report.claimsPaid.length })}
          description={report.rejected.length ? (
            <ul>{report.rejected.map((r) => <li key={`${r.row}-${r.serial}`}>{t('subsidyPay.rejectedLine', { row: r.row, serial: r.serial || '—', why: r.why })}</li>)}</ul>
          ) : undefined}
        />
      )}
      {state.error ? <ErrorState error={state.error} onRetry={state.reload} /> : (
        <Table<PaymentBatch>
          className="payment-batches"
          rowKey="id"
          size="small"
          loading={state.loading || busy}
          dataSource={state.data?.items ?? []}
          pagination={pagination(state.data?.total)}
          scroll={{ x: 900 }}
          columns={[
            { title: t('subsidyPay.batchId'), dataIndex: 'id', render: (id: string) => <code>{id}</code> },
            { title: t('subsidyPay.createdAt'), dataIndex: 'createdAt', render: (d: string) => formatDateTime(d) },
            { title: t('subsidyPay.status'), dataIndex: 'status', render: (s: string) => <Tag color={s === 'open' ? 'blue' : s === 'closed' ? 'green' : 'default'}>{t(`subsidyPay.batchStatus.${s}`)}</Tag> },
            { title: t('subsidyPay.rows'), dataIndex: 'rowCount' },
            { title: t('subsidyPay.total'), dataIndex: 'totalFen', render: (f: number) => yuan(f) },
            { title: t('subsidyPay.progress'), render: (_, b) => t('subsidyPay.progressValue', { paid: b.paid, failed: b.failed, pending: b.pending }) },
            {
              title: t('subsidyPay.actions'),
              render: (_, b) => (
                <Space wrap>
                  <Button size="small" onClick={() => download('/api/subsidies/payment-batches/{id}/export', { path: { id: b.id } }, `代发明细_${b.id}.xlsx`).catch(toast.error)}>{t('subsidyPay.export')}</Button>
                  {b.status === 'open' && (
                    <Upload accept=".xlsx" showUploadList={false} beforeUpload={(file) => (void importReturn(b.id, file), false)}>
                      <Button size="small" icon={<UploadOutlined />} aria-label={t('subsidyPay.importReturnOf', { id: b.id })}>{t('subsidyPay.importReturn')}</Button>
                    </Upload>
                  )}
                </Space>
              ),
            },
          ]}
        />
      )}
    </Flex>
  );
}

/** The monthly fund ledger. */
function Ledger() {
  const { t } = useTranslation();
  const today = shanghaiToday();
  const [from, setFrom] = useState(`${today.slice(0, 4)}-01`);
  const [to, setTo] = useState(today.slice(0, 7));
  const state = useApi('/api/subsidies/fund-ledger', { query: { from, to } });
  return (
    <Flex vertical gap={12}>
      <Flex wrap gap={12} align="end">
        <div>
          <label htmlFor="ledger-from">{t('subsidyPay.fromMonth')}</label>
          <Input id="ledger-from" type="month" value={from} onChange={(e) => e.target.value && setFrom(e.target.value)} />
        </div>
        <div>
          <label htmlFor="ledger-to">{t('subsidyPay.toMonth')}</label>
          <Input id="ledger-to" type="month" value={to} onChange={(e) => e.target.value && setTo(e.target.value)} />
        </div>
      </Flex>
      {state.error ? <ErrorState error={state.error} onRetry={state.reload} /> : (
        <Table<FundLedgerLine>
          className="fund-ledger"
          rowKey={(l) => `${l.month}-${l.rule}`}
          size="small"
          loading={state.loading}
          dataSource={state.data?.lines ?? []}
          pagination={false}
          scroll={{ x: 700 }}
          columns={[
            { title: t('subsidyPay.month'), dataIndex: 'month' },
            { title: t('subsidyPay.rule'), dataIndex: 'rule' },
            { title: t('subsidyPay.paid'), dataIndex: 'paidFen', render: yuan },
            { title: t('subsidyPay.failed'), dataIndex: 'failedFen', render: yuan },
            { title: t('subsidyPay.bounced'), dataIndex: 'bouncedFen', render: yuan },
            { title: t('subsidyPay.recovered'), dataIndex: 'recoveredFen', render: yuan },
            { title: t('subsidyPay.net'), dataIndex: 'netFen', render: yuan },
          ]}
        />
      )}
    </Flex>
  );
}

/** Suspicious cases (疑点): what a check found, resolved by a person with a note. */
function Cases() {
  const { t, i18n } = useTranslation();
  const toast = useToast();
  const [status, setStatus] = useState<'open' | 'resolved' | undefined>('open');
  const { page, firstPage, pagination } = usePaging(20);
  const state = useApi('/api/subsidies/suspicious-cases', { query: { status, ...page } });
  const [resolving, setResolving] = useState<SuspiciousCase | null>(null);
  const [note, setNote] = useState('');
  const english = i18n.language.startsWith('en');

  const resolve = async () => {
    if (!resolving) return;
    const done = await toast.attempt(() => unwrap(client.POST('/api/subsidies/suspicious-cases/{id}/resolve', { params: { path: { id: resolving.id } }, body: { note } })), t('subsidyPay.resolved'));
    if (done) {
      setResolving(null);
      setNote('');
      state.reload();
    }
  };

  return (
    <Flex vertical gap={12}>
      <div>
        <label htmlFor="case-status">{t('subsidyPay.status')}</label>
        <Select id="case-status" allowClear value={status} onChange={(v) => (setStatus(v), firstPage())} style={{ width: 160, display: 'block' }}
          options={['open', 'resolved'].map((s) => ({ value: s, label: t(`subsidyPay.caseStatus.${s}`) }))} />
      </div>
      <Typography.Text type="secondary">{t('subsidyPay.casesHint')}</Typography.Text>
      {state.error ? <ErrorState error={state.error} onRetry={state.reload} /> : (
        <Table<SuspiciousCase>
          className="suspicious-cases"
          rowKey="id"
          size="small"
          loading={state.loading}
          dataSource={state.data?.items ?? []}
          pagination={pagination(state.data?.total)}
          scroll={{ x: 1000 }}
          columns={[
            { title: t('subsidyPay.raisedAt'), dataIndex: 'raisedAt', render: (d: string) => formatDateTime(d), width: 160 },
            { title: t('subsidyPay.check'), dataIndex: 'code', render: (c: string) => <Tag>{t(`subsidyPay.codes.${c}`, { defaultValue: c })}</Tag> },
            { title: t('subsidyPay.reason'), render: (_, c) => (english ? c.reasonEn : c.reasonZh) },
            { title: t('subsidyPay.claim'), render: (_, c) => <span>{c.rule} <code>{c.claimId.slice(0, 8)}</code></span> },
            { title: t('subsidyPay.source'), dataIndex: 'source', render: (s: string) => t(`subsidyPay.sources.${s}`) },
            { title: t('subsidyPay.status'), render: (_, c) => (c.status === 'open'
              ? <Button size="small" onClick={() => setResolving(c)}>{t('subsidyPay.resolve')}</Button>
              : <span><Tag color="green">{t('subsidyPay.caseStatus.resolved')}</Tag>{c.resolutionNote}</span>) },
          ]}
        />
      )}
      <Modal open={!!resolving} title={t('subsidyPay.resolveTitle')} onCancel={() => setResolving(null)} onOk={() => void resolve()} okButtonProps={{ disabled: note.trim().length < 2 }} okText={t('subsidyPay.resolve')}>
        <p>{resolving && (english ? resolving.reasonEn : resolving.reasonZh)}</p>
        <label htmlFor="case-note">{t('subsidyPay.note')}</label>
        <Input.TextArea id="case-note" rows={3} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />
      </Modal>
    </Flex>
  );
}

/** Subsidy payments (batches, bank files, returns), the fund ledger and the suspicious-case list, for the province. */
export default function SubsidyPaymentsPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle>{t('subsidyPay.title')}</PageTitle>
      <Card size="small">
        <Tabs items={[
          { key: 'batches', label: t('subsidyPay.batches'), children: <Batches /> },
          { key: 'ledger', label: t('subsidyPay.ledger'), children: <Ledger /> },
          { key: 'cases', label: t('subsidyPay.cases'), children: <Cases /> },
        ]} />
      </Card>
    </>
  );
}
