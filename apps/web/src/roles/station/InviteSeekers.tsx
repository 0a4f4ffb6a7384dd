import { ReactNode, useEffect, useState } from 'react';
import { Button, Card, Flex, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useDebounced } from '../../app/hooks';
import { useRegions } from '../../app/taxonomy';
import { useToast } from '../../components/toast';
import type { SeekerHit } from '../../api/types';
import { client, get, unwrap } from '../../api/client';
import { joinList } from '../../app/format';

/** Invites seekers the planner did not pick: found by name, skill or occupation in the station's region, invited at once. */
export function InviteSeekers({ eventId, onSent }: { eventId: string; onSent(): void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const { regionName } = useRegions();
  const [search, setSearch] = useState('');
  const [options, setOptions] = useState<SeekerHit[]>([]);
  const [searching, setSearching] = useState(false);
  const [chosen, setChosen] = useState<{ value: string; label: ReactNode }[]>([]);
  const [busy, setBusy] = useState(false);
  const query = useDebounced(search.trim(), 300);

  useEffect(() => {
    if (!query) {
      setOptions([]);
      return;
    }
    let alive = true;
    setSearching(true);
    get('/api/seekers/search', { query: { q: query, limit: 20 } })
      .then(({ hits }) => alive && setOptions(hits), () => alive && setOptions([]))
      .finally(() => alive && setSearching(false));
    return () => {
      alive = false;
    };
  }, [query]);

  const send = async () => {
    setBusy(true);
    const sent = await toast.attempt(() => unwrap(client.POST('/api/events/{id}/invitations', { params: { path: { id: eventId } }, body: { seekerIds: chosen.map((c) => c.value) } })), t('station.invited'));
    setBusy(false);
    if (sent) {
      setChosen([]);
      setSearch('');
      onSent();
    }
  };

  return (
    <Card size="small" title={t('station.inviteSeekers')} style={{ marginBottom: 12 }}>
      <Typography.Paragraph type="secondary">{t('station.inviteSeekersHint')}</Typography.Paragraph>
      <Flex gap={8} wrap align="center">
        <label htmlFor="invite-seekers" className="sr-only">
          {t('station.inviteSeekers')}
        </label>
        <Select
          id="invite-seekers"
          mode="multiple"
          labelInValue
          value={chosen}
          onChange={setChosen}
          showSearch={{ searchValue: search, onSearch: setSearch, filterOption: false }}
          options={options.map((hit) => ({
            value: hit.id,
            label: [hit.document.name, regionName(hit.document.regionCode), joinList(hit.document.occupationNames.slice(0, 2))].filter(Boolean).join(' · '),
          }))}
          placeholder={t('station.inviteSeekersPlaceholder')}
          notFoundContent={searching ? t('common.loading') : query ? t('common.noMatch') : null}
          style={{ minWidth: 320, flex: 1 }}
        />
        <Button type="primary" disabled={!chosen.length} loading={busy} onClick={send}>
          {t('station.inviteSend')}
        </Button>
      </Flex>
    </Card>
  );
}
