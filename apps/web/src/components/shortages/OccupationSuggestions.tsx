import { useEffect, useState } from 'react';
import { Button, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { get } from '../../api/client';
import { useDebounced } from '../../app/hooks';
import { rememberNames } from '../../app/taxonomy';
import type { OccupationSuggestionList } from '../../api/types';
import { Name } from '../Name';

interface Props {
  /** The job title as typed. */
  title: string | undefined;
  /** The occupation already chosen: its suggestion is shown as picked. */
  value: string | undefined;
  onPick(code: string): void;
}

/**
 * Occupations suggested for the typed job title (厨师 → 中式烹调师), to pick with one click; the tree picker stays
 * for browsing. A generic title (助理, 技术员) says so instead of guessing.
 */
export function OccupationSuggestions({ title, value, onPick }: Props) {
  const { t } = useTranslation();
  const typed = useDebounced(title?.trim() ?? '', 300);
  const [result, setResult] = useState<OccupationSuggestionList | null>(null);

  useEffect(() => {
    if (typed.length < 2) {
      setResult(null);
      return;
    }
    const controller = new AbortController();
    get('/api/taxonomy/occupations/suggest', { query: { title: typed } }, controller.signal).then(
      (found) => {
        rememberNames('occupations', found.items);
        setResult(found);
      },
      () => undefined,
    );
    return () => controller.abort();
  }, [typed]);

  if (!result) return null;
  if (result.items.length === 0) {
    return (
      <Typography.Text type="secondary" data-testid="occupation-suggestions">
        {result.generic ? t('shortages.suggestGeneric') : t('shortages.suggestNone')}
      </Typography.Text>
    );
  }
  return (
    <Flex wrap gap={4} align="center" data-testid="occupation-suggestions">
      <Typography.Text type="secondary">{t('shortages.suggested')}</Typography.Text>
      {result.items.map((item) => (
        <Button key={item.code} size="small" type={item.code === value ? 'primary' : 'default'} onClick={() => onPick(item.code)}>
          <Name>{item.name}</Name>
        </Button>
      ))}
    </Flex>
  );
}
