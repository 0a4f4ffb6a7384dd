export type TaxonomyKind = 'occupation' | 'industry' | 'region' | 'certificate';

const KIND_ZH: Record<TaxonomyKind, string> = {
  occupation: '职业',
  industry: '行业',
  region: '行政区划',
  certificate: '证书',
};

const OCCUPATION_LEVEL_ZH = ['', '大类', '中类', '小类', '细类'];

function codeLabel(kind: TaxonomyKind): string {
  return `${KIND_ZH[kind]}编码`;
}

/** An unknown code (or, with `expectedLevel`, an occupation code of the wrong level). `message` is in Chinese. */
export class TaxonomyCodeError extends Error {
  readonly messageEn: string;

  constructor(
    readonly kind: TaxonomyKind,
    readonly code: string,
    readonly expectedLevel?: number,
  ) {
    super(
      expectedLevel === undefined
        ? `${codeLabel(kind)}“${code}”不存在`
        : `${codeLabel(kind)}“${code}”不是${OCCUPATION_LEVEL_ZH[expectedLevel] ?? ''}（第${expectedLevel}级）编码`,
    );
    this.name = 'TaxonomyCodeError';
    this.messageEn =
      expectedLevel === undefined
        ? `Unknown ${kind} code "${code}"`
        : `The ${kind} code "${code}" is not of level ${expectedLevel}`;
  }
}
