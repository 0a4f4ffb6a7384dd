import { useState } from 'react';
import { Button, Card, Flex, Form, Input, InputNumber, Modal, Select, Table, Tag } from 'antd';
import DashboardPage from './Dashboard';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes } from 'react-router-dom';
import { api, Page } from '../../app/api';
import { useApi } from '../../app/hooks';
import { formatDateTime } from '../../app/format';
import { useRegions } from '../../app/taxonomy';
import { InboxPage } from '../../components/Inbox';
import { RegionPicker } from '../../components/pickers';
import { PageTitle, Shell } from '../../components/Shell';
import { ErrorState } from '../../components/States';
import { useToast } from '../../components/toast';


const ROLES = ['admin', 'officer', 'station_staff', 'employer', 'seeker'];

interface AuditRow {
  id: string;
  at: string;
  userId: string | null;
  role: string | null;
  action: string;
  objectType: string | null;
  objectId: string | null;
  result: string;
  statusCode: number | null;
  sourceIp: string | null;
}

/** The append-only audit log: who did what, and every denied access. */
function AuditPage() {
  const { t } = useTranslation();
  const [result, setResult] = useState<string>();
  const [userId, setUserId] = useState<string>();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [page, setPage] = useState({ offset: 0, limit: 50 });
  const state = useApi<Page<AuditRow>>('/api/audit-log', {
    result,
    userId,
    from: from ? `${from}T00:00:00+08:00` : undefined,
    to: to ? `${to}T23:59:59+08:00` : undefined,
    ...page,
  });
  return (
    <>
      <PageTitle>{t('admin.audit')}</PageTitle>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Flex wrap gap={12} align="end">
          <div>
            <label htmlFor="audit-result">{t('admin.result')}</label>
            <Select id="audit-result" allowClear value={result} onChange={(v) => (setResult(v), setPage((p) => ({ ...p, offset: 0 })))} style={{ width: 140, display: 'block' }} options={['success', 'denied', 'failed'].map((r) => ({ value: r, label: t(`admin.results.${r}`) }))} />
          </div>
          <div>
            <label htmlFor="audit-user">{t('admin.userId')}</label>
            <Input.Search id="audit-user" allowClear onSearch={(v) => setUserId(/^[0-9a-f-]{36}$/i.test(v.trim()) ? v.trim() : undefined)} style={{ width: 320, display: 'block' }} />
          </div>
          <div>
            <label htmlFor="audit-from">{t('dashboard.from')}</label>
            <Input id="audit-from" type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
          </div>
          <div>
            <label htmlFor="audit-to">{t('dashboard.to')}</label>
            <Input id="audit-to" type="date" value={to} onChange={(e) => setTo(e.target.value)} />
          </div>
        </Flex>
      </Card>
      {state.error ? (
        <ErrorState error={state.error} onRetry={state.reload} />
      ) : (
        <Table<AuditRow>
          rowKey="id"
          size="small"
          loading={state.loading}
          dataSource={state.data?.items ?? []}
          scroll={{ x: 1000 }}
          pagination={{ current: page.offset / page.limit + 1, pageSize: page.limit, total: state.data?.total ?? 0, showSizeChanger: false, onChange: (p) => setPage({ offset: (p - 1) * page.limit, limit: page.limit }) }}
          columns={[
            { title: t('admin.at'), dataIndex: 'at', render: (d: string) => formatDateTime(d), width: 160 },
            { title: t('admin.role'), dataIndex: 'role', render: (r: string | null) => (r ? t(`roles.${r}`, { defaultValue: r }) : '—') },
            { title: t('admin.action'), dataIndex: 'action' },
            { title: t('admin.object'), render: (_, r) => [r.objectType, r.objectId].filter(Boolean).join(' ') || '—' },
            { title: t('admin.result'), dataIndex: 'result', render: (r: string) => <Tag color={r === 'success' ? 'green' : r === 'denied' ? 'red' : 'orange'}>{t(`admin.results.${r}`, { defaultValue: r })}</Tag> },
            { title: 'HTTP', dataIndex: 'statusCode' },
            { title: t('admin.user'), dataIndex: 'userId', render: (u: string | null) => (u ? <code>{u.slice(0, 8)}</code> : '—') },
          ]}
        />
      )}
    </>
  );
}

interface UserRow {
  id: string;
  username: string;
  role: string;
  displayName: string;
  regionCode: string | null;
  disabled: boolean;
  locked: boolean;
  createdAt: string;
}

/** Accounts by role; create officer, station staff and admin accounts. */
function UsersPage() {
  const { t } = useTranslation();
  const toast = useToast();
  const { regionName } = useRegions();
  const [role, setRole] = useState<string>();
  const [page, setPage] = useState({ offset: 0, limit: 50 });
  const state = useApi<Page<UserRow>>('/api/users', { role, ...page });
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm();

  const create = async () => {
    try {
      const values = await form.validateFields();
      await api('/api/users', { body: Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined && v !== '')) });
      toast.success(t('admin.userCreated'));
      setCreating(false);
      form.resetFields();
      state.reload();
    } catch (e) {
      if (e instanceof Error) toast.error(e);
    }
  };

  return (
    <>
      <PageTitle
        extra={
          <Flex gap={8}>
            <Select allowClear aria-label={t('admin.role')} placeholder={t('admin.role')} value={role} onChange={(v) => (setRole(v), setPage((p) => ({ ...p, offset: 0 })))} style={{ width: 160 }} options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))} />
            <Button type="primary" onClick={() => setCreating(true)}>
              {t('admin.newUser')}
            </Button>
          </Flex>
        }
      >
        {t('admin.users')}
      </PageTitle>
      {state.error ? (
        <ErrorState error={state.error} onRetry={state.reload} />
      ) : (
        <Table<UserRow>
          rowKey="id"
          size="small"
          loading={state.loading}
          dataSource={state.data?.items ?? []}
          scroll={{ x: 800 }}
          pagination={{ current: page.offset / page.limit + 1, pageSize: page.limit, total: state.data?.total ?? 0, showSizeChanger: false, onChange: (p) => setPage({ offset: (p - 1) * page.limit, limit: page.limit }) }}
          columns={[
            { title: t('login.username'), dataIndex: 'username' },
            { title: t('fields.name'), dataIndex: 'displayName' },
            { title: t('admin.role'), dataIndex: 'role', render: (r: string) => t(`roles.${r}`) },
            { title: t('fields.region'), dataIndex: 'regionCode', render: (c: string | null) => regionName(c) },
            { title: t('fields.status'), render: (_, u) => (u.disabled ? <Tag>{t('admin.disabled')}</Tag> : u.locked ? <Tag color="orange">{t('admin.locked')}</Tag> : <Tag color="green">{t('admin.active')}</Tag>) },
            { title: t('admin.createdAt'), dataIndex: 'createdAt', render: (d: string) => formatDateTime(d) },
          ]}
        />
      )}
      <Modal open={creating} title={t('admin.newUser')} okText={t('common.save')} cancelText={t('common.cancel')} onCancel={() => setCreating(false)} onOk={create}>
        <Form form={form} layout="vertical" initialValues={{ role: 'officer' }}>
          <Form.Item name="username" label={t('login.username')} rules={[{ required: true, pattern: /^[a-zA-Z0-9_-]{3,64}$/, message: t('register.usernameRule') }]}>
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item name="displayName" label={t('fields.name')} rules={[{ required: true, message: t('common.required') }]}>
            <Input />
          </Form.Item>
          <Form.Item name="password" label={t('login.password')} rules={[{ required: true, min: 10, message: t('register.passwordRule') }]}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item name="role" label={t('admin.role')} rules={[{ required: true }]}>
            <Select aria-label={t('admin.role')} options={ROLES.filter((r) => r !== 'seeker').map((r) => ({ value: r, label: t(`roles.${r}`) }))} />
          </Form.Item>
          <Form.Item name="regionCode" label={t('fields.region')}>
            <RegionPicker aria-label={t('fields.region')} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

interface StationRow {
  id: string;
  name: string;
  type: string;
  regionCode: string;
  address: string;
  capacity: number;
  booths: number;
  openingHours: string;
  park: string | null;
}

/** Employment stations (就业驿站), gig markets and HR markets. */
function StationsPage() {
  const { t } = useTranslation();
  const toast = useToast();
  const { regionName } = useRegions();
  const [q, setQ] = useState('');
  const [page, setPage] = useState({ offset: 0, limit: 50 });
  const state = useApi<Page<StationRow>>('/api/stations', { q: q || undefined, ...page });
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm();

  const create = async () => {
    try {
      const values = await form.validateFields();
      await api('/api/stations', { body: values });
      toast.success(t('common.done'));
      setCreating(false);
      form.resetFields();
      state.reload();
    } catch (e) {
      if (e instanceof Error) toast.error(e);
    }
  };

  return (
    <>
      <PageTitle
        extra={
          <Flex gap={8}>
            <Input.Search aria-label={t('common.search')} allowClear onSearch={(v) => (setQ(v.trim()), setPage((p) => ({ ...p, offset: 0 })))} style={{ width: 220 }} />
            <Button type="primary" onClick={() => setCreating(true)}>
              {t('admin.newStation')}
            </Button>
          </Flex>
        }
      >
        {t('admin.stations')}
      </PageTitle>
      {state.error ? (
        <ErrorState error={state.error} onRetry={state.reload} />
      ) : (
        <Table<StationRow>
          rowKey="id"
          size="small"
          loading={state.loading}
          dataSource={state.data?.items ?? []}
          scroll={{ x: 800 }}
          pagination={{ current: page.offset / page.limit + 1, pageSize: page.limit, total: state.data?.total ?? 0, showSizeChanger: false, onChange: (p) => setPage({ offset: (p - 1) * page.limit, limit: page.limit }) }}
          columns={[
            { title: t('fields.name'), dataIndex: 'name' },
            { title: t('admin.stationType'), dataIndex: 'type', render: (v: string) => t(`enums.stationType.${v}`) },
            { title: t('fields.region'), dataIndex: 'regionCode', render: (c: string) => regionName(c) },
            { title: t('fields.address'), dataIndex: 'address' },
            { title: t('admin.capacity'), dataIndex: 'capacity' },
            { title: t('admin.booths'), dataIndex: 'booths' },
          ]}
        />
      )}
      <Modal open={creating} title={t('admin.newStation')} okText={t('common.save')} cancelText={t('common.cancel')} onCancel={() => setCreating(false)} onOk={create}>
        <Form form={form} layout="vertical" initialValues={{ type: 'employment_station', capacity: 200, booths: 20 }}>
          <Form.Item name="name" label={t('fields.name')} rules={[{ required: true, min: 2 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="type" label={t('admin.stationType')}>
            <Select aria-label={t('admin.stationType')} options={['employment_station', 'gig_market', 'hr_market'].map((v) => ({ value: v, label: t(`enums.stationType.${v}`) }))} />
          </Form.Item>
          <Form.Item name="regionCode" label={t('fields.region')} rules={[{ required: true, message: t('common.required') }]}>
            <RegionPicker aria-label={t('fields.region')} />
          </Form.Item>
          <Form.Item name="address" label={t('fields.address')} rules={[{ required: true, min: 2 }]}>
            <Input />
          </Form.Item>
          <Flex gap={8}>
            <Form.Item name="lat" label={t('admin.lat')} rules={[{ required: true }]}>
              <InputNumber min={3} max={21} step={0.001} />
            </Form.Item>
            <Form.Item name="lng" label={t('admin.lng')} rules={[{ required: true }]}>
              <InputNumber min={108} max={118} step={0.001} />
            </Form.Item>
            <Form.Item name="capacity" label={t('admin.capacity')}>
              <InputNumber min={1} />
            </Form.Item>
            <Form.Item name="booths" label={t('admin.booths')}>
              <InputNumber min={0} />
            </Form.Item>
          </Flex>
        </Form>
      </Modal>
    </>
  );
}

export default function AdminApp() {
  const { t } = useTranslation();
  const items = [
    { path: '/admin', label: t('admin.nav.dashboard') },
    { path: '/admin/users', label: t('admin.nav.users') },
    { path: '/admin/stations', label: t('admin.nav.stations') },
    { path: '/admin/audit', label: t('admin.nav.audit') },
  ];
  return (
    <Shell items={items} base="/admin">
      <Routes>
        <Route index element={<DashboardPage />} />
        <Route path="users" element={<UsersPage />} />
        <Route path="stations" element={<StationsPage />} />
        <Route path="audit" element={<AuditPage />} />
        <Route path="inbox" element={<InboxPage base="/admin" />} />
        <Route path="*" element={<Navigate to="/admin" replace />} />
      </Routes>
    </Shell>
  );
}
