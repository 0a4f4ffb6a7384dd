import { useMemo } from 'react';
import { Button, Card, Flex, InputNumber, Select, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { download } from '../../api/client';
import type { PlanCompiledRow, PlanIndicatorCode } from '../../api/types';
import { useApi } from '../../app/hooks';
import { PageTitle } from '../../components/Shell';
import { ErrorState } from '../../components/States';
import { useToast } from '../../components/toast';
import { bilingual, formatDate } from '../../app/format';
import { asName } from '../../components/Name';

const THIS_YEAR = new Date().getFullYear();
const THIS_QUARTER = Math.ceil((new Date().getMonth() + 1) / 3);
const pct = (v: number | null | undefined) => (v === null || v === undefined ? '—' : `${Math.round(v * 1000) / 10}%`);
const STATUS_COLOR: Record<string, string> = { slow: 'red', done: 'green', on_track: 'blue', below_level: 'orange', no_goal: 'default' };

/** The province's compile of a quarter: per unit and direction the headline figures, the slow and late lists, the workbook. */
export default function PlanCompilePage() {
  const { t, i18n } = useTranslation();
  const en = i18n.language.startsWith('en');
  const toast = useToast();
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year') ?? THIS_YEAR);
  const quarter = Number(params.get('quarter') ?? THIS_QUARTER) as 1 | 2 | 3 | 4;
  const set = (key: string, value: string) => setParams((p) => (p.set(key, value), p), { replace: true });
  const catalogue = useApi('/api/plan/catalogue', {});
  const compiled = useApi('/api/plan/compile', { query: { year, quarter } });
  const directions = catalogue.data?.directions ?? [];
  const indicatorIndex = useMemo(() => new Map((catalogue.data?.indicators ?? []).map((i, k) => [i.code, k])), [catalogue.data]);
  const names = useMemo(() => new Map((catalogue.data?.indicators ?? []).map((i) => [i.code, en ? i.nameEn : i.nameZh])), [catalogue.data, en]);
  const reporterNames = useMemo(() => new Map((compiled.data?.rows ?? []).map((r) => [r.reporter.code, r.reporter.nameEn])), [compiled.data]);
  const reporterName = (item: { reporter: string; nameZh: string }) => bilingual(item.nameZh, reporterNames.get(item.reporter));
  const exportWorkbook = () => toast.attempt(() => download('/api/plan/compile', { query: { year, quarter, format: 'xlsx' } }, `plan-${year}Q${quarter}.xlsx`));

  return (
    <>
      <PageTitle extra={<Button type="primary" onClick={exportWorkbook}>{t('plan.export')}</Button>}>{t('plan.compileTitle')}</PageTitle>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Flex wrap gap={12} align="end">
          <div>
            <label htmlFor="compile-year">{t('plan.year')}</label>
            <InputNumber id="compile-year" value={year} min={2020} max={2100} onChange={(v) => v && set('year', String(v))} style={{ display: 'block' }} />
          </div>
          <div>
            <label htmlFor="compile-quarter">{t('plan.quarter')}</label>
            <Select id="compile-quarter" value={quarter} onChange={(v) => set('quarter', String(v))} style={{ width: 120, display: 'block' }}
              options={[1, 2, 3, 4].map((q) => ({ value: q, label: t('plan.quarterN', { n: q }) }))} />
          </div>
          {compiled.data && <Typography.Text>{t('plan.deadline', { date: formatDate(compiled.data.deadline) })} · {t('plan.elapsed')} {pct(compiled.data.elapsed)}</Typography.Text>}
        </Flex>
      </Card>
      {compiled.error && <ErrorState error={compiled.error} onRetry={compiled.reload} />}
      <Table<PlanCompiledRow>
        rowKey={(r) => r.reporter.code} size="small" loading={compiled.loading} pagination={false} scroll={{ x: 1400 }} dataSource={compiled.data?.rows ?? []}
        columns={[
          { title: t('plan.reporter'), fixed: 'left', width: 140, render: (_, r) => (en ? r.reporter.nameEn : r.reporter.nameZh) },
          { title: t('plan.reportStatus'), width: 100, render: (_, r) => <Tag color={r.late ? 'red' : undefined}>{t(`plan.status.${r.reportStatus}`)}</Tag> },
          ...directions.map((d) => ({
            // The plan's own numbering (二（一）) belongs to the Chinese text.
            title: en ? d.nameEn : `${d.section}${d.nameZh}`,
            width: 150,
            render: (_: unknown, r: PlanCompiledRow) => {
              const code = `${d.short}.hires`;
              const cell = r.cells[indicatorIndex.get(code) ?? -1];
              if (!cell) return '—';
              return (
                <span>
                  <Link to={`/admin/plan/drilldown?reporter=${encodeURIComponent(r.reporter.code)}&year=${year}&quarter=${quarter}&indicator=${code}`}
                    aria-label={`${bilingual(r.reporter.nameZh, r.reporter.nameEn)} ${code} ${cell.cumulative ?? 0}`}>
                    {cell.cumulative ?? '—'}
                  </Link>
                  {cell.annualGoal !== null && <> / {cell.annualGoal} <Tag color={STATUS_COLOR[cell.status]}>{pct(cell.completion)}</Tag></>}
                </span>
              );
            },
          })),
        ]}
      />
      <Flex wrap gap={12} style={{ marginTop: 12 }}>
        <Card size="small" title={t('plan.slow')} style={{ flex: '1 1 320px' }}>
          <Table size="small" rowKey={(s) => s.reporter + s.indicator} pagination={{ pageSize: 10 }} dataSource={compiled.data?.slow ?? []}
            columns={[
              { title: t('plan.reporter'), render: (_, s) => reporterName(s) },
              { title: t('plan.indicator'), render: (_, s) => names.get(s.indicator) ?? s.indicator },
              { title: t('plan.completion'), render: (_, s) => pct(s.completion) },
              { title: t('plan.elapsed'), render: (_, s) => pct(s.expected) },
            ]} />
        </Card>
        <Card size="small" title={t('plan.late')} style={{ flex: '1 1 320px' }}>
          <Table size="small" rowKey="reporter" pagination={{ pageSize: 10 }} dataSource={compiled.data?.late ?? []}
            columns={[
              { title: t('plan.reporter'), render: (_, l) => reporterName(l) },
              { title: t('plan.submittedOn'), render: (_, l) => (l.submittedOn ? formatDate(l.submittedOn) : t('plan.notSubmitted')) },
            ]} />
        </Card>
      </Flex>
    </>
  );
}

/** The records a figure counts: the hires behind a hires figure (names masked), the shortages filled, or the events held. */
export function PlanDrillDownPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const query = {
    reporter: params.get('reporter') ?? '', year: Number(params.get('year') ?? THIS_YEAR), quarter: Number(params.get('quarter') ?? THIS_QUARTER) as 1 | 2 | 3 | 4,
    indicator: (params.get('indicator') ?? 'D1.hires') as PlanIndicatorCode, span: (params.get('span') === 'quarter' ? 'quarter' : 'cumulative') as 'quarter' | 'cumulative',
  };
  const state = useApi('/api/plan/drilldown', { query });
  const metric = state.data?.metric ?? 'hires';
  const total = state.data?.total ?? 0;
  return (
    <>
      <PageTitle extra={<Link to={`/admin/plan/compile?year=${query.year}&quarter=${query.quarter}`}>{t('plan.backToCompile')}</Link>}>
        {t('plan.drilldownTitle', { indicator: query.indicator, reporter: query.reporter })}
      </PageTitle>
      {state.error && <ErrorState error={state.error} onRetry={state.reload} />}
      <Typography.Paragraph data-testid="drilldown-total">
        {t(metric === 'shortages_filled' ? 'plan.drilldownShortages' : metric === 'events_held' ? 'plan.drilldownEvents' : 'plan.drilldownTotal', { count: total })}
      </Typography.Paragraph>
      {metric === 'shortages_filled' ? (
        <Table size="small" rowKey="shortageId" loading={state.loading} dataSource={state.data?.shortages ?? []} pagination={{ pageSize: 20 }} scroll={{ x: 700 }}
          columns={[
            { title: t('plan.filledAt'), render: (_, r) => formatDate(r.filledAt) },
            { title: t('plan.shortage'), dataIndex: 'title', render: asName },
            { title: t('plan.employer'), dataIndex: 'employerName', render: asName },
            { title: t('plan.headcount'), dataIndex: 'headcount' },
          ]} />
      ) : metric === 'events_held' ? (
        <Table size="small" rowKey="eventId" loading={state.loading} dataSource={state.data?.events ?? []} pagination={{ pageSize: 20 }} scroll={{ x: 700 }}
          columns={[
            { title: t('plan.eventDate'), dataIndex: 'date' },
            { title: t('plan.event'), dataIndex: 'title', render: asName },
            { title: t('plan.station'), dataIndex: 'stationName', render: asName },
          ]} />
      ) : (
        <Table size="small" rowKey="applicationId" loading={state.loading} dataSource={state.data?.records ?? []} pagination={{ pageSize: 20 }} scroll={{ x: 700 }}
          columns={[
            { title: t('plan.hiredAt'), render: (_, r) => formatDate(r.hiredAt) },
            { title: t('plan.shortage'), dataIndex: 'shortageTitle', render: asName },
            { title: t('plan.employer'), dataIndex: 'employerName', render: asName },
            { title: t('plan.seeker'), dataIndex: 'seekerName', render: asName },
            { title: t('plan.priority'), render: (_, r) => (r.priority ? t('common.yes') : '') },
          ]} />
      )}
    </>
  );
}
