import { useState } from 'react';
import { Button, Card, Col, Descriptions, Flex, Input, Modal, Radio, Row, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useAuth } from '../../app/auth';
import { useApi } from '../../app/hooks';
import { formatDate, formatDateTime, formatWage, joinList } from '../../app/format';
import { useNames, useRegions } from '../../app/taxonomy';
import { PageTitle } from '../Shell';
import { Async } from '../States';
import { useToast } from '../toast';
import { ScreenPanel } from './ScreenPanel';
import { SHORTAGE_STATUS_COLOR, useEmployers } from './types';
import { client, unwrap } from '../../api/client';
import { reviewDecisionKindValues, type ReviewDecisionKind } from '../../api/types';
import { Name, Named } from '../Name';

/** One shortage: its fields, screen result, review decisions, history; submit, review (officers, admins), close. */
export function ShortageDetailPage({ base }: { base: string }) {
  const { id } = useParams();
  const { t } = useTranslation();
  const toast = useToast();
  const { principal } = useAuth();
  const state = useApi('/api/shortages/{id}', { path: { id: id! } });
  const { name } = useEmployers();
  const { regionName } = useRegions();
  const industry = useNames('industries', [state.data?.industryCode]);
  const certificate = useNames('certificates', state.data?.requiredCertificates ?? []);
  const [asking, setAsking] = useState<null | { action: 'close' | 'review' | 'submit' }>(null);
  const [text, setText] = useState('');
  const [decision, setDecision] = useState<ReviewDecisionKind>('approve');
  const staff = principal?.role === 'officer' || principal?.role === 'admin';
  const navigate = useNavigate();

  const copy = async () => {
    try {
      const draft = await unwrap(client.POST('/api/shortages/{id}/copy', { params: { path: { id: id! } } }));
      toast.success(t('copyPosting.copied'));
      navigate(`${base}/shortages/${draft.id}/edit`);
    } catch (e) {
      toast.error(e);
    }
  };

  const act = async () => {
    if (!asking) return;
    const done = await toast.attempt(() => {
      if (asking.action === 'close') return unwrap(client.POST('/api/shortages/{id}/close', { params: { path: { id: id! } }, body: { reason: text } }));
      if (asking.action === 'submit') return unwrap(client.POST('/api/shortages/{id}/submit', { params: { path: { id: id! } }, body: text ? { justification: text } : {} }));
      return unwrap(client.POST('/api/shortages/{id}/review', { params: { path: { id: id! } }, body: { decision, reason: text } }));
    }, t('common.done'));
    if (done) {
      setAsking(null);
      setText('');
      state.reload();
    }
  };

  return (
    <Async state={state}>
      {(s) => (
        <>
          <PageTitle
            extra={
              <Flex gap={8} wrap>
                {['open', 'partially_filled', 'filled'].includes(s.status) && (
                  <Link to={`${base}/shortages/${s.id}/candidates`}>
                    <Button type="primary">{t('shortages.candidates')}</Button>
                  </Link>
                )}
                {['draft', 'open', 'partially_filled', 'screening'].includes(s.status) && (
                  <Link to={`${base}/shortages/${s.id}/edit`}>
                    <Button>{t('common.edit')}</Button>
                  </Link>
                )}
                {s.status === 'draft' && <Button onClick={() => setAsking({ action: 'submit' })}>{t('shortages.submit')}</Button>}
                {staff && s.status === 'screening' && (
                  <Button type="primary" onClick={() => setAsking({ action: 'review' })}>
                    {t('review.decide')}
                  </Button>
                )}
                {['closed', 'expired', 'filled'].includes(s.status) && <Button onClick={copy}>{t('copyPosting.copy')}</Button>}
                {['draft', 'screening', 'open', 'partially_filled'].includes(s.status) && (
                  <Button danger onClick={() => setAsking({ action: 'close' })}>
                    {t('shortages.close')}
                  </Button>
                )}
              </Flex>
            }
          >
            <Name>{s.title}</Name> <Tag color={SHORTAGE_STATUS_COLOR[s.status]}>{t(`enums.shortage.${s.status}`)}</Tag>
          </PageTitle>
          <Row gutter={16}>
            <Col xs={24} lg={15}>
              <Card size="small">
                <Descriptions
                  size="small"
                  column={{ xs: 1, sm: 2 }}
                  items={[
                    { key: 'e', label: t('fields.employer'), children: <Name>{name(s.employerId)}</Name> },
                    { key: 'o', label: t('fields.occupation'), children: <><Name>{s.occupationName}</Name> ({s.occupationCode})</> },
                    { key: 'i', label: t('fields.industry'), children: <Name>{industry(s.industryCode)}</Name> },
                    { key: 'h', label: t('fields.openPositions'), children: `${s.openPositions}/${s.headcount}` },
                    { key: 'w', label: t('fields.wage'), children: `${formatWage(s.wageMin, s.wageMax)} (${t(`enums.payBasis.${s.payBasis}`)})` },
                    { key: 't', label: t('fields.workType'), children: t(`enums.workType.${s.workType}`) },
                    { key: 'r', label: t('fields.workRegion'), children: <><Name>{regionName(s.regionCode)} {s.address}</Name> · {s.locationPrecision ? t(`location.precision.${s.locationPrecision}`) : t('location.none')}</> },
                    { key: 'd', label: t('fields.deadline'), children: `${formatDate(s.startDate)} – ${formatDate(s.deadline)}` },
                    { key: 'u', label: t('fields.urgency'), children: t(`enums.urgency.${s.urgency}`) },
                    { key: 'p', label: t('fields.policyDirection'), children: s.policyDirection ? t(`enums.direction.${s.policyDirection}`) : '—' },
                    { key: 'sk', label: t('fields.requiredSkills'), children: s.requiredSkills.map((k) => <Tag key={k.name}><Name>{k.name}</Name>{` · ${t(`enums.skillLevel.${k.level}`)}`}</Tag>) },
                    { key: 'c', label: t('fields.requiredCertificates'), children: s.requiredCertificates.length ? s.requiredCertificates.map((c) => <Tag key={c}><Name>{certificate(c)}</Name></Tag>) : '—' },
                    // Shown once someone responded to the posting (issue 17): never "0 hours" on a posting just logged.
                    ...(s.responseHours != null ? [{ key: 'resp', label: t('fields.responseHours'), children: t('shortages.hours', { hours: s.responseHours }) }] : []),
                    { key: 'pub', label: t('fields.publishedAt'), children: formatDateTime(s.publishedAt) },
                  ]}
                />
                <Typography.Paragraph style={{ marginTop: 12, whiteSpace: 'pre-wrap' }}><Name>{s.description}</Name></Typography.Paragraph>
              </Card>
              {!!s.reviewDecisions?.length && (
                <Card size="small" title={t('review.decisions')} style={{ marginTop: 16 }}>
                  <Flex vertical gap={8}>
                    {s.reviewDecisions.map((d, i) => (
                      <div key={i} className="review-decision">
                        <Typography.Text strong>
                          <Named k="review.decisionLine" values={{ decision: t(`review.kind.${d.decision}`), at: formatDateTime(d.decidedAt) }} names={{ reviewer: d.reviewerName }} />
                        </Typography.Text>
                        <Typography.Paragraph style={{ margin: 0 }}><Name>{d.reason}</Name></Typography.Paragraph>
                        <Typography.Text type="secondary" className="review-version">
                          {t('review.version', { version: d.ruleSetVersion, verdict: t(`screen.verdict.${d.verdict}`) })} · {joinList(d.ruleCodes)}
                        </Typography.Text>
                      </div>
                    ))}
                  </Flex>
                </Card>
              )}
              <Card size="small" title={t('shortages.history')} style={{ marginTop: 16 }}>
                <Timeline
                  items={(s.transitions ?? []).map((tr) => ({
                    content: (
                      <>
                        {`${formatDateTime(tr.at)} · ${tr.fromStatus ? t(`enums.shortage.${tr.fromStatus}`) : '∅'} → ${t(`enums.shortage.${tr.toStatus}`)} · `}
                        <Name>{tr.reason}</Name>
                      </>
                    ),
                  }))}
                />
              </Card>
            </Col>
            <Col xs={24} lg={9}>
              <ScreenPanel result={s.screenResult} />
            </Col>
          </Row>
          <Modal
            open={!!asking}
            title={asking ? (asking.action === 'review' ? t('review.decide') : t(`shortages.${asking.action}`)) : ''}
            okText={t('common.confirm')}
            cancelText={t('common.cancel')}
            onCancel={() => setAsking(null)}
            onOk={act}
            okButtonProps={{ disabled: asking?.action !== 'submit' && text.trim().length < 2 }}
          >
            {asking?.action === 'review' && (
              <Flex vertical gap={4} style={{ marginBottom: 12 }}>
                <span id="review-decision-label">{t('review.decisionLabel')}</span>
                <Radio.Group
                  aria-labelledby="review-decision-label"
                  value={decision}
                  onChange={(e) => setDecision(e.target.value as ReviewDecisionKind)}
                  options={reviewDecisionKindValues.map((kind) => ({ value: kind, label: t(`review.kind.${kind}`) }))}
                />
              </Flex>
            )}
            <label htmlFor="action-reason">{asking?.action === 'submit' ? t('shortages.justification') : t('common.reason')}</label>
            <Input.TextArea id="action-reason" rows={3} value={text} onChange={(e) => setText(e.target.value)} maxLength={500} />
          </Modal>
        </>
      )}
    </Async>
  );
}
