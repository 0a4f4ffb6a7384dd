import { useEffect, useState } from 'react';
import { Button, Card, Checkbox, Col, Flex, Form, Input, InputNumber, Row, Select } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { ApiError } from '../../app/api';
import { client, unwrap } from '../../api/client';
import { useAuth } from '../../app/auth';
import { useApi, useDebounced } from '../../app/hooks';
import { shanghaiToday } from '../../app/format';
import { LocationPreview, TownshipPicker } from '../LocationField';
import { CertificatePicker, RegionPicker, SkillInput, TaxonomyTreePicker } from '../pickers';
import { PageTitle } from '../Shell';
import { Async } from '../States';
import { useToast } from '../toast';
import { OccupationSuggestions } from './OccupationSuggestions';
import { ScreenPanel } from './ScreenPanel';
import { EDUCATION_LEVELS, POLICY_DIRECTIONS, ScreenResult, Shortage, useEmployers, WORK_TYPES } from './types';
import type { ShortageInput, ShortageUpdate } from '../../api/types';
import { nameLabel, nameOption } from '../Name';

type FormValues = Partial<Shortage> & Pick<ShortageInput, 'justification' | 'townshipCode'>;

/** Logging or editing a shortage, with the posting screen's verdict shown as the text is typed. */
export function ShortageFormPage({ base }: { base: string }) {
  const { id } = useParams();
  const existing = useApi('/api/shortages/{id}', { path: { id: id ?? '' } }, { enabled: !!id });
  if (id) return <Async state={existing}>{(shortage) => <ShortageForm base={base} shortage={shortage} />}</Async>;
  return <ShortageForm base={base} />;
}

function ShortageForm({ base, shortage }: { base: string; shortage?: Shortage }) {
  const { t } = useTranslation();
  const toast = useToast();
  const navigate = useNavigate();
  const { principal } = useAuth();
  const { employers } = useEmployers();
  const [form] = Form.useForm<FormValues>();
  const [saving, setSaving] = useState<'draft' | 'submit' | null>(null);

  // The live screen: title, description, occupation, region and pay, 500 ms after the last keystroke.
  const title = Form.useWatch('title', form);
  const description = Form.useWatch('description', form);
  const occupationCode = Form.useWatch('occupationCode', form);
  const regionCode = Form.useWatch('regionCode', form);
  const wageMin = Form.useWatch('wageMin', form);
  const payBasis = Form.useWatch('payBasis', form);
  const screenInput = useDebounced({ title, description, occupationCode, regionCode, wageMin, payBasis }, 500);
  const [screen, setScreen] = useState<{ result?: ScreenResult; checking: boolean; error?: string }>({ checking: false });

  useEffect(() => {
    const text = `${screenInput.title ?? ''}${screenInput.description ?? ''}`.trim();
    if (!text) {
      setScreen({ checking: false });
      return;
    }
    const controller = new AbortController();
    setScreen((s) => ({ ...s, checking: true }));
    unwrap(client.POST('/api/screen', {
      body: {
        title: screenInput.title || undefined,
        description: screenInput.description ?? '',
        occupationCode: screenInput.occupationCode || undefined,
        regionCode: screenInput.regionCode || undefined,
        monthlyWageMin: screenInput.payBasis === 'monthly' || !screenInput.payBasis ? (screenInput.wageMin ?? undefined) : undefined,
      },
      signal: controller.signal,
    })).then(
      (result) => setScreen({ result, checking: false }),
      (e: Error) => e.name !== 'AbortError' && setScreen({ checking: false, error: e.message }),
    );
    return () => controller.abort();
  }, [screenInput]);

  const address = Form.useWatch('address', form);
  const townshipCode = Form.useWatch('townshipCode', form);

  const employerId = Form.useWatch('employerId', form);
  useEffect(() => {
    // A new shortage takes the employer's industry and region as a start.
    if (shortage || !employerId) return;
    const employer = employers.find((e) => e.id === employerId);
    if (employer) {
      if (!form.getFieldValue('industryCode')) form.setFieldValue('industryCode', employer.industryCode);
      if (!form.getFieldValue('regionCode')) form.setFieldValue('regionCode', employer.regionCode);
      if (!form.getFieldValue('address')) form.setFieldValue('address', employer.address);
    }
  }, [employerId, employers, shortage, form]);

  useEffect(() => {
    if (!shortage && principal?.role === 'employer' && principal.employerId) form.setFieldValue('employerId', principal.employerId);
  }, [principal, shortage, form]);

  const save = async (mode: 'draft' | 'submit') => {
    let values: FormValues;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setSaving(mode);
    const { justification, employerId: chosenEmployer, ...fields } = values;
    // The filled fields of the form, whose rules make them a valid request (the API checks them again).
    const body = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined && v !== '')) as ShortageUpdate;
    try {
      let saved: Shortage;
      if (shortage) {
        const path = { id: shortage.id };
        saved = await unwrap(client.PATCH('/api/shortages/{id}', { params: { path }, body }));
        if (mode === 'submit' && saved.status === 'draft') saved = await unwrap(client.POST('/api/shortages/{id}/submit', { params: { path }, body: justification ? { justification } : {} }));
      } else {
        saved = await unwrap(client.POST('/api/shortages', { body: { ...body, employerId: chosenEmployer, submit: mode === 'submit', justification: justification || undefined } as ShortageInput }));
      }
      toast.success(t(`shortages.savedAs`, { status: t(`enums.shortage.${saved.status}`) }));
      navigate(`${base}/shortages/${saved.id}`);
    } catch (e) {
      toast.error(e instanceof ApiError ? e : new Error(String(e)));
    } finally {
      setSaving(null);
    }
  };

  const skillList = (name: 'requiredSkills' | 'preferredSkills', label: string) => (
    <Form.List name={name}>
      {(fields, { add, remove }) => (
        <Form.Item label={label}>
          <Flex vertical gap={8}>
            {fields.map((field) => (
              <Flex key={field.key} gap={8} wrap>
                <Form.Item name={[field.name, 'name']} noStyle rules={[{ required: true, message: t('common.required') }]}>
                  <SkillInput aria-label={t('fields.skillName')} placeholder={t('fields.skillName')} occupation={occupationCode} />
                </Form.Item>
                <Form.Item name={[field.name, 'level']} noStyle initialValue={1}>
                  <Select aria-label={t('fields.skillLevel')} style={{ width: 160 }} options={[1, 2, 3, 4, 5].map((l) => ({ value: l, label: t(`enums.skillLevel.${l}`) }))} />
                </Form.Item>
                <Button type="text" aria-label={t('common.remove')} icon={<MinusCircleOutlined />} onClick={() => remove(field.name)} />
              </Flex>
            ))}
            <Button icon={<PlusOutlined />} onClick={() => add({ level: 1 })} style={{ alignSelf: 'start' }}>
              {t('fields.addSkill')}
            </Button>
          </Flex>
        </Form.Item>
      )}
    </Form.List>
  );

  const needsJustification = screen.result?.verdict === 'WARN' || shortage?.screenResult?.verdict === 'WARN';

  return (
    <>
      <PageTitle>{shortage ? t('shortages.editTitle') : t('shortages.newTitle')}</PageTitle>
      <Row gutter={16}>
        <Col xs={24} lg={15}>
          <Card size="small">
            <Form
              form={form}
              layout="vertical"
              initialValues={shortage ?? { headcount: 1, payBasis: 'monthly', workType: 'full_time', urgency: 'normal', startDate: shanghaiToday(), requiredSkills: [] }}
            >
              <Row gutter={12}>
                <Col xs={24} md={12}>
                  <Form.Item name="employerId" label={t('fields.employer')} rules={[{ required: !shortage, message: t('common.required') }]}>
                    <Select
                      disabled={!!shortage || principal?.role === 'employer'}
                      showSearch={{ optionFilterProp: 'label' }}
                      aria-label={t('fields.employer')}
                      options={employers.map((e) => ({ value: e.id, label: e.name, disabled: e.abnormal }))} labelRender={nameLabel} optionRender={nameOption}
                    />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item name="title" label={t('fields.title')} rules={[{ required: true, min: 2, max: 60, message: t('shortages.titleRule') }]}>
                    <Input maxLength={60} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item name="occupationCode" label={t('fields.occupation')} rules={[{ required: true, message: t('shortages.occupationRule') }]} extra={t('shortages.occupationHint')}>
                    <TaxonomyTreePicker kind="occupations" leafOnly aria-label={t('fields.occupation')} />
                  </Form.Item>
                  <OccupationSuggestions title={title} value={occupationCode} onPick={(code) => form.setFieldsValue({ occupationCode: code })} />
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item name="industryCode" label={t('fields.industry')} rules={[{ required: true, message: t('common.required') }]}>
                    <TaxonomyTreePicker kind="industries" aria-label={t('fields.industry')} />
                  </Form.Item>
                </Col>
                <Col xs={12} md={6}>
                  <Form.Item name="headcount" label={t('fields.headcount')} rules={[{ required: true, message: t('common.required') }]}>
                    <InputNumber min={1} max={10000} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col xs={12} md={6}>
                  <Form.Item name="workType" label={t('fields.workType')} rules={[{ required: true }]}>
                    <Select aria-label={t('fields.workType')} options={WORK_TYPES.map((v) => ({ value: v, label: t(`enums.workType.${v}`) }))} />
                  </Form.Item>
                </Col>
                <Col xs={12} md={6}>
                  <Form.Item name="wageMin" label={t('fields.wageMin')} rules={[{ required: true, message: t('common.required') }]}>
                    <InputNumber min={1} max={200000} step={100} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col xs={12} md={6}>
                  <Form.Item
                    name="wageMax"
                    label={t('fields.wageMax')}
                    dependencies={['wageMin']}
                    rules={[
                      { required: true, message: t('common.required') },
                      ({ getFieldValue }) => ({ validator: (_, v) => (v == null || v >= (getFieldValue('wageMin') ?? 0) ? Promise.resolve() : Promise.reject(new Error(t('shortages.wageRule')))) }),
                    ]}
                  >
                    <InputNumber min={1} max={200000} step={100} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col xs={12} md={6}>
                  <Form.Item name="payBasis" label={t('fields.payBasis')}>
                    <Select aria-label={t('fields.payBasis')} options={['monthly', 'hourly', 'piece'].map((v) => ({ value: v, label: t(`enums.payBasis.${v}`) }))} />
                  </Form.Item>
                </Col>
                <Col xs={12} md={6}>
                  <Form.Item name="urgency" label={t('fields.urgency')}>
                    <Select aria-label={t('fields.urgency')} options={['normal', 'urgent', 'critical'].map((v) => ({ value: v, label: t(`enums.urgency.${v}`) }))} />
                  </Form.Item>
                </Col>
                <Col xs={12} md={6}>
                  <Form.Item name="startDate" label={t('fields.startDate')} rules={[{ required: true, message: t('common.required') }]}>
                    <Input type="date" />
                  </Form.Item>
                </Col>
                <Col xs={12} md={6}>
                  <Form.Item name="deadline" label={t('fields.deadline')} rules={[{ required: true, message: t('common.required') }]}>
                    <Input type="date" min={shanghaiToday()} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item name="regionCode" label={t('fields.workRegion')} rules={[{ required: true, message: t('common.required') }]}>
                    <RegionPicker aria-label={t('fields.workRegion')} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item
                    name="address"
                    label={t('fields.address')}
                    rules={[{ required: true, min: 4, message: t('shortages.addressRule') }]}
                    extra={<LocationPreview address={address} regionCode={regionCode} townshipCode={townshipCode} />}
                  >
                    <Input maxLength={200} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item name="townshipCode" label={t('location.township')}>
                    <TownshipPicker regionCode={regionCode} aria-label={t('location.township')} />
                  </Form.Item>
                </Col>
                <Col xs={24}>
                  <Form.Item name="description" label={t('fields.description')} rules={[{ required: true, min: 10, message: t('shortages.descriptionRule') }]} extra={t('shortages.descriptionHint')}>
                    <Input.TextArea rows={5} maxLength={5000} showCount />
                  </Form.Item>
                </Col>
                <Col xs={24}>{skillList('requiredSkills', t('fields.requiredSkills'))}</Col>
                <Col xs={24} md={12}>
                  <Form.Item name="requiredCertificates" label={t('fields.requiredCertificates')}>
                    <CertificatePicker multiple aria-label={t('fields.requiredCertificates')} />
                  </Form.Item>
                </Col>
                <Col xs={12} md={6}>
                  <Form.Item name="minSkillLevel" label={t('fields.minSkillLevel')}>
                    <Select allowClear aria-label={t('fields.minSkillLevel')} options={[1, 2, 3, 4, 5].map((l) => ({ value: l, label: t(`enums.skillLevel.${l}`) }))} />
                  </Form.Item>
                </Col>
                <Col xs={12} md={6}>
                  <Form.Item name="education" label={t('fields.education')}>
                    <Select allowClear aria-label={t('fields.education')} options={EDUCATION_LEVELS.map((v) => ({ value: v, label: t(`enums.education.${v}`) }))} />
                  </Form.Item>
                </Col>
                <Col xs={12} md={6}>
                  <Form.Item name="experienceYears" label={t('fields.experienceYears')}>
                    <InputNumber min={0} max={40} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col xs={12} md={6}>
                  <Form.Item name="policyDirection" label={t('fields.policyDirection')}>
                    <Select allowClear aria-label={t('fields.policyDirection')} options={POLICY_DIRECTIONS.map((v) => ({ value: v, label: t(`enums.direction.${v}`) }))} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item name="shifts" label={t('fields.shifts')}>
                    <Input maxLength={200} />
                  </Form.Item>
                </Col>
                <Col xs={24}>
                  <Form.Item name="trainingOffered" label={t('fields.trainingOffered')}>
                    <Input maxLength={500} />
                  </Form.Item>
                </Col>
                <Col xs={24}>
                  <Flex wrap gap={16}>
                    <Form.Item name="acceptsTrainees" valuePropName="checked" noStyle>
                      <Checkbox>{t('fields.acceptsTrainees')}</Checkbox>
                    </Form.Item>
                    <Form.Item name="openToDisabled" valuePropName="checked" noStyle>
                      <Checkbox>{t('fields.openToDisabled')}</Checkbox>
                    </Form.Item>
                  </Flex>
                </Col>
                {needsJustification && (
                  <Col xs={24} style={{ marginTop: 16 }}>
                    <Form.Item name="justification" label={t('shortages.justification')} extra={t('shortages.justificationHint')}>
                      <Input.TextArea rows={2} maxLength={500} />
                    </Form.Item>
                  </Col>
                )}
              </Row>
              <Flex gap={8} wrap style={{ marginTop: 16 }}>
                <Button onClick={() => save('draft')} loading={saving === 'draft'}>
                  {t('shortages.saveDraft')}
                </Button>
                <Button type="primary" onClick={() => save('submit')} loading={saving === 'submit'} disabled={screen.result?.verdict === 'BLOCK'}>
                  {t('shortages.saveSubmit')}
                </Button>
              </Flex>
            </Form>
          </Card>
        </Col>
        <Col xs={24} lg={9}>
          <div style={{ position: 'sticky', top: 16 }}>
            <ScreenPanel result={screen.result} checking={screen.checking} error={screen.error} />
          </div>
        </Col>
      </Row>
    </>
  );
}
