import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useAuth } from '../../app/auth';
import { rememberReturn } from '../../app/returnTo';
import { Badge, Button, Card, Col, Drawer, Flex, Form, Grid, Input, InputNumber, Pagination, Row, Select, Tag, Typography } from 'antd';
import { FilterOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../app/hooks';
import { colon, formatDate, formatTime, formatWage } from '../../app/format';
import { useRegions } from '../../app/taxonomy';
import { RegionPicker, TaxonomyTreePicker } from '../../components/pickers';
import { PageTitle } from '../../components/Shell';
import { Async } from '../../components/States';
import { useToast } from '../../components/toast';
import { applyTo } from './apply';
import type { JobSearchQuery } from '../../api/types';
import { Name } from '../../components/Name';

const PAGE = 10;

/**
 * Job search with filters, for everyone (`/jobs`) and for signed-in seekers (`/seeker/jobs`: distance from home and
 * skill fit). Each result opens its job page; what she applied to comes from the server, so it survives a reload. An
 * anonymous visitor is asked to sign in only when she applies, and comes back to the job afterwards.
 */
export function JobsPage({ base }: { base: string }) {
  const { t } = useTranslation();
  const toast = useToast();
  const navigate = useNavigate();
  const { principal } = useAuth();
  const isSeeker = principal?.role === 'seeker';
  const { regionName } = useRegions();
  const [filters, setFilters] = useState<JobSearchQuery>({});
  // On a phone the results come first and the filters wait in a drawer (issue 17, part 5).
  const phone = Grid.useBreakpoint().md === false;
  const [filtersOpen, setFiltersOpen] = useState(false);
  const [form] = Form.useForm<JobSearchQuery>();
  const activeFilters = Object.entries(filters).filter(([key, v]) => key !== 'q' && v !== undefined && v !== null && !(Array.isArray(v) && v.length === 0)).length;
  const [offset, setOffset] = useState(0);
  const [justApplied, setJustApplied] = useState<Set<string>>(new Set());
  const state = useApi('/api/jobs/search', { query: { ...filters, workTypes: filters.workTypes, offset, limit: PAGE } });
  const mine = useApi('/api/applications', { query: { limit: 100 } }, { enabled: isSeeker });
  const applied = useMemo(() => new Set([...(mine.data?.items ?? []).map((a) => a.shortageId), ...justApplied]), [mine.data, justApplied]);

  const apply = async (id: string) => {
    if (!isSeeker) {
      rememberReturn(`/seeker/jobs/${id}`);
      navigate('/login');
      return;
    }
    try {
      const result = await applyTo(id);
      toast.success(result === 'created' ? t('jobs.applied') : t('jobs.alreadyApplied'));
      setJustApplied((s) => new Set(s).add(id));
      mine.reload();
    } catch (e) {
      toast.error(e);
    }
  };

  const search = (values: JobSearchQuery) => {
    setOffset(0);
    setFilters({ ...values, q: values.q?.trim() || undefined });
    setFiltersOpen(false);
  };
  const keyword = <Input placeholder={t('jobs.keywordPlaceholder')} allowClear aria-label={t('jobs.keyword')} />;
  const more = (
    <Row gutter={12}>
      <Col xs={24} md={8}>
        <Form.Item name="occupation" label={t('fields.occupation')}>
          <TaxonomyTreePicker kind="occupations" aria-label={t('fields.occupation')} />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name="region" label={t('fields.region')}>
          <RegionPicker aria-label={t('fields.region')} />
        </Form.Item>
      </Col>
      <Col xs={12} md={6}>
        <Form.Item name="wageMin" label={t('jobs.wageMin')}>
          <InputNumber min={0} step={500} style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col xs={12} md={6}>
        <Form.Item name="radiusKm" label={t('jobs.radius')}>
          <InputNumber min={1} max={500} style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col xs={24} md={6}>
        <Form.Item name="workTypes" label={t('fields.workType')}>
          <Select mode="multiple" allowClear aria-label={t('fields.workType')} options={['full_time', 'part_time', 'seasonal', 'gig'].map((v) => ({ value: v, label: t(`enums.workType.${v}`) }))} />
        </Form.Item>
      </Col>
      <Col xs={24} md={6}>
        <Form.Item name="sort" label={t('jobs.sort')}>
          <Select allowClear aria-label={t('jobs.sort')} options={['relevance', 'distance', '-wage', '-date'].map((v) => ({ value: v, label: t(`jobs.sorts.${v}`) }))} />
        </Form.Item>
      </Col>
    </Row>
  );

  return (
    <>
      <PageTitle>{t('jobs.title')}</PageTitle>
      {phone ? (
        // On a phone the results come first: one search line, and the other filters in a drawer (issue 17, part 5).
        <Form form={form} layout="vertical" onFinish={search} className="jobs-search-bar">
          <Flex gap={8} style={{ marginBottom: 12 }}>
            <Form.Item name="q" noStyle>
              {keyword}
            </Form.Item>
            <Button type="primary" htmlType="submit">
              {t('common.search')}
            </Button>
            <Badge count={activeFilters} size="small">
              <Button icon={<FilterOutlined />} onClick={() => setFiltersOpen(true)} aria-haspopup="dialog" className="jobs-filters-button">
                {t('jobs.filters')}
              </Button>
            </Badge>
          </Flex>
          {/* forceRender: the fields keep their values while the drawer is closed. */}
          <Drawer open={filtersOpen} onClose={() => setFiltersOpen(false)} placement="bottom" size="85%" title={t('jobs.filters')} forceRender className="jobs-filters-drawer">
            {more}
            <Button type="primary" block onClick={() => form.submit()}>
              {t('jobs.showResults')}
            </Button>
          </Drawer>
        </Form>
      ) : (
        <Card size="small" style={{ marginBottom: 16 }}>
          <Form form={form} layout="vertical" onFinish={search}>
            <Row gutter={12}>
              <Col xs={24} md={8}>
                <Form.Item name="q" label={t('jobs.keyword')}>
                  {keyword}
                </Form.Item>
              </Col>
            </Row>
            {more}
            <Button type="primary" htmlType="submit">
              {t('common.search')}
            </Button>
          </Form>
        </Card>
      )}
      <Async state={state} isEmpty={(d) => d.hits.length === 0} empty={t('jobs.empty')}>
        {(result) => (
          <Flex vertical gap={12}>
            <Typography.Text>{t('jobs.total', { count: result.total })}</Typography.Text>
            {result.hits.map((hit) => (
              <Card key={hit.id} size="small" title={<Link to={`${base}/${hit.id}`} className="job-title"><Name>{hit.document.title}</Name></Link>} extra={<Typography.Text strong>{formatWage(hit.document.wageMin, hit.document.wageMax)}</Typography.Text>}>
                <Flex vertical gap={6}>
                  <Typography.Text>
                    <Name>{hit.document.employerName}</Name> · <Name>{regionName(hit.document.regionCode)}</Name>
                    {hit.distanceKm != null && ` · ${t('match.distance', { km: hit.distanceKm.toFixed(1) })}`}
                  </Typography.Text>
                  <Flex wrap gap={4}>
                    {hit.document.occupationNames.slice(-1).map((n) => (
                      <Tag key={n}><Name>{n}</Name></Tag>
                    ))}
                    {hit.document.workTypes.map((w) => (
                      <Tag key={w}>{t(`enums.workType.${w}`)}</Tag>
                    ))}
                    <Tag>{t('jobs.openings', { count: hit.document.openings })}</Tag>
                    {hit.document.urgency !== 'normal' && <Tag color="red">{t(`enums.urgency.${hit.document.urgency}`)}</Tag>}
                    {hit.document.trainingOffered && <Tag color="green">{t('jobs.trainingOffered')}</Tag>}
                  </Flex>
                  {hit.events.map((ev) => (
                    <Link key={ev.id} to={`/seeker/events/${ev.id}`} className="job-event">
                      <Tag color="purple" style={{ whiteSpace: 'normal' }}>
                        {t('jobs.atEvent', { date: formatDate(ev.date), time: formatTime(ev.startsAt) })} <Name>{ev.title}</Name>{' · '}<Name>{ev.stationName}</Name>
                      </Tag>
                    </Link>
                  ))}
                  {hit.fit && (hit.fit.matched.length > 0 || hit.fit.missing.length > 0 || hit.fit.missingCertificates.length > 0) && (
                    <Typography.Text>
                      {t('jobs.fit')}{colon()}
                      {hit.fit.matched.map((s) => (
                        <Tag key={s} color="green">✓ <Name>{s}</Name></Tag>
                      ))}
                      {hit.fit.missing.map((s) => (
                        <Tag key={s} color="orange">✗ <Name>{s}</Name></Tag>
                      ))}
                      {hit.fit.missingCertificates.length > 0 && <Tag color="orange">{t('jobs.missingCertificates', { count: hit.fit.missingCertificates.length })}</Tag>}
                    </Typography.Text>
                  )}
                  <Flex justify="space-between" align="center" wrap gap={8}>
                    <Typography.Text type="secondary">
                      {t('fields.deadline')}{colon()}{formatDate(hit.document.deadline)}
                    </Typography.Text>
                    {principal && !isSeeker ? null : (
                      <Button type="primary" disabled={applied.has(hit.id)} onClick={() => apply(hit.id)} aria-label={`${applied.has(hit.id) ? t('jobs.appliedShort') : isSeeker ? t('jobs.apply') : t('jobPage.signInToApply')}: ${hit.document.title}`}>
                        {applied.has(hit.id) ? t('jobs.appliedShort') : isSeeker ? t('jobs.apply') : t('jobPage.signInToApply')}
                      </Button>
                    )}
                  </Flex>
                </Flex>
              </Card>
            ))}
            <Pagination current={offset / PAGE + 1} pageSize={PAGE} total={Math.min(result.total, 1000)} onChange={(p) => setOffset((p - 1) * PAGE)} showSizeChanger={false} showLessItems={phone} />
          </Flex>
        )}
      </Async>
    </>
  );
}
