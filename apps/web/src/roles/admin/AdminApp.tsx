import { Navigate, Route, Routes } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { InboxPage } from '../../components/Inbox';
import { Shell } from '../../components/Shell';
import AuditPage from './AuditPage';
import DashboardPage from './Dashboard';
import StationsPage from './StationsPage';
import SubsidyPaymentsPage from './SubsidyPaymentsPage';
import UsersPage from './UsersPage';

export default function AdminApp() {
  const { t } = useTranslation();
  const items = [
    { path: '/admin', label: t('admin.nav.dashboard') },
    { path: '/admin/users', label: t('admin.nav.users') },
    { path: '/admin/stations', label: t('admin.nav.stations') },
    { path: '/admin/audit', label: t('admin.nav.audit') },
    { path: '/admin/subsidy-payments', label: t('admin.nav.subsidyPayments') },
  ];
  return (
    <Shell items={items} base="/admin">
      <Routes>
        <Route index element={<DashboardPage />} />
        <Route path="users" element={<UsersPage />} />
        <Route path="stations" element={<StationsPage />} />
        <Route path="audit" element={<AuditPage />} />
        <Route path="subsidy-payments" element={<SubsidyPaymentsPage />} />
        <Route path="inbox" element={<InboxPage base="/admin" />} />
        <Route path="*" element={<Navigate to="/admin" replace />} />
      </Routes>
    </Shell>
  );
}
