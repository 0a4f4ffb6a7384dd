import { lazy, Suspense, useMemo, useState } from 'react';
import { Button, Card, Col, Flex, Input, Progress, Row, Statistic, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, Page } from '../../app/api';
import { useApi } from '../../app/hooks';
import { formatDateTime, formatNumber } from '../../app/format';
import { RegionPicker } from '../../components/pickers';
import { PageTitle } from '../../components/Shell';
import { Async } from '../../components/States';
import { useToast } from '../../components/toast';
import type { ChartOption } from './Chart';

// ECharts is the largest library of the console: it loads while the dashboard's figures are being fetched.
const LazyChart = lazy(() => import('./Chart').then((m) => ({ default: m.Chart })));
function Chart(props: { option: ChartOption; label: string }) {
  return (
    <Suspense fallback={<div style={{ height: 320 }} aria-busy="true" />}>
      <LazyChart {...props} />
    </Suspense>
  );
}

interface DemandGroup {
  key: string;
  name: string;
  openPositions: number;
  shortages: number;
  employers: number;
  medianMonthlyWage: number | null;
  demandSupplyRatio?: number | null;
  seekers?: number;
}

interface TrainingNeed {
  occupationCode: string;
  regionCode: string;
  kind: string;
  gap: string;
  seekers: number;
}

interface MatchRun {
  id: string;
  status: string;
  shardsTotal: number;
  shardsDone: number;
  pairsScored: number;
  recommendations: number;
  referrals: number;
  startedAt: string;
  finishedAt: string | null;
}

const COLORS = ['#0b57b8', '#2d7a12', '#a35c00', '#8e24aa', '#c4161c', '#00838f', '#5d4037', '#37474f'];

function bar(groups: DemandGroup[], ratioLabel: string, positionsLabel: string, horizontal = false): ChartOption {
  const names = groups.map((g) => g.name);
  const positions = groups.map((g) => g.openPositions);
  const ratios = groups.map((g) => (g.demandSupplyRatio == null ? null : Math.round(g.demandSupplyRatio * 100) / 100));
  if (horizontal) {
    return {
      color: COLORS,
      tooltip: { trigger: 'axis' },
      grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value' },
      yAxis: { type: 'category', data: [...names].reverse(), axisLabel: { width: 140, overflow: 'truncate' } },
      series: [{ name: positionsLabel, type: 'bar', data: [...positions].reverse() }],
    };
  }
  return {
    color: COLORS,
    tooltip: { trigger: 'axis' },
    legend: { data: [positionsLabel, ratioLabel] },
    grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: names, axisLabel: { rotate: 40, interval: 0 } },
    yAxis: [{ type: 'value', name: positionsLabel }, { type: 'value', name: ratioLabel, splitLine: { show: false } }],
    series: [
      { name: positionsLabel, type: 'bar', data: positions },
      { name: ratioLabel, type: 'line', yAxisIndex: 1, data: ratios },
    ],
  };
}

/** The province at a glance: open demand by place, occupation family and policy direction, 求人倍率, training demand, events. */
export default function DashboardPage() {
  const { t } = useTranslation();
  const toast = useToast();
  const [region, setRegion] = useState<string>();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const filters = { region, from: from || undefined, to: to || undefined };
  const byRegion = useApi<{ groups: DemandGroup[] }>('/api/demand/summary', { by: 'region', ...filters });
  const byOccupation = useApi<{ groups: DemandGroup[] }>('/api/demand/summary', { by: 'occupation', level: 2, ...filters });
  const byDirection = useApi<{ groups: DemandGroup[] }>('/api/demand/summary', { by: 'direction', ...filters });
  const training = useApi<{ items: TrainingNeed[] }>('/api/demand/training-needs', { region });
  const events = useApi<Page<unknown>>('/api/events', { status: 'completed', limit: 1 });
  const filled = useApi<Page<unknown>>('/api/shortages', { status: ['filled'], limit: 1 });
  const published = useApi<Page<unknown>>('/api/shortages', { status: ['open', 'partially_filled', 'filled', 'closed', 'expired'], limit: 1 });
  const runs = useApi<Page<MatchRun>>('/api/matching/runs', { limit: 1 });
  const [starting, setStarting] = useState(false);

  const positions = t('dashboard.openPositions');
  const ratio = t('dashboard.ratio');
  const totals = useMemo(() => {
    const groups = byRegion.data?.groups ?? [];
    return { positions: groups.reduce((s, g) => s + g.openPositions, 0), shortages: groups.reduce((s, g) => s + g.shortages, 0), seekers: groups.reduce((s, g) => s + (g.seekers ?? 0), 0) };
  }, [byRegion.data]);
  const trainingTop = useMemo(() => {
    const sums = new Map<string, number>();
    for (const need of training.data?.items ?? []) sums.set(need.gap, (sums.get(need.gap) ?? 0) + need.seekers);
    return [...sums.entries()].sort((a, b) => b[1] - a[1]).slice(0, 12);
  }, [training.data]);

  const startRun = async () => {
    setStarting(true);
    if (await toast.attempt(() => api('/api/matching/runs', { method: 'POST' }), t('dashboard.runStarted'))) runs.reload();
    setStarting(false);
  };
  const latest = runs.data?.items[0];
  const fillRate = filled.data && published.data?.total ? filled.data.total / published.data.total : null;

  return (
    <>
      <PageTitle>{t('dashboard.title')}</PageTitle>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Flex wrap gap={12} align="end">
          <div style={{ minWidth: 220 }}>
            <label htmlFor="dash-region">{t('fields.region')}</label>
            <RegionPicker id="dash-region" value={region} onChange={setRegion} />
          </div>
          <div>
            <label htmlFor="dash-from">{t('dashboard.from')}</label>
            <Input id="dash-from" type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
          </div>
          <div>
            <label htmlFor="dash-to">{t('dashboard.to')}</label>
            <Input id="dash-to" type="date" value={to} onChange={(e) => setTo(e.target.value)} />
          </div>
          <Button onClick={() => (setRegion(undefined), setFrom(''), setTo(''))}>{t('common.reset')}</Button>
        </Flex>
      </Card>
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        <Col xs={12} md={4}>
          <Card size="small"><Statistic title={positions} value={totals.positions} /></Card>
        </Col>
        <Col xs={12} md={4}>
          <Card size="small"><Statistic title={t('dashboard.shortages')} value={totals.shortages} /></Card>
        </Col>
        <Col xs={12} md={4}>
          <Card size="small"><Statistic title={ratio} value={totals.seekers ? formatNumber(totals.positions / totals.seekers, 2) : '—'} /></Card>
        </Col>
        <Col xs={12} md={4}>
          <Card size="small"><Statistic title={t('dashboard.fillRate')} value={fillRate == null ? '—' : `${formatNumber(fillRate * 100, 1)}%`} /></Card>
        </Col>
        <Col xs={12} md={4}>
          <Card size="small"><Statistic title={t('dashboard.eventsHeld')} value={events.data?.total ?? '—'} /></Card>
        </Col>
        <Col xs={12} md={4}>
          <Card size="small"><Statistic title={t('dashboard.seekers')} value={totals.seekers} /></Card>
        </Col>
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24}>
          <Card size="small" title={t('dashboard.byRegion')}>
            <Async state={byRegion} isEmpty={(d) => d.groups.length === 0}>
              {(d) => <Chart label={t('dashboard.byRegion')} option={bar(d.groups, ratio, positions)} />}
            </Async>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('dashboard.byOccupation')}>
            <Async state={byOccupation} isEmpty={(d) => d.groups.length === 0}>
              {(d) => <Chart label={t('dashboard.byOccupation')} option={bar([...d.groups].sort((a, b) => b.openPositions - a.openPositions).slice(0, 12), ratio, positions, true)} />}
            </Async>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('dashboard.byDirection')}>
            <Async state={byDirection} isEmpty={(d) => d.groups.length === 0}>
              {(d) => (
                <Chart
                  label={t('dashboard.byDirection')}
                  option={{
                    color: COLORS,
                    tooltip: { trigger: 'item' },
                    legend: { bottom: 0, type: 'scroll' },
                    series: [{ type: 'pie', radius: ['35%', '65%'], data: d.groups.map((g) => ({ name: t(`enums.direction.${g.key}`, { defaultValue: g.name }), value: g.openPositions })) }],
                  }}
                />
              )}
            </Async>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('dashboard.ratioByOccupation')}>
            <Async state={byOccupation} isEmpty={(d) => d.groups.length === 0}>
              {(d) => (
                <Table
                  size="small"
                  rowKey="key"
                  pagination={{ pageSize: 8, showSizeChanger: false }}
                  dataSource={[...d.groups].sort((a, b) => (b.demandSupplyRatio ?? 0) - (a.demandSupplyRatio ?? 0))}
                  columns={[
                    { title: t('fields.occupation'), dataIndex: 'name' },
                    { title: positions, dataIndex: 'openPositions' },
                    { title: t('dashboard.seekers'), dataIndex: 'seekers', render: (v?: number) => v ?? '—' },
                    { title: ratio, dataIndex: 'demandSupplyRatio', render: (v?: number | null) => formatNumber(v ?? null, 2) },
                    { title: t('dashboard.medianWage'), dataIndex: 'medianMonthlyWage', render: (v: number | null) => formatNumber(v) },
                  ]}
                />
              )}
            </Async>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('dashboard.training')}>
            <Async state={training} empty={t('dashboard.noTraining')}>
              {() => (
                <Chart
                  label={t('dashboard.training')}
                  option={{
                    color: ['#a35c00'],
                    tooltip: { trigger: 'axis' },
                    grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
                    xAxis: { type: 'value' },
                    yAxis: { type: 'category', data: trainingTop.map(([gap]) => gap).reverse() },
                    series: [{ name: t('dashboard.seekers'), type: 'bar', data: trainingTop.map(([, n]) => n).reverse() }],
                  }}
                />
              )}
            </Async>
          </Card>
        </Col>
        <Col xs={24}>
          <Card size="small" title={t('dashboard.matching')} extra={<Button onClick={startRun} loading={starting}>{t('dashboard.startRun')}</Button>}>
            {latest ? (
              <Flex vertical gap={8}>
                <Typography.Text>
                  {t(`dashboard.runStatus.${latest.status}`, { defaultValue: latest.status })} · {formatDateTime(latest.startedAt)} · {t('dashboard.runCounts', { pairs: latest.pairsScored, recommendations: latest.recommendations, referrals: latest.referrals })}
                </Typography.Text>
                <Progress percent={latest.shardsTotal ? Math.round((latest.shardsDone / latest.shardsTotal) * 100) : 0} aria-label={t('dashboard.matching')} />
                <Button size="small" onClick={runs.reload} style={{ alignSelf: 'start' }}>
                  {t('common.refresh')}
                </Button>
              </Flex>
            ) : (
              <Typography.Text type="secondary">{t('dashboard.noRuns')}</Typography.Text>
            )}
          </Card>
        </Col>
      </Row>
    </>
  );
}
