import { Button, Card, Col, Flex, Form, Input, Row, Select } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { educationLevelValues, jobSeekingStatusValues, type components } from '../../api/schema';
import { TaxonomyTreePicker } from '../../components/pickers';

const MONTH = /^(19|20)\d{2}-(0[1-9]|1[0-2])$/;

/** Job-seeking status, self-introduction, education and work history: the parts of a CV a person fills in. */
export function HistoryFields() {
  const { t } = useTranslation();
  const month = (required: boolean) => [{ required, pattern: MONTH, message: t('account.profile.monthRule') }];
  return (
    <>
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Form.Item name="jobSeekingStatus" label={t('account.profile.jobSeekingStatus')}>
            <Select
              allowClear
              aria-label={t('account.profile.jobSeekingStatus')}
              options={jobSeekingStatusValues.map((v) => ({ value: v, label: t(`account.jobSeekingStatus.${v}`) }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item name="selfIntroduction" label={t('account.profile.selfIntroduction')}>
            <Input.TextArea maxLength={1000} showCount autoSize={{ minRows: 3, maxRows: 8 }} placeholder={t('account.profile.selfIntroductionPlaceholder')} />
          </Form.Item>
        </Col>
      </Row>
      <Form.List name="educationHistory">
        {(fields, { add, remove }) => (
          <Form.Item label={t('account.profile.education')}>
            <Flex vertical gap={8}>
              {fields.map((field) => (
                <Card key={field.key} size="small" className="history-entry">
                  <Row gutter={8}>
                    <Col xs={24} md={12}>
                      <Form.Item name={[field.name, 'school']} label={t('account.profile.school')} rules={[{ required: true, message: t('common.required') }]}>
                        <Input maxLength={64} />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={12}>
                      <Form.Item name={[field.name, 'major']} label={t('account.profile.major')}>
                        <Input maxLength={64} />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={8}>
                      <Form.Item name={[field.name, 'level']} label={t('account.profile.level')} rules={[{ required: true, message: t('common.required') }]}>
                        <Select
                         
                          aria-label={t('account.profile.level')}
                          options={educationLevelValues.filter((v) => v !== 'none').map((v) => ({ value: v, label: t(`enums.education.${v}`) }))}
                        />
                      </Form.Item>
                    </Col>
                    <Col xs={12} md={8}>
                      <Form.Item name={[field.name, 'from']} label={t('account.profile.from')} rules={month(true)}>
                        <Input placeholder="2014-09" maxLength={7} inputMode="numeric" />
                      </Form.Item>
                    </Col>
                    <Col xs={12} md={8}>
                      <Form.Item name={[field.name, 'to']} label={t('account.profile.to')} rules={month(false)}>
                        <Input placeholder="2017-07" maxLength={7} inputMode="numeric" />
                      </Form.Item>
                    </Col>
                  </Row>
                  <Button type="text" danger icon={<MinusCircleOutlined />} onClick={() => remove(field.name)}>
                    {t('common.remove')}
                  </Button>
                </Card>
              ))}
              <Button id="add-education" icon={<PlusOutlined />} onClick={() => add()} style={{ alignSelf: 'start' }}>
                {t('account.profile.addEducation')}
              </Button>
            </Flex>
          </Form.Item>
        )}
      </Form.List>
      <Form.List name="workHistory">
        {(fields, { add, remove }) => (
          <Form.Item label={t('account.profile.work')}>
            <Flex vertical gap={8}>
              {fields.map((field) => (
                <Card key={field.key} size="small" className="history-entry">
                  <Row gutter={8}>
                    <Col xs={24} md={12}>
                      <Form.Item name={[field.name, 'employer']} label={t('account.profile.employer')} rules={[{ required: true, message: t('common.required') }]}>
                        <Input maxLength={64} />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={12}>
                      <Form.Item name={[field.name, 'title']} label={t('account.profile.jobTitle')} rules={[{ required: true, message: t('common.required') }]}>
                        <Input maxLength={64} />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={12}>
                      <Form.Item name={[field.name, 'occupationCode']} label={t('account.profile.occupation')}>
                        <TaxonomyTreePicker kind="occupations" aria-label={t('account.profile.occupation')} />
                      </Form.Item>
                    </Col>
                    <Col xs={12} md={6}>
                      <Form.Item name={[field.name, 'from']} label={t('account.profile.from')} rules={month(true)}>
                        <Input placeholder="2018-03" maxLength={7} inputMode="numeric" />
                      </Form.Item>
                    </Col>
                    <Col xs={12} md={6}>
                      <Form.Item name={[field.name, 'to']} label={t('account.profile.to')} rules={month(false)}>
                        <Input placeholder="2023-12" maxLength={7} inputMode="numeric" />
                      </Form.Item>
                    </Col>
                    <Col xs={24}>
                      <Form.Item name={[field.name, 'description']} label={t('account.profile.description')}>
                        <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 5 }} />
                      </Form.Item>
                    </Col>
                  </Row>
                  <Button type="text" danger icon={<MinusCircleOutlined />} onClick={() => remove(field.name)}>
                    {t('common.remove')}
                  </Button>
                </Card>
              ))}
              <Button id="add-work" icon={<PlusOutlined />} onClick={() => add()} style={{ alignSelf: 'start' }}>
                {t('account.profile.addWork')}
              </Button>
            </Flex>
          </Form.Item>
        )}
      </Form.List>
    </>
  );
}

type Entry = Record<string, unknown>;

/** The history lists as the API takes them: empty optional fields left out, an open end sent as null. */
export function historyBody(values: { educationHistory?: Entry[]; workHistory?: Entry[] }) {
  const clean = (entries: Entry[] | undefined) =>
    (entries ?? []).map((entry) => {
      const kept = Object.fromEntries(Object.entries(entry).filter(([, v]) => v !== undefined && v !== null && v !== ''));
      return { ...kept, to: (kept.to as string | undefined) ?? null };
    });
  // The form's rules make each entry complete (the API checks them again).
  return {
    educationHistory: clean(values.educationHistory) as unknown as components['schemas']['EducationEntryDto'][],
    workHistory: clean(values.workHistory) as unknown as components['schemas']['WorkEntryDto'][],
  };
}
