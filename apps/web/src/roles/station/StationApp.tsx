import { useState } from 'react';
import { Button, Card, Flex, Input, Modal, Select, Tag } from 'antd';
import { EventSummary } from './EventSummary';
import EventPage from './EventPage';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Route, Routes } from 'react-router-dom';
import { useApi } from '../../app/hooks';
import { EventItem, EVENT_STATUS_COLOR } from '../../components/events';
import { InboxPage } from '../../components/Inbox';
import { PageTitle, Shell } from '../../components/Shell';
import { Async } from '../../components/States';
import { useToast } from '../../components/toast';
import { client, unwrap } from '../../api/client';


/** Proposals from the planner: accept (then edit and publish) or reject with a reason. */
function ProposalsPage() {
  const { t } = useTranslation();
  const toast = useToast();
  const state = useApi('/api/events', { query: { status: 'proposed', limit: 50 } });
  const [rejecting, setRejecting] = useState<EventItem | null>(null);
  const [reason, setReason] = useState('');

  const accept = (e: EventItem) => unwrap(client.POST('/api/events/{id}/accept', { params: { path: { id: e.id } } })).then(() => (toast.success(t('station.accepted')), state.reload()), toast.error);

  return (
    <>
      <PageTitle>{t('station.proposals')}</PageTitle>
      <Async state={state} empty={t('station.noProposals')}>
        {(page) => (
          <Flex vertical gap={12}>
            {page.items.map((e) => (
              <Card key={e.id} size="small" title={<Link to={`/station/events/${e.id}`}>{e.title}</Link>}>
                <EventSummary event={e} />
                <Flex gap={8} style={{ marginTop: 8 }}>
                  <Button type="primary" onClick={() => accept(e)}>
                    {t('station.accept')}
                  </Button>
                  <Button danger onClick={() => setRejecting(e)}>
                    {t('station.reject')}
                  </Button>
                </Flex>
              </Card>
            ))}
          </Flex>
        )}
      </Async>
      <Modal
        open={!!rejecting}
        title={t('station.rejectTitle')}
        okText={t('common.confirm')}
        cancelText={t('common.cancel')}
        okButtonProps={{ disabled: reason.trim().length < 2 }}
        onCancel={() => setRejecting(null)}
        onOk={async () => {
          if (!rejecting) return;
          if (await toast.attempt(() => unwrap(client.POST('/api/events/{id}/reject', { params: { path: { id: rejecting.id } }, body: { reason: reason.trim() } })), t('common.done'))) {
            setRejecting(null);
            setReason('');
            state.reload();
          }
        }}
      >
        <label htmlFor="reject-reason">{t('common.reason')}</label>
        <Input.TextArea id="reject-reason" rows={3} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} />
      </Modal>
    </>
  );
}

function EventsPage() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<EventItem['status']>();
  const state = useApi('/api/events', { query: { status, limit: 50 } });
  return (
    <>
      <PageTitle
        extra={
          <Select
            id="event-status"
            allowClear
            aria-label={t('fields.status')}
            placeholder={t('fields.status')}
            value={status}
            onChange={setStatus}
            style={{ width: 160 }}
            options={['proposed', 'accepted', 'published', 'completed', 'rejected', 'cancelled'].map((s) => ({ value: s, label: t(`enums.event.${s}`) }))}
          />
        }
      >
        {t('station.events')}
      </PageTitle>
      <Async state={state} empty={t('station.noEvents')}>
        {(page) => (
          <Flex vertical gap={12}>
            {page.items.map((e) => (
              <Card key={e.id} size="small" title={<Link to={`/station/events/${e.id}`}>{e.title}</Link>} extra={<Tag color={EVENT_STATUS_COLOR[e.status]}>{t(`enums.event.${e.status}`)}</Tag>}>
                <EventSummary event={e} />
              </Card>
            ))}
          </Flex>
        )}
      </Async>
    </>
  );
}

export default function StationApp() {
  const { t } = useTranslation();
  const items = [
    { path: '/station', label: t('station.nav.proposals') },
    { path: '/station/events', label: t('station.nav.events') },
  ];
  return (
    <Shell items={items} base="/station">
      <Routes>
        <Route index element={<ProposalsPage />} />
        <Route path="events" element={<EventsPage />} />
        <Route path="events/:id" element={<EventPage />} />
        <Route path="inbox" element={<InboxPage base="/station" />} />
        <Route path="*" element={<Navigate to="/station" replace />} />
      </Routes>
    </Shell>
  );
}
