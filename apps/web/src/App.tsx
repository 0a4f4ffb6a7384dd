import { lazy, ReactNode, Suspense } from 'react';
import { RoleChunk, roleChunk } from './app/roleChunk';
import { App as AntApp, ConfigProvider, Spin } from 'antd';
import enUS from 'antd/es/locale/en_US';
import zhCN from 'antd/es/locale/zh_CN';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router-dom';
import { AuthProvider, HOME_BY_ROLE, Role, useAuth } from './app/auth';
import { PrefsProvider, usePrefs } from './app/prefs';
import { LoginPage } from './pages/Login';

// One chunk per role: a seeker's phone never downloads the officers' forms or the administrators' charts.
const SeekerApp = roleChunk(() => import('./roles/seeker/SeekerApp'));
const OfficerApp = roleChunk(() => import('./roles/officer/OfficerApp'));
const EmployerApp = roleChunk(() => import('./roles/employer/EmployerApp'));
const AdminApp = roleChunk(() => import('./roles/admin/AdminApp'));
const StationApp = roleChunk(() => import('./roles/station/StationApp'));
const RegisterPage = lazy(() => import('./roles/seeker/Register'));
const ROLE_CHUNKS: Record<string, RoleChunk> = { seeker: SeekerApp, officer: OfficerApp, employer: EmployerApp, admin: AdminApp, station: StationApp };

/** Loads the chunk of the role whose page is being opened, so that the first render needs no Suspense fallback. */
export function preloadRoleChunk(pathname: string): Promise<unknown> {
  return ROLE_CHUNKS[pathname.split('/')[1]]?.load() ?? Promise.resolve();
}
const InvitationPage = lazy(() => import('./pages/Invitation'));
const PublicJobsPage = lazy(() => import('./pages/PublicJobs'));
const AccountPage = lazy(() => import('./pages/Account'));

/** Accessible colours (WCAG AA contrast on white) on Ant Design's theme. */
const THEME = {
  token: {
    colorPrimary: '#0b57b8',
    colorLink: '#0b57b8',
    colorTextSecondary: 'rgba(0, 0, 0, 0.68)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
    colorTextDescription: 'rgba(0, 0, 0, 0.62)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.55)',
    colorSuccess: '#2d7a12',
    colorWarning: '#a35c00',
    colorError: '#c4161c',
    borderRadius: 6,
  },
};

/** People who ask their system for less motion get none (WCAG 2.3.3): no fades, slides or colour transitions. */
const REDUCED_MOTION = typeof window !== 'undefined' && window.matchMedia?.('(prefers-reduced-motion: reduce)').matches === true;

function Themed({ children }: { children: ReactNode }) {
  const { language, largeText } = usePrefs();
  return (
    <ConfigProvider
      locale={language === 'en' ? enUS : zhCN}
      button={{ autoInsertSpace: false }}
      theme={{ ...THEME, token: { ...THEME.token, fontSize: largeText ? 18 : 14, motion: !REDUCED_MOTION } }}
    >
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}

function RequireRole({ role, children }: { role: Role; children: ReactNode }) {
  const { principal, ready } = useAuth();
  if (!ready) return <Loading />;
  if (!principal) return <Navigate to="/login" replace />;
  if (principal.role !== role) return <Navigate to={HOME_BY_ROLE[principal.role]} replace />;
  return <>{children}</>;
}

function RequireSignedIn({ children }: { children: ReactNode }) {
  const { principal, ready } = useAuth();
  if (!ready) return <Loading />;
  if (!principal) return <Navigate to="/login" replace />;
  return <>{children}</>;
}

function Home() {
  const { principal, ready } = useAuth();
  if (!ready) return <Loading />;
  // Job search is public: an anonymous visitor lands on it, and is asked to sign in only to apply.
  return <Navigate to={principal ? HOME_BY_ROLE[principal.role] : '/jobs'} replace />;
}

function Loading() {
  return (
    <div className="page-loading" role="status" aria-live="polite">
      <Spin size="large" />
    </div>
  );
}

export function App() {
  return (
    <PrefsProvider>
      <Themed>
        <AuthProvider>
          <BrowserRouter>
            <Suspense fallback={<Loading />}>
              <Routes>
                <Route path="/" element={<Home />} />
                <Route path="/login" element={<LoginPage />} />
                <Route path="/register" element={<RegisterPage />} />
                <Route path="/events/:id/invitation" element={<InvitationPage />} />
                <Route path="/jobs/*" element={<PublicJobsPage />} />
                <Route path="/account" element={<RequireSignedIn><AccountPage /></RequireSignedIn>} />
                <Route path="/seeker/*" element={<RequireRole role="seeker"><SeekerApp /></RequireRole>} />
                <Route path="/officer/*" element={<RequireRole role="officer"><OfficerApp /></RequireRole>} />
                <Route path="/employer/*" element={<RequireRole role="employer"><EmployerApp /></RequireRole>} />
                <Route path="/admin/*" element={<RequireRole role="admin"><AdminApp /></RequireRole>} />
                <Route path="/station/*" element={<RequireRole role="station_staff"><StationApp /></RequireRole>} />
                <Route path="*" element={<Home />} />
              </Routes>
            </Suspense>
          </BrowserRouter>
        </AuthProvider>
      </Themed>
    </PrefsProvider>
  );
}
