/**
 * A bank's return file line against the bank-file row it answers, pure: the same transitions as
 * `PaymentLedger.applyReturn`, for the database path (a row per instalment and batch). A replayed line changes
 * nothing; a line that contradicts what happened is rejected for a person to look at.
 */

export type BankRowResult = 'pending' | 'paid' | 'failed' | 'bounced' | 'cancelled';
export type ReturnResult = 'paid' | 'failed' | 'bounced';

export type ReturnVerdict = { action: 'apply'; to: ReturnResult } | { action: 'unchanged' } | { action: 'reject'; why: string };

export function returnTransition(row: BankRowResult, line: ReturnResult): ReturnVerdict {
  if (row === 'cancelled') return { action: 'reject', why: 'cancelled batch' };
  if (line === 'paid') {
    if (row === 'pending') return { action: 'apply', to: 'paid' };
    if (row === 'paid') return { action: 'unchanged' };
    return { action: 'reject', why: `paid by this batch but ${row}` };
  }
  if (line === 'failed') {
    if (row === 'pending') return { action: 'apply', to: 'failed' };
    if (row === 'failed' || row === 'bounced') return { action: 'unchanged' };
    return { action: 'reject', why: `failed by this batch but ${row}` };
  }
  if (row === 'paid') return { action: 'apply', to: 'bounced' };
  if (row === 'bounced' || row === 'failed') return { action: 'unchanged' };
  return { action: 'reject', why: `bounced from this batch but ${row}` };
}

const RESULT_WORDS: Record<string, ReturnResult> = {
  成功: 'paid', 已支付: 'paid', 支付成功: 'paid', 已发放: 'paid', 交易成功: 'paid', paid: 'paid', success: 'paid', s: 'paid', ok: 'paid',
  失败: 'failed', 支付失败: 'failed', 交易失败: 'failed', failed: 'failed', fail: 'failed', f: 'failed',
  退回: 'bounced', 退票: 'bounced', 已退回: 'bounced', bounced: 'bounced', returned: 'bounced',
};

/** The result a return file's 结果 cell names (full-width letters and spaces tolerated), or null when it names none. */
export function parseReturnResult(text: string): ReturnResult | null {
  const key = text.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
  return RESULT_WORDS[key] ?? null;
}

/** Fen as the bank file's yuan amount (two decimals). */
export const fenToYuan = (fen: number) => (fen / 100).toFixed(2);

/** The 用途 text of a bank-file line. */
export function paymentPurpose(rule: string, number: number): string {
  const names: Record<string, string> = {
    G1: '吸纳高校毕业生就业补贴', I1: '首次创办个体工商户补贴', I2: '个体工商户吸纳就业补贴', T1: '职业培训补贴',
    T2: '订单式培训补贴', P1: '公益性岗位补贴', J1: '就业见习补贴',
  };
  return `${names[rule] ?? rule}（第${number}期）`;
}
