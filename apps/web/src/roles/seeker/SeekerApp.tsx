import RecommendationsPage from './Recommendations';
import ApplicationsPage from './Applications';
import ProfilePage from './Profile';
import EventsPage from './Events';
import { useTranslation } from 'react-i18next';
import { useEffect } from 'react';
import { Navigate, Route, Routes, useNavigate } from 'react-router-dom';
import { takeReturn } from '../../app/returnTo';
import { InboxPage } from '../../components/Inbox';
import { Shell } from '../../components/Shell';
import { MyDecisionsPage } from '../../components/subsidies/Claims';
import { JobsPage } from './Jobs';
import { JobPage } from './JobPage';


export default function SeekerApp() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  // Back to the job she wanted to apply to before signing in or registering.
  useEffect(() => {
    const back = takeReturn('/seeker/');
    if (back) navigate(back, { replace: true });
  }, [navigate]);
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
        <Route path="jobs" element={<JobsPage base="/seeker/jobs" />} />
        <Route path="jobs/:id" element={<JobPage base="/seeker/jobs" />} />
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
