import { useEffect, useState, type ReactNode } from 'react';
import { Alert, Button, Card, Checkbox, Col, Descriptions, Flex, Form, Input, InputNumber, List, Row, Select, Statistic, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { client, download, get, unwrap } from '../../api/client';
import { departmentValues, layoffGroundValues, type LayoffReport, type LayoffReportInput, type WarningAlert } from '../../api/types';
import { bilingual, colon, formatDate, formatDateTime, formatNumber, inBrackets, joinList, shanghaiToday } from '../../app/format';
import { useApi } from '../../app/hooks';
import { useNames, useRegions } from '../../app/taxonomy';
import { TaxonomyTreePicker } from '../pickers';
import { PageTitle } from '../Shell';
import { Async } from '../States';
import { useEmployers } from '../shortages/types';
import { useToast } from '../toast';
import { asName, Name, Named, nameLabel, nameOption } from '../Name';

export const LEVEL_COLOR: Record<string, string> = { IV: 'blue', III: 'gold', II: 'orange', I: 'red' };
const VERDICT_COLOR: Record<string, string> = { pass: 'green', fail: 'red', unknown: 'default' };
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** Empty-list text dark enough to read (axe: colour contrast). */
function Muted({ children }: { children: ReactNode }) {
  return <span style={{ color: '#595959' }}>{children}</span>;
}

export function LevelTag({ level }: { level: string }) {
  const { t } = useTranslation();
  return <Tag color={LEVEL_COLOR[level]}>{t('warnings.level', { level, colour: t(`warnings.colour.${level}`) })}</Tag>;
}

/** 裁员报告 (劳动合同法 第41条): an officer for a paired enterprise; the check is shown, then the rapid-response case. */
export function LayoffReportPage({ base }: { base: string }) {
  const { t } = useTranslation();
  const toast = useToast();
  const [form] = Form.useForm<LayoffReportInput>();
  const { employers, state } = useEmployers();
  const [filed, setFiled] = useState<LayoffReport | null>(null);
  const [caseId, setCaseId] = useState<string | null>(null);

  useEffect(() => {
    if (!filed || caseId) return;
    const timer = setInterval(() => {
      void get('/api/warnings/layoff-reports/{id}', { path: { id: filed.id } }).then((r) => r.caseId && setCaseId(r.caseId), () => undefined);
    }, 1000);
    return () => clearInterval(timer);
  }, [filed, caseId]);

  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    let saved: LayoffReport | null = null;
    const ok = await toast.attempt(async () => {
      saved = await unwrap(client.POST('/api/warnings/layoff-reports', { body: values }));
    }, t('warnings.layoffFiled'));
    if (ok && saved) {
      setCaseId(null);
      setFiled(saved);
    }
  };

  return (
    <>
      <PageTitle>{t('warnings.layoffTitle')}</PageTitle>
      <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t('warnings.layoffIntro')} />
      <Form form={form} layout="vertical" initialValues={{ unionConsulted: true, effectiveDate: '', noticeDate: shanghaiToday() }} aria-label={t('warnings.layoffTitle')}>
        <Row gutter={12}>
          <Col xs={24} md={12}>
            <Form.Item name="employerId" label={t('fields.employer')} rules={[{ required: true, message: t('common.required') }]}>
              <Select
                showSearch optionFilterProp="label" loading={state.loading} aria-label={t('fields.employer')}
                options={employers.map((e) => ({ value: e.id, label: e.name }))} labelRender={nameLabel} optionRender={nameOption}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="ground" label={t('warnings.ground')} rules={[{ required: true, message: t('common.required') }]}>
              <Select aria-label={t('warnings.ground')} options={layoffGroundValues.map((g) => ({ value: g, label: t(`warnings.grounds.${g}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="count" label={t('warnings.count')} rules={[{ required: true, message: t('common.required') }]}>
              <InputNumber min={1} max={1_000_000} style={{ width: '100%' }} aria-label={t('warnings.count')} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="staff" label={t('warnings.staff')}>
              <InputNumber min={1} max={10_000_000} style={{ width: '100%' }} aria-label={t('warnings.staff')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="occupations" label={t('warnings.occupations')} rules={[{ required: true, message: t('common.required') }]}>
              <TaxonomyTreePicker kind="occupations" multiple leafOnly aria-label={t('warnings.occupations')} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="noticeDate" label={t('warnings.noticeDate')} rules={[{ pattern: DATE, message: t('warnings.dateRule') }]}>
              <Input type="date" aria-label={t('warnings.noticeDate')} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="effectiveDate" label={t('warnings.effectiveDate')} rules={[{ required: true, pattern: DATE, message: t('warnings.dateRule') }]}>
              <Input type="date" aria-label={t('warnings.effectiveDate')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="unionConsulted" valuePropName="checked">
              <Checkbox>{t('warnings.unionConsulted')}</Checkbox>
            </Form.Item>
          </Col>
        </Row>
        <Button type="primary" onClick={submit}>{t('warnings.fileLayoff')}</Button>
      </Form>
      {filed && (
        <Card title={t('warnings.checkTitle')} style={{ marginTop: 16 }} size="small">
          <List
            dataSource={filed.check.checks}
            renderItem={(c) => (
              <List.Item>
                <Tag color={VERDICT_COLOR[c.verdict]}>{t(`warnings.verdict.${c.verdict}`)}</Tag> {bilingual(c.zh, c.en)} <span style={{ color: '#595959' }}>{inBrackets(c.basis)}</span>
              </List.Item>
            )}
          />
          {caseId ? (
            <Link to={`${base}/warnings/cases/${caseId}`}>{t('warnings.openCase')}</Link>
          ) : (
            <span role="status">{t('warnings.waitingForCase')}</span>
          )}
        </Card>
      )}
    </>
  );
}

/** 失业动态监测: a monitored firm's monthly report, filed by the paired officer. */
export function FirmReportPage() {
  const { t } = useTranslation();
  const toast = useToast();
  const [form] = Form.useForm();
  const { employers } = useEmployers();
  const employerId = Form.useWatch('employerId', form) as string | undefined;
  const reports = useApi('/api/warnings/firm-reports', { query: { employerId: employerId ?? '' } }, { enabled: !!employerId });
  const reductions = ['natural', 'dismissal', 'closure', 'economic_layoff', 'transfer', 'other'] as const;

  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    const ok = await toast.attempt(() => unwrap(client.POST('/api/warnings/firm-reports', { body: values })), t('warnings.firmFiled'));
    if (ok) reports.reload();
  };
  return (
    <>
      <PageTitle>{t('warnings.firmTitle')}</PageTitle>
      <Form form={form} layout="vertical" aria-label={t('warnings.firmTitle')} initialValues={{ additions: 0, reductions: {} }}>
        <Row gutter={12}>
          <Col xs={24} md={12}>
            <Form.Item name="employerId" label={t('fields.employer')} rules={[{ required: true, message: t('common.required') }]}>
              <Select showSearch optionFilterProp="label" aria-label={t('fields.employer')} options={employers.map((e) => ({ value: e.id, label: e.name }))} labelRender={nameLabel} optionRender={nameOption} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="month" label={t('warnings.month')} rules={[{ required: true, pattern: MONTH, message: t('warnings.monthRule') }]}>
              <Input type="month" aria-label={t('warnings.month')} />
            </Form.Item>
          </Col>
          {(['enrolmentHeadcount', 'previousHeadcount', 'headcount', 'additions'] as const).map((name) => (
            <Col xs={12} md={6} key={name}>
              <Form.Item name={name} label={t(`warnings.${name}`)} rules={[{ required: true, message: t('common.required') }]}>
                <InputNumber min={0} max={10_000_000} style={{ width: '100%' }} aria-label={t(`warnings.${name}`)} />
              </Form.Item>
            </Col>
          ))}
          {reductions.map((name) => (
            <Col xs={12} md={4} key={name}>
              <Form.Item name={['reductions', name]} label={t(`warnings.reductions.${name}`)}>
                <InputNumber min={0} max={10_000_000} style={{ width: '100%' }} aria-label={t(`warnings.reductions.${name}`)} />
              </Form.Item>
            </Col>
          ))}
        </Row>
        <Button type="primary" onClick={submit}>{t('warnings.fileFirm')}</Button>
      </Form>
      {employerId && (
        <Async state={reports} empty={t('warnings.noFirmReports')}>
          {(data) => (
            <Table
              rowKey="id" size="small" style={{ marginTop: 16 }} pagination={false} dataSource={data.items} scroll={{ x: 500 }}
              columns={[
                { title: t('warnings.month'), dataIndex: 'month' },
                { title: t('warnings.headcount'), dataIndex: 'headcount' },
                { title: t('warnings.jobLossRate'), dataIndex: 'jobLossRate', render: (v: number) => `${formatNumber(v, 2)}%` },
                { title: t('warnings.filedAt'), dataIndex: 'updatedAt', render: (v: string) => formatDateTime(v) },
              ]}
            />
          )}
        </Async>
      )}
    </>
  );
}

/** Alerts in the caller's region, newest first, by city and county; the monthly workbook of a month. */
export function AlertsPage({ base }: { base: string }) {
  const { t, i18n } = useTranslation();
  const toast = useToast();
  const [status, setStatus] = useState<WarningAlert['status'] | undefined>();
  const [month, setMonth] = useState(shanghaiToday().slice(0, 7));
  const state = useApi('/api/warnings/alerts', { query: { status, limit: 100 } });
  const { regionName } = useRegions();
  const lang = i18n.language.startsWith('en') ? 'en' : 'zh';
  const exportWorkbook = () =>
    MONTH.test(month) && download('/api/warnings/workbook', { query: { month, lang } }, `unemployment-warning-${month}.xlsx`).catch(toast.error);
  return (
    <>
      <PageTitle
        extra={
          <Flex gap={8} wrap>
            <Select
              allowClear placeholder={t('fields.status')} aria-label={t('fields.status')} style={{ width: 160 }} value={status} onChange={setStatus}
              options={(['open', 'acknowledged', 'closed'] as const).map((s) => ({ value: s, label: t(`warnings.status.${s}`) }))}
            />
            <Input type="month" aria-label={t('warnings.month')} value={month} onChange={(e) => setMonth(e.target.value)} style={{ width: 160 }} />
            <Button onClick={exportWorkbook}>{t('warnings.workbook')}</Button>
          </Flex>
        }
      >
        {t('warnings.alertsTitle')}
      </PageTitle>
      <Async state={state} empty={t('warnings.noAlerts')}>
        {(page) => (
          <>
            <Flex gap={8} wrap style={{ marginBottom: 12 }} aria-label={t('warnings.byRegion')}>
              {[...new Map(page.items.filter((a) => a.status !== 'closed').map((a) => [a.regionCode, a])).values()].map((a) => (
                <Card size="small" key={a.regionCode}>
                  <Statistic title={<Name>{regionName(a.regionCode)}</Name>} valueRender={() => <LevelTag level={a.level} />} />
                </Card>
              ))}
            </Flex>
            <Table
              rowKey="id" size="small" dataSource={page.items} pagination={false} scroll={{ x: 700 }}
              columns={[
                { title: t('warnings.levelColumn'), dataIndex: 'level', render: (l: string, a) => <Link to={`${base}/warnings/${a.id}`}><LevelTag level={l} /></Link> },
                { title: t('fields.region'), dataIndex: 'regionCode', render: (c: string) => <Name>{regionName(c)}</Name> },
                { title: t('warnings.kindColumn'), dataIndex: 'kind', render: (k: string) => t(`warnings.kind.${k}`) },
                { title: t('fields.status'), dataIndex: 'status', render: (s: string) => t(`warnings.status.${s}`) },
                { title: t('warnings.tierColumn'), dataIndex: 'tier', render: (s: string) => t(`warnings.tier.${s}`) },
                { title: t('warnings.raisedAt'), dataIndex: 'raisedAt', render: (d: string) => formatDateTime(d) },
                { title: t('common.actions'), render: (_, a) => <Link to={`${base}/warnings/${a.id}`}>{t('warnings.details')}</Link> },
              ]}
            />
          </>
        )}
      </Async>
    </>
  );
}

/** One alert: its evidence, acknowledgements and escalations; acknowledge for a department. */
export function AlertDetailPage({ base }: { base: string }) {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const toast = useToast();
  const state = useApi('/api/warnings/alerts/{id}', { path: { id } });
  const { regionName } = useRegions();
  const [department, setDepartment] = useState<(typeof departmentValues)[number]>('hrss');
  const [note, setNote] = useState('');
  const acknowledge = async () => {
    const ok = await toast.attempt(
      () => unwrap(client.POST('/api/warnings/alerts/{id}/acknowledge', { params: { path: { id } }, body: { department, note } })),
      t('warnings.acknowledged'),
    );
    if (ok) state.reload();
  };
  return (
    <Async state={state}>
      {({ alert, acknowledgements, escalations, caseId }) => (
        <>
          <PageTitle extra={caseId && <Link to={`${base}/warnings/cases/${caseId}`}>{t('warnings.openCase')}</Link>}>
            {t('warnings.alertTitle', { region: regionName(alert.regionCode) })}
          </PageTitle>
          <Descriptions size="small" bordered column={{ xs: 1, md: 2 }} style={{ marginBottom: 16 }}>
            <Descriptions.Item label={t('warnings.levelColumn')}><LevelTag level={alert.level} /></Descriptions.Item>
            <Descriptions.Item label={t('fields.status')}>{t(`warnings.status.${alert.status}`)}</Descriptions.Item>
            <Descriptions.Item label={t('warnings.kindColumn')}>{t(`warnings.kind.${alert.kind}`)}</Descriptions.Item>
            <Descriptions.Item label={t('warnings.month')}>{alert.month}</Descriptions.Item>
            <Descriptions.Item label={t('warnings.raisedAt')}>{formatDateTime(alert.raisedAt)}</Descriptions.Item>
            <Descriptions.Item label={t('warnings.tierColumn')}>{t(`warnings.tier.${alert.tier}`)}</Descriptions.Item>
            <Descriptions.Item label={t('warnings.nextEscalation')}>{alert.nextEscalationAt ? formatDateTime(alert.nextEscalationAt) : '—'}</Descriptions.Item>
          </Descriptions>
          <Card size="small" title={t('warnings.evidence')} style={{ marginBottom: 16 }}>
            <Table
              rowKey="code" size="small" pagination={false} dataSource={alert.evidence.indicators} scroll={{ x: 400 }}
              columns={[
                { title: t('warnings.indicator'), dataIndex: 'code', render: (c: string) => t(`warnings.indicators.${c}`, { defaultValue: c }) },
                { title: t('warnings.value'), dataIndex: 'value', render: (v: number) => formatNumber(v, 2) },
                { title: t('warnings.levelColumn'), dataIndex: 'severity', render: (s: number) => (s ? <LevelTag level={['IV', 'III', 'II', 'I'][s - 1]} /> : '—') },
                { title: t('warnings.driver'), dataIndex: 'code', render: (c: string) => (alert.drivers.includes(c) ? '✓' : '') },
              ]}
            />
            {alert.evidence.history.length > 0 && (
              <p style={{ marginTop: 8 }}>
                {t('warnings.history')}{colon()}{joinList(alert.evidence.history.map((h) => `${h.month} ${h.published ? ['IV', 'III', 'II', 'I'][h.published - 1] : '—'}`))}
              </p>
            )}
          </Card>
          <Card size="small" title={t('warnings.acknowledgements')} style={{ marginBottom: 16 }}>
            <List
              dataSource={acknowledgements} locale={{ emptyText: <Muted>{t('warnings.noAcknowledgements')}</Muted> }}
              renderItem={(a) => <List.Item>{t(`warnings.departments.${a.department}`)} · {formatDateTime(a.at)} {a.note && <Name>{a.note}</Name>}</List.Item>}
            />
            <Flex gap={8} wrap style={{ marginTop: 8 }}>
              <Select
                aria-label={t('warnings.department')} value={department} onChange={setDepartment} style={{ width: 220 }}
                options={departmentValues.map((d) => ({ value: d, label: t(`warnings.departments.${d}`) }))}
              />
              <Input aria-label={t('warnings.note')} placeholder={t('warnings.note')} value={note} onChange={(e) => setNote(e.target.value)} style={{ maxWidth: 320 }} maxLength={500} />
              <Button type="primary" onClick={acknowledge}>{t('warnings.acknowledge')}</Button>
            </Flex>
          </Card>
          <Card size="small" title={t('warnings.escalations')}>
            <List
              dataSource={escalations} locale={{ emptyText: <Muted>{t('warnings.noEscalations')}</Muted> }}
              renderItem={(e) => <List.Item>{t(`warnings.tier.${e.fromTier}`)} → {t(`warnings.tier.${e.toTier}`)} · {formatDateTime(e.dueAt)}</List.Item>}
            />
          </Card>
        </>
      )}
    </Async>
  );
}

/** 应急处置 case: matched shortages, the proposed event, training gaps, tasks and re-employment of the people laid off. */
export function CasePage({ base }: { base: string }) {
  const { t, i18n } = useTranslation();
  const toast = useToast();
  const { id = '' } = useParams();
  const state = useApi('/api/warnings/cases/{id}', { path: { id } });
  const complete = (taskId: string) =>
    toast.attempt(async () => {
      await unwrap(client.POST('/api/warnings/cases/{id}/tasks/{taskId}/done', { params: { path: { id, taskId } } }));
      state.reload();
    }, t('warnings.taskDone'));
  const { regionName } = useRegions();
  const codes = state.data ? [...state.data.matchedShortages.map((m) => m.occupationCode), ...state.data.trainingGaps.flatMap((g) => [g.occupationCode, ...g.suggestedOccupations]), ...(state.data.report?.occupations ?? [])] : [];
  const occupation = useNames('occupations', codes);
  return (
    <Async state={state}>
      {(c) => (
        <>
          <PageTitle>{t('warnings.caseTitle', { region: regionName(c.regionCode) })}</PageTitle>
          <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
            <Col xs={12} md={6}><Card size="small"><Statistic title={t('warnings.laidOff')} value={c.report?.count ?? 0} /></Card></Col>
            <Col xs={12} md={6}><Card size="small"><Statistic title={t('warnings.matchedOpenings')} value={c.matchedShortages.reduce((n, m) => n + m.openHeadcount, 0)} /></Card></Col>
            <Col xs={12} md={6}><Card size="small"><Statistic title={t('warnings.registered')} value={c.reemployment.people} /></Card></Col>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic className="case-reemployed" title={t('warnings.reemployed')} value={c.reemployment.reemployed} suffix={c.reemployment.medianDays !== null ? t('warnings.medianDays', { count: Math.round(c.reemployment.medianDays * 10) / 10 }) : undefined} />
              </Card>
            </Col>
          </Row>
          {c.alert && (
            <p>
              {t('warnings.caseAlert')} <Link to={`${base}/warnings/${c.alert.id}`}><LevelTag level={c.alert.level} /></Link> {t(`warnings.status.${c.alert.status}`)}
            </p>
          )}
          {c.report && <p><Named k="warnings.caseReport" values={{ count: c.report.count, date: formatDate(c.report.effectiveDate) }} names={{ occupations: joinList(c.report.occupations.map((o) => occupation(o))) }} /></p>}
          <Card size="small" title={t('warnings.proposedEvent')} style={{ marginBottom: 16 }} className="case-event">
            {c.event ? (
              <span><Name>{c.event.title}</Name> · <Name>{c.event.stationName}</Name> · {formatDate(c.event.date)} · {t(`warnings.eventStatus.${c.event.status}`, { defaultValue: c.event.status })}</span>
            ) : (
              t('warnings.noEvent')
            )}
          </Card>
          <Card size="small" title={t('warnings.matchedShortages')} style={{ marginBottom: 16 }}>
            <Table
              rowKey="shortageId" size="small" pagination={false} dataSource={c.matchedShortages} scroll={{ x: 500 }} locale={{ emptyText: <Muted>{t('warnings.noMatches')}</Muted> }}
              columns={[
                { title: t('fields.title'), dataIndex: 'title', render: asName },
                { title: t('fields.occupation'), dataIndex: 'occupationCode', render: (o: string) => <Name>{occupation(o)}</Name> },
                { title: t('fields.openPositions'), dataIndex: 'openHeadcount' },
                { title: t('warnings.distance'), dataIndex: 'distanceKm', render: (d: number | null) => (d === null ? '—' : `${formatNumber(d, 1)} km`) },
                { title: t('warnings.fit'), dataIndex: 'fit', render: (f: string) => t(`warnings.fits.${f}`) },
              ]}
            />
          </Card>
          <Card size="small" title={t('warnings.training')} style={{ marginBottom: 16 }}>
            <List
              dataSource={c.trainingGaps} locale={{ emptyText: <Muted>{t('warnings.noGaps')}</Muted> }}
              renderItem={(g) => (
                <List.Item>
                  <Named k="warnings.gap" values={{ people: g.people, open: g.openNearby }} names={{ occupation: occupation(g.occupationCode), to: joinList(g.suggestedOccupations.map((o) => occupation(o))) || '—' }} />
                </List.Item>
              )}
            />
          </Card>
          <Card size="small" title={t('warnings.tasks')}>
            <Table
              rowKey="id" size="small" pagination={false} dataSource={c.tasks} scroll={{ x: 500 }}
              columns={[
                { title: t('warnings.task'), dataIndex: 'titleZh', render: (v: string, task) => (i18n.language.startsWith('en') ? task.titleEn : v) },
                { title: t('warnings.owner'), dataIndex: 'owner', render: (d: string) => t(`warnings.departments.${d}`) },
                { title: t('warnings.due'), dataIndex: 'dueAt', render: (d: string | null) => formatDateTime(d) },
                { title: t('fields.status'), dataIndex: 'status', render: (s: string) => t(`warnings.taskStatus.${s}`) },
                {
                  title: t('common.actions'),
                  render: (_, task) => (task.status === 'open' ? <Button size="small" onClick={() => void complete(task.id)}>{t('warnings.markDone')}</Button> : formatDateTime(task.doneAt)),
                },
              ]}
            />
          </Card>
        </>
      )}
    </Async>
  );
}
