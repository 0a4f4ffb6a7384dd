import { useEffect, useMemo, useState } from 'react';
import { Alert, Button, Card, Flex, Input, InputNumber, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { client, unwrap } from '../../api/client';
import type { PlanFigure, PlanIndicator, PlanIndicatorCode, PlanReport } from '../../api/types';
import { useApi } from '../../app/hooks';
import { PageTitle } from '../../components/Shell';
import { ErrorState } from '../../components/States';
import { useToast } from '../../components/toast';
import { bilingual, formatDate } from '../../app/format';

const THIS_YEAR = new Date().getFullYear();
const THIS_QUARTER = Math.ceil((new Date().getMonth() + 1) / 3);

/** The reporting unit's page: its targets for the year and its quarterly report (prefilled, notes, submit); the province also reviews. */
export default function PlanPage() {
  const { t, i18n } = useTranslation();
  const en = i18n.language.startsWith('en');
  const toast = useToast();
  const [params, setParams] = useSearchParams();
  const catalogue = useApi('/api/plan/catalogue', {});
  const reporters = catalogue.data?.reporters ?? [];
  const reporter = params.get('reporter') ?? reporters[0]?.code ?? '';
  const year = Number(params.get('year') ?? THIS_YEAR);
  const quarter = Number(params.get('quarter') ?? THIS_QUARTER) as 1 | 2 | 3 | 4;
  const set = (key: string, value: string) => setParams((p) => (p.set(key, value), p), { replace: true });
  const indicators = useMemo(() => new Map((catalogue.data?.indicators ?? []).map((i) => [i.code, i])), [catalogue.data]);
  const name = (i: PlanIndicator | undefined, code: string) => (i ? (en ? i.nameEn : i.nameZh) : code);

  return (
    <>
      <PageTitle>{t('plan.title')}</PageTitle>
      {catalogue.error && <ErrorState error={catalogue.error} onRetry={catalogue.reload} />}
      <Card size="small" style={{ marginBottom: 12 }}>
        <Flex wrap gap={12} align="end">
          <div>
            <label htmlFor="plan-reporter">{t('plan.reporter')}</label>
            <Select id="plan-reporter" value={reporter || undefined} onChange={(v) => set('reporter', v)} style={{ width: 220, display: 'block' }}
              options={reporters.map((r) => ({ value: r.code, label: en ? r.nameEn : r.nameZh }))} showSearch optionFilterProp="label" />
          </div>
          <div>
            <label htmlFor="plan-year">{t('plan.year')}</label>
            <InputNumber id="plan-year" value={year} min={2020} max={2100} onChange={(v) => v && set('year', String(v))} style={{ display: 'block' }} />
          </div>
          <div>
            <label htmlFor="plan-quarter">{t('plan.quarter')}</label>
            <Select id="plan-quarter" value={quarter} onChange={(v) => set('quarter', String(v))} style={{ width: 120, display: 'block' }}
              options={[1, 2, 3, 4].map((q) => ({ value: q, label: t('plan.quarterN', { n: q }) }))} />
          </div>
        </Flex>
      </Card>
      {reporter && <Targets reporter={reporter} year={year} indicators={[...indicators.values()]} name={name} toast={toast} />}
      {reporter && <Report reporter={reporter} year={year} quarter={quarter} indicators={indicators} name={name} toast={toast} />}
    </>
  );
}

type Toast = ReturnType<typeof useToast>;

function Targets({ reporter, year, indicators, name, toast }: { reporter: string; year: number; indicators: PlanIndicator[]; name: (i: PlanIndicator | undefined, c: string) => string; toast: Toast }) {
  const { t } = useTranslation();
  const plan = useApi('/api/plan/targets', { query: { reporter, year } });
  const [goals, setGoals] = useState<Record<string, number | null>>({});
  const [contactName, setContactName] = useState('');
  const [contactPhone, setContactPhone] = useState('');
  useEffect(() => {
    setGoals(Object.fromEntries((plan.data?.targets ?? []).map((x) => [x.indicator, x.annualGoal])));
    setContactName(plan.data?.contactName ?? '');
  }, [plan.data]);
  const save = () =>
    toast.attempt(async () => {
      await unwrap(client.PUT('/api/plan/targets', {
        params: { query: { reporter, year } },
        body: {
          targets: Object.entries(goals).filter(([, v]) => v !== null && v !== undefined).map(([indicator, annualGoal]) => ({ indicator: indicator as PlanIndicatorCode, annualGoal })),
          contactName: contactName || null,
          ...(contactPhone ? { contactPhone } : {}),
        },
      }));
      plan.reload();
    }, t('plan.targetsSaved'));
  return (
    <Card size="small" title={t('plan.targets')} style={{ marginBottom: 12 }} extra={<Button type="primary" onClick={save}>{t('plan.saveTargets')}</Button>}>
      {plan.error && <ErrorState error={plan.error} onRetry={plan.reload} />}
      <Flex wrap gap={12} style={{ marginBottom: 8 }}>
        <div>
          <label htmlFor="plan-contact">{t('plan.contactName')}</label>
          <Input id="plan-contact" value={contactName} onChange={(e) => setContactName(e.target.value)} style={{ width: 160, display: 'block' }} />
        </div>
        <div>
          <label htmlFor="plan-phone">{t('plan.contactPhone')}{plan.data?.hasContactPhone ? ` (${t('plan.onFile')})` : ''}</label>
          <Input id="plan-phone" value={contactPhone} inputMode="tel" onChange={(e) => setContactPhone(e.target.value.trim())} style={{ width: 160, display: 'block' }} />
        </div>
      </Flex>
      <Table<PlanIndicator>
        rowKey="code" size="small" pagination={false} scroll={{ x: 600 }} dataSource={indicators}
        columns={[
          { title: t('plan.indicator'), render: (_, i) => <span>{name(i, i.code)} <Typography.Text type="secondary">({i.code})</Typography.Text></span> },
          { title: t('plan.unit'), render: (_, i) => bilingual(i.unitZh, i.unitEn), width: 80 },
          { title: t('plan.source'), render: (_, i) => <Tag>{t(`plan.sources.${i.source}`)}</Tag>, width: 100 },
          {
            title: t('plan.annualGoal'), width: 150,
            render: (_, i) => (
              <InputNumber aria-label={`${t('plan.annualGoal')} ${i.code}`} min={0} value={goals[i.code] ?? null} placeholder={i.planGoal !== undefined ? String(i.planGoal) : ''}
                onChange={(v) => setGoals((g) => ({ ...g, [i.code]: v === null ? null : Number(v) }))} />
            ),
          },
        ]}
      />
    </Card>
  );
}

function Report({ reporter, year, quarter, indicators, name, toast }: {
  reporter: string; year: number; quarter: 1 | 2 | 3 | 4; indicators: Map<string, PlanIndicator>; name: (i: PlanIndicator | undefined, c: string) => string; toast: Toast;
}) {
  const { t, i18n } = useTranslation();
  const en = i18n.language.startsWith('en');
  const me = useApi('/api/auth/me', {});
  const province = me.data?.role === 'admin' && !me.data.regionCode;
  const current = useApi('/api/plan/reports', { query: { reporter, year, quarter } });
  const [report, setReport] = useState<PlanReport | null>(null);
  const [edits, setEdits] = useState<Record<string, Partial<PlanFigure>>>({});
  const [reason, setReason] = useState<{ kind: 'return' | 'correct' } | null>(null);
  const [reasonText, setReasonText] = useState('');
  useEffect(() => {
    setReport(current.data?.report ?? null);
    setEdits({});
  }, [current.data]);
  const editable = report && (report.status === 'draft' || report.status === 'returned');
  const figure = (f: PlanFigure) => ({ ...f, ...edits[f.indicator] });
  const edit = (code: string, change: Partial<PlanFigure>) => setEdits((e) => ({ ...e, [code]: { ...e[code], ...change } }));
  const act = async (run: () => Promise<PlanReport>, done: string) => {
    let next: PlanReport | undefined;
    const ok = await toast.attempt(async () => (next = await run()), done);
    if (ok && next) {
      setReport(next);
      setEdits({});
    }
  };
  const start = () => act(() => unwrap(client.POST('/api/plan/reports', { body: { reporter, year, quarter } })), t('plan.started'));
  const saveEdits = () =>
    unwrap(client.PATCH('/api/plan/reports/{id}', {
      params: { path: { id: report!.id } },
      body: { figures: Object.keys(edits).map((code) => { const f = figure(report!.figures.find((x) => x.indicator === code) ?? ({ indicator: code } as PlanFigure)); return { indicator: code as PlanIndicatorCode, quarter: f.quarter ?? null, cumulative: f.cumulative ?? null, note: f.note ?? null }; }) },
    }));
  const save = () => act(saveEdits, t('plan.saved'));
  const submit = () => act(async () => {
    if (Object.keys(edits).length) await saveEdits();
    return unwrap(client.POST('/api/plan/reports/{id}/submit', { params: { path: { id: report!.id } } }));
  }, t('plan.submitted'));
  const review = (decision: 'return' | 'accept' | 'lock', why?: string) =>
    act(() => unwrap(client.POST('/api/plan/reports/{id}/review', { params: { path: { id: report!.id } }, body: { decision, reason: why ?? null } })), t('common.done'));
  const correct = (why: string) => act(() => unwrap(client.POST('/api/plan/reports/{id}/correct', { params: { path: { id: report!.id } }, body: { reason: why } })), t('common.done'));
  const issues = new Map((report?.issues ?? []).map((i) => [i.indicator, i]));

  return (
    <Card size="small" title={t('plan.report', { year, quarter })} extra={current.data && <Typography.Text>{t('plan.deadline', { date: formatDate(current.data.deadline) })}</Typography.Text>}>
      {current.error && <ErrorState error={current.error} onRetry={current.reload} />}
      {!report && !current.loading && <Button type="primary" onClick={start}>{t('plan.start')}</Button>}
      {report && (
        <>
          <Space wrap style={{ marginBottom: 8 }}>
            <Tag color="blue" data-testid="report-status">{t(`plan.status.${report.status}`)}</Tag>
            <span>{t('plan.version', { n: report.version })}</span>
            {report.returnReason && report.status === 'returned' && <Alert type="warning" showIcon message={t('plan.returnedWith', { reason: report.returnReason })} />}
          </Space>
          {report.issues.length > 0 && <Alert type="error" style={{ marginBottom: 8 }} message={t('plan.issues')} description={<ul>{report.issues.map((i) => <li key={i.indicator + i.code}>{en ? i.messageEn : i.messageZh}</li>)}</ul>} />}
          <Table<PlanFigure>
            rowKey="indicator" size="small" pagination={false} scroll={{ x: 700 }} dataSource={report.figures.map(figure)}
            columns={[
              { title: t('plan.indicator'), render: (_, f) => name(indicators.get(f.indicator), f.indicator) },
              { title: t('plan.platform'), width: 110, render: (_, f) => (f.platformCumulative === null ? '—' : `${f.platformQuarter} / ${f.platformCumulative}`) },
              ...(['quarter', 'cumulative'] as const).map((key) => ({
                title: t(key === 'quarter' ? 'plan.quarterValue' : 'plan.cumulative'), width: 120,
                render: (_: unknown, f: PlanFigure) => editable
                  ? <InputNumber aria-label={`${key} ${f.indicator}`} value={f[key]} onChange={(v) => edit(f.indicator, { [key]: v === null ? null : Number(v) })} />
                  : f[key] ?? '—',
              })),
              {
                title: t('plan.note'), width: 240,
                render: (_, f) => editable
                  ? <Input aria-label={`${t('plan.note')} ${f.indicator}`} status={issues.get(f.indicator) ? 'error' : undefined} value={f.note ?? ''} onChange={(e) => edit(f.indicator, { note: e.target.value })} />
                  : f.note ?? '',
              },
            ]}
          />
          <Flex wrap gap={8} style={{ marginTop: 12 }}>
            {editable && <Button onClick={save} disabled={!Object.keys(edits).length}>{t('plan.save')}</Button>}
            {editable && <Button type="primary" onClick={submit}>{t('plan.submit')}</Button>}
            {province && report.status === 'submitted' && <Button danger onClick={() => (setReasonText(''), setReason({ kind: 'return' }))}>{t('plan.return')}</Button>}
            {province && report.status === 'submitted' && <Button type="primary" onClick={() => review('accept')}>{t('plan.accept')}</Button>}
            {province && report.status === 'accepted' && <Button onClick={() => review('lock')}>{t('plan.lock')}</Button>}
            {report.status === 'locked' && <Button onClick={() => (setReasonText(''), setReason({ kind: 'correct' }))}>{t('plan.correct')}</Button>}
          </Flex>
        </>
      )}
      <Modal open={!!reason} title={reason?.kind === 'return' ? t('plan.return') : t('plan.correct')} okButtonProps={{ disabled: reasonText.trim().length < 2 }}
        onCancel={() => setReason(null)} onOk={async () => { const kind = reason!.kind; setReason(null); if (kind === 'return') await review('return', reasonText.trim()); else await correct(reasonText.trim()); }}>
        <label htmlFor="plan-reason">{t('plan.reason')}</label>
        <Input.TextArea id="plan-reason" rows={3} value={reasonText} onChange={(e) => setReasonText(e.target.value)} />
      </Modal>
    </Card>
  );
}
