import { useState } from 'react';
import { Button, Card, Flex, Input, Modal, Pagination, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { useAuth } from '../../app/auth';
import { useApi } from '../../app/hooks';
import { useRegions } from '../../app/taxonomy';
import { EmptyReasonState } from '../EmptyReason';
import { Explanation, ScoreBadge } from '../Explanation';
import { PageTitle } from '../Shell';
import { Async } from '../States';
import { useToast } from '../toast';
import type { Candidate } from '../../api/types';
import { client, unwrap } from '../../api/client';
import { Name, Named } from '../Name';

const PAGE = 20;

/** Ranked candidates with reasons: officers send them to the employer or dismiss them with a reason. */
export function CandidatesPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const toast = useToast();
  const { principal } = useAuth();
  const { regionName } = useRegions();
  const [offset, setOffset] = useState(0);
  const shortage = useApi('/api/shortages/{id}', { path: { id: id! } });
  const state = useApi('/api/shortages/{id}/candidates', { path: { id: id! }, query: { offset, limit: PAGE } });
  const [dismissing, setDismissing] = useState<Candidate | null>(null);
  const [reason, setReason] = useState('');
  const staff = principal?.role === 'officer' || principal?.role === 'admin';

  const send = (c: Candidate) =>
    unwrap(client.POST('/api/shortages/{id}/candidates/{seekerId}/send', { params: { path: { id: id!, seekerId: c.seekerId } } })).then(() => (toast.success(t('candidates.sent')), state.reload()), toast.error);

  return (
    <>
      <PageTitle><Named k="candidates.title" names={{ title: shortage.data?.title ?? '' }} /></PageTitle>
      {!staff && <Typography.Paragraph type="secondary">{t('candidates.employerHint')}</Typography.Paragraph>}
      <Async state={state} empty={<EmptyReasonState side="shortage" reason={state.data?.emptyReason} fallback={t('candidates.empty')} reload={state.reload} />}>
        {(data) => (
          <Flex vertical gap={12}>
            {data.items.map((c) => (
              <Card key={c.seekerId} size="small">
                <Flex gap={12} align="start">
                  <ScoreBadge score={c.score} />
                  <Flex vertical gap={6} style={{ flex: 1, minWidth: 0 }}>
                    <Flex justify="space-between" wrap gap={8}>
                      <Typography.Text strong>
                        #{c.rank} <Name>{c.name}</Name> · <Name>{regionName(c.regionCode)}</Name> · {c.skillLevel ? t(`enums.skillLevel.${c.skillLevel}`) : t('candidates.noLevel')}
                      </Typography.Text>
                      <Tag color={c.status === 'sent' ? 'green' : 'blue'}>{t(`candidates.status.${c.status}`)}</Tag>
                    </Flex>
                    <Explanation explanation={c.explanation} showFactors={staff} />
                    {staff && c.status === 'proposed' && (
                      <Flex gap={8}>
                        <Button type="primary" onClick={() => send(c)}>
                          {t('candidates.send')}
                        </Button>
                        <Button onClick={() => setDismissing(c)}>{t('candidates.dismiss')}</Button>
                      </Flex>
                    )}
                  </Flex>
                </Flex>
              </Card>
            ))}
            <Pagination current={offset / PAGE + 1} pageSize={PAGE} total={data.total} onChange={(p) => setOffset((p - 1) * PAGE)} showSizeChanger={false} />
          </Flex>
        )}
      </Async>
      <Modal
        open={!!dismissing}
        title={<Named k="candidates.dismissTitle" names={{ name: dismissing?.name ?? '' }} />}
        okText={t('common.confirm')}
        cancelText={t('common.cancel')}
        okButtonProps={{ disabled: reason.trim().length < 2 }}
        onCancel={() => setDismissing(null)}
        onOk={async () => {
          if (!dismissing) return;
          if (await toast.attempt(() => unwrap(client.POST('/api/shortages/{id}/candidates/{seekerId}/dismiss', { params: { path: { id: id!, seekerId: dismissing.seekerId } }, body: { reason: reason.trim() } })), t('candidates.dismissed'))) {
            setDismissing(null);
            setReason('');
            state.reload();
          }
        }}
      >
        <label htmlFor="dismiss-reason">{t('common.reason')}</label>
        <Input.TextArea id="dismiss-reason" rows={3} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} />
      </Modal>
    </>
  );
}
