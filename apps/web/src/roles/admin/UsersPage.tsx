import { useState } from 'react';
import { Button, Flex, Form, Input, Modal, Popconfirm, Select, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth';
import { useApi, usePaging } from '../../app/hooks';
import { formatDateTime } from '../../app/format';
import { useRegions } from '../../app/taxonomy';
import { RegionPicker } from '../../components/pickers';
import { PageTitle } from '../../components/Shell';
import { ErrorState } from '../../components/States';
import { useToast } from '../../components/toast';
import { client, unwrap } from '../../api/client';
import { roleValues as ROLES, type Role, type User as UserRow, type UserInput, type UserUpdate } from '../../api/types';
import { asName } from '../../components/Name';
export type { User as UserRow } from '../../api/types';

/** Roles whose work is bounded by a region; for the others a region means nothing. */
const REGIONAL_ROLES: Role[] = ['admin', 'officer', 'station_staff'];

/** Accounts by role or name: create officer, station staff and admin accounts; rename, move, disable, unlock. */
export default function UsersPage() {
  const { t } = useTranslation();
  const toast = useToast();
  const { principal } = useAuth();
  const { regionName } = useRegions();
  const [role, setRole] = useState<Role>();
  const [q, setQ] = useState('');
  const { page, firstPage, pagination } = usePaging(50);
  const state = useApi('/api/users', { query: { role, q: q || undefined, ...page } });
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<UserRow>();
  const [createForm] = Form.useForm();
  const [editForm] = Form.useForm();

  const create = async () => {
    const values = await createForm.validateFields().catch(() => null);
    if (!values) return;
    // The form's rules make its filled fields a valid request (the API checks them again).
    const body = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined && v !== '')) as UserInput;
    if (await toast.attempt(() => unwrap(client.POST('/api/users', { body })), t('admin.userCreated'))) {
      setCreating(false);
      createForm.resetFields();
      state.reload();
    }
  };

  const change = async (user: UserRow, body: UserUpdate) => {
    if (await toast.attempt(() => unwrap(client.PATCH('/api/users/{id}', { params: { path: { id: user.id } }, body })), t('common.done'))) state.reload();
  };

  const saveEdit = async () => {
    const values = await editForm.validateFields().catch(() => null);
    if (!values || !editing) return;
    await change(editing, { displayName: values.displayName, regionCode: values.regionCode ?? null });
    setEditing(undefined);
  };

  return (
    <>
      <PageTitle
        extra={
          <Flex gap={8} wrap>
            <Input.Search aria-label={t('admin.userSearch')} placeholder={t('admin.userSearch')} allowClear onSearch={(v) => (setQ(v.trim()), firstPage())} style={{ width: 220 }} />
            <Select allowClear aria-label={t('admin.role')} placeholder={t('admin.role')} value={role} onChange={(v) => (setRole(v), firstPage())} style={{ width: 160 }} options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))} />
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
          scroll={{ x: 960 }}
          pagination={pagination(state.data?.total)}
          columns={[
            { title: t('login.username'), dataIndex: 'username' },
            { title: t('fields.name'), dataIndex: 'displayName', render: asName },
            { title: t('admin.role'), dataIndex: 'role', render: (r: string) => t(`roles.${r}`) },
            { title: t('fields.region'), dataIndex: 'regionCode', render: (c: string | null, u) => (c ? regionName(c) : REGIONAL_ROLES.includes(u.role) ? t('admin.wholeProvince') : '—') },
            { title: t('fields.status'), render: (_, u) => (u.disabled ? <Tag>{t('admin.disabled')}</Tag> : u.locked ? <Tag color="orange">{t('admin.locked')}</Tag> : <Tag color="green">{t('admin.active')}</Tag>) },
            { title: t('admin.createdAt'), dataIndex: 'createdAt', render: (d: string) => formatDateTime(d) },
            {
              title: t('common.actions'),
              render: (_, u) => (
                <Flex gap={4} wrap>
                  <Button size="small" onClick={() => (setEditing(u), editForm.setFieldsValue({ displayName: u.displayName, regionCode: u.regionCode ?? undefined }))}>
                    {t('common.edit')}
                  </Button>
                  {u.locked && !u.disabled && (
                    <Button size="small" onClick={() => change(u, { locked: false })}>
                      {t('admin.unlock')}
                    </Button>
                  )}
                  {u.disabled ? (
                    <Button size="small" onClick={() => change(u, { disabled: false })}>
                      {t('admin.enable')}
                    </Button>
                  ) : (
                    u.id !== principal?.userId && (
                      <Popconfirm title={t('admin.disableConfirm', { name: u.displayName })} okText={t('common.confirm')} cancelText={t('common.cancel')} onConfirm={() => change(u, { disabled: true })}>
                        <Button size="small" danger>
                          {t('admin.disable')}
                        </Button>
                      </Popconfirm>
                    )
                  )}
                </Flex>
              ),
            },
          ]}
        />
      )}
      <Modal open={creating} title={t('admin.newUser')} okText={t('common.save')} cancelText={t('common.cancel')} onCancel={() => setCreating(false)} onOk={create}>
        <Form form={createForm} layout="vertical" initialValues={{ role: 'officer' }}>
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
      <Modal open={!!editing} title={`${t('common.edit')} · ${editing?.username ?? ''}`} okText={t('common.save')} cancelText={t('common.cancel')} onCancel={() => setEditing(undefined)} onOk={saveEdit}>
        <Form form={editForm} name="edit-user" layout="vertical">
          <Form.Item name="displayName" label={t('fields.name')} rules={[{ required: true, message: t('common.required') }]}>
            <Input />
          </Form.Item>
          <Form.Item name="regionCode" label={t('fields.region')} extra={t('admin.regionHint')}>
            <RegionPicker aria-label={t('fields.region')} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
