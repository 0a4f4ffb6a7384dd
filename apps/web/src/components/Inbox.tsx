import { Button, Card, Flex, Pagination, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useMutation } from '@tanstack/react-query';
import { client, unwrap } from '../api/client';
import { queryClient, useApi } from '../app/hooks';
import { formatDateTime } from '../app/format';
import { useToast } from './toast';
import { Async } from './States';
import { PageTitle } from './Shell';
import { FilledIn } from './Name';

/** Maps a link the server wrote into the console's own pages for this role. */
function consoleLink(link: string | null, base: string): string | null {
  if (!link) return null;
  if (/^\/events\/[^/]+\/invitation/.test(link)) return link;
  const event = /^\/events\/([0-9a-f-]{36})/.exec(link);
  if (event) return `${base}/events/${event[1]}`;
  if (/^\/warnings\//.test(link)) return `${base}${link}`;
  const candidates = /^\/api\/shortages\/([0-9a-f-]{36})\/candidates/.exec(link);
  if (candidates) return `${base}/shortages/${candidates[1]}/candidates`;
  // An application's notice: the seeker's own applications, or the employer's applicants.
  if (/^\/api\/applications\/[0-9a-f-]{36}$/.test(link)) return base === '/seeker' ? '/seeker/applications' : base === '/employer' ? '/employer/applicants' : null;
  return link.startsWith('/api/') ? null : link;
}

/** 站内信: the signed-in user's inbox, newest first. */
export function InboxPage({ base }: { base: string }) {
  const { t, i18n } = useTranslation();
  const toast = useToast();
  const [offset, setOffset] = useState(0);
  const state = useApi('/api/notifications', { query: { offset, limit: 10 } });
  const markRead = useMutation({
    mutationFn: (id: string) => unwrap(client.POST('/api/notifications/{id}/read', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['/api/notifications'] }),
    onError: toast.error,
  });
  const en = i18n.language.startsWith('en');

  return (
    <>
      <PageTitle>{t('inbox.title')}</PageTitle>
      <Async state={state} empty={t('inbox.empty')}>
        {(page) => (
          <Flex vertical gap={12}>
            {page.items.map((n) => {
              const to = consoleLink(n.link, base);
              return (
                <Card key={n.id} size="small">
                  <Flex justify="space-between" wrap gap={8}>
                    <Typography.Text strong>
                      {!n.readAt && <Tag color="blue">{t('inbox.unread')}</Tag>}
                      {en ? <FilledIn text={n.titleEn} /> : n.titleZh}
                    </Typography.Text>
                    <Typography.Text type="secondary">{formatDateTime(n.createdAt)}</Typography.Text>
                  </Flex>
                  <Typography.Paragraph style={{ margin: '8px 0' }}>{en ? <FilledIn text={n.bodyEn} /> : n.bodyZh}</Typography.Paragraph>
                  <Flex gap={8}>
                    {to && <Link to={to}>{t('inbox.open')}</Link>}
                    {!n.readAt && (
                      <Button size="small" onClick={() => markRead.mutate(n.id)}>
                        {t('inbox.markRead')}
                      </Button>
                    )}
                  </Flex>
                </Card>
              );
            })}
            <Pagination current={offset / 10 + 1} pageSize={10} total={page.total} onChange={(p) => setOffset((p - 1) * 10)} showSizeChanger={false} />
          </Flex>
        )}
      </Async>
    </>
  );
}
