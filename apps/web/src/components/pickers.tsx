import { useEffect, useMemo, useState } from 'react';
import { AutoComplete, Cascader, Input, Select, TreeSelect } from 'antd';
import { useTranslation } from 'react-i18next';
import { get } from '../api/client';
import { useDebounced } from '../app/hooks';
import { loadRegions, localizedRegions, nameOf, RegionNode, regionPath, rememberNames, TaxonomyNode, useNames } from '../app/taxonomy';
import type { CanonicalSkill, Certificate } from '../api/types';
import { inBrackets } from '../app/format';
import { Name } from './Name';

interface TreePickerProps {
  kind: 'occupations' | 'industries';
  value?: string | string[] | null;
  onChange?(value: string | string[] | undefined): void;
  multiple?: boolean;
  /** Only the most detailed codes can be chosen (a shortage's occupation is a 细类). */
  leafOnly?: boolean;
  placeholder?: string;
  id?: string;
  'aria-label'?: string;
}

interface SimpleNode {
  id: string;
  pId: string | null;
  value: string;
  title: string;
  name: string;
  isLeaf: boolean;
  selectable: boolean;
}

/**
 * A tree of occupations (职业分类大典) or industries (GB/T 4754) to browse level by level, and a search by
 * name, code or pinyin initials (hly → 护理员) done by the server.
 */
export function TaxonomyTreePicker({ kind, value, onChange, multiple, leafOnly, placeholder, id, ...aria }: TreePickerProps) {
  const { t } = useTranslation();
  const [nodes, setNodes] = useState<Map<string, SimpleNode>>(new Map());
  const [search, setSearch] = useState('');
  const [found, setFound] = useState<SimpleNode[] | null>(null);
  const [loading, setLoading] = useState(false);
  const query = useDebounced(search.trim(), 250);
  const codes = value == null ? [] : Array.isArray(value) ? value : [value];
  useNames(kind, codes);

  const toNode = (n: TaxonomyNode, flat = false): SimpleNode => ({
    id: n.code,
    pId: flat ? null : n.parentCode,
    value: n.code,
    title: `${n.name} ${n.code}`,
    name: n.name,
    isLeaf: flat || n.isLeaf,
    selectable: !leafOnly || n.isLeaf,
  });

  const add = (items: TaxonomyNode[]) => {
    rememberNames(kind, items);
    setNodes((previous) => {
      const next = new Map(previous);
      for (const item of items) if (!next.has(item.code)) next.set(item.code, toNode(item));
      return next;
    });
  };

  useEffect(() => {
    get(`/api/taxonomy/${kind}`, {}).then(({ items }) => add(items), () => undefined);
  }, [kind]);

  useEffect(() => {
    if (!query) {
      setFound(null);
      return;
    }
    let alive = true;
    setLoading(true);
    get(`/api/taxonomy/${kind}`, { query: { q: query, limit: 50 } })
      .then(({ items }) => {
        rememberNames(kind, items);
        if (alive) setFound(items.map((item) => toNode(item, true)));
      }, () => alive && setFound([]))
      .finally(() => alive && setLoading(false));
    return () => {
      alive = false;
    };
  }, [kind, query, leafOnly]);

  const treeData = useMemo(() => found ?? [...nodes.values()], [found, nodes]);
  // chosen values show their names only (the code is in the tree while browsing)
  const labelled = codes.map((code) => ({ value: code, label: <Name>{nameOf(kind, code)}</Name> }));

  return (
    <TreeSelect
      id={id}
      aria-label={aria['aria-label']}
      treeDataSimpleMode
      treeData={treeData}
      loadData={async (node) => {
        const code = String(node.value);
        const { items } = await get(`/api/taxonomy/${kind}`, { query: { parent: code } });
        add(items);
      }}
      labelInValue
      value={multiple ? labelled : (labelled[0] ?? undefined)}
      onChange={(next: { value: string; label?: unknown } | { value: string; label?: unknown }[] | undefined) => {
        setSearch('');
        if (!next) return onChange?.(undefined);
        onChange?.(Array.isArray(next) ? next.map((n) => n.value) : next.value);
      }}
      multiple={multiple}
      allowClear
      showSearch={{ searchValue: search, onSearch: setSearch, filterTreeNode: false, autoClearSearchValue: true }}
      placeholder={placeholder ?? t(kind === 'occupations' ? 'picker.occupation' : 'picker.industry')}
      notFoundContent={loading ? t('common.loading') : t('common.noMatch')}
      popupMatchSelectWidth={false}
      treeTitleRender={(node) => (
        <>
          <Name>{(node as SimpleNode).name}</Name> {(node as SimpleNode).value}
        </>
      )}
      style={{ width: '100%' }}
    />
  );
}

interface RegionPickerProps {
  value?: string | null;
  onChange?(value: string | undefined): void;
  placeholder?: string;
  id?: string;
  'aria-label'?: string;
}

/** Hainan's cities and counties with their districts; a city itself can be chosen. */
export function RegionPicker({ value, onChange, placeholder, id, ...aria }: RegionPickerProps) {
  const { t } = useTranslation();
  const [regions, setRegions] = useState<RegionNode[]>([]);
  useEffect(() => {
    loadRegions().then(setRegions, () => undefined);
  }, []);
  return (
    <Cascader
      id={id}
      aria-label={aria['aria-label']}
      options={localizedRegions(regions)}
      fieldNames={{ label: 'name', value: 'code', children: 'children' }}
      value={regionPath(regions, value)}
      onChange={(path) => onChange?.(path && path.length ? String(path[path.length - 1]) : undefined)}
      changeOnSelect
      showSearch={{ filter: (input, path) => path.some((o) => String(o.name).includes(input) || String(o.code).startsWith(input)) }}
      placeholder={placeholder ?? t('picker.region')}
      style={{ width: '100%' }}
    />
  );
}

interface SkillInputProps {
  value?: string;
  onChange?(value: string): void;
  /** The occupation being filled in: skills of its family are offered first. */
  occupation?: string;
  id?: string;
  'aria-label'?: string;
  placeholder?: string;
}

/**
 * A skill in the user's own words, with canonical skills offered as they type (炒菜 offers 热菜烹制). Free text stays
 * allowed: matching maps what is written to a canonical skill where one fits.
 */
export function SkillInput({ value, onChange, occupation, id, placeholder, ...aria }: SkillInputProps) {
  const { t, i18n } = useTranslation();
  const [options, setOptions] = useState<CanonicalSkill[]>([]);
  const query = useDebounced((value ?? '').trim(), 250);

  useEffect(() => {
    if (!query) {
      setOptions([]);
      return;
    }
    let alive = true;
    get('/api/taxonomy/skills', { query: { q: query, occupation, limit: 8 } }).then(({ items }) => {
      if (alive) setOptions(items);
    }, () => undefined);
    return () => {
      alive = false;
    };
  }, [query, occupation]);

  const label = (skill: CanonicalSkill) => {
    const name = i18n.language.startsWith('en') ? skill.en : skill.zh;
    return skill.matched === skill.zh ? name : `${name}${inBrackets(t('picker.skillSynonym', { text: skill.matched }))}`;
  };

  return (
    <AutoComplete
      id={id}
      aria-label={aria['aria-label']}
      value={value}
      onChange={(next: string) => onChange?.(next)}
      options={options.map((skill) => ({ value: skill.zh, label: label(skill) }))}
      style={{ width: 200 }}
      popupMatchSelectWidth={280}
    >
      <Input placeholder={placeholder} maxLength={32} />
    </AutoComplete>
  );
}

interface CertificatePickerProps {
  value?: string | string[] | null;
  onChange?(value: string | string[] | undefined): void;
  multiple?: boolean;
  id?: string;
  'aria-label'?: string;
}

/** Certificates by name, code or pinyin. */
export function CertificatePicker({ value, onChange, multiple, id, ...aria }: CertificatePickerProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [options, setOptions] = useState<Certificate[]>([]);
  const query = useDebounced(search.trim(), 250);
  const codes = value == null ? [] : Array.isArray(value) ? value : [value];
  useNames('certificates', codes);

  useEffect(() => {
    let alive = true;
    get('/api/taxonomy/certificates', { query: { q: query || undefined, limit: 50 } }).then(({ items }) => {
      rememberNames('certificates', items);
      if (alive) setOptions(items);
    }, () => undefined);
    return () => {
      alive = false;
    };
  }, [query]);

  // The chosen value's label is the option's own label, so the two never disagree.
  const kindOf = (code: string) => t(code.startsWith('SPO-') ? 'picker.certificateKinds.special' : 'picker.certificateKinds.skill');
  const nameOfCode = (code: string) => options.find((c) => c.code === code)?.name ?? nameOf('certificates', code);
  // The text of an option (what its title and the search read) and how it is shown (the name as written).
  const text = (code: string) => `${nameOfCode(code)}${inBrackets(kindOf(code))}`;
  const label = (code: string) => (
    <>
      <Name>{nameOfCode(code)}</Name>
      {inBrackets(kindOf(code))}
    </>
  );

  return (
    <Select
      id={id}
      aria-label={aria['aria-label']}
      mode={multiple ? 'multiple' : undefined}
      labelInValue
      value={multiple ? codes.map((c) => ({ value: c, label: text(c) })) : codes[0] ? { value: codes[0], label: text(codes[0]) } : undefined}
      onChange={(next: { value: string; label?: unknown } | { value: string; label?: unknown }[] | undefined) => {
        if (!next) return onChange?.(undefined);
        onChange?.(Array.isArray(next) ? next.map((n) => n.value) : next.value);
      }}
      showSearch={{ searchValue: search, onSearch: setSearch, filterOption: false }}
      allowClear
      options={options.map((c) => ({ value: c.code, label: text(c.code) }))}
      labelRender={({ value }) => label(String(value))}
      optionRender={({ value }) => label(String(value))}
      placeholder={t('picker.certificate')}
      notFoundContent={t('common.noMatch')}
      style={{ width: '100%' }}
    />
  );
}
