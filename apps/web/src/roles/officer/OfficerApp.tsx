import { Card, Col, Row, Statistic, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Route, Routes } from 'react-router-dom';
import { useApi } from '../../app/hooks';
import { formatDate, formatNumber } from '../../app/format';
import { useNames, useRegions } from '../../app/taxonomy';
import { InboxPage } from '../../components/Inbox';
import { ClaimReviewPage, NoticeListPage } from '../../components/subsidies/Claims';
import { PageTitle, Shell } from '../../components/Shell';
import { Async, ErrorState } from '../../components/States';
import { CandidatesPage } from '../../components/shortages/Candidates';
import { ImportPage } from '../../components/shortages/ImportPage';
import { ReviewQueuePage } from '../../components/shortages/ReviewQueue';
import { ShortageDetailPage } from '../../components/shortages/ShortageDetail';
import { ShortageFormPage } from '../../components/shortages/ShortageForm';
import { ShortageListPage } from '../../components/shortages/ShortageList';
import { useEmployers } from '../../components/shortages/types';
import { AlertDetailPage, AlertsPage, CasePage, FirmReportPage, LayoffReportPage } from '../../components/warnings/WarningPages';
import { asName, Name } from '../../components/Name';

/** My paired enterprises and my workload. */
function EnterprisesPage() {
  const { t } = useTranslation();
  const workload = useApi('/api/pairings/workload');
  const { state } = useEmployers();
  const { regionName } = useRegions();
  const industry = useNames('industries', (state.data?.items ?? []).map((e) => e.industryCode));
  return (
    <>
      <PageTitle>{t('officer.enterprises')}</PageTitle>
      <Async state={workload}>
        {(w) => (
          <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
            {[
              ['pairedEmployers', w.pairedEmployers],
              ['openShortages', w.openShortages],
              ['awaitingFirstResponse', w.awaitingFirstResponse],
              ['overdue', w.overdue],
            ].map(([key, value]) => (
              <Col xs={12} md={6} key={key as string}>
                <Card size="small">
                  <Statistic title={t(`officer.workload.${key}`)} value={value as number} />
                </Card>
              </Col>
            ))}
            <Col xs={24}>
              <Card size="small">{t('officer.workload.median', { hours: formatNumber(w.medianResponseHours, 1) })}</Card>
            </Col>
          </Row>
        )}
      </Async>
      {state.error ? (
        <ErrorState error={state.error} onRetry={state.reload} />
      ) : (
        <Table
          rowKey="id"
          size="small"
          loading={state.loading}
          dataSource={state.data?.items ?? []}
          scroll={{ x: 700 }}
          locale={{ emptyText: t('officer.noEnterprises') }}
          pagination={{ pageSize: 20, showSizeChanger: false }}
          columns={[
            { title: t('fields.employer'), dataIndex: 'name', render: (v: string, e) => <Link to={`/officer/shortages?employer=${e.id}`}><Name>{v}</Name></Link> },
            { title: t('fields.creditCode'), dataIndex: 'creditCode' },
            { title: t('fields.industry'), dataIndex: 'industryCode', render: (c: string) => <Name>{industry(c)}</Name> },
            { title: t('fields.region'), dataIndex: 'regionCode', render: (c: string) => <Name>{regionName(c)}</Name> },
            { title: t('fields.contact'), dataIndex: 'contactName', render: asName },
            { title: t('fields.status'), dataIndex: 'abnormal', render: (a: boolean) => (a ? <Tag color="red">{t('officer.abnormal')}</Tag> : <Tag color="green">{t('officer.normal')}</Tag>) },
          ]}
        />
      )}
    </>
  );
}

/** Shortages waiting too long for a first response (缺工响应超时). */
function OverduePage() {
  const { t } = useTranslation();
  const state = useApi('/api/shortages/overdue', { query: { limit: 100 } });
  const { name } = useEmployers();
  return (
    <>
      <PageTitle>{t('officer.overdue')}</PageTitle>
      <Async state={state} empty={t('officer.noOverdue')}>
        {(page) => (
          <Table
            rowKey="id"
            size="small"
            dataSource={page.items}
            scroll={{ x: 600 }}
            pagination={false}
            columns={[
              { title: t('fields.title'), dataIndex: 'title', render: (v: string, s) => <Link to={`/officer/shortages/${s.id}/candidates`}><Name>{v}</Name></Link> },
              { title: t('fields.employer'), dataIndex: 'employerId', render: (id: string) => <Name>{name(id)}</Name> },
              { title: t('fields.openPositions'), render: (_, s) => `${s.openPositions}/${s.headcount}` },
              { title: t('fields.publishedAt'), dataIndex: 'publishedAt', render: (d: string) => formatDate(d) },
            ]}
          />
        )}
      </Async>
    </>
  );
}

export default function OfficerApp() {
  const { t } = useTranslation();
  const items = [
    { path: '/officer', label: t('officer.nav.enterprises') },
    { path: '/officer/shortages', label: t('officer.nav.shortages') },
    { path: '/officer/reviews', label: t('officer.nav.reviews') },
    { path: '/officer/import', label: t('officer.nav.import') },
    { path: '/officer/overdue', label: t('officer.nav.overdue') },
    { path: '/officer/firm-reports', label: t('warnings.nav.firm') },
    { path: '/officer/layoffs/new', label: t('warnings.nav.layoff') },
    { path: '/officer/warnings', label: t('warnings.nav.alerts') },
    { path: '/officer/subsidies', label: t('claims.nav.review') },
    { path: '/officer/subsidy-notice', label: t('claims.nav.notice') },
  ];
  return (
    <Shell items={items} base="/officer">
      <Routes>
        <Route index element={<EnterprisesPage />} />
        <Route path="shortages" element={<ShortageListPage base="/officer" canImport />} />
        <Route path="shortages/new" element={<ShortageFormPage base="/officer" />} />
        <Route path="shortages/:id" element={<ShortageDetailPage base="/officer" />} />
        <Route path="shortages/:id/edit" element={<ShortageFormPage base="/officer" />} />
        <Route path="shortages/:id/candidates" element={<CandidatesPage />} />
        <Route path="reviews" element={<ReviewQueuePage base="/officer" />} />
        <Route path="import" element={<ImportPage />} />
        <Route path="overdue" element={<OverduePage />} />
        <Route path="firm-reports" element={<FirmReportPage />} />
        <Route path="layoffs/new" element={<LayoffReportPage base="/officer" />} />
        <Route path="warnings" element={<AlertsPage base="/officer" />} />
        <Route path="warnings/:id" element={<AlertDetailPage base="/officer" />} />
        <Route path="warnings/cases/:id" element={<CasePage base="/officer" />} />
        <Route path="subsidies" element={<ClaimReviewPage stages={['county']} />} />
        <Route path="subsidy-notice" element={<NoticeListPage />} />
        <Route path="inbox" element={<InboxPage base="/officer" />} />
        <Route path="*" element={<Navigate to="/officer" replace />} />
      </Routes>
    </Shell>
  );
}
