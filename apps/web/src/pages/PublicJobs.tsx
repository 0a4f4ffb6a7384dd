import { Button, Flex, Layout } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { HOME_BY_ROLE, useAuth } from '../app/auth';
import { JobPage } from '../roles/seeker/JobPage';
import { JobsPage } from '../roles/seeker/Jobs';
import { LanguageSwitch, PhoneFirst } from '../components/Shell';

/**
 * Job search and job pages for everyone, signed in or not (`/jobs`, `/jobs/:id`): the first page an anonymous visitor
 * sees. A signed-in seeker gets the same pages inside her own console.
 */
export default function PublicJobsPage() {
  const { t } = useTranslation();
  const { principal } = useAuth();
  const location = useLocation();
  if (principal?.role === 'seeker') return <Navigate to={`/seeker${location.pathname}`} replace />;
  return (
    <Layout className="shell shell-public">
      <Layout.Header className="shell-header">
        <Flex wrap align="center" justify="space-between" gap={8} className="shell-top">
          <Link to="/jobs" className="shell-brand">
            {t('app.title')}
            <span className="shell-role">{t('jobPage.browse')}</span>
          </Link>
          <Flex wrap align="center" gap={12}>
            <LanguageSwitch />
            {principal ? (
              <Link to={HOME_BY_ROLE[principal.role]}>{t(`roles.${principal.role}`)}</Link>
            ) : (
              <>
                <Link to="/register">{t('jobPage.register')}</Link>
                <Link to="/login">
                  <Button size="small" type="primary">
                    {t('jobPage.signIn')}
                  </Button>
                </Link>
              </>
            )}
          </Flex>
        </Flex>
      </Layout.Header>
      <Layout.Content className="shell-content" id="main" data-path={location.pathname}>
        <PhoneFirst>
          <Routes>
            <Route index element={<JobsPage base="/jobs" />} />
            <Route path=":id" element={<JobPage base="/jobs" />} />
            <Route path="*" element={<Navigate to="/jobs" replace />} />
          </Routes>
        </PhoneFirst>
      </Layout.Content>
      <Layout.Footer className="shell-footer">{t('app.footer')}</Layout.Footer>
    </Layout>
  );
}
