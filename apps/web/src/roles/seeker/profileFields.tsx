import { Button, Col, Flex, Form, Input, InputNumber, Row, Select } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { LocationPreview, TownshipPicker } from '../../components/LocationField';
import { CertificatePicker, RegionPicker, SkillInput, TaxonomyTreePicker } from '../../components/pickers';
import { workTypeValues as WORK_TYPES } from '../../api/types';

/** The profile fields shared by registration and the profile editor. */
export function ProfileFields({ withSkills }: { withSkills: boolean }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const regionCode = Form.useWatch('regionCode', form) as string | undefined;
  const townshipCode = Form.useWatch('townshipCode', form) as string | undefined;
  const desiredOccupations = Form.useWatch('desiredOccupations', form) as string[] | undefined;
  return (
    <>
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Form.Item name="name" label={t('fields.name')} rules={[{ required: true, message: t('common.required') }]}>
            <Input autoComplete="name" maxLength={32} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="phone" label={t('fields.phone')} rules={[{ pattern: /^1\d{10}$/, message: t('fields.phoneInvalid') }]}>
            <Input autoComplete="tel" inputMode="numeric" maxLength={11} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="regionCode" label={t('fields.homeRegion')} rules={[{ required: true, message: t('common.required') }]}>
            <RegionPicker aria-label={t('fields.homeRegion')} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="townshipCode"
            label={t('location.homeTownship')}
            extra={regionCode ? <LocationPreview regionCode={regionCode} townshipCode={townshipCode} /> : undefined}
          >
            <TownshipPicker regionCode={regionCode} aria-label={t('location.homeTownship')} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="travelRadiusKm" label={t('fields.travelRadius')}>
            <InputNumber min={1} max={500} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item name="desiredOccupations" label={t('fields.desiredOccupations')}>
            <TaxonomyTreePicker kind="occupations" multiple aria-label={t('fields.desiredOccupations')} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="workTypes" label={t('fields.workType')}>
            <Select mode="multiple" allowClear aria-label={t('fields.workType')} options={WORK_TYPES.map((v) => ({ value: v, label: t(`enums.workType.${v}`) }))} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="wageExpectation" label={t('fields.wageExpectation')}>
            <InputNumber min={0} max={200000} step={500} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="skillLevel" label={t('fields.skillLevel')}>
            <Select allowClear aria-label={t('fields.skillLevel')} options={[1, 2, 3, 4, 5].map((l) => ({ value: l, label: t(`enums.skillLevel.${l}`) }))} />
          </Form.Item>
        </Col>
      </Row>
      {withSkills && (
        <>
          <Form.List name="skills">
            {(fields, { add, remove }) => (
              <Form.Item label={t('fields.skills')}>
                <Flex vertical gap={8}>
                  {fields.map((field) => (
                    <Flex key={field.key} gap={8} align="start" wrap>
                      <Form.Item name={[field.name, 'name']} noStyle rules={[{ required: true, message: t('common.required') }]}>
                        <SkillInput placeholder={t('fields.skillName')} aria-label={t('fields.skillName')} occupation={desiredOccupations?.[0]} />
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
          <Form.List name="certificates">
            {(fields, { add, remove }) => (
              <Form.Item label={t('fields.certificates')}>
                <Flex vertical gap={8}>
                  {fields.map((field) => (
                    <Flex key={field.key} gap={8} align="start" wrap>
                      <Form.Item name={[field.name, 'code']} noStyle rules={[{ required: true, message: t('common.required') }]}>
                        <CertificatePicker aria-label={t('fields.certificate')} />
                      </Form.Item>
                      <Form.Item name={[field.name, 'number']} noStyle rules={[{ required: true, message: t('common.required') }]}>
                        <Input placeholder={t('fields.certificateNumber')} aria-label={t('fields.certificateNumber')} style={{ width: 200 }} maxLength={64} />
                      </Form.Item>
                      <Form.Item name={[field.name, 'issuedOn']} noStyle rules={[{ required: true, message: t('common.required') }]}>
                        <Input type="date" aria-label={t('fields.issuedOn')} style={{ width: 170 }} />
                      </Form.Item>
                      <Button type="text" aria-label={t('common.remove')} icon={<MinusCircleOutlined />} onClick={() => remove(field.name)} />
                    </Flex>
                  ))}
                  <Button icon={<PlusOutlined />} onClick={() => add()} style={{ alignSelf: 'start' }}>
                    {t('fields.addCertificate')}
                  </Button>
                </Flex>
              </Form.Item>
            )}
          </Form.List>
        </>
      )}
    </>
  );
}

/** Drops empty optional values so the API sees only what was given. */
export function compact<T extends Record<string, unknown>>(values: T): { [K in keyof T]?: Exclude<T[K], null> } {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined && v !== null && v !== '')) as { [K in keyof T]?: Exclude<T[K], null> };
}
