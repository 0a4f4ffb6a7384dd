import { Flex, Progress, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MatchExplanation } from '../api/types';
import { colon } from '../app/format';
import { FilledIn, Named } from './Name';
export type { MatchExplanation } from '../api/types';

const KIND_COLOR = { fit: 'green', gap: 'orange', info: 'default' } as const;

export function ScoreBadge({ score }: { score: number }) {
  const { t } = useTranslation();
  return <Progress type="circle" size={52} percent={Math.round(score)} format={(p) => `${p}`} aria-label={`${t('match.score')} ${Math.round(score)}`} />;
}

/** Why a match was made: reasons (fit, gap, info), the gaps training would close, and each factor's points. */
export function Explanation({ explanation, showFactors }: { explanation: MatchExplanation | null | undefined; showFactors?: boolean }) {
  const { t, i18n } = useTranslation();
  if (!explanation) return null;
  const en = i18n.language.startsWith('en');
  return (
    <Flex vertical gap={6}>
      <Flex wrap gap={4}>
        {explanation.reasons.map((r) => (
          <Tag key={r.code + r.zh} color={KIND_COLOR[r.kind]}>
            {en ? <FilledIn text={r.en} /> : r.zh}
          </Tag>
        ))}
        {explanation.distanceKm != null && (
          <Tag>{t(explanation.distanceBasis === 'estimated' ? 'match.distanceEstimated' : 'match.distance', { km: explanation.distanceKm.toFixed(1) })}</Tag>
        )}
      </Flex>
      {explanation.gaps.length > 0 && (
        <Typography.Text>
          {t('match.gaps')}{colon()}
          {explanation.gaps.map((g) => (
            <Tag key={g.kind + g.name} color="orange">
              {g.kind === 'certificate' ? <Named k="match.gapCertificate" names={{ name: g.name }} /> : <Named k="match.gapSkill" values={{ level: g.requiredLevel ?? '' }} names={{ name: g.name }} />}
            </Tag>
          ))}
        </Typography.Text>
      )}
      {showFactors && (
        <Flex wrap gap={8}>
          {explanation.factors
            .filter((f) => f.weight > 0)
            .map((f) => (
              <Tooltip key={f.factor} title={`${t(`factors.${f.factor}`, { defaultValue: f.factor })}: ${Math.round(f.value * 100)}% × ${f.weight}`}>
                <Tag>
                  {t(`factors.${f.factor}`, { defaultValue: f.factor })} +{f.contribution.toFixed(1)}
                </Tag>
              </Tooltip>
            ))}
        </Flex>
      )}
    </Flex>
  );
}
