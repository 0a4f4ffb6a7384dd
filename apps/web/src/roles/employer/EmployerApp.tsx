import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Drawer, Flex, Input, Modal, Select, Table, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes } from 'react-router-dom';

import { useApi } from '../../app/hooks';
import { useNames, useRegions } from '../../app/taxonomy';
import { formatDate, formatDateTime, joinList } from '../../app/format';
import { EventItem, EventOutcome, OUTCOME_STAGES } from '../../components/events';
import { InboxPage } from '../../components/Inbox';
import { EmployerClaimsPage } from '../../components/subsidies/Claims';
import { PageTitle, Shell } from '../../components/Shell';
import { Async } from '../../components/States';
import { CandidatesPage } from '../../components/shortages/Candidates';
import { ShortageDetailPage } from '../../components/shortages/ShortageDetail';
import { ShortageFormPage } from '../../components/shortages/ShortageForm';
import { ShortageListPage } from '../../components/shortages/ShortageList';
import { useToast } from '../../components/toast';
import type { Application } from '../seeker/Applications';
import { client, unwrap } from '../../api/client';
import type { ApplicationStatus, OutcomeStage } from '../../api/types';
import { asName, Name, Named } from '../../components/Name';

const STATUS_COLOR: Record<ApplicationStatus, string> = { applied: 'blue', viewed: 'cyan', interview: 'purple', offer: 'gold', hired: 'green', rejected: 'red', withdrawn: 'default' };
const NEXT: Partial<Record<ApplicationStatus, ApplicationStatus[]>> = {
  applied: ['viewed', 'interview', 'rejected'],
  viewed: ['interview', 'offer', 'rejected'],
  interview: ['offer', 'rejected'],
  offer: ['hired', 'rejected'],
};

/**
 * One applicant, opened from the list: her profile within the masking rules (no ID number, birth date, gender or
 * priority groups; the phone masked until she shares it), the application's history, and the moves open to it.
 */
function ApplicantDrawer({ id, onClose, onMove }: { id: string | null; onClose(): void; onMove(application: Application, to: ApplicationStatus): void }) {
  const { t } = useTranslation();
  const state = useApi('/api/applications/{id}', { path: { id: id ?? '' } }, { enabled: !!id });
  const a = id ? state.data : undefined;
  const applicant = a?.applicant;
  const { regionName } = useRegions();
  const occupation = useNames('occupations', [...(applicant?.experience ?? []).map((e) => e.occupationCode), ...(applicant?.desiredOccupations ?? [])]);
  const certificate = useNames('certificates', applicant?.certificates ?? []);
  return (
    <Drawer open={!!id} onClose={onClose} title={applicant ? <>{t('applicant.title')} · <Name>{applicant.name}</Name></> : t('applicant.title')} size="large" destroyOnHidden>
      {a && applicant && a.id === id ? (
        <Flex vertical gap={16}>
          <Typography.Text strong><Name>{a.shortageTitle}</Name></Typography.Text>
          <Alert type={a.contactShared ? 'success' : 'info'} showIcon title={`${t('fields.phone')}: ${applicant.phone ?? '—'}`} description={a.contactShared ? t('applicant.phoneShared') : t('applicant.phoneMasked')} />
          <Descriptions
            size="small"
            column={1}
            bordered
            items={[
              { key: 'region', label: t('fields.homeRegion'), children: <Name>{regionName(applicant.regionCode)}</Name> },
              { key: 'edu', label: t('applicant.education'), children: applicant.education ? t(`enums.education.${applicant.education}`) : t('applicant.none') },
              {
                key: 'exp',
                label: t('applicant.experience'),
                children: applicant.experience.length ? applicant.experience.map((e) => <div key={e.occupationCode}><Named k="applicant.experienceItem" values={{ count: e.years }} names={{ occupation: occupation(e.occupationCode) }} /></div>) : t('applicant.none'),
              },
              { key: 'desired', label: t('applicant.desired'), children: applicant.desiredOccupations.length ? <Name>{joinList(applicant.desiredOccupations.map((c) => occupation(c)))}</Name> : t('applicant.none') },
              { key: 'skills', label: t('fields.skills'), children: applicant.skills.length ? applicant.skills.map((k) => <Tag key={k.name}><Name>{k.name}</Name>{` · ${t(`enums.skillLevel.${k.level}`)}`}</Tag>) : t('applicant.none') },
              { key: 'certs', label: t('fields.certificates'), children: applicant.certificates.length ? applicant.certificates.map((c) => <Tag key={c}><Name>{certificate(c)}</Name></Tag>) : t('applicant.none') },
              { key: 'types', label: t('applicant.workTypes'), children: applicant.workTypes.map((w) => t(`enums.workType.${w}`)).join(', ') || t('applicant.none') },
              { key: 'lang', label: t('applicant.languages'), children: applicant.languages.length ? <Name>{joinList(applicant.languages)}</Name> : t('applicant.none') },
              { key: 'wage', label: t('applicant.wageExpectation'), children: applicant.wageExpectation != null ? `${applicant.wageExpectation.toLocaleString()} ${t('common.yuanPerMonth')}` : t('applicant.none') },
              { key: 'from', label: t('applicant.availableFrom'), children: applicant.availableFrom ? formatDate(applicant.availableFrom) : t('applicant.none') },
            ]}
          />
          <div>
            <Typography.Text strong>{t('applicant.history')}</Typography.Text>
            <Timeline
              style={{ marginTop: 8 }}
              items={a.history.map((h) => ({ content: <>{`${t(`enums.application.${h.status}`)} · ${formatDateTime(h.at)}`}{h.note ? <> · <Name>{h.note}</Name></> : ''}</> }))}
            />
          </div>
          {NEXT[a.status] && (
            <Flex gap={8} wrap align="center">
              <Typography.Text>{t('applicant.moves')}</Typography.Text>
              {NEXT[a.status]!.map((to) => (
                <Button key={to} danger={to === 'rejected'} type={to === 'rejected' ? 'default' : 'primary'} onClick={() => onMove(a, to)}>
                  {t(`enums.application.${to}`)}
                </Button>
              ))}
            </Flex>
          )}
        </Flex>
      ) : (
        <Async state={state}>{() => null}</Async>
      )}
    </Drawer>
  );
}

/** Applicants to my shortages: names and skills, phone masked until the seeker shares it; each opens in a drawer. */
function ApplicantsPage() {
  const { t } = useTranslation();
  const toast = useToast();
  const [status, setStatus] = useState<ApplicationStatus>();
  const state = useApi('/api/applications', { query: { status, limit: 100 } });
  const [moving, setMoving] = useState<{ application: Application; to: ApplicationStatus } | null>(null);
  const [note, setNote] = useState('');
  const [opened, setOpened] = useState<string | null>(null);
  const [drawerKey, setDrawerKey] = useState(0);

  return (
    <>
      <PageTitle
        extra={
          <Select
            allowClear
            aria-label={t('fields.status')}
            placeholder={t('fields.status')}
            value={status}
            onChange={setStatus}
            style={{ width: 160 }}
            options={Object.keys(STATUS_COLOR).map((s) => ({ value: s, label: t(`enums.application.${s}`) }))}
          />
        }
      >
        {t('employer.applicants')}
      </PageTitle>
      <Async state={state} empty={t('employer.noApplicants')}>
        {(page) => (
          <Table<Application>
            rowKey="id"
            size="small"
            dataSource={page.items}
            scroll={{ x: 800 }}
            pagination={{ pageSize: 20, showSizeChanger: false }}
            columns={[
              { title: t('fields.title'), dataIndex: 'shortageTitle', render: asName },
              {
                title: t('fields.name'),
                render: (_, a) =>
                  a.applicant ? (
                    <Button type="link" style={{ padding: 0 }} onClick={() => setOpened(a.id)} aria-label={t('applicant.open', { name: a.applicant.name })}>
                      <Name>{a.applicant.name}</Name>
                    </Button>
                  ) : (
                    '—'
                  ),
              },
              { title: t('fields.phone'), render: (_, a) => a.applicant?.phone ?? '—' },
              { title: t('fields.skills'), render: (_, a) => a.applicant?.skills.map((s) => <Tag key={s.name}><Name>{s.name}</Name>{` · ${t(`enums.skillLevel.${s.level}`)}`}</Tag>) },
              { title: t('employer.appliedAt'), dataIndex: 'createdAt', render: (d: string) => formatDateTime(d) },
              { title: t('fields.status'), dataIndex: 'status', render: (s: ApplicationStatus) => <Tag color={STATUS_COLOR[s]}>{t(`enums.application.${s}`)}</Tag> },
              {
                title: t('common.actions'),
                render: (_, a) =>
                  NEXT[a.status] ? (
                    <Select
                      size="small"
                      aria-label={t('employer.moveTo')}
                      placeholder={t('employer.moveTo')}
                      value={null}
                      style={{ width: 130 }}
                      onChange={(to: ApplicationStatus) => setMoving({ application: a, to })}
                      options={NEXT[a.status]!.map((s) => ({ value: s, label: t(`enums.application.${s}`) }))}
                    />
                  ) : null,
              },
            ]}
          />
        )}
      </Async>
      <ApplicantDrawer key={drawerKey} id={opened} onClose={() => setOpened(null)} onMove={(application, to) => setMoving({ application, to })} />
      <Modal
        open={!!moving}
        title={moving ? t('employer.moveTitle', { status: t(`enums.application.${moving.to}`) }) : ''}
        okText={t('common.confirm')}
        cancelText={t('common.cancel')}
        onCancel={() => setMoving(null)}
        onOk={async () => {
          if (!moving) return;
          if (await toast.attempt(() => unwrap(client.POST('/api/applications/{id}/status', { params: { path: { id: moving.application.id } }, body: { status: moving.to, note: note.trim() || undefined } })), t('common.done'))) {
            setMoving(null);
            setNote('');
            state.reload();
            setDrawerKey((k) => k + 1);
          }
        }}
      >
        <label htmlFor="move-note">{t('employer.note')}</label>
        <Input.TextArea id="move-note" rows={2} value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} />
      </Modal>
    </>
  );
}


/** What came of an event for my shortages; while the event runs (or just after), I move each person on a stage. */
function EventOutcomes({ event }: { event: EventItem }) {
  const { t } = useTranslation();
  const toast = useToast();
  const state = useApi('/api/events/{id}/outcomes', { path: { id: event.id }, query: { limit: 100 } });
  const open = ['accepted', 'published', 'completed'].includes(event.status);
  const advance = async (outcome: EventOutcome, stage: OutcomeStage) => {
    if (await toast.attempt(() => unwrap(client.POST('/api/events/{id}/outcomes', { params: { path: { id: event.id } }, body: { seekerId: outcome.seekerId, shortageId: outcome.shortageId, stage } })), t('common.done'))) state.reload();
  };
  return (
    <Async state={state} empty={t('employer.noOutcomes')}>
      {(page) => (
        <Table<EventOutcome>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={page.items}
          columns={[
            { title: t('fields.name'), dataIndex: 'seekerName', render: asName },
            { title: t('fields.title'), dataIndex: 'shortageTitle', render: asName },
            { title: t('station.stage'), dataIndex: 'stage', render: (s: string) => <Tag>{t(`enums.stage.${s}`)}</Tag> },
            {
              title: t('common.actions'),
              render: (_, o) =>
                open && o.stage !== 'hire' ? (
                  <Select
                    id={`stage-${o.id}`}
                    size="small"
                    aria-label={t('employer.nextStage', { name: o.seekerName })}
                    placeholder={t('employer.nextStagePlaceholder')}
                    value={null}
                    style={{ width: 140 }}
                    onChange={(stage: OutcomeStage) => advance(o, stage)}
                    options={OUTCOME_STAGES.slice(OUTCOME_STAGES.indexOf(o.stage) + 1).map((s) => ({ value: s, label: t(`enums.stage.${s}`) }))}
                  />
                ) : null,
            },
          ]}
        />
      )}
    </Async>
  );
}

/** Recruitment events I take part in, and what came of them. */
function OutcomesPage() {
  const { t } = useTranslation();
  const state = useApi('/api/events', { query: { limit: 50 } });
  return (
    <>
      <PageTitle>{t('employer.outcomes')}</PageTitle>
      <Async state={state} empty={t('employer.noEvents')}>
        {(page) => (
          <Flex vertical gap={12}>
            {page.items.map((e) => (
              <Card key={e.id} size="small" title={<Name>{e.title}</Name>} extra={<Tag>{t(`enums.event.${e.status}`)}</Tag>}>
                <Typography.Paragraph>
                  {formatDate(e.date)} · <Name>{e.station.name}</Name>
                </Typography.Paragraph>
                <EventOutcomes event={e} />
              </Card>
            ))}
          </Flex>
        )}
      </Async>
    </>
  );
}

export default function EmployerApp() {
  const { t } = useTranslation();
  const items = [
    { path: '/employer', label: t('employer.nav.shortages') },
    { path: '/employer/applicants', label: t('employer.nav.applicants') },
    { path: '/employer/outcomes', label: t('employer.nav.outcomes') },
    { path: '/employer/subsidies', label: t('claims.nav.employer') },
  ];
  return (
    <Shell items={items} base="/employer">
      <Routes>
        <Route index element={<ShortageListPage base="/employer" />} />
        <Route path="shortages" element={<Navigate to="/employer" replace />} />
        <Route path="shortages/new" element={<ShortageFormPage base="/employer" />} />
        <Route path="shortages/:id" element={<ShortageDetailPage base="/employer" />} />
        <Route path="shortages/:id/edit" element={<ShortageFormPage base="/employer" />} />
        <Route path="shortages/:id/candidates" element={<CandidatesPage />} />
        <Route path="applicants" element={<ApplicantsPage />} />
        <Route path="outcomes" element={<OutcomesPage />} />
        <Route path="subsidies" element={<EmployerClaimsPage />} />
        <Route path="events/:id" element={<OutcomesPage />} />
        <Route path="inbox" element={<InboxPage base="/employer" />} />
        <Route path="*" element={<Navigate to="/employer" replace />} />
      </Routes>
    </Shell>
  );
}
