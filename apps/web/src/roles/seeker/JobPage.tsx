import { Alert, Button, Card, Col, Descriptions, Flex, List, Row, Tag, Typography } from 'antd';
import { EnvironmentOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useAuth } from '../../app/auth';
import { formatDate, formatDateTime, formatTime } from '../../app/format';
import { useApi } from '../../app/hooks';
import { rememberReturn } from '../../app/returnTo';
import { useNames, useRegions } from '../../app/taxonomy';
import { PageTitle } from '../../components/Shell';
import { Async } from '../../components/States';
import { useToast } from '../../components/toast';
import type { JobPage as Job } from '../../api/types';
import { applyTo } from './apply';
import { Name, Named } from '../../components/Name';

function wageText(t: (key: string, options?: Record<string, unknown>) => string, job: Pick<Job, 'wageMin' | 'wageMax' | 'payBasis'>): string {
  const wage = job.wageMin === job.wageMax ? job.wageMin.toLocaleString() : `${job.wageMin.toLocaleString()}–${job.wageMax.toLocaleString()}`;
  return t(`jobPage.wageOf.${job.payBasis}`, { wage });
}

/** Apply from the job page: a seeker applies (or sees where her application stands); anyone else is asked to sign in first. */
function ApplyBox({ job, onApplied }: { job: Job; onApplied(): void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const navigate = useNavigate();
  const { principal } = useAuth();
  if (principal && principal.role !== 'seeker') return <Typography.Text type="secondary">{t('jobPage.onlySeekers')}</Typography.Text>;
  if (!principal) {
    return (
      <Flex vertical gap={8}>
        <Button
          type="primary"
          size="large"
          block
          onClick={() => {
            rememberReturn(`/seeker/jobs/${job.id}`);
            navigate('/login');
          }}
        >
          {t('jobPage.signInToApply')}
        </Button>
        <Typography.Text type="secondary">{t('jobPage.signInHint')}</Typography.Text>
      </Flex>
    );
  }
  if (job.myApplication) {
    return (
      <Button size="large" block disabled>
        {t('jobPage.appliedAs', { status: t(`enums.application.${job.myApplication.status}`) })}
      </Button>
    );
  }
  return (
    <Button
      type="primary"
      size="large"
      block
      onClick={async () => {
        try {
          const result = await applyTo(job.id);
          toast.success(result === 'created' ? t('jobs.applied') : t('jobs.alreadyApplied'));
          onApplied();
        } catch (e) {
          toast.error(e);
        }
      }}
    >
      {t('jobs.apply')}
    </Button>
  );
}

/**
 * A published job's page (public at /jobs/:id, and /seeker/jobs/:id for a signed-in seeker): everything the posting
 * says, the named place with a map link, the employer's card, the upcoming events where it is offered, similar jobs.
 */
export function JobPage({ base }: { base: string }) {
  const { id } = useParams();
  const { t } = useTranslation();
  const { principal } = useAuth();
  const state = useApi('/api/jobs/{id}', { path: { id: id! } });
  const { regionName } = useRegions();
  const job = state.data;
  const occupation = useNames('occupations', [job?.occupationCode]);
  const industry = useNames('industries', [job?.employer.industryCode]);
  const certificate = useNames('certificates', job?.requiredCertificates ?? []);
  const eventsBase = principal?.role === 'seeker' ? '/seeker/events' : null;

  return (
    <>
      <Link to={base}>← {t('jobPage.back')}</Link>
      <Async state={state}>
        {(j) => (
          <>
            <PageTitle extra={<Typography.Text strong className="job-wage">{wageText(t, j)}</Typography.Text>}>
              <Name className="job-title-full">{j.title}</Name>
            </PageTitle>
            <Flex wrap gap={4} style={{ marginBottom: 12 }}>
              <Tag><Name>{occupation(j.occupationCode)}</Name></Tag>
              <Tag>{t(`enums.workType.${j.workType}`)}</Tag>
              <Tag>{t('jobs.openings', { count: j.openPositions })}</Tag>
              {j.urgency !== 'normal' && <Tag color="red">{t(`enums.urgency.${j.urgency}`)}</Tag>}
              {j.trainingOffered && <Tag color="green">{t('jobs.trainingOffered')}</Tag>}
              {j.openToDisabled && <Tag color="blue">{t('jobPage.openToDisabled')}</Tag>}
            </Flex>
            {/* Near the top, on a phone too: applying should not need a long scroll. */}
            <div style={{ maxWidth: 420, marginBottom: 16 }}>
              <ApplyBox job={j} onApplied={state.reload} />
            </div>
            <Row gutter={[16, 16]}>
              <Col xs={24} lg={16}>
                <Flex vertical gap={16}>
                  <Card size="small" title={t('jobPage.details')}>
                    <Descriptions
                      size="small"
                      column={{ xs: 1, sm: 2 }}
                      items={[
                        { key: 'wage', label: t('fields.wage'), children: `${wageText(t, j)} (${t(`enums.payBasis.${j.payBasis}`)})` },
                        { key: 'headcount', label: t('fields.openPositions'), children: `${j.openPositions}/${j.headcount}` },
                        { key: 'type', label: t('fields.workType'), children: t(`enums.workType.${j.workType}`) },
                        { key: 'shifts', label: t('fields.shifts'), children: j.shifts ? <Name>{j.shifts}</Name> : '—' },
                        { key: 'start', label: t('fields.startDate'), children: formatDate(j.startDate) },
                        { key: 'deadline', label: t('fields.deadline'), children: formatDate(j.deadline) },
                        { key: 'training', label: t('fields.trainingOffered'), children: j.trainingOffered ? <Name>{j.trainingOffered}</Name> : '—' },
                        { key: 'published', label: t('fields.publishedAt'), children: formatDate(j.publishedAt) },
                      ]}
                    />
                    <Typography.Paragraph style={{ marginTop: 12, whiteSpace: 'pre-wrap' }}><Name>{j.description}</Name></Typography.Paragraph>
                  </Card>
                  <Card size="small" title={t('jobPage.requirements')}>
                    <Descriptions
                      size="small"
                      column={{ xs: 1, sm: 2 }}
                      items={[
                        { key: 'edu', label: t('fields.education'), children: j.education ? t(`enums.education.${j.education}`) : t('enums.education.none') },
                        { key: 'exp', label: t('fields.experienceYears'), children: j.experienceYears ? t('jobPage.experience', { years: j.experienceYears }) : t('jobPage.noExperience') },
                        { key: 'level', label: t('fields.minSkillLevel'), children: j.minSkillLevel ? t(`enums.skillLevel.${j.minSkillLevel}`) : '—' },
                        { key: 'trainees', label: t('jobPage.acceptsTrainees'), children: j.acceptsTrainees ? '✓' : '—' },
                        {
                          key: 'skills',
                          label: t('fields.requiredSkills'),
                          children: j.requiredSkills.length ? j.requiredSkills.map((k) => <Tag key={k.name}><Name>{k.name}</Name>{` · ${t(`enums.skillLevel.${k.level}`)}`}</Tag>) : '—',
                        },
                        {
                          key: 'certs',
                          label: t('fields.requiredCertificates'),
                          children: j.requiredCertificates.length ? j.requiredCertificates.map((c) => <Tag key={c}><Name>{certificate(c)}</Name></Tag>) : '—',
                        },
                      ]}
                    />
                  </Card>
                  <Card size="small" title={t('jobPage.place')}>
                    <Flex vertical gap={4}>
                      <Typography.Text strong>
                        <EnvironmentOutlined aria-hidden /> <Name>{j.place ?? regionName(j.regionCode)}</Name>
                      </Typography.Text>
                      <Typography.Text><Name>{j.address}</Name></Typography.Text>
                      {j.mapUrl && (
                        <Typography.Link href={j.mapUrl} target="_blank" rel="noopener noreferrer">
                          {t('jobPage.map')}
                        </Typography.Link>
                      )}
                    </Flex>
                  </Card>
                </Flex>
              </Col>
              <Col xs={24} lg={8}>
                <Flex vertical gap={16}>
                  <Card size="small" title={t('jobPage.employerCard')}>
                    <Flex vertical gap={4}>
                      <Typography.Text strong><Name>{j.employer.name}</Name></Typography.Text>
                      <Typography.Text><Name>{industry(j.employer.industryCode)}</Name></Typography.Text>
                      <Typography.Text>
                        {t(`jobPage.employerSize.${j.employer.sizeClass}`)} · <Name>{regionName(j.employer.regionCode)}</Name>
                        {j.employer.park ? <> · <Name>{j.employer.park}</Name></> : ''}
                      </Typography.Text>
                      <Typography.Text type="secondary">{t('jobPage.openPostings', { count: j.employer.openPostings })}</Typography.Text>
                    </Flex>
                  </Card>
                  <Card size="small" title={t('jobPage.events')}>
                    {j.events.length === 0 ? (
                      <Typography.Text type="secondary">{t('jobPage.noEvents')}</Typography.Text>
                    ) : (
                      <List
                        size="small"
                        dataSource={j.events}
                        renderItem={(e) => (
                          <List.Item key={e.id}>
                            <Flex vertical>
                              {eventsBase ? <Link to={`${eventsBase}/${e.id}`}><Name>{e.title}</Name></Link> : <Typography.Text strong><Name>{e.title}</Name></Typography.Text>}
                              <Typography.Text>
                                {formatDate(e.date)} {formatTime(e.startsAt)}–{formatTime(e.endsAt)}
                              </Typography.Text>
                              <Typography.Text type="secondary">
                                <Name>{e.stationName}</Name>
                                {e.booth ? <> · <Named k="jobPage.booth" names={{ booth: e.booth }} /></> : ''}
                              </Typography.Text>
                            </Flex>
                          </List.Item>
                        )}
                      />
                    )}
                  </Card>
                  <Card size="small" title={t('jobPage.similar')}>
                    {j.similar.length === 0 ? (
                      <Typography.Text type="secondary">{t('jobPage.noSimilar')}</Typography.Text>
                    ) : (
                      <List
                        size="small"
                        dataSource={j.similar}
                        renderItem={(s) => (
                          <List.Item key={s.id}>
                            <Flex vertical>
                              <Link to={`${base}/${s.id}`}><Name>{s.title}</Name></Link>
                              <Typography.Text type="secondary">
                                <Name>{s.employerName}</Name> · <Name>{regionName(s.regionCode)}</Name> · {wageText(t, { wageMin: s.wageMin, wageMax: s.wageMax, payBasis: 'monthly' })}
                              </Typography.Text>
                            </Flex>
                          </List.Item>
                        )}
                      />
                    )}
                  </Card>
                </Flex>
              </Col>
            </Row>
            {j.myApplication && (
              <Alert style={{ marginTop: 16 }} type="info" showIcon title={`${t('jobPage.appliedAs', { status: t(`enums.application.${j.myApplication.status}`) })} · ${formatDateTime(j.myApplication.createdAt)}`} />
            )}
          </>
        )}
      </Async>
    </>
  );
}
