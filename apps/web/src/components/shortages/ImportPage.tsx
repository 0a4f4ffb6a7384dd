import { useState } from 'react';
import { Alert, Button, Card, Flex, Progress, Radio, Statistic, Table, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { client, download, get, unwrap } from '../../api/client';
import { PageTitle } from '../Shell';
import { useToast } from '../toast';
import type { ImportReport as Report, ImportJob as Job } from '../../api/types';
import { asName, FilledIn } from '../Name';

function toFormData(fields: { file: Blob }): FormData {
  const form = new FormData();
  form.append('file', fields.file);
  return form;
}

/** Excel: the template, an import with every row's problems listed, and progress for large files. */
export function ImportPage() {
  const { t } = useTranslation();
  const toast = useToast();
  const [mode, setMode] = useState<'partial' | 'all_or_nothing'>('partial');
  const [report, setReport] = useState<Report | null>(null);
  const [job, setJob] = useState<Job | null>(null);
  const [busy, setBusy] = useState(false);

  const follow = async (id: string) => {
    for (;;) {
      const current = await get('/api/shortages/import/{id}', { path: { id } });
      setJob(current);
      if (current.status === 'done' || current.status === 'failed') {
        if (current.report) setReport(current.report);
        return;
      }
      await new Promise((r) => setTimeout(r, 1000));
    }
  };

  const upload = async (file: File) => {
    setBusy(true);
    setReport(null);
    setJob(null);
    try {
      const answer = await client.POST('/api/shortages/import', { params: { query: { mode } }, body: { file }, bodySerializer: toFormData });
      const result = await unwrap(Promise.resolve(answer));
      // 200 answers with the report, 202 with the background job to follow.
      if (answer.response.status === 202) await follow((result as Job).id);
      else setReport(result as Report);
    } catch (e) {
      toast.error(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageTitle>{t('import.title')}</PageTitle>
      <Flex vertical gap={16}>
        <Card size="small" title={t('import.step1')}>
          <Typography.Paragraph>{t('import.templateHint')}</Typography.Paragraph>
          <Button onClick={() => download('/api/shortages/import/template', {}, '缺工需求导入模板.xlsx').catch(toast.error)}>{t('import.template')}</Button>
        </Card>
        <Card size="small" title={t('import.step2')}>
          <Flex vertical gap={12}>
            <Radio.Group
              value={mode}
              onChange={(e) => setMode(e.target.value)}
              aria-label={t('import.mode')}
              options={[
                { value: 'partial', label: t('import.partial') },
                { value: 'all_or_nothing', label: t('import.allOrNothing') },
              ]}
            />
            <Upload
              accept=".xlsx"
              showUploadList={false}
              beforeUpload={(file) => {
                void upload(file);
                return false;
              }}
            >
              <Button type="primary" icon={<UploadOutlined />} loading={busy}>
                {t('import.choose')}
              </Button>
            </Upload>
          </Flex>
        </Card>
        {job && job.status !== 'done' && (
          <Card size="small">
            <Progress percent={job.progress} status={job.status === 'failed' ? 'exception' : 'active'} />
            {job.failureReason && <Alert type="error" title={job.failureReason} />}
          </Card>
        )}
        {report && (
          <Card size="small" title={t('import.report')}>
            <Flex wrap gap={32} style={{ marginBottom: 16 }}>
              <Statistic title={t('import.rows')} value={report.total} />
              <Statistic title={t('import.created')} value={report.created} />
              <Statistic title={t('import.updated')} value={report.updated} />
              <Statistic title={t('import.failed')} value={report.failed} />
            </Flex>
            {report.created + report.updated > 0 && (
              <Typography.Paragraph>
                {/* The imported rows are drafts: the list filtered to drafts submits them together. */}
                <Link to="/officer/shortages?status=draft">{t('bulkSubmit.fromImport')}</Link>
              </Typography.Paragraph>
            )}
            {report.errors.length > 0 ? (
              <Table
                size="small"
                rowKey={(e) => `${e.row}-${e.column}-${e.message}`}
                dataSource={report.errors}
                pagination={{ pageSize: 20, showSizeChanger: false }}
                columns={[
                  { title: t('import.row'), dataIndex: 'row', width: 80 },
                  // The column as the workbook (in Chinese) heads it; the message in the console's language, quoting the file.
                  { title: t('import.column'), dataIndex: 'column', width: 160, render: asName },
                  { title: t('import.problem'), dataIndex: 'message', render: (message: string) => <FilledIn text={message} /> },
                ]}
              />
            ) : (
              <Alert type="success" showIcon title={t('import.allGood')} />
            )}
            {report.locations && report.locations.length > 0 && (
              <div data-testid="import-locations" style={{ marginTop: 16 }}>
                <Typography.Text strong>{t('import.locations')}</Typography.Text>
                <Table
                  size="small"
                  rowKey={(l) => String(l.row)}
                  dataSource={report.locations}
                  pagination={{ pageSize: 20, showSizeChanger: false }}
                  columns={[
                    { title: t('import.row'), dataIndex: 'row', width: 80 },
                    { title: t('import.location'), dataIndex: 'message', render: (message: string) => <FilledIn text={message} /> },
                  ]}
                />
              </div>
            )}
          </Card>
        )}
      </Flex>
    </>
  );
}
