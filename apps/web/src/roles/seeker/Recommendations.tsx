import { useState } from 'react';
import { Button, Card, Flex, Input, Modal, Tabs, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../app/hooks';
import { colon, formatWage } from '../../app/format';
import { useNames, useRegions } from '../../app/taxonomy';
import { EmptyReasonState } from '../../components/EmptyReason';
import { Explanation, ScoreBadge } from '../../components/Explanation';
import { PageTitle } from '../../components/Shell';
import { Async } from '../../components/States';
import { useToast } from '../../components/toast';
import { applyTo, notInterested } from './apply';
import type { Recommendation } from '../../api/types';
import { Name, Named } from '../../components/Name';

/** Jobs recommended to me with reasons and gaps, and training referrals (jobs I nearly fit). */
export default function RecommendationsPage() {
  const { t } = useTranslation();
  const toast = useToast();
  const { regionName } = useRegions();
  const recommendations = useApi('/api/seekers/me/recommendations', { query: { limit: 20 } });
  const referrals = useApi('/api/seekers/me/training-referrals');
  const occupation = useNames('occupations', [...(recommendations.data?.items ?? []), ...(referrals.data?.items ?? [])].map((r) => r.occupationCode));
  const [declining, setDeclining] = useState<Recommendation | null>(null);
  const [reason, setReason] = useState('');

  const apply = (id: string) =>
    applyTo(id).then((r) => toast.success(r === 'created' ? t('jobs.applied') : t('jobs.alreadyApplied')), toast.error);

  return (
    <>
      <PageTitle>{t('recommendations.title')}</PageTitle>
      <Tabs
        items={[
          {
            key: 'jobs',
            label: t('recommendations.tab'),
            children: (
              <Async
                state={recommendations}
                empty={<EmptyReasonState side="seeker" reason={recommendations.data?.emptyReason} fallback={t('recommendations.empty')} reload={recommendations.reload} />}
              >
                {(data) => (
                  <Flex vertical gap={12}>
                    {data.items.map((r) => (
                      <Card key={r.shortageId} size="small">
                        <Flex gap={12} align="start">
                          <ScoreBadge score={r.score} />
                          <Flex vertical gap={6} style={{ flex: 1, minWidth: 0 }}>
                            <Typography.Text strong className="job-title">
                              <Name>{r.title}</Name>
                            </Typography.Text>
                            <Typography.Text>
                              <Name>{r.employerName}</Name> · <Name>{regionName(r.regionCode)}</Name> · <Name>{occupation(r.occupationCode)}</Name> · {formatWage(r.wageMin, r.wageMax)} · {t(`enums.workType.${r.workType}`)}
                            </Typography.Text>
                            <Explanation explanation={r.explanation} />
                            <Flex gap={8} wrap>
                              <Button type="primary" onClick={() => apply(r.shortageId)}>
                                {t('jobs.apply')}
                              </Button>
                              <Button onClick={() => setDeclining(r)}>{t('recommendations.notInterested')}</Button>
                            </Flex>
                          </Flex>
                        </Flex>
                      </Card>
                    ))}
                  </Flex>
                )}
              </Async>
            ),
          },
          {
            key: 'training',
            label: t('recommendations.trainingTab'),
            children: (
              <Async state={referrals} empty={t('recommendations.trainingEmpty')}>
                {(data) => (
                  <Flex vertical gap={12}>
                    <Typography.Paragraph>{t('recommendations.trainingIntro')}</Typography.Paragraph>
                    {data.items.map((r) => (
                      <Card key={r.shortageId} size="small" title={<Name>{r.title}</Name>}>
                        <Typography.Paragraph>
                          <Name>{r.employerName}</Name> · <Name>{regionName(r.regionCode)}</Name> · <Name>{occupation(r.occupationCode)}</Name>
                        </Typography.Paragraph>
                        <Typography.Paragraph>
                          {t('match.gaps')}{colon()}
                          {r.gaps.map((g) => (
                            <Tag key={g.kind + g.name} color="orange">
                              {g.kind === 'certificate' ? <Named k="match.gapCertificate" names={{ name: g.name }} /> : <Named k="match.gapSkill" values={{ level: g.requiredLevel ?? '' }} names={{ name: g.name }} />}
                            </Tag>
                          ))}
                        </Typography.Paragraph>
                        {r.trainingOffered && (
                          <Typography.Paragraph>
                            <Tag color="green">{t('jobs.trainingOffered')}</Tag> <Name>{r.trainingOffered}</Name>
                          </Typography.Paragraph>
                        )}
                      </Card>
                    ))}
                  </Flex>
                )}
              </Async>
            ),
          },
        ]}
      />
      <Modal
        open={!!declining}
        title={t('recommendations.notInterestedTitle')}
        okText={t('common.confirm')}
        cancelText={t('common.cancel')}
        onCancel={() => setDeclining(null)}
        onOk={async () => {
          if (!declining) return;
          if (await toast.attempt(() => notInterested(declining.shortageId, reason.trim() || undefined), t('recommendations.removed'))) {
            setDeclining(null);
            setReason('');
            recommendations.reload();
          }
        }}
      >
        <label htmlFor="not-interested-reason">{t('recommendations.reasonOptional')}</label>
        <Input.TextArea id="not-interested-reason" value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} rows={3} />
      </Modal>
    </>
  );
}
