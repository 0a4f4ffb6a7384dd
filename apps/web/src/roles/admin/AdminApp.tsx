import { Navigate, Route, Routes } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { InboxPage } from '../../components/Inbox';
import { Shell } from '../../components/Shell';
import { AlertDetailPage, AlertsPage, CasePage } from '../../components/warnings/WarningPages';
import { ClaimReviewPage, NoticeListPage } from '../../components/subsidies/Claims';
import AuditPage from './AuditPage';
import DashboardPage from './Dashboard';
import PlanCompilePage, { PlanDrillDownPage } from './PlanCompilePage';
import PlanLedgerPage from './PlanLedgerPage';
import PlanPage from './PlanPage';
import StationsPage from './StationsPage';
import SubsidyPaymentsPage from './SubsidyPaymentsPage';
import UsersPage from './UsersPage';

export default function AdminApp() {
  const { t } = useTranslation();
  const items = [
    { path: '/admin', label: t('admin.nav.dashboard') },
    { path: '/admin/users', label: t('admin.nav.users') },
    { path: '/admin/stations', label: t('admin.nav.stations') },
    { path: '/admin/warnings', label: t('warnings.nav.alerts') },
    { path: '/admin/audit', label: t('admin.nav.audit') },
    { path: '/admin/plan', label: t('plan.nav') },
    { path: '/admin/plan/compile', label: t('plan.navCompile') },
    { path: '/admin/plan/ledger', label: t('ledger.nav') },
    { path: '/admin/subsidies', label: t('claims.nav.review') },
    { path: '/admin/subsidy-notice', label: t('claims.nav.notice') },
    { path: '/admin/subsidy-payments', label: t('admin.nav.subsidyPayments') },
  ];
  return (
    <Shell items={items} base="/admin">
      <Routes>
        <Route index element={<DashboardPage />} />
        <Route path="users" element={<UsersPage />} />
        <Route path="stations" element={<StationsPage />} />
        <Route path="audit" element={<AuditPage />} />
        <Route path="plan" element={<PlanPage />} />
        <Route path="plan/compile" element={<PlanCompilePage />} />
        <Route path="plan/drilldown" element={<PlanDrillDownPage />} />
        <Route path="plan/ledger" element={<PlanLedgerPage />} />
        <Route path="warnings" element={<AlertsPage base="/admin" />} />
        <Route path="warnings/:id" element={<AlertDetailPage base="/admin" />} />
        <Route path="warnings/cases/:id" element={<CasePage base="/admin" />} />
        <Route path="subsidies" element={<ClaimReviewPage stages={['city', 'county']} />} />
        <Route path="subsidy-notice" element={<NoticeListPage />} />
        <Route path="subsidy-payments" element={<SubsidyPaymentsPage />} />
        <Route path="inbox" element={<InboxPage base="/admin" />} />
        <Route path="*" element={<Navigate to="/admin" replace />} />
      </Routes>
    </Shell>
  );
}
