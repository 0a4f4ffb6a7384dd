import { Alert, Card, Flex, Spin, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ScreenResult } from './types';
import { colon } from '../../app/format';
import { Name } from '../Name';

const TYPE = { PASS: 'success', WARN: 'warning', REVIEW: 'info', BLOCK: 'error' } as const;

/** The posting screen's verdict: rule, the words it matched, and the legal basis. */
export function ScreenPanel({ result, checking, error }: { result: ScreenResult | null | undefined; checking?: boolean; error?: string }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language.startsWith('en');
  return (
    <Card size="small" title={t('screen.title')} className={result ? `verdict-${result.verdict}` : undefined} extra={
        checking ? (
          <span role="status" aria-label={t('screen.checking')}>
            <Spin size="small" />
          </span>
        ) : null
      }>
      <div aria-live="polite">
        {error && <Typography.Text type="danger">{error}</Typography.Text>}
        {!result && !error && <Typography.Text type="secondary">{t('screen.hint')}</Typography.Text>}
        {result && (
          <Flex vertical gap={8}>
            <Alert type={TYPE[result.verdict]} showIcon title={`${t(`screen.verdict.${result.verdict}`)}`} description={t(`screen.explain.${result.verdict}`)} />
            {result.findings.map((f, i) => (
              <Card key={i} size="small" type="inner">
                <Flex vertical gap={4}>
                  <Typography.Text>
                    <Tag color={f.verdict === 'BLOCK' ? 'red' : f.verdict === 'WARN' ? 'orange' : 'blue'}>
                      {f.ruleCode} · {t(`screen.verdict.${f.verdict}`)}
                    </Tag>
                    {en ? f.reasonEn : f.reasonZh}
                  </Typography.Text>
                  {f.matchedText && (
                    <Typography.Text>
                      {t('screen.matched')}{colon()}<mark className="screen-hit" translate="no">{f.matchedText}</mark>
                    </Typography.Text>
                  )}
                  <Typography.Text type="secondary">
                    {t('screen.basis')}{colon()}<Name>{f.basis}</Name>
                  </Typography.Text>
                </Flex>
              </Card>
            ))}
            <Typography.Text type="secondary">{t('screen.version', { version: result.ruleSetVersion })}</Typography.Text>
          </Flex>
        )}
      </div>
    </Card>
  );
}
