import { useState } from 'react';
import { Button, Drawer, Flex, Form, Input, InputNumber, List, Modal, Popconfirm, Select, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApi, useDebounced, usePaging } from '../../app/hooks';
import { useRegions } from '../../app/taxonomy';
import { RegionPicker } from '../../components/pickers';
import { PageTitle } from '../../components/Shell';
import { Async, ErrorState } from '../../components/States';
import { useToast } from '../../components/toast';

import { stationTypeValues as STATION_TYPES, type Station as StationRow, type StationStaffMember } from '../../api/types';
import { client, unwrap } from '../../api/client';
import { inBrackets } from '../../app/format';
import { asName, Name } from '../../components/Name';

/** Employment stations (就业驿站), gig markets and HR markets: register, edit, and say who staffs each. */
export default function StationsPage() {
  const { t } = useTranslation();
  const toast = useToast();
  const { regionName } = useRegions();
  const [q, setQ] = useState('');
  const { page, firstPage, pagination } = usePaging(50);
  const state = useApi('/api/stations', { query: { q: q || undefined, ...page } });
  /** The station being edited; null: a new one; undefined: the form is closed. */
  const [editing, setEditing] = useState<StationRow | null>();
  const [staffOf, setStaffOf] = useState<StationRow>();
  const [form] = Form.useForm();

  const open = (station: StationRow | null) => {
    form.resetFields();
    if (station) form.setFieldsValue(station);
    setEditing(station);
  };

  const save = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    const saved = await toast.attempt(
      () => unwrap(editing ? client.PATCH('/api/stations/{id}', { params: { path: { id: editing.id } }, body: values }) : client.POST('/api/stations', { body: values })),
      t('common.done'),
    );
    if (saved) {
      setEditing(undefined);
      state.reload();
    }
  };

  return (
    <>
      <PageTitle
        extra={
          <Flex gap={8}>
            <Input.Search aria-label={t('common.search')} allowClear onSearch={(v) => (setQ(v.trim()), firstPage())} style={{ width: 220 }} />
            <Button type="primary" onClick={() => open(null)}>
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
          scroll={{ x: 960 }}
          pagination={pagination(state.data?.total)}
          columns={[
            { title: t('fields.name'), dataIndex: 'name', render: asName },
            { title: t('admin.stationType'), dataIndex: 'type', render: (v: string) => t(`enums.stationType.${v}`) },
            { title: t('fields.region'), dataIndex: 'regionCode', render: (c: string) => <Name>{regionName(c)}</Name> },
            { title: t('fields.address'), dataIndex: 'address', render: asName },
            { title: t('admin.capacity'), dataIndex: 'capacity' },
            { title: t('admin.booths'), dataIndex: 'booths' },
            {
              title: t('common.actions'),
              render: (_, station) => (
                <Flex gap={4}>
                  <Button size="small" onClick={() => open(station)}>
                    {t('common.edit')}
                  </Button>
                  <Button size="small" onClick={() => setStaffOf(station)}>
                    {t('admin.staff')}
                  </Button>
                </Flex>
              ),
            },
          ]}
        />
      )}
      <Modal open={editing !== undefined} title={editing ? `${t('common.edit')} · ${editing.name}` : t('admin.newStation')} okText={t('common.save')} cancelText={t('common.cancel')} onCancel={() => setEditing(undefined)} onOk={save}>
        <Form form={form} name="station" layout="vertical" initialValues={{ type: 'employment_station', capacity: 200, booths: 20 }}>
          <Form.Item name="name" label={t('fields.name')} rules={[{ required: true, min: 2 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="type" label={t('admin.stationType')}>
            <Select aria-label={t('admin.stationType')} options={STATION_TYPES.map((v) => ({ value: v, label: t(`enums.stationType.${v}`) }))} />
          </Form.Item>
          {editing ? (
            // A station's region is fixed once registered: its events and its staff's scope hang on it.
            <Form.Item label={t('fields.region')} htmlFor="station-region-fixed">
              <Input id="station-region-fixed" value={regionName(editing.regionCode)} disabled />
            </Form.Item>
          ) : (
            <Form.Item name="regionCode" label={t('fields.region')} rules={[{ required: true, message: t('common.required') }]}>
              <RegionPicker aria-label={t('fields.region')} />
            </Form.Item>
          )}
          <Form.Item name="address" label={t('fields.address')} rules={[{ required: true, min: 2 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="openingHours" label={t('admin.openingHours')}>
            <Input placeholder={t('admin.hoursExample')} />
          </Form.Item>
          <Flex gap={8} wrap>
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
      <Drawer open={!!staffOf} title={`${t('admin.staff')} · ${staffOf?.name ?? ''}`} width={480} onClose={() => setStaffOf(undefined)} destroyOnHidden>
        {staffOf && <StationStaff station={staffOf} />}
      </Drawer>
    </>
  );
}

/** Who staffs a station: station staff accounts may be added (one account may serve several stations) or removed. */
function StationStaff({ station }: { station: StationRow }) {
  const { t } = useTranslation();
  const toast = useToast();
  const staff = useApi('/api/stations/{id}/staff', { path: { id: station.id } });
  const [search, setSearch] = useState('');
  const q = useDebounced(search, 300);
  const accounts = useApi('/api/users', { query: { role: 'station_staff', q: q || undefined, limit: 20 } });
  const [chosen, setChosen] = useState<string>();

  const add = async () => {
    if (chosen && (await toast.attempt(() => unwrap(client.POST('/api/stations/{id}/staff', { params: { path: { id: station.id } }, body: { userId: chosen } })), t('common.done')))) {
      setChosen(undefined);
      staff.reload();
    }
  };
  const remove = async (member: StationStaffMember) => {
    if (await toast.attempt(() => unwrap(client.DELETE('/api/stations/{id}/staff/{userId}', { params: { path: { id: station.id, userId: member.userId } } })), t('common.done'))) staff.reload();
  };

  const current = new Set(staff.data?.items.map((m) => m.userId));
  return (
    <Flex vertical gap={16}>
      <Flex gap={8}>
        <Select
          id="station-staff-account"
          aria-label={t('admin.addStaff')}
          placeholder={t('admin.staffSearch')}
          showSearch={{ filterOption: false, onSearch: setSearch }}
          loading={accounts.loading}
          value={chosen}
          onChange={setChosen}
          style={{ flex: 1 }}
          notFoundContent={t('common.noMatch')}
          options={(accounts.data?.items ?? []).filter((u) => !u.disabled && !current.has(u.id)).map((u) => ({ value: u.id, label: `${u.displayName}${inBrackets(u.username)}` }))}
        />
        <Button type="primary" disabled={!chosen} onClick={add}>
          {t('admin.addStaff')}
        </Button>
      </Flex>
      <Async state={staff} empty={t('admin.noStaff')}>
        {(data) => (
          <List
            bordered
            dataSource={data.items}
            renderItem={(member) => (
              <List.Item
                actions={[
                  <Popconfirm key="remove" title={t('admin.removeStaffConfirm', { name: member.displayName })} okText={t('common.confirm')} cancelText={t('common.cancel')} onConfirm={() => remove(member)}>
                    <Button size="small" danger>
                      {t('common.remove')}
                    </Button>
                  </Popconfirm>,
                ]}
              >
                <Name>{member.displayName}</Name>{inBrackets(member.username)}
              </List.Item>
            )}
          />
        )}
      </Async>
    </Flex>
  );
}
