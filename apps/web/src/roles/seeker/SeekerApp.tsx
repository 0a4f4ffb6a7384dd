import RecommendationsPage from './Recommendations';
import ApplicationsPage from './Applications';
import ProfilePage from './Profile';
import EventsPage from './Events';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes } from 'react-router-dom';
import { InboxPage } from '../../components/Inbox';
import { Shell } from '../../components/Shell';
import { MyDecisionsPage } from '../../components/subsidies/Claims';
import { JobsPage } from './Jobs';


export default function SeekerApp() {
  const { t } = useTranslation();
  const items = [
    { path: '/seeker/jobs', label: t('seeker.nav.jobs') },
    { path: '/seeker/recommendations', label: t('seeker.nav.recommendations') },
    { path: '/seeker/applications', label: t('seeker.nav.applications') },
    { path: '/seeker/events', label: t('seeker.nav.events') },
    { path: '/seeker/subsidies', label: t('claims.nav.decisions') },
    { path: '/seeker/profile', label: t('seeker.nav.profile') },
  ];
  return (
    <Shell items={items} base="/seeker">
      <Routes>
        <Route path="jobs" element={<JobsPage />} />
        <Route path="recommendations" element={<RecommendationsPage />} />
        <Route path="applications" element={<ApplicationsPage />} />
        <Route path="events" element={<EventsPage />} />
        <Route path="events/:id" element={<EventsPage />} />
        <Route path="subsidies" element={<MyDecisionsPage />} />
        <Route path="profile" element={<ProfilePage />} />
        <Route path="inbox" element={<InboxPage base="/seeker" />} />
        <Route path="*" element={<Navigate to="/seeker/jobs" replace />} />
      </Routes>
    </Shell>
  );
}
