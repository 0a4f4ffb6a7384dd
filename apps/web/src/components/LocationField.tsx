import { useEffect, useState } from 'react';
import { Select, Typography } from 'antd';
import { EnvironmentOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { get } from '../api/client';
import { useApi, useDebounced } from '../app/hooks';
import type { GeocodeAnswer } from '../api/types';
import { Named, nameLabel, nameOption } from './Name';

/**
 * Shows where the address will be placed, as the user types (500 ms after the last keystroke):
 * “定位到：海口市秀英区长流镇（区县级）”. The same decision the save makes, from the same endpoint.
 */
export function LocationPreview({ address, regionCode, townshipCode }: { address?: string; regionCode?: string; townshipCode?: string }) {
  const { t } = useTranslation();
  const input = useDebounced({ address: address?.trim() ?? '', regionCode: regionCode ?? '', townshipCode: townshipCode ?? '' }, 500);
  const [state, setState] = useState<{ answer?: GeocodeAnswer; loading: boolean; failed?: boolean }>({ loading: false });

  useEffect(() => {
    if (!input.address && !input.regionCode && !input.townshipCode) {
      setState({ loading: false });
      return;
    }
    const controller = new AbortController();
    setState((s) => ({ ...s, loading: true }));
    // Empty fields stay out of the query (the client's query serializer skips them).
    get('/api/geocode', { query: input }, controller.signal).then(
      (answer) => setState({ answer, loading: false }),
      // Not signed in yet (self-registration) or the service is down: no preview; the save still locates the record.
      (e: Error) => e.name !== 'AbortError' && setState({ loading: false, failed: true }),
    );
    return () => controller.abort();
  }, [input]);

  const { answer, loading, failed } = state;
  if (failed) return null;
  const text = loading
    ? t('location.locating')
    : !answer || !answer.precision
      ? t('location.none')
      : answer.basis === 'given'
        ? t('location.given')
        : <Named k="location.located" values={{ precision: t(`location.precision.${answer.precision}`) }} names={{ label: answer.label ?? '' }} />;
  return (
    <Typography.Text type={answer?.precision || loading ? 'secondary' : 'warning'} data-testid="location-preview" aria-live="polite">
      <EnvironmentOutlined /> {text}
    </Typography.Text>
  );
}

/** Picks a township of the region (镇/乡/街道/农场/开发区) to correct the geocoded address; empty = from the address. */
export function TownshipPicker({ regionCode, value, onChange, ...rest }: { regionCode?: string; value?: string; onChange?: (v: string | undefined) => void; 'aria-label'?: string }) {
  const { t } = useTranslation();
  const townships = useApi('/api/geocode/townships', { query: { regionCode: regionCode ?? '' } }, { enabled: !!regionCode });
  return (
    <Select
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      placeholder={t('location.townshipPlaceholder')}
      value={value}
      onChange={(v) => onChange?.(v ?? undefined)}
      disabled={!regionCode}
      options={(townships.data?.items ?? []).map((i) => ({ value: i.code, label: i.name }))}
      labelRender={nameLabel}
      optionRender={nameOption}
      {...rest}
    />
  );
}
