import { Fragment, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Text from data, shown as written in every language: proper names (employers, people, places, addresses), what
 * people wrote (job titles, descriptions, notes, event titles) and catalogue names that have no English source
 * (the 2022 occupation classification, GB/T 4754 industries, certificates). `translate="no"` tells a browser's
 * translator to leave it alone, and the English-pages browser test that Chinese belongs there.
 */
export function Name({ children, className }: { children: ReactNode; className?: string }) {
  return (
    <span translate="no" className={className}>
      {children}
    </span>
  );
}

const MARK = '\u2063';

/** A message with names in it (`names`: placeholders filled from data), each name inside <Name>. */
export function Named({ k, values, names }: { k: string; values?: Record<string, unknown>; names: Record<string, ReactNode> }) {
  const { t } = useTranslation();
  const markers = Object.fromEntries(Object.keys(names).map((n) => [n, `${MARK}${n}${MARK}`]));
  const parts = t(k, { ...values, ...markers }).split(MARK);
  return (
    <>
      {parts.map((part, i) => (i % 2 ? <Name key={i}>{names[part]}</Name> : <Fragment key={i}>{part}</Fragment>))}
    </>
  );
}

/** A table cell or description holding a name (render function for antd columns). */
export function asName(value: ReactNode): ReactNode {
  return value == null || value === '' ? '—' : <Name>{value}</Name>;
}

const CJK_RUN = /([\u2e80-\u2fff\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef][^a-zA-Z]*[\u2e80-\u2fff\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]|[\u2e80-\u2fff\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef])/;

/**
 * An English text the server filled from an English template with names from data (a notice's title and body):
 * the Chinese in it can only be those names, so each Chinese run is shown as a name.
 */
export function FilledIn({ text }: { text: string }) {
  const { i18n } = useTranslation();
  if (!i18n.language?.startsWith('en')) return <>{text}</>;
  const parts = text.split(CJK_RUN);
  return <>{parts.map((part, i) => (i % 2 ? <Name key={i}>{part}</Name> : <Fragment key={i}>{part}</Fragment>))}</>;
}

/** A Select whose options are names: the chosen one (`labelRender`) and the list (`optionRender`) shown as names. */
export const nameLabel = ({ label }: { label?: ReactNode }): ReactNode => <Name>{label}</Name>;
export const nameOption = ({ label }: { label?: ReactNode }): ReactNode => <Name>{label}</Name>;
