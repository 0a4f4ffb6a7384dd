import { lazy, Suspense, useMemo, useState } from 'react';
import { Button, Card, Col, Flex, Input, Progress, Row, Statistic, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../app/hooks';
import { formatDateTime, formatNumber } from '../../app/format';
import { RegionPicker } from '../../components/pickers';
import { PageTitle } from '../../components/Shell';
import { Async, EmptyState } from '../../components/States';
import { useToast } from '../../components/toast';
import type { ChartOption } from './Chart';
import { client, unwrap } from '../../api/client';
import { asName, Name } from '../../components/Name';
import { regionName } from '../../app/taxonomy';

// ECharts is the largest library of the console: it loads while the dashboard's figures are being fetched; the map of
// Hainan (ECharts' map chart and the boundaries) is a chunk of its own, fetched at the same time.
const LazyChart = lazy(() => import('./Chart').then((m) => ({ default: m.Chart })));
const LazyRegionMap = lazy(() => import('./RegionMap'));
function Chart(props: { option: ChartOption; label: string; height?: number }) {
  return (
    <Suspense fallback={<div style={{ height: props.height ?? 320 }} aria-busy="true" />}>
      <LazyChart {...props} />
    </Suspense>
  );
}

const COLORS = ['#0b57b8', '#2d7a12', '#a35c00', '#8e24aa', '#c4161c', '#00838f', '#5d4037', '#37474f'];

/** The day after a YYYY-MM-DD date: the API's `to` is exclusive, the page's end date inclusive. */
function dayAfter(date: string): string {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}

function horizontalBar(names: string[], values: number[], seriesName: string, color?: string): ChartOption {
  return {
    color: color ? [color] : COLORS,
    tooltip: { trigger: 'axis' },
    grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: [...names].reverse(), axisLabel: { width: 140, overflow: 'truncate' } },
    series: [{ name: seriesName, type: 'bar', data: [...values].reverse() }],
  };
}

/** The province at a glance: open demand by place, occupation family and policy direction, 求人倍率, outcomes, training demand. */
export default function DashboardPage() {
  const { t } = useTranslation();
  const toast = useToast();
  const [region, setRegion] = useState<string>();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const filters = { region, from: from || undefined, to: to ? dayAfter(to) : undefined };
  const byRegion = useApi('/api/demand/summary', { query: { by: 'region', ...filters } });
  const byOccupation = useApi('/api/demand/summary', { query: { by: 'occupation', level: 2, ...filters } });
  const byDirection = useApi('/api/demand/summary', { query: { by: 'direction', ...filters } });
  const outcomes = useApi('/api/demand/outcomes', { query: filters });
  const training = useApi('/api/demand/training-needs', { query: { region } });
  const runs = useApi('/api/matching/runs', { query: { limit: 1 } });
  const [starting, setStarting] = useState(false);

  const positions = t('dashboard.openPositions');
  const ratio = t('dashboard.ratio');
  const totals = byRegion.data?.totals;
  const trainingTop = useMemo(() => {
    const sums = new Map<string, number>();
    for (const need of training.data?.items ?? []) sums.set(need.gap, (sums.get(need.gap) ?? 0) + need.seekers);
    return [...sums.entries()].sort((a, b) => b[1] - a[1]).slice(0, 12);
  }, [training.data]);
  const groupName = (group: string) => (group === 'none' ? t('dashboard.noPriorityGroup') : t(`enums.priorityGroup.${group}`, { defaultValue: group }));

  const startRun = async () => {
    setStarting(true);
    if (await toast.attempt(() => unwrap(client.POST('/api/matching/runs')), t('dashboard.runStarted'))) runs.reload();
    setStarting(false);
  };
  const latest = runs.data?.items[0];
  const loadingTotals = byRegion.data === undefined && byRegion.loading;

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
            <Input id="dash-from" type="date" value={from} max={to || undefined} onChange={(e) => setFrom(e.target.value)} />
          </div>
          <div>
            <label htmlFor="dash-to">{t('dashboard.to')}</label>
            <Input id="dash-to" type="date" value={to} min={from || undefined} onChange={(e) => setTo(e.target.value)} />
          </div>
          <Button onClick={() => (setRegion(undefined), setFrom(''), setTo(''))}>{t('common.reset')}</Button>
        </Flex>
      </Card>
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        <Col xs={12} md={6}>
          <Card size="small"><Statistic title={positions} value={totals?.openPositions} loading={loadingTotals} /></Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small"><Statistic title={t('dashboard.shortages')} value={totals?.shortages} loading={loadingTotals} /></Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small"><Statistic title={ratio} value={formatNumber(totals?.demandSupplyRatio ?? null, 2)} loading={loadingTotals} /></Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small"><Statistic title={t('dashboard.seekers')} value={totals?.seekers} loading={loadingTotals} /></Card>
        </Col>
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24}>
          <Card size="small" title={t('dashboard.byRegion')}>
            {/* The map stays when nothing is open: every place then shows 0 (seekers are still registered there). */}
            <Async state={byRegion} isEmpty={() => false}>
              {(d) => (
                <Row gutter={[16, 16]}>
                  <Col xs={24} xl={14}>
                    <Suspense fallback={<div style={{ height: 420 }} aria-busy="true" />}>
                      <LazyRegionMap groups={d.groups} complete={!region} onSelect={setRegion} />
                    </Suspense>
                    <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
                      {t('dashboard.mapHint')}
                    </Typography.Paragraph>
                  </Col>
                  <Col xs={24} xl={10}>
                    <Table
                      size="small"
                      rowKey="key"
                      caption={<Typography.Text strong>{t('dashboard.regionTable')}</Typography.Text>}
                      pagination={{ pageSize: 10, showSizeChanger: false, hideOnSinglePage: true }}
                      dataSource={[...d.groups].sort((a, b) => b.openPositions - a.openPositions)}
                      columns={[
                        { title: t('fields.region'), dataIndex: 'name', render: (name: string, g) => <Name>{regionName(g.key, name)}</Name> },
                        { title: positions, dataIndex: 'openPositions', align: 'right' },
                        { title: t('dashboard.shortages'), dataIndex: 'shortages', align: 'right' },
                        { title: t('dashboard.seekers'), dataIndex: 'seekers', align: 'right', render: (v?: number) => v ?? '—' },
                        { title: ratio, dataIndex: 'demandSupplyRatio', align: 'right', render: (v?: number | null) => formatNumber(v ?? null, 2) },
                      ]}
                    />
                  </Col>
                </Row>
              )}
            </Async>
          </Card>
        </Col>
        <Col xs={24}>
          <Card size="small" title={t('dashboard.outcomes')} extra={<Typography.Text type="secondary">{t('dashboard.outcomesHint')}</Typography.Text>}>
            <Async state={outcomes} isEmpty={() => false}>
              {(o) => (
                <Row gutter={[16, 16]}>
                  <Col xs={24} lg={10}>
                    <Row gutter={[12, 12]}>
                      <Col xs={12}>
                        <Card size="small">
                          <Statistic
                            title={t('dashboard.timeToFill')}
                            value={o.timeToFill.filled ? t('dashboard.timeToFillValue', { median: formatNumber(o.timeToFill.medianDays, 1), p90: formatNumber(o.timeToFill.p90Days, 1) }) : '—'}
                          />
                          <Typography.Text type="secondary">{t('dashboard.timeToFillDetail', { count: o.timeToFill.filled })}</Typography.Text>
                        </Card>
                      </Col>
                      <Col xs={12}>
                        <Card size="small">
                          <Statistic title={t('dashboard.fillRate')} value={o.fillRate.rate == null ? '—' : `${formatNumber(o.fillRate.rate * 100, 1)}%`} />
                          <Typography.Text type="secondary">{t('dashboard.fillRateDetail', { filled: o.fillRate.filledHeadcount, headcount: o.fillRate.headcount, expired: o.fillRate.expired })}</Typography.Text>
                        </Card>
                      </Col>
                      <Col xs={12}>
                        <Card size="small">
                          <Statistic title={t('dashboard.hires')} value={o.hires.total} />
                          <Typography.Text type="secondary">{t('dashboard.hiresDetail')}</Typography.Text>
                        </Card>
                      </Col>
                      <Col xs={12}>
                        <Card size="small">
                          <Statistic title={t('dashboard.eventsHeld')} value={o.events.held} />
                          <Typography.Text type="secondary">{t('dashboard.eventsDetail', { attended: o.events.attended, hires: o.events.hires })}</Typography.Text>
                        </Card>
                      </Col>
                    </Row>
                  </Col>
                  <Col xs={24} lg={14}>
                    <Typography.Title level={2} style={{ fontSize: 14, marginTop: 0 }}>{t('dashboard.hiresByGroup')}</Typography.Title>
                    {o.hires.total === 0 ? (
                      <EmptyState description={t('dashboard.noHires')} />
                    ) : (
                      <>
                        <Chart
                          label={t('dashboard.hiresByGroup')}
                          height={280}
                          option={horizontalBar(o.hires.byPriorityGroup.map((g) => groupName(g.group)), o.hires.byPriorityGroup.map((g) => g.hires), t('dashboard.hires'), '#2d7a12')}
                        />
                        <Table
                          size="small"
                          rowKey="group"
                          pagination={false}
                          dataSource={o.hires.byPriorityGroup}
                          columns={[
                            { title: t('fields.priorityGroups'), dataIndex: 'group', render: (group: string) => groupName(group) },
                            { title: t('dashboard.hires'), dataIndex: 'hires', align: 'right' },
                          ]}
                        />
                      </>
                    )}
                    <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
                      {t('dashboard.hiresGroupNote')}
                    </Typography.Paragraph>
                  </Col>
                </Row>
              )}
            </Async>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('dashboard.byOccupation')}>
            <Async state={byOccupation} isEmpty={(d) => d.groups.length === 0}>
              {(d) => {
                const top = [...d.groups].sort((a, b) => b.openPositions - a.openPositions).slice(0, 12);
                return <Chart label={t('dashboard.byOccupation')} option={horizontalBar(top.map((g) => g.name), top.map((g) => g.openPositions), positions)} />;
              }}
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
                    series: [{ type: 'pie', radius: ['35%', '65%'], data: d.groups.map((g) => ({ name: g.key === 'unspecified' ? t('dashboard.directionUnspecified') : t(`enums.direction.${g.key}`), value: g.openPositions })) }],
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
                    { title: t('fields.occupation'), dataIndex: 'name', render: asName },
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
              {() => <Chart label={t('dashboard.training')} option={horizontalBar(trainingTop.map(([gap]) => gap), trainingTop.map(([, n]) => n), t('dashboard.seekers'), '#a35c00')} />}
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
