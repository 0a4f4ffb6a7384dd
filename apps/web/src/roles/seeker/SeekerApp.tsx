import RecommendationsPage from './Recommendations';
import ApplicationsPage from './Applications';
import ProfilePage from './Profile';
import EventsPage from './Events';
import { useTranslation } from 'react-i18next';
import { AccountBookOutlined, CalendarOutlined, FileTextOutlined, SearchOutlined, StarOutlined, UserOutlined } from '@ant-design/icons';
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
    { path: '/seeker/jobs', label: t('seeker.nav.jobs'), short: t('seeker.tabs.jobs'), icon: <SearchOutlined /> },
    { path: '/seeker/recommendations', label: t('seeker.nav.recommendations'), short: t('seeker.tabs.recommendations'), icon: <StarOutlined /> },
    { path: '/seeker/applications', label: t('seeker.nav.applications'), short: t('seeker.tabs.applications'), icon: <FileTextOutlined /> },
    { path: '/seeker/events', label: t('seeker.nav.events'), short: t('seeker.tabs.events'), icon: <CalendarOutlined /> },
    { path: '/seeker/subsidies', label: t('claims.nav.decisions'), short: t('seeker.tabs.subsidies'), icon: <AccountBookOutlined /> },
    { path: '/seeker/profile', label: t('seeker.nav.profile'), short: t('seeker.tabs.profile'), icon: <UserOutlined /> },
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
