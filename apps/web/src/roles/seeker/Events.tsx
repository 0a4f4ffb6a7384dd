import { useEffect, useState } from 'react';
import { Button, Card, Flex, Modal, Popconfirm, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { ApiError } from '../../app/api';
import { useApi } from '../../app/hooks';
import { formatDate, formatTime } from '../../app/format';
import { EventItem, EVENT_STATUS_COLOR } from '../../components/events';
import { PageTitle } from '../../components/Shell';
import { Async } from '../../components/States';
import { useToast } from '../../components/toast';
import type { Registration } from '../../api/types';
import { client, download, get, getFile, unwrap } from '../../api/client';
import { asName, Name } from '../../components/Name';

/** 高德 (Amap) directions to the station; its URI API takes WGS-84 coordinates as stored. */
function directionsUrl(e: EventItem): string {
  const q = new URLSearchParams({ position: `${e.station.lng},${e.station.lat}`, name: e.station.name, coordinate: 'wgs84', callnative: '1' });
  return `https://uri.amap.com/marker?${q.toString()}`;
}

/** A seeker who holds a place is not offered to register again. */
const HOLDS_PLACE = ['registered', 'attended'];

function TicketModal({ event, onClose, onCancelled }: { event: EventItem | null; onClose(): void; onCancelled(): void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const [mine, setMine] = useState<Registration | null>(null);
  const [qr, setQr] = useState<string | null>(null);
  const [error, setError] = useState<string>();

  useEffect(() => {
    setMine(null);
    setQr(null);
    setError(undefined);
    if (!event) return;
    let url: string | null = null;
    get('/api/events/{id}/registrations/mine', { path: { id: event.id } })
      .then(async (r) => {
        setMine(r);
        if (r.ticket && r.status === 'registered') {
          const { blob } = await getFile('/api/events/{id}/registrations/mine/ticket.png', { path: { id: event.id } });
          url = URL.createObjectURL(blob);
          setQr(url);
        }
      })
      .catch((e: ApiError) => setError(e.message));
    return () => {
      if (url) URL.revokeObjectURL(url);
    };
  }, [event]);

  return (
    <Modal open={!!event} title={t('events.ticket')} onCancel={onClose} footer={null}>
      {error && <Typography.Text type="danger">{error}</Typography.Text>}
      {mine && (
        <Flex vertical align="center" gap={12}>
          <Tag>{t(`enums.attendee.${mine.status}`, { defaultValue: mine.status })}</Tag>
          {qr && <img className="ticket-qr" src={qr} alt={t('events.qrAlt')} />}
          {qr && <Typography.Text>{t('events.ticketHint')}</Typography.Text>}
          {event && mine.status === 'registered' && (
            <Popconfirm
              title={t('events.cancelConfirm')}
              okText={t('common.confirm')}
              cancelText={t('common.cancel')}
              onConfirm={() =>
                unwrap(client.POST('/api/events/{id}/registrations/mine/cancel', { params: { path: { id: event.id } } })).then(() => {
                  toast.success(t('events.cancelled'));
                  onCancelled();
                }, toast.error)
              }
            >
              <Button danger>{t('events.cancelRegistration')}</Button>
            </Popconfirm>
          )}
        </Flex>
      )}
    </Modal>
  );
}

/** Published recruitment events: register, show the QR ticket at the door. */
export default function EventsPage() {
  const { t } = useTranslation();
  const toast = useToast();
  const { id } = useParams();
  const state = useApi('/api/events', { query: { status: 'published', limit: 50 } });
  const linked = useApi('/api/events/{id}', { path: { id: id ?? '' } }, { enabled: !!id });
  const [ticketFor, setTicketFor] = useState<EventItem | null>(null);

  const register = async (event: EventItem) => {
    if (await toast.attempt(() => unwrap(client.POST('/api/events/{id}/registrations', { params: { path: { id: event.id } } })), t('events.registered'))) {
      state.reload();
      setTicketFor(event);
    }
  };

  const card = (e: EventItem) => (
    <Card key={e.id} id={`event-${e.id}`} size="small" title={<Name>{e.title}</Name>} extra={<Tag color={EVENT_STATUS_COLOR[e.status]}>{t(`enums.event.${e.status}`)}</Tag>}>
      <Flex vertical gap={6}>
        <Typography.Text>
          {formatDate(e.date)} {formatTime(e.startsAt)}–{formatTime(e.endsAt)} · {t(`enums.eventType.${e.type}`)}
        </Typography.Text>
        <Typography.Text>
          <Name>{e.station.name}</Name> · <Name>{e.station.address}</Name>
        </Typography.Text>
        <Typography.Text>{t('events.places', { left: e.placesLeft, capacity: e.capacity })}</Typography.Text>
        {e.employers.length > 0 && (
          <Flex wrap gap={4}>
            {e.employers.map((emp) => (
              <Tag key={emp.employerId}><Name>{emp.name}</Name></Tag>
            ))}
          </Flex>
        )}
        {e.description && (
          <Typography.Paragraph type="secondary" style={{ whiteSpace: 'pre-line', marginBottom: 0 }}>
            <Name>{e.description}</Name>
          </Typography.Paragraph>
        )}
        {e.jobs.length > 0 && (
          <Table
            rowKey="shortageId"
            size="small"
            pagination={false}
            aria-label={t('events.jobs')}
            dataSource={e.jobs}
            columns={[
              { title: t('events.job'), dataIndex: 'title', render: asName },
              { title: t('events.employer'), dataIndex: 'employerName', render: asName },
              { title: t('events.headcount'), dataIndex: 'openHeadcount' },
              {
                title: t('events.wage'),
                render: (_, j) =>
                  t(`events.pay.${j.payBasis}`, { range: j.wageMin === j.wageMax ? `${j.wageMin}` : `${j.wageMin}–${j.wageMax}`, defaultValue: `${j.wageMin}–${j.wageMax}` }),
              },
            ]}
          />
        )}
        <Flex gap={8} wrap align="center">
          {e.myStatus && <Tag color={HOLDS_PLACE.includes(e.myStatus) ? 'green' : undefined}>{t(`enums.attendee.${e.myStatus}`, { defaultValue: e.myStatus })}</Tag>}
          {e.status === 'published' && !HOLDS_PLACE.includes(e.myStatus ?? '') && (
            <Button type="primary" disabled={e.placesLeft === 0} onClick={() => register(e)}>
              {t('events.register')}
            </Button>
          )}
          {e.myStatus === 'registered' && <Button onClick={() => setTicketFor(e)}>{t('events.myTicket')}</Button>}
          <Button id={`event-calendar-${e.id}`} onClick={() => download('/api/events/{id}/calendar', { path: { id: e.id } }, 'event.ics').catch(toast.error)}>
            {t('events.addToCalendar')}
          </Button>
          <Button href={directionsUrl(e)} target="_blank" rel="noopener noreferrer">
            {t('events.directions')}
          </Button>
        </Flex>
      </Flex>
    </Card>
  );

  return (
    <>
      <PageTitle>{t('events.title')}</PageTitle>
      {id && linked.data && <div style={{ marginBottom: 16 }}>{card(linked.data)}</div>}
      <Async state={state} empty={t('events.empty')}>
        {(page) => <Flex vertical gap={12}>{page.items.filter((e) => e.id !== id).map(card)}</Flex>}
      </Async>
      <TicketModal event={ticketFor} onClose={() => setTicketFor(null)} onCancelled={() => (setTicketFor(null), state.reload())} />
    </>
  );
}
