import { useState } from 'react';
import { Button, Card, Flex, Input, List, Modal, Segmented, Select, Table, Tag, Typography } from 'antd';
import { EventSummary } from './EventSummary';
import EventPage from './EventPage';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Route, Routes, useNavigate } from 'react-router-dom';
import { addDays, mondayOf, StationWeeks, today, upcomingWeeks } from './StationWeeks';
import { formatDate } from '../../app/format';
import { useApi, usePaging } from '../../app/hooks';
import { EventItem, eventKind, EVENT_STATUS_COLOR } from '../../components/events';
import { InboxPage } from '../../components/Inbox';
import { TaxonomyTreePicker } from '../../components/pickers';
import { PageTitle, Shell } from '../../components/Shell';
import { Async } from '../../components/States';
import { useToast } from '../../components/toast';
import { client, unwrap } from '../../api/client';
import { Name, nameLabel, nameOption } from '../../components/Name';


/** The minor group (family) of an occupation code the picker gave, or nothing above that level. */
const familyOf = (code: string | undefined) => (code && code.split('-').length >= 3 ? code.split('-').slice(0, 3).join('-') : undefined);

/**
 * Proposals from the planner, as a working list: filter by station, dates and occupation family, sort by date or
 * expected attendance, page through them; accept one (then edit and publish it) or reject several with one reason.
 */
function ProposalsPage() {
  const { t, i18n } = useTranslation();
  const toast = useToast();
  const navigate = useNavigate();
  const { page, firstPage, pagination } = usePaging(20);
  const [filters, setFilters] = useState<{ station?: string; from?: string; to?: string; family?: string; sort: 'date' | 'expectedAttendance' }>({ sort: 'date' });
  const [view, setView] = useState<'list' | 'calendar'>('list');
  const [merging, setMerging] = useState<EventItem[]>([]);
  const weeks = upcomingWeeks(8, i18n.language.startsWith('en'));
  // The week filter is a from–to of one Monday to its Sunday; a date typed by hand leaves it.
  const week = filters.from && filters.to === addDays(filters.from, 6) && mondayOf(filters.from) === filters.from ? filters.from : undefined;
  const stations = useApi('/api/stations', { query: { limit: 100 } });
  const state = useApi('/api/events', { query: { status: 'proposed', ...filters, ...page } });
  const [selected, setSelected] = useState<string[]>([]);
  const [rejecting, setRejecting] = useState<string[]>([]);
  const [reason, setReason] = useState('');
  const filter = (change: Partial<typeof filters>) => (setFilters((f) => ({ ...f, ...change })), setSelected([]), firstPage());

  const accept = (e: EventItem) => unwrap(client.POST('/api/events/{id}/accept', { params: { path: { id: e.id } } })).then(() => (toast.success(t('station.accepted')), state.reload()), toast.error);

  return (
    <>
      <PageTitle>{t('station.proposals')}</PageTitle>
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Select
          id="proposal-station"
          allowClear
          aria-label={t('station.filters.station')}
          placeholder={t('station.filters.station')}
          style={{ width: 220 }}
          value={filters.station}
          onChange={(station) => filter({ station })}
          options={(stations.data?.items ?? []).map((s) => ({ value: s.id, label: s.name }))} labelRender={nameLabel} optionRender={nameOption}
        />
        <Select
          id="proposal-week"
          allowClear
          aria-label={t('station.filters.week')}
          placeholder={t('station.filters.week')}
          style={{ width: 200 }}
          value={week}
          onChange={(monday?: string) => filter(monday ? { from: monday, to: addDays(monday, 6) } : { from: undefined, to: undefined })}
          options={week && !weeks.some((w) => w.value === week) ? [...weeks, { value: week, label: week }] : weeks}
        />
        <Input id="proposal-from" type="date" aria-label={t('station.filters.from')} style={{ width: 160 }} value={filters.from ?? ''} onChange={(e) => filter({ from: e.target.value || undefined })} />
        <Input id="proposal-to" type="date" aria-label={t('station.filters.to')} style={{ width: 160 }} value={filters.to ?? ''} onChange={(e) => filter({ to: e.target.value || undefined })} />
        <div style={{ width: 260 }}>
          <TaxonomyTreePicker kind="occupations" id="proposal-family" aria-label={t('station.filters.family')} placeholder={t('station.filters.family')} value={filters.family} onChange={(code) => filter({ family: familyOf(code as string | undefined) })} />
        </div>
        <Select
          id="proposal-sort"
          aria-label={t('station.filters.sort')}
          style={{ width: 180 }}
          value={filters.sort}
          onChange={(sort) => filter({ sort })}
          options={(['date', 'expectedAttendance'] as const).map((s) => ({ value: s, label: t(`station.sortBy.${s}`) }))}
        />
      </Flex>
      <Segmented
        id="proposal-view"
        aria-label={t('station.view.label')}
        style={{ marginBottom: 12 }}
        value={view}
        onChange={(v) => setView(v as 'list' | 'calendar')}
        options={[
          { value: 'list', label: t('station.view.list') },
          { value: 'calendar', label: t('station.view.calendar') },
        ]}
      />
      {view === 'calendar' && (
        <StationWeeks week={week ?? mondayOf(filters.from ?? today())} station={filters.station} onWeek={(monday) => filter({ from: monday, to: addDays(monday, 6) })} />
      )}
      {view === 'list' && (
        <>
          <Flex gap={8} align="center" wrap style={{ marginBottom: 8 }}>
            <Typography.Text>{t('station.selected', { n: selected.length })}</Typography.Text>
            <Button id="proposal-bulk-reject" danger disabled={selected.length === 0} onClick={() => setRejecting(selected)}>
              {t('station.bulkReject')}
            </Button>
            <Button id="proposal-merge" disabled={selected.length < 2} onClick={() => setMerging((state.data?.items ?? []).filter((e) => selected.includes(e.id)))}>
              {t('station.merge.button')}
            </Button>
          </Flex>
          <Async state={state} empty={t('station.noProposals')}>
            {(list) => (
              <Table<EventItem>
                rowKey="id"
                size="small"
                dataSource={list.items}
                pagination={pagination(list.total)}
                // Sideways on a narrow screen; not antd's scroll.x, whose hidden measure row holds the select-all checkbox (axe).
                className="table-wide"
                rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]) }}
                expandable={{ expandedRowRender: (e) => <EventSummary event={e} /> }}
                columns={[
                  { title: t('station.date'), dataIndex: 'date', render: (d: string) => formatDate(d) },
                  { title: t('station.title'), render: (_, e) => <Link to={`/station/events/${e.id}`}><Name>{e.title}</Name></Link> },
                  { title: t('station.kind'), render: (_, e) => <Tag color={eventKind(e) === 'general_fair' ? 'purple' : eventKind(e) === 'live_stream' ? 'orange' : 'blue'}>{t(`station.eventKinds.${eventKind(e)}`)}</Tag> },
                  { title: t('station.filters.station'), render: (_, e) => <Name>{e.station.name}</Name> },
                  { title: t('station.employers'), render: (_, e) => e.employers.length },
                  { title: t('station.filters.sort'), render: (_, e) => t('station.expected', { expected: e.expectedAttendance, capacity: e.capacity, headcount: e.headcountAddressed, employers: e.employers.length }) },
                  {
                    title: t('common.actions'),
                    render: (_, e) => (
                      <Flex gap={4}>
                        <Button size="small" type="primary" onClick={() => accept(e)}>
                          {t('station.accept')}
                        </Button>
                        <Button size="small" danger onClick={() => setRejecting([e.id])}>
                          {t('station.reject')}
                        </Button>
                      </Flex>
                    ),
                  },
                ]}
              />
            )}
          </Async>
        </>
      )}
      <Modal
        open={merging.length > 0}
        title={t('station.merge.title', { count: merging.length })}
        okText={t('station.merge.ok')}
        okButtonProps={{ id: 'merge-confirm' }}
        cancelText={t('common.cancel')}
        onCancel={() => setMerging([])}
        onOk={async () => {
          try {
            const result = await unwrap(client.POST('/api/events/merge', { body: { ids: merging.map((e) => e.id) } }));
            toast.success(t('station.merge.done', { title: result.merged.title, date: formatDate(result.merged.date) }));
            setMerging([]);
            setSelected([]);
            navigate(`/station/events/${result.merged.id}`);
          } catch (e) {
            toast.error(e as Error);
          }
        }}
      >
        <Typography.Paragraph>{t('station.merge.explain')}</Typography.Paragraph>
        <List
          size="small"
          dataSource={merging}
          renderItem={(e) => (
            <List.Item>
              {formatDate(e.date)} · <Name>{e.station.name}</Name> · <Name>{e.title}</Name> · {t('station.employersN', { count: e.employers.length })}
            </List.Item>
          )}
        />
      </Modal>
      <Modal
        open={rejecting.length > 0}
        title={rejecting.length > 1 ? t('station.bulkRejectTitle', { count: rejecting.length }) : t('station.rejectTitle')}
        okText={t('common.confirm')}
        cancelText={t('common.cancel')}
        okButtonProps={{ id: 'reject-confirm', disabled: reason.trim().length < 2 }}
        onCancel={() => setRejecting([])}
        onOk={async () => {
          const ids = rejecting;
          if (await toast.attempt(() => unwrap(client.POST('/api/events/reject', { body: { ids, reason: reason.trim() } })), t('station.rejected', { count: ids.length }))) {
            setRejecting([]);
            setSelected((s) => s.filter((id) => !ids.includes(id)));
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
              <Card key={e.id} size="small" title={<Link to={`/station/events/${e.id}`}><Name>{e.title}</Name></Link>} extra={<Tag color={EVENT_STATUS_COLOR[e.status]}>{t(`enums.event.${e.status}`)}</Tag>}>
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
