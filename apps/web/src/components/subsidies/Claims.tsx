import { useState } from 'react';
import { Button, Card, Descriptions, Flex, Input, List, Modal, Radio, Table, Tabs, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { client, download, GetData, unwrap } from '../../api/client';
import type { SubsidyCheck, SubsidyClaim, NoticeLine } from '../../api/types';
import { bilingual, formatDate, formatDateTime } from '../../app/format';
import { ApiState, useApi } from '../../app/hooks';
import { PageTitle } from '../Shell';
import { Async } from '../States';
import { useToast } from '../toast';
import { asName, Name, Named } from '../Name';

const STATUS_COLOR: Record<string, string> = {
  candidate: 'gold', draft: 'default', submitted: 'blue', auto_checked: 'blue', county_review: 'cyan', city_review: 'cyan', notice: 'purple',
  approved: 'green', paid: 'green', refused: 'red', appealed: 'gold', objected: 'gold', payment_failed: 'red', recovered: 'red', withdrawn: 'default',
};
const VERDICT_COLOR: Record<string, string> = { pass: 'green', fail: 'red', unknown: 'gold' };

function StatusTag({ claim }: { claim: SubsidyClaim }) {
  const { t } = useTranslation();
  return <Tag color={STATUS_COLOR[claim.status]}>{t(`claims.status.${claim.status}`)}</Tag>;
}

/** The checks of the latest decision: each with its verdict and the reason in the reader's language. */
export function Checks({ checks }: { checks: SubsidyCheck[] }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language.startsWith('en');
  return (
    <List
      size="small"
      dataSource={checks}
      renderItem={(c) => (
        <List.Item>
          <Flex gap={8} wrap align="baseline">
            <Tag color={VERDICT_COLOR[c.verdict]}>{t(`claims.verdict.${c.verdict}`)}</Tag>
            <span>{en ? c.en : c.zh}</span>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {c.basis}
            </Typography.Text>
          </Flex>
        </List.Item>
      )}
    />
  );
}

/** Reasons of a refusal or objection in the reader's language. */
function Reasons({ claim }: { claim: SubsidyClaim }) {
  const { t, i18n } = useTranslation();
  const text = i18n.language.startsWith('en') ? (claim.reasonsEn ?? claim.reasonsZh) : claim.reasonsZh;
  if (!text) return null;
  // Reasons a reviewer wrote in Chinese only are shown as written.
  const written = text !== claim.reasonsEn;
  return (
    <Typography.Paragraph type={claim.status === 'refused' ? 'danger' : undefined}>
      {written ? <Named k="claims.reasons" names={{ text }} /> : t('claims.reasons', { text })}
    </Typography.Paragraph>
  );
}

/** A claim's summary line for cards and expanded rows. */
function ClaimFacts({ claim }: { claim: SubsidyClaim }) {
  const { t } = useTranslation();
  return (
    <Descriptions size="small" column={{ xs: 1, sm: 2, md: 3 }}>
      <Descriptions.Item label={t('claims.person')}><Name>{claim.personName ?? '—'}</Name> {claim.personIdMasked ?? ''}</Descriptions.Item>
      <Descriptions.Item label={t('fields.employer')}>{asName(claim.employerName)}</Descriptions.Item>
      <Descriptions.Item label={t('claims.hireDate')}>{claim.hireDate ? formatDate(claim.hireDate) : '—'}</Descriptions.Item>
      <Descriptions.Item label={t('claims.amount')}>{claim.decision ? `${claim.decision.amount} ${t('claims.yuan')}` : '—'}</Descriptions.Item>
      <Descriptions.Item label={t('claims.outcome')}>{claim.decision ? t(`claims.outcomes.${claim.decision.outcome}`) : '—'}</Descriptions.Item>
      {claim.noticeFrom && <Descriptions.Item label={t('claims.notice')}>{`${formatDate(claim.noticeFrom)} – ${formatDate(claim.noticeUntil!)}`}</Descriptions.Item>}
    </Descriptions>
  );
}

/** The employer's subsidy claims: candidates the platform opened from its hires (免申即享) to confirm, and every claim with its decision. */
export function EmployerClaimsPage() {
  const { t } = useTranslation();
  const toast = useToast();
  const candidates = useApi('/api/subsidy-claims', { query: { queue: 'candidates', limit: 50 } });
  const all = useApi('/api/subsidy-claims', { query: { limit: 100 } });
  const [confirming, setConfirming] = useState<SubsidyClaim | null>(null);
  const [openEnded, setOpenEnded] = useState(true);
  const [contractEnd, setContractEnd] = useState('');
  const [payee, setPayee] = useState({ payeeName: '', account: '', bankName: '' });

  const open = (claim: SubsidyClaim) => {
    setPayee({ payeeName: claim.employerName ?? '', account: '', bankName: '' });
    setConfirming(claim);
  };

  const confirm = async () => {
    if (!confirming) return;
    const body = { contractEnd: openEnded ? null : contractEnd || undefined, dispatch: false, ...(payee.account.trim() ? { payee } : {}) };
    if (await toast.attempt(() => unwrap(client.POST('/api/subsidy-claims/{id}/confirm', { params: { path: { id: confirming.id } }, body })), t('claims.confirmed'))) {
      setConfirming(null);
      candidates.reload();
      all.reload();
    }
  };

  return (
    <>
      <PageTitle>{t('claims.employerTitle')}</PageTitle>
      <Typography.Paragraph type="secondary">{t('claims.employerIntro')}</Typography.Paragraph>
      <Typography.Title level={2} style={{ fontSize: 18 }}>
        {t('claims.candidates')}
      </Typography.Title>
      <Async state={candidates} empty={t('claims.noCandidates')}>
        {(page) => (
          <Flex vertical gap={12} style={{ marginBottom: 24 }}>
            {page.items.map((c) => (
              <Card
                key={c.id}
                size="small"
                title={<>{t('claims.rules.G1')} · <Name>{c.personName ?? ''}</Name></>}
                extra={c.offeredAt ? <Tag color="gold">{t('claims.ready')}</Tag> : <Tag>{t('claims.waiting')}</Tag>}
              >
                <ClaimFacts claim={c} />
                {c.decision && <Checks checks={c.decision.checks} />}
                {c.offeredAt && (
                  <Button type="primary" onClick={() => open(c)}>
                    {t('claims.confirm')}
                  </Button>
                )}
              </Card>
            ))}
          </Flex>
        )}
      </Async>
      <Typography.Title level={2} style={{ fontSize: 18 }}>
        {t('claims.mine')}
      </Typography.Title>
      <ClaimTable state={all} />
      <Modal open={!!confirming} title={t('claims.confirmTitle')} okText={t('claims.confirm')} cancelText={t('common.cancel')} onCancel={() => setConfirming(null)} onOk={confirm}>
        <Typography.Paragraph>{t('claims.confirmIntro', { name: confirming?.personName ?? '' })}</Typography.Paragraph>
        <Radio.Group value={openEnded} onChange={(e) => setOpenEnded(e.target.value)} aria-label={t('claims.contract')}>
          <Radio value={true}>{t('claims.openEnded')}</Radio>
          <Radio value={false}>{t('claims.fixedTerm')}</Radio>
        </Radio.Group>
        {!openEnded && (
          <div style={{ marginTop: 8 }}>
            <label htmlFor="contract-end">{t('claims.contractEnd')}</label>
            <Input id="contract-end" type="date" value={contractEnd} onChange={(e) => setContractEnd(e.target.value)} />
          </div>
        )}
        <Typography.Paragraph style={{ marginTop: 16, marginBottom: 4 }}>{t('claims.payeeIntro')}</Typography.Paragraph>
        {(['payeeName', 'account', 'bankName'] as const).map((field) => (
          <div key={field} style={{ marginTop: 8 }}>
            <label htmlFor={`payee-${field}`}>{t(`claims.payee.${field}`)}</label>
            <Input id={`payee-${field}`} value={payee[field]} inputMode={field === 'account' ? 'numeric' : undefined} onChange={(e) => setPayee({ ...payee, [field]: e.target.value })} />
          </div>
        ))}
      </Modal>
    </>
  );
}

type ClaimListState = ApiState<GetData<'/api/subsidy-claims'>>;

/** Claims with status and decision; a row opens to the checks and reasons. */
function ClaimTable({ state, actions }: { state: ClaimListState; actions?: (claim: SubsidyClaim) => React.ReactNode }) {
  const { t } = useTranslation();
  return (
    <Async state={state} empty={t('claims.none')}>
      {(page) => (
        <Table<SubsidyClaim>
          rowKey="id"
          size="small"
          dataSource={page.items}
          scroll={{ x: 760 }}
          pagination={{ pageSize: 20, showSizeChanger: false }}
          expandable={{
            expandedRowRender: (c) => (
              <>
                <Reasons claim={c} />
                {c.decision ? <Checks checks={c.decision.checks} /> : null}
              </>
            ),
          }}
          columns={[
            { title: t('claims.item'), dataIndex: 'rule', render: (r: string) => t(`claims.rules.${r}`, { defaultValue: r }) },
            { title: t('claims.person'), render: (_, c) => <><Name>{c.personName ?? '—'}</Name> {c.personIdMasked ?? ''}</> },
            { title: t('fields.employer'), dataIndex: 'employerName', render: asName },
            { title: t('claims.amount'), render: (_, c) => (c.decision ? c.decision.amount : '—') },
            { title: t('fields.status'), render: (_, c) => <StatusTag claim={c} /> },
            { title: t('claims.updatedAt'), dataIndex: 'updatedAt', render: (d: string) => formatDateTime(d) },
            ...(actions ? [{ title: t('common.actions'), render: (_: unknown, c: SubsidyClaim) => actions(c) }] : []),
          ]}
        />
      )}
    </Async>
  );
}

/** The evidence a claim's decision rested on, and its status history. */
function ClaimEvidence({ id }: { id: string }) {
  const { t } = useTranslation();
  const state = useApi('/api/subsidy-claims/{id}', { path: { id } });
  return (
    <Async state={state}>
      {(detail) => (
        <>
          <Typography.Text strong>{t('claims.evidence')}</Typography.Text>
          <List
            size="small"
            dataSource={detail.evidence}
            locale={{ emptyText: <Typography.Text type="secondary">{t('claims.noEvidence')}</Typography.Text> }}
            renderItem={(e) => (
              <List.Item>
                {t(`claims.ports.${e.port}`, { defaultValue: e.port })} · <Name>{e.source}</Name> · {formatDateTime(e.fetchedAt)}
              </List.Item>
            )}
          />
          <Typography.Text strong>{t('claims.history')}</Typography.Text>
          <List
            size="small"
            dataSource={detail.transitions}
            locale={{ emptyText: <Typography.Text type="secondary">{t('claims.noHistory')}</Typography.Text> }}
            renderItem={(s) => (
              <List.Item>
                {formatDateTime(s.at)} · {t(`claims.status.${s.toStatus}`)} · {t(`claims.capacity.${s.capacity}`, { defaultValue: s.capacity })}
                {s.reasonsZh ? <> · <Name>{bilingual(s.reasonsZh, s.reasonsEn)}</Name></> : ''}
              </List.Item>
            )}
          />
        </>
      )}
    </Async>
  );
}

/** The reviewer's queue: county review (初审) for officers and administrators, city review (复核) for administrators. */
export function ClaimReviewPage({ stages }: { stages: ('county' | 'city')[] }) {
  const { t } = useTranslation();
  const toast = useToast();
  const [stage, setStage] = useState<'county' | 'city'>(stages[0]);
  const state = useApi('/api/subsidy-claims', { query: { queue: stage, limit: 100 } });
  const [refusing, setRefusing] = useState<SubsidyClaim | null>(null);
  const [reasons, setReasons] = useState('');

  const review = async (claim: SubsidyClaim, decision: 'pass' | 'refuse') => {
    const body = decision === 'refuse' ? { decision, reasonsZh: reasons.trim() } : { decision };
    const done = await toast.attempt(() => unwrap(client.POST('/api/subsidy-claims/{id}/review', { params: { path: { id: claim.id } }, body })), t(decision === 'pass' ? 'claims.passed' : 'claims.refused'));
    if (done) {
      setRefusing(null);
      setReasons('');
      state.reload();
    }
  };

  return (
    <>
      <PageTitle>{t('claims.reviewTitle')}</PageTitle>
      <Typography.Paragraph type="secondary">{t('claims.reviewIntro')}</Typography.Paragraph>
      {stages.length > 1 && (
        <Tabs activeKey={stage} onChange={(k) => setStage(k as 'county' | 'city')} items={stages.map((s) => ({ key: s, label: t(`claims.queues.${s}`) }))} />
      )}
      <Async state={state} empty={t('claims.queueEmpty')}>
        {(page) => (
          <Flex vertical gap={12}>
            {page.items.map((c) => (
              <Card key={c.id} size="small" title={<>{t(`claims.rules.${c.rule}`, { defaultValue: c.rule })} · <Name>{c.personName ?? ''}</Name></>} extra={<StatusTag claim={c} />}>
                <ClaimFacts claim={c} />
                <Reasons claim={c} />
                {c.decision && <Checks checks={c.decision.checks} />}
                <ClaimEvidence id={c.id} />
                {(c.status === 'county_review' || c.status === 'city_review') && (
                  <Flex gap={8} style={{ marginTop: 8 }}>
                    <Button type="primary" onClick={() => review(c, 'pass')}>
                      {t('claims.pass')}
                    </Button>
                    <Button danger onClick={() => setRefusing(c)}>
                      {t('claims.refuse')}
                    </Button>
                  </Flex>
                )}
              </Card>
            ))}
          </Flex>
        )}
      </Async>
      <Modal
        open={!!refusing}
        title={t('claims.refuseTitle')}
        okText={t('claims.refuse')}
        okButtonProps={{ danger: true, disabled: reasons.trim().length < 2 }}
        cancelText={t('common.cancel')}
        onCancel={() => setRefusing(null)}
        onOk={() => refusing && review(refusing, 'refuse')}
      >
        <label htmlFor="refuse-reasons">{t('claims.refuseReasons')}</label>
        <Input.TextArea id="refuse-reasons" rows={3} value={reasons} onChange={(e) => setReasons(e.target.value)} maxLength={2000} />
      </Modal>
    </>
  );
}

/** The public notice list (公示名单) of the caller's region, masked, with the Excel export. */
export function NoticeListPage() {
  const { t } = useTranslation();
  const toast = useToast();
  const state = useApi('/api/subsidy-claims/notice-list', { query: {} });
  return (
    <>
      <PageTitle
        extra={
          <Button onClick={() => download('/api/subsidy-claims/notice-list', { query: { format: 'xlsx' } }, 'subsidy-notice.xlsx').catch(toast.error)}>
            {t('claims.exportExcel')}
          </Button>
        }
      >
        {t('claims.noticeTitle')}
      </PageTitle>
      <Typography.Paragraph type="secondary">{t('claims.noticeIntro')}</Typography.Paragraph>
      <Async state={state} empty={t('claims.noticeEmpty')} isEmpty={(lines) => (lines as NoticeLine[]).length === 0}>
        {(lines) => (
          <Table<NoticeLine>
            rowKey="claimId"
            size="small"
            dataSource={lines as NoticeLine[]}
            scroll={{ x: 700 }}
            pagination={{ pageSize: 50, showSizeChanger: false }}
            columns={[
              { title: t('claims.item'), render: (_, l) => bilingual(l.itemZh, l.itemEn) },
              { title: t('claims.claimant'), dataIndex: 'claimant', render: asName },
              { title: t('fields.name'), dataIndex: 'personName', render: asName },
              { title: t('fields.residentId'), dataIndex: 'personId' },
              { title: t('claims.amount'), dataIndex: 'amount' },
              { title: t('claims.notice'), render: (_, l) => `${formatDate(l.noticeFrom)} – ${formatDate(l.noticeUntil)}` },
            ]}
          />
        )}
      </Async>
    </>
  );
}

/** A seeker's own subsidy decisions, with the checks and reasons. */
export function MyDecisionsPage() {
  const { t } = useTranslation();
  const state = useApi('/api/subsidy-claims', { query: { limit: 50 } });
  return (
    <>
      <PageTitle>{t('claims.myDecisions')}</PageTitle>
      <ClaimTable state={state} />
    </>
  );
}
