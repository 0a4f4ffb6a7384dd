import { useState } from 'react';
import { Card, Flex, Select, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useApi, usePaging } from '../../app/hooks';
import { colon, formatDateTime } from '../../app/format';
import { useRegions } from '../../app/taxonomy';
import { RegionPicker } from '../pickers';
import { PageTitle } from '../Shell';
import { ErrorState } from '../States';
import { ruleCodeValues, type ReviewQueueItem } from '../../api/types';
import { asName, Name } from '../Name';

const AGES = [1, 3, 7, 14];
const DAY_MS = 86_400_000;

/** Postings the screen held for review that the caller may decide, oldest first; by region, rule and waiting time. */
export function ReviewQueuePage({ base }: { base: string }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language.startsWith('en');
  const [region, setRegion] = useState<string | undefined>();
  const [rule, setRule] = useState<(typeof ruleCodeValues)[number] | undefined>();
  const [minDays, setMinDays] = useState<number | undefined>();
  const { page, firstPage, pagination } = usePaging(20);
  const { regionName } = useRegions();
  const state = useApi('/api/shortages/review-queue', { query: { region, rule, minDays, ...page } });

  return (
    <>
      <PageTitle>{t('review.title')}</PageTitle>
      <Typography.Paragraph type="secondary">{t('review.intro')}</Typography.Paragraph>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Flex wrap gap={8}>
          <div style={{ width: 220 }}>
            <RegionPicker aria-label={t('review.region')} placeholder={t('review.region')} value={region} onChange={(v) => (setRegion(v), firstPage())} />
          </div>
          <Select
            id="review-rule"
            allowClear
            aria-label={t('review.rule')}
            placeholder={t('review.anyRule')}
            value={rule}
            onChange={(v) => (setRule(v), firstPage())}
            options={ruleCodeValues.map((code) => ({ value: code, label: code }))}
            style={{ minWidth: 140 }}
          />
          <Select
            allowClear
            aria-label={t('review.age')}
            placeholder={`${t('review.age')}${colon()}${t('review.anyAge')}`}
            value={minDays}
            onChange={(v) => (setMinDays(v), firstPage())}
            options={AGES.map((days) => ({ value: days, label: t('review.atLeastDays', { days }) }))}
            style={{ minWidth: 160 }}
          />
        </Flex>
      </Card>
      {state.error ? (
        <ErrorState error={state.error} onRetry={state.reload} />
      ) : (
        <Table<ReviewQueueItem>
          rowKey="id"
          size="small"
          loading={state.loading}
          dataSource={state.data?.items ?? []}
          scroll={{ x: 900 }}
          locale={{ emptyText: t('review.empty') }}
          pagination={pagination(state.data?.total)}
          columns={[
            { title: t('fields.title'), dataIndex: 'title', render: (v: string, item) => <Link to={`${base}/shortages/${item.id}`}><Name>{v}</Name></Link> },
            { title: t('fields.employer'), dataIndex: 'employerName', render: asName },
            { title: t('fields.region'), dataIndex: 'regionCode', render: (c: string) => <Name>{regionName(c)}</Name> },
            {
              title: t('review.findings'),
              render: (_, item) => (
                <Flex vertical gap={4}>
                  {item.screenResult.findings
                    .filter((f) => f.verdict !== 'WARN')
                    .map((f, i) => (
                      <Typography.Text key={i}>
                        <Tag color={f.verdict === 'BLOCK' ? 'red' : 'blue'}>{f.ruleCode}</Tag>
                        <mark className="screen-hit" translate="no">{f.matchedText}</mark> · {en ? f.reasonEn : f.reasonZh}
                        <br />
                        <Typography.Text type="secondary"><Name>{f.basis}</Name></Typography.Text>
                      </Typography.Text>
                    ))}
                </Flex>
              ),
            },
            {
              title: t('review.heldSince'),
              dataIndex: 'heldSince',
              render: (at: string) => (
                <>
                  {formatDateTime(at)}
                  <br />
                  <Typography.Text type="secondary">{t('review.waited', { count: Math.floor((Date.now() - new Date(at).getTime()) / DAY_MS) })}</Typography.Text>
                </>
              ),
            },
          ]}
        />
      )}
    </>
  );
}
