import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Card, Col, Descriptions, Flex, Form, Input, InputNumber, Modal, Popconfirm, Row, Select, Statistic, Table, Tabs, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { ApiError } from '../../app/api';
import { ApiState, useApi } from '../../app/hooks';
import { formatDateTime, formatTime } from '../../app/format';
import { EventItem, EventOutcome, EVENT_STATUS_COLOR, OUTCOME_STAGES } from '../../components/events';
import { LocationPreview, TownshipPicker } from '../../components/LocationField';
import { RegionPicker } from '../../components/pickers';
import { PageTitle } from '../../components/Shell';
import { Async } from '../../components/States';
import { useToast } from '../../components/toast';
import { EventSummary } from './EventSummary';
import { InviteSeekers } from './InviteSeekers';
import { createQrReader } from './qr-reader';
import type { Attendee, CheckInInput, EventUpdate, Invitation, InvitationList, OutcomeInput } from '../../api/types';
import { client, download, unwrap } from '../../api/client';
import { asName, FilledIn, Name } from '../../components/Name';


/** Check-in at the desk: scan (camera or a handheld scanner typing into the field), phone, or name lookup. */
function CheckIn({ event }: { event: EventItem }) {
  const { t } = useTranslation();
  const [ticket, setTicket] = useState('');
  const [phone, setPhone] = useState('');
  const [q, setQ] = useState('');
  const [last, setLast] = useState<{ ok: boolean; text: string } | null>(null);
  const lookup = useApi('/api/events/{id}/registrations', { path: { id: event.id }, query: { q, status: 'registered', limit: 20 } }, { enabled: !!q });
  const [scanning, setScanning] = useState(false);
  const video = useRef<HTMLVideoElement>(null);
  const canScan = typeof navigator !== 'undefined' && !!navigator.mediaDevices?.getUserMedia;

  const checkIn = async (body: CheckInInput) => {
    try {
      const a = await unwrap(client.POST('/api/events/{id}/checkins', { params: { path: { id: event.id } }, body }));
      setLast({ ok: true, text: t('station.checkedIn', { name: a.name, time: formatTime(a.checkedInAt) }) });
      setTicket('');
      setPhone('');
      lookup.reload();
    } catch (e) {
      setLast({ ok: false, text: e instanceof ApiError ? e.message : String(e) });
    }
  };

  useEffect(() => {
    if (!scanning || !video.current) return;
    let stream: MediaStream | undefined;
    let stop = false;
    (async () => {
      try {
        stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } });
        video.current!.srcObject = stream;
        await video.current!.play();
        const read = await createQrReader();
        while (!stop) {
          const code = await read(video.current!);
          if (code) {
            setScanning(false);
            await checkIn({ ticket: code });
            return;
          }
          await new Promise((r) => setTimeout(r, 250));
        }
      } catch {
        // The browser's own error (permission denied, no camera) is English and technical: say what to do instead.
        setLast({ ok: false, text: t('station.cameraError') });
        setScanning(false);
      }
    })();
    return () => {
      stop = true;
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, [scanning]);

  return (
    <Flex vertical gap={12}>
      {last && <Alert role="status" type={last.ok ? 'success' : 'error'} showIcon title={last.text} />}
      <Card size="small" title={t('station.byTicket')}>
        <Flex gap={8} wrap>
          <Input
            id="checkin-ticket"
            aria-label={t('station.ticket')}
            placeholder={t('station.ticketPlaceholder')}
            value={ticket}
            onChange={(e) => setTicket(e.target.value)}
            onPressEnter={() => ticket.trim() && checkIn({ ticket: ticket.trim() })}
            style={{ maxWidth: 420 }}
            autoFocus
          />
          <Button type="primary" disabled={!ticket.trim()} onClick={() => checkIn({ ticket: ticket.trim() })}>
            {t('station.checkIn')}
          </Button>
          {canScan && <Button id="checkin-camera" onClick={() => setScanning((s) => !s)}>{scanning ? t('station.stopCamera') : t('station.camera')}</Button>}
        </Flex>
        {scanning && <video ref={video} muted playsInline style={{ width: 280, marginTop: 8 }} aria-label={t('station.camera')} />}
      </Card>
      <Card size="small" title={t('station.byPhone')}>
        <Flex gap={8} wrap>
          <Input id="checkin-phone" aria-label={t('fields.phone')} inputMode="numeric" maxLength={11} value={phone} onChange={(e) => setPhone(e.target.value)} style={{ width: 200 }} />
          <Button disabled={!/^1\d{10}$/.test(phone)} onClick={() => checkIn({ phone })}>
            {t('station.checkIn')}
          </Button>
        </Flex>
      </Card>
      <Card size="small" title={t('station.byName')}>
        <Input.Search id="checkin-name" aria-label={t('station.byName')} allowClear onSearch={(v) => setQ(v.trim())} style={{ maxWidth: 300 }} />
        {q && (
          <Async state={lookup} empty={t('station.nobody')}>
            {(page) => (
              <Table<Attendee>
                rowKey="id"
                size="small"
                pagination={false}
                dataSource={page.items}
                columns={[
                  { title: t('fields.name'), dataIndex: 'name', render: asName },
                  { title: t('fields.status'), dataIndex: 'status', render: (s: string) => t(`enums.attendee.${s}`, { defaultValue: s }) },
                  { title: t('common.actions'), render: (_, a) => <Button size="small" onClick={() => checkIn({ attendeeId: a.id })}>{t('station.checkIn')}</Button> },
                ]}
              />
            )}
          </Async>
        )}
      </Card>
    </Flex>
  );
}

/** A walk-in: register the person (no account) and check them in. */
function WalkIn({ event }: { event: EventItem }) {
  const { t } = useTranslation();
  const toast = useToast();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const regionCode = Form.useWatch('regionCode', form) as string | undefined;
  const townshipCode = Form.useWatch('townshipCode', form) as string | undefined;
  const submit = async (values: { name: string; residentId: string; phone?: string; regionCode: string; townshipCode?: string }) => {
    setBusy(true);
    const done = await toast.attempt(async () => {
      const seeker = await unwrap(client.POST('/api/seekers', { body: { ...values, residentId: values.residentId.trim().toUpperCase(), phone: values.phone || undefined } }));
      await unwrap(client.POST('/api/events/{id}/checkins', { params: { path: { id: event.id } }, body: { seekerId: seeker.id } }));
    }, t('station.walkInDone', { name: values.name }));
    if (done) form.resetFields();
    setBusy(false);
  };
  return (
    <Card size="small">
      <Form form={form} name="walkin" layout="vertical" onFinish={submit} style={{ maxWidth: 480 }}>
        <Form.Item name="name" label={t('fields.name')} rules={[{ required: true, message: t('common.required') }]}>
          <Input />
        </Form.Item>
        <Form.Item name="residentId" label={t('fields.residentId')} rules={[{ required: true, pattern: /^\d{17}[\dXx]$/, message: t('register.residentIdRule') }]}>
          <Input maxLength={18} autoComplete="off" />
        </Form.Item>
        <Form.Item name="phone" label={t('fields.phone')} rules={[{ pattern: /^1\d{10}$/, message: t('fields.phoneInvalid') }]}>
          <Input maxLength={11} inputMode="numeric" />
        </Form.Item>
        <Form.Item name="regionCode" label={t('fields.homeRegion')} rules={[{ required: true, message: t('common.required') }]}>
          <RegionPicker aria-label={t('fields.homeRegion')} />
        </Form.Item>
        <Form.Item
          name="townshipCode"
          label={t('location.homeTownship')}
          extra={regionCode ? <LocationPreview regionCode={regionCode} townshipCode={townshipCode} /> : undefined}
        >
          <TownshipPicker regionCode={regionCode} aria-label={t('location.homeTownship')} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          {t('station.walkInSubmit')}
        </Button>
      </Form>
    </Card>
  );
}

function Outcomes({ event }: { event: EventItem }) {
  const { t } = useTranslation();
  const toast = useToast();
  const outcomes = useApi('/api/events/{id}/outcomes', { path: { id: event.id }, query: { limit: 100 } });
  const attended = useApi('/api/events/{id}/checkins', { path: { id: event.id }, query: { limit: 200 } });
  const [form] = Form.useForm();
  const shortages = event.employers.flatMap((e) => e.shortageIds.map((id, i) => ({ id, employer: e.name, n: i + 1 })));
  // The option's text (its title) names the employer; it is shown with the employer's name marked as a name.
  const shortageOptions = shortages.map((s) => ({ value: s.id, label: `${s.employer} · ${t('station.shortageN', { n: s.n })}` }));
  const shortageLabel = ({ value }: { value?: unknown }) => {
    const s = shortages.find((x) => x.id === value);
    return s ? <><Name>{s.employer}</Name> · {t('station.shortageN', { n: s.n })}</> : null;
  };
  const submit = async (values: OutcomeInput) => {
    if (await toast.attempt(() => unwrap(client.POST('/api/events/{id}/outcomes', { params: { path: { id: event.id } }, body: values })), t('common.done'))) {
      outcomes.reload();
    }
  };
  return (
    <Flex vertical gap={12}>
      <Card size="small" title={t('station.recordOutcome')}>
        <Form form={form} name="outcome" layout="inline" onFinish={submit} initialValues={{ stage: 'talked' }}>
          <Form.Item name="seekerId" label={t('fields.name')} rules={[{ required: true, message: t('common.required') }]}>
            <Select style={{ width: 160 }} aria-label={t('fields.name')} options={(attended.data?.items ?? []).map((a) => ({ value: a.seekerId, label: a.name }))} />
          </Form.Item>
          <Form.Item name="shortageId" label={t('station.shortage')} rules={[{ required: true, message: t('common.required') }]}>
            <Select style={{ width: 240 }} aria-label={t('station.shortage')} options={shortageOptions} labelRender={shortageLabel} optionRender={shortageLabel} virtual={false} />
          </Form.Item>
          <Form.Item name="stage" label={t('station.stage')}>
            <Select style={{ width: 120 }} aria-label={t('station.stage')} options={OUTCOME_STAGES.map((s) => ({ value: s, label: t(`enums.stage.${s}`) }))} />
          </Form.Item>
          <Button htmlType="submit" type="primary">
            {t('common.save')}
          </Button>
        </Form>
      </Card>
      <Async state={outcomes} empty={t('employer.noOutcomes')}>
        {(page) => (
          <Table<EventOutcome>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={page.items}
            columns={[
              { title: t('fields.name'), dataIndex: 'seekerName', render: asName },
              { title: t('fields.employer'), dataIndex: 'employerName', render: asName },
              { title: t('fields.title'), dataIndex: 'shortageTitle', render: asName },
              { title: t('station.stage'), dataIndex: 'stage', render: (s: string) => <Tag>{t(`enums.stage.${s}`)}</Tag> },
            ]}
          />
        )}
      </Async>
    </Flex>
  );
}

function ReportTab({ event }: { event: EventItem }) {
  const { t } = useTranslation();
  const toast = useToast();
  const state = useApi('/api/events/{id}/report', { path: { id: event.id } });
  return (
    <Async state={state}>
      {(r) => (
        <Flex vertical gap={12}>
          <Flex wrap gap={24}>
            {Object.entries(r.attendance).map(([k, v]) => (
              <Statistic key={k} title={t(`station.attendance.${k}`, { defaultValue: k })} value={v} />
            ))}
          </Flex>
          <Flex wrap gap={24}>
            {Object.entries(r.outcomes).map(([k, v]) => (
              <Statistic key={k} title={t(`station.outcomes.${k}`, { defaultValue: k })} value={v} />
            ))}
          </Flex>
          <Table
            rowKey="employerId"
            size="small"
            pagination={false}
            dataSource={r.byEmployer}
            columns={[
              { title: t('fields.employer'), dataIndex: 'name', render: asName },
              { title: t('station.booth'), dataIndex: 'booth', render: asName },
              { title: t('station.outcomes.talked'), dataIndex: 'talked' },
              { title: t('station.outcomes.intentions'), dataIndex: 'intentions' },
              { title: t('station.outcomes.offers'), dataIndex: 'offers' },
              { title: t('station.outcomes.hires'), dataIndex: 'hires' },
            ]}
          />
          <Button style={{ alignSelf: 'start' }} onClick={() => download('/api/events/{id}/report', { path: { id: event.id }, query: { format: 'xlsx' } }, 'event-report.xlsx').catch(toast.error)}>
            {t('station.exportExcel')}
          </Button>
        </Flex>
      )}
    </Async>
  );
}

/** Who is invited (employers and seekers) and how they answered; more seekers can be invited while the event is open. */
function InvitationsTab({ event, invitations, onSent }: { event: EventItem; invitations: ApiState<InvitationList>; onSent(): void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  return (
    <>
      {['accepted', 'published'].includes(event.status) && <InviteSeekers eventId={event.id} onSent={onSent} />}
      <Async state={invitations} empty={t('station.noInvitations')}>
        {(data) => (
          <Flex vertical gap={8}>
            <Input.Search
              id="invitations-filter"
              aria-label={t('station.invitationsFilter')}
              placeholder={t('station.invitationsFilter')}
              allowClear
              onSearch={(v) => setName(v.trim())}
              style={{ maxWidth: 300 }}
            />
            <Table<Invitation>
              rowKey={(r) => `${r.kind}-${r.id}`}
              size="small"
              dataSource={name ? data.items.filter((r) => r.name.includes(name)) : data.items}
              pagination={{ pageSize: 20, showSizeChanger: false }}
              locale={{ emptyText: t('station.nobody') }}
              columns={[
                { title: t('station.kind'), dataIndex: 'kind', render: (k: string) => t(`station.kinds.${k}`) },
                { title: t('fields.name'), dataIndex: 'name', render: asName },
                { title: t('fields.status'), dataIndex: 'status', render: (s: string) => t(`enums.invitation.${s}`, { defaultValue: t(`enums.attendee.${s}`, { defaultValue: s }) }) },
                { title: t('station.invitedAt'), dataIndex: 'invitedAt', render: (d: string | null) => formatDateTime(d) },
              ]}
            />
          </Flex>
        )}
      </Async>
    </>
  );
}

/** One event: details and its workflow (accept, edit, publish, invite, complete), check-in, walk-ins, outcomes, report. */
export default function EventPage() {
  const { id } = useParams();
  const { t, i18n } = useTranslation();
  const toast = useToast();
  const state = useApi('/api/events/{id}', { path: { id: id! } });
  const invitations = useApi('/api/events/{id}/invitations', { path: { id: id! } });
  const [editing, setEditing] = useState(false);
  const [form] = Form.useForm();

  const move = (action: 'accept' | 'publish' | 'complete' | 'cancel') =>
    unwrap(client.POST(`/api/events/{id}/${action}`, { params: { path: { id: id! } }, body: {} })).then(() => (toast.success(t('common.done')), state.reload()), toast.error);
  const invite = () =>
    unwrap(client.POST('/api/events/{id}/invitations', { params: { path: { id: id! } }, body: {} })).then(() => (toast.success(t('station.invited')), invitations.reload(), state.reload()), toast.error);

  return (
    <Async state={state}>
      {(e) => (
        <>
          <PageTitle
            extra={
              <Flex gap={8} wrap>
                {e.status === 'proposed' && <Button type="primary" onClick={() => move('accept')}>{t('station.accept')}</Button>}
                {['proposed', 'accepted'].includes(e.status) && <Button onClick={() => (form.setFieldsValue({ title: e.title, date: e.date, startTime: formatTime(e.startsAt), endTime: formatTime(e.endsAt), capacity: e.capacity, description: e.description }), setEditing(true))}>{t('common.edit')}</Button>}
                {e.status === 'accepted' && (
                  <Popconfirm title={t('station.publishConfirm')} okText={t('common.confirm')} cancelText={t('common.cancel')} onConfirm={() => move('publish')}>
                    <Button id="event-publish" type="primary">{t('station.publish')}</Button>
                  </Popconfirm>
                )}
                {['accepted', 'published'].includes(e.status) && (
                  <Popconfirm
                    title={t('station.inviteConfirm', { seekers: e.unsentInvitations ?? 0, employers: e.employers.filter((x) => x.invitationStatus === 'pending').length })}
                    okText={t('common.confirm')}
                    cancelText={t('common.cancel')}
                    onConfirm={invite}
                  >
                    <Button id="event-invite">{t('station.sendInvitations')}</Button>
                  </Popconfirm>
                )}
                {e.status === 'published' && <Button onClick={() => move('complete')}>{t('station.complete')}</Button>}
                {['accepted', 'published'].includes(e.status) && <Button danger onClick={() => move('cancel')}>{t('station.cancel')}</Button>}
                <Button onClick={() => download('/api/events/{id}/calendar', { path: { id: e.id } }, 'event.ics').catch(toast.error)}>{t('station.calendar')}</Button>
              </Flex>
            }
          >
            <Name>{e.title}</Name> <Tag color={EVENT_STATUS_COLOR[e.status]}>{t(`enums.event.${e.status}`)}</Tag>
          </PageTitle>
          <Tabs
            // Every tab loads afresh when opened: check-ins, outcomes and the report change as the event runs.
            destroyOnHidden
            items={[
              {
                key: 'overview',
                label: t('station.tabs.overview'),
                children: (
                  <Row gutter={16}>
                    <Col xs={24} lg={14}>
                      <Card size="small">
                        <EventSummary event={{ ...e, reasons: [] }} />
                        <Descriptions
                          size="small"
                          column={1}
                          style={{ marginTop: 12 }}
                          items={[
                            { key: 'addr', label: t('fields.address'), children: <Name>{e.station.address}</Name> },
                            { key: 'reg', label: t('station.registered'), children: `${e.registered}/${e.capacity}` },
                            { key: 'inv', label: t('station.invitees'), children: e.invitees ?? '—' },
                          ]}
                        />
                      </Card>
                      <Card size="small" title={t('station.publicDescription')} style={{ marginTop: 12 }}>
                        <Typography.Paragraph id="event-public-description" style={{ whiteSpace: 'pre-line', marginBottom: 0 }}>
                          {e.description ? <Name>{e.description}</Name> : '—'}
                        </Typography.Paragraph>
                      </Card>
                    </Col>
                    <Col xs={24} lg={10}>
                      {e.reasons.length > 0 && (
                        <Card size="small" title={t('station.reasons')} style={{ marginBottom: 12 }}>
                          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                            {e.reasons.map((r, i) => (
                              <li key={i}>{i18n.language.startsWith('en') ? <FilledIn text={r.en} /> : r.zh}</li>
                            ))}
                          </ul>
                        </Card>
                      )}
                      <Card size="small" title={t('station.employers')}>
                        <Table
                          rowKey="employerId"
                          size="small"
                          pagination={false}
                          dataSource={e.employers}
                          columns={[
                            { title: t('fields.employer'), dataIndex: 'name', render: asName },
                            { title: t('station.booth'), dataIndex: 'booth', render: asName },
                            { title: t('station.shortages'), render: (_, r) => r.shortageIds.length },
                            { title: t('station.invitation'), dataIndex: 'invitationStatus', render: (s: string) => t(`enums.invitation.${s}`, { defaultValue: s }) },
                          ]}
                        />
                      </Card>
                    </Col>
                  </Row>
                ),
              },
              {
                key: 'invitations',
                label: t('station.tabs.invitations'),
                children: <InvitationsTab event={e} invitations={invitations} onSent={() => (invitations.reload(), state.reload())} />,
              },
              { key: 'checkin', label: t('station.tabs.checkin'), children: <CheckIn event={e} /> },
              { key: 'walkin', label: t('station.tabs.walkin'), children: <WalkIn event={e} /> },
              { key: 'outcomes', label: t('station.tabs.outcomes'), children: <Outcomes event={e} /> },
              { key: 'report', label: t('station.tabs.report'), children: <ReportTab event={e} /> },
            ]}
          />
          <Modal
            open={editing}
            title={t('station.editEvent')}
            okText={t('common.save')}
            cancelText={t('common.cancel')}
            onCancel={() => setEditing(false)}
            onOk={async () => {
              try {
                const values = await form.validateFields();
                const body = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined && v !== '')) as EventUpdate;
                await unwrap(client.PATCH('/api/events/{id}', { params: { path: { id: e.id } }, body }));
                toast.success(t('common.done'));
                setEditing(false);
                state.reload();
              } catch (err) {
                if (err instanceof Error) toast.error(err);
              }
            }}
          >
            <Form form={form} name="event" layout="vertical">
              <Form.Item name="title" label={t('fields.title')} rules={[{ required: true, min: 2 }]}>
                <Input />
              </Form.Item>
              <Flex gap={8} wrap>
                <Form.Item name="date" label={t('station.date')}>
                  <Input type="date" />
                </Form.Item>
                <Form.Item name="startTime" label={t('station.start')}>
                  <Input type="time" />
                </Form.Item>
                <Form.Item name="endTime" label={t('station.end')}>
                  <Input type="time" />
                </Form.Item>
                <Form.Item name="capacity" label={t('admin.capacity')}>
                  <InputNumber min={1} />
                </Form.Item>
              </Flex>
              <Form.Item name="description" label={t('station.publicDescription')} extra={t('station.publicDescriptionHint')}>
                <Input.TextArea rows={8} maxLength={4000} />
              </Form.Item>
            </Form>
          </Modal>
          <Typography.Paragraph type="secondary" style={{ marginTop: 16 }}>
            {t('station.timesNote')}
          </Typography.Paragraph>
        </>
      )}
    </Async>
  );
}
