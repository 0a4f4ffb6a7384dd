import { useState } from 'react';
import { Button, Card, Checkbox, Flex, Input, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { client, unwrap } from '../../api/client';
import type { JobImpactEstimate, WorkReliefProject } from '../../api/types';
import { useApi } from '../../app/hooks';
import { useAuth } from '../../app/auth';
import { PageTitle } from '../../components/Shell';
import { ErrorState } from '../../components/States';
import { useToast } from '../../components/toast';

const THIS_YEAR = new Date().getFullYear();
const yuan = (fen: number) => (fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const pct = (v: number) => `${Math.round(v * 1000) / 10}%`;

/** 以工代赈 ledger and job-impact estimates (issue 20, part 6): projects, labour pay paid and flags; estimates, review, forecast. */
export default function PlanLedgerPage() {
  const { t, i18n } = useTranslation();
  const en = i18n.language.startsWith('en');
  const toast = useToast();
  const { principal } = useAuth();
  // The province administrator has no region (or the whole province's); regional administrators only report.
  const province = !principal?.regionCode || principal.regionCode.startsWith('46000');
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year') ?? THIS_YEAR);
  const catalogue = useApi('/api/plan/catalogue', {});
  const regions = (catalogue.data?.reporters ?? []).filter((r) => r.kind !== 'unit');
  const nameOf = (code: string) => {
    const r = regions.find((x) => x.code === code);
    return r ? (en ? r.nameEn : r.nameZh) : code;
  };
  const projects = useApi('/api/plan/work-relief/projects', { query: { year } });
  const estimates = useApi('/api/plan/job-impact/estimates', { query: {} });
  const forecast = useApi('/api/plan/job-impact/forecast', { query: { year } });

  const [draft, setDraft] = useState<{ reporter?: string; name: string; funds: number | null; keyProject: boolean }>({ name: '', funds: null, keyProject: false });
  const createProject = () =>
    toast.attempt(async () => {
      await unwrap(client.POST('/api/plan/work-relief/projects', {
        body: { reporter: draft.reporter ?? regions[0]?.code ?? '', year, name: draft.name, fundsFen: Math.round((draft.funds ?? 0) * 100), keyProject: draft.keyProject },
      }));
      setDraft({ name: '', funds: null, keyProject: false });
      projects.reload();
    }, t('ledger.saved'));

  const review = (id: string, decision: 'approve' | 'return') =>
    toast.attempt(async () => {
      const reason = decision === 'return' ? window.prompt(t('ledger.returnReason')) : null;
      if (decision === 'return' && !reason) return;
      await unwrap(client.POST('/api/plan/job-impact/estimates/{id}/review', { params: { path: { id } }, body: { decision, reason } }));
      estimates.reload();
      forecast.reload();
    }, t('ledger.saved'));

  return (
    <>
      <PageTitle>{t('ledger.title')}</PageTitle>
      <Card size="small" style={{ marginBottom: 12 }}>
        <label htmlFor="ledger-year">{t('plan.year')}</label>
        <InputNumber id="ledger-year" value={year} min={2020} max={2100} onChange={(v) => v && setParams((p) => (p.set('year', String(v)), p), { replace: true })} style={{ display: 'block' }} />
      </Card>
      {projects.error && <ErrorState error={projects.error} onRetry={projects.reload} />}
      <Card size="small" title={t('ledger.projects')} style={{ marginBottom: 12 }}>
        <Table<WorkReliefProject>
          rowKey="id" size="small" loading={projects.loading} pagination={false} scroll={{ x: 900 }} dataSource={projects.data?.items ?? []}
          expandable={{ expandedRowRender: (p) => <Payments project={p} onChange={projects.reload} /> }}
          columns={[
            { title: t('plan.reporter'), render: (_, p) => nameOf(p.reporter) },
            { title: t('ledger.name'), dataIndex: 'name' },
            { title: t('ledger.funds'), render: (_, p) => yuan(p.fundsFen) },
            { title: t('ledger.paid'), render: (_, p) => yuan(p.summary.paidFen) },
            { title: t('ledger.share'), render: (_, p) => <Tag color={p.summary.payShare < 0.3 ? 'red' : 'green'}>{pct(p.summary.payShare)}</Tag> },
            { title: t('ledger.workers'), render: (_, p) => p.summary.workers },
            { title: t('ledger.flags'), render: (_, p) => p.summary.flags.map((f) => <Tag key={f} color="orange">{t(`ledger.flag.${f}`)}</Tag>) },
          ]}
        />
        <Flex wrap gap={8} align="end" style={{ marginTop: 12 }}>
          <div>
            <label htmlFor="ledger-reporter">{t('plan.reporter')}</label>
            <Select id="ledger-reporter" value={draft.reporter ?? regions[0]?.code} onChange={(v) => setDraft({ ...draft, reporter: v })} style={{ width: 180, display: 'block' }}
              options={regions.map((r) => ({ value: r.code, label: en ? r.nameEn : r.nameZh }))} />
          </div>
          <div>
            <label htmlFor="ledger-name">{t('ledger.name')}</label>
            <Input id="ledger-name" value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} style={{ width: 260 }} />
          </div>
          <div>
            <label htmlFor="ledger-funds">{t('ledger.fundsYuan')}</label>
            <InputNumber id="ledger-funds" value={draft.funds} min={0.01} precision={2} onChange={(v) => setDraft({ ...draft, funds: v })} style={{ display: 'block', width: 160 }} />
          </div>
          <Checkbox checked={draft.keyProject} onChange={(e) => setDraft({ ...draft, keyProject: e.target.checked })}>{t('ledger.keyProject')}</Checkbox>
          <Button type="primary" onClick={createProject} disabled={!draft.name || !draft.funds}>{t('ledger.addProject')}</Button>
        </Flex>
      </Card>
      <Card size="small" title={t('ledger.estimates')} style={{ marginBottom: 12 }}>
        <EstimateForm regions={regions.map((r) => ({ value: r.code, label: en ? r.nameEn : r.nameZh }))} year={year} onSaved={estimates.reload} />
        <Table<JobImpactEstimate>
          rowKey="id" size="small" loading={estimates.loading} pagination={{ pageSize: 10 }} dataSource={estimates.data?.items ?? []}
          columns={[
            { title: t('plan.reporter'), render: (_, e) => nameOf(e.reporter) },
            { title: t('ledger.projectName'), dataIndex: 'projectName' },
            { title: t('ledger.jobs'), render: (_, e) => e.lines.reduce((n, l) => n + l.jobs, 0) },
            { title: t('ledger.status'), render: (_, e) => <Tag>{t(`ledger.estimateStatus.${e.status}`)}</Tag> },
            {
              title: '', render: (_, e) => province && e.status === 'submitted' && (
                <Space>
                  <Button size="small" type="primary" onClick={() => review(e.id, 'approve')}>{t('ledger.approve')}</Button>
                  <Button size="small" onClick={() => review(e.id, 'return')}>{t('plan.return')}</Button>
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <Card size="small" title={t('ledger.forecast')}>
        <Table
          rowKey={(r) => `${r.reporter}|${r.occupationCode}|${r.year}|${r.quarter}`} size="small" loading={forecast.loading} pagination={{ pageSize: 10 }} dataSource={forecast.data?.items ?? []}
          columns={[
            { title: t('plan.reporter'), render: (_, r) => nameOf(r.reporter) },
            { title: t('ledger.occupation'), dataIndex: 'occupationCode' },
            { title: t('plan.quarter'), render: (_, r) => `${r.year}Q${r.quarter}` },
            { title: t('ledger.jobs'), dataIndex: 'jobs' },
          ]}
        />
      </Card>
    </>
  );
}

/** A project's payments (masked) and a form to record one more. */
function Payments({ project, onChange }: { project: WorkReliefProject; onChange: () => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const detail = useApi('/api/plan/work-relief/projects/{id}', { path: { id: project.id } });
  const [form, setForm] = useState<{ workerName: string; workerId: string; account: string; amount: number | null; paidOn: string }>({ workerName: '', workerId: '', account: '', amount: null, paidOn: new Date().toISOString().slice(0, 10) });
  const add = () =>
    toast.attempt(async () => {
      await unwrap(client.POST('/api/plan/work-relief/projects/{id}/payments', {
        params: { path: { id: project.id } },
        body: { payments: [{ workerName: form.workerName, workerId: form.workerId, account: form.account, amountFen: Math.round((form.amount ?? 0) * 100), paidOn: form.paidOn }] },
      }));
      setForm({ ...form, workerName: '', workerId: '', account: '', amount: null });
      detail.reload();
      onChange();
    }, t('ledger.saved'));
  return (
    <div>
      <Table size="small" rowKey="id" loading={detail.loading} pagination={{ pageSize: 10 }} dataSource={detail.data?.paymentsList ?? []}
        columns={[
          { title: t('ledger.worker'), dataIndex: 'workerName' },
          { title: t('ledger.workerId'), dataIndex: 'workerId' },
          { title: t('ledger.account'), dataIndex: 'account' },
          { title: t('ledger.amount'), render: (_, p) => yuan(p.amountFen) },
          { title: t('ledger.paidOn'), dataIndex: 'paidOn' },
        ]} />
      <Typography.Text strong>{t('ledger.addPayment')}</Typography.Text>
      <Flex wrap gap={8} align="end">
        <Input aria-label={t('ledger.worker')} placeholder={t('ledger.worker')} value={form.workerName} onChange={(e) => setForm({ ...form, workerName: e.target.value })} style={{ width: 120 }} />
        <Input aria-label={t('ledger.workerId')} placeholder={t('ledger.workerId')} value={form.workerId} onChange={(e) => setForm({ ...form, workerId: e.target.value })} style={{ width: 200 }} />
        <Input aria-label={t('ledger.account')} placeholder={t('ledger.account')} value={form.account} onChange={(e) => setForm({ ...form, account: e.target.value })} style={{ width: 200 }} />
        <InputNumber aria-label={t('ledger.amount')} placeholder={t('ledger.amount')} value={form.amount} min={0.01} precision={2} onChange={(v) => setForm({ ...form, amount: v })} style={{ width: 140 }} />
        <Input type="date" aria-label={t('ledger.paidOn')} value={form.paidOn} onChange={(e) => setForm({ ...form, paidOn: e.target.value })} style={{ width: 160 }} />
        <Button onClick={add} disabled={!form.workerName || !form.workerId || !form.account || !form.amount}>{t('ledger.record')}</Button>
      </Flex>
    </div>
  );
}

interface Line {
  occupationCode: string;
  year: number;
  quarter: 1 | 2 | 3 | 4;
  jobs: number | null;
}

/** A job-impact estimate of a major project: expected jobs by occupation and quarter, submitted to the province. */
function EstimateForm({ regions, year, onSaved }: { regions: { value: string; label: string }[]; year: number; onSaved: () => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const [reporter, setReporter] = useState<string>();
  const [projectName, setProjectName] = useState('');
  const empty = (): Line => ({ occupationCode: '', year: year + 1, quarter: 1, jobs: null });
  const [lines, setLines] = useState<Line[]>([empty()]);
  const setLine = (i: number, patch: Partial<Line>) => setLines(lines.map((l, k) => (k === i ? { ...l, ...patch } : l)));
  const submit = () =>
    toast.attempt(async () => {
      await unwrap(client.POST('/api/plan/job-impact/estimates', {
        body: { reporter: reporter ?? regions[0]?.value ?? '', projectName, lines: lines.map((l) => ({ ...l, jobs: l.jobs ?? 0 })) },
      }));
      setProjectName('');
      setLines([empty()]);
      onSaved();
    }, t('ledger.saved'));
  return (
    <div style={{ marginBottom: 12 }}>
      <Flex wrap gap={8} align="end">
        <div>
          <label htmlFor="estimate-reporter">{t('plan.reporter')}</label>
          <Select id="estimate-reporter" value={reporter ?? regions[0]?.value} onChange={setReporter} options={regions} style={{ width: 180, display: 'block' }} />
        </div>
        <div>
          <label htmlFor="estimate-project">{t('ledger.projectName')}</label>
          <Input id="estimate-project" value={projectName} onChange={(e) => setProjectName(e.target.value)} style={{ width: 260 }} />
        </div>
      </Flex>
      {lines.map((line, i) => (
        <Flex key={i} wrap gap={8} style={{ marginTop: 8 }}>
          <Input aria-label={`${t('ledger.occupation')} ${i + 1}`} placeholder={t('ledger.occupation')} value={line.occupationCode} onChange={(e) => setLine(i, { occupationCode: e.target.value.trim() })} style={{ width: 140 }} />
          <InputNumber aria-label={`${t('plan.year')} ${i + 1}`} value={line.year} min={2020} max={2100} onChange={(v) => v && setLine(i, { year: v })} />
          <Select aria-label={`${t('plan.quarter')} ${i + 1}`} value={line.quarter} onChange={(v) => setLine(i, { quarter: v })} style={{ width: 100 }}
            options={[1, 2, 3, 4].map((q) => ({ value: q as 1 | 2 | 3 | 4, label: t('plan.quarterN', { n: q }) }))} />
          <InputNumber aria-label={`${t('ledger.jobs')} ${i + 1}`} placeholder={t('ledger.jobs')} value={line.jobs} min={1} precision={0} onChange={(v) => setLine(i, { jobs: v })} />
        </Flex>
      ))}
      <Space style={{ marginTop: 8 }}>
        <Button onClick={() => setLines([...lines, empty()])}>{t('ledger.addLine')}</Button>
        <Button type="primary" onClick={submit} disabled={!projectName || lines.some((l) => !l.occupationCode || !l.jobs)}>{t('ledger.submitEstimate')}</Button>
      </Space>
    </div>
  );
}
