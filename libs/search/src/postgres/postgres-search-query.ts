import { likeContains } from '@app/database';
import { distanceKmSql } from '@app/geocoding';
import { hanBigrams, isHanBigram } from '../chinese-text';
import { TermPlan } from '../query-text';
import { SearchFacet, SearchIndexName } from '../search-engine';
import { NormalizedQuery } from '../search-query';
import { TAG_PREFIX } from './postgres-document-row';

/** Collects positional parameters ($1, $2 …) while SQL text is assembled. */
class Params {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

export interface PostgresSearchSql {
  hits: { sql: string; params: unknown[] };
  /**
   * Total and facet counts over the same WHERE: rows of (facet, value, count); facet 'total' has the total.
   * Needed for facets, and for the total of a page past the end (hit rows carry the total otherwise).
   */
  counts: { sql: string; params: unknown[] };
}

/** Words reach to_tsquery as letters and digits only (segmentation cleans them), so this cannot inject operators. */
const tsAnd = (words: string[]) => words.join(' & ');

const FACET_SQL: Record<SearchFacet, string> = {
  region: `SELECT 'region', region_code, count(*)::int FROM f WHERE region_code IS NOT NULL GROUP BY 2`,
  skillLevel: `SELECT 'skillLevel', skill_level::text, count(*)::int FROM f WHERE skill_level IS NOT NULL GROUP BY 2`,
  occupationFamily: tagFacet('occupationFamily', TAG_PREFIX.family),
  priorityGroup: tagFacet('priorityGroup', TAG_PREFIX.priorityGroup),
  workType: tagFacet('workType', TAG_PREFIX.workType),
};

function tagFacet(facet: SearchFacet, prefix: string): string {
  return `SELECT '${facet}', substr(t, ${prefix.length + 1}), count(*)::int FROM f CROSS JOIN LATERAL unnest(f.tags) AS t WHERE t LIKE '${prefix}%' GROUP BY 2`;
}

export function buildPostgresSearchSql(index: SearchIndexName, query: NormalizedQuery, plans: TermPlan[]): PostgresSearchSql {
  const params = new Params();
  const where = [`index_name = ${params.add(index)}`];
  /** What the keys index must hold (tsquery expressions, all required): implied by `checks`. */
  const keys: string[] = [];

  /** The exact conditions of the terms (words, substrings, pinyin, occupation codes), which the keys index may stand for. */
  const checks: string[] = [];
  /**
   * The tags' conditions. The keys hold every tag as it is, and no word or character pair can look like one (words
   * are letters and digits, tags have a `prefix:`), so the keys' condition is exactly these: they are left out where
   * the keys' rows are fenced, and kept otherwise for the planner, which may pick the tags index with them. Each is
   * written (and its parameter numbered) only where it is used.
   */
  const tagChecks: (() => string)[] = [];
  let termsInKeys = true;
  for (const plan of plans) {
    checks.push(`(${termMatch(plan, params).join(' OR ')})`);
    const key = termKeys(plan, params);
    if (key) keys.push(key);
    else termsInKeys = false;
  }

  const tags = (prefix: string, values: string[] | undefined, match: 'any' | 'all' = 'all') => {
    if (!values?.length) return;
    const tagged = values.map((v) => prefix + v);
    tagChecks.push(() => `tags ${match === 'all' ? '@>' : '&&'} ${params.add(tagged)}::text[]`);
    keys.push(lexemes(tagged, match === 'all' ? '&' : '|', params));
  };
  const anyTags = (prefix: string, values?: string[]) => tags(prefix, values, 'any');
  anyTags(TAG_PREFIX.occupation, query.occupationCodes);
  anyTags(TAG_PREFIX.region, query.regionCodes);
  tags(TAG_PREFIX.skill, query.skills, query.skillsMatch);
  tags(TAG_PREFIX.certificate, query.certificates, query.certificatesMatch);
  anyTags(TAG_PREFIX.workType, query.workTypes);
  anyTags(TAG_PREFIX.priorityGroup, query.priorityGroups);
  if (query.skillLevelMin !== undefined) where.push(`skill_level >= ${params.add(query.skillLevelMin)}`);
  if (query.wageMin !== undefined) where.push(`wage_high >= ${params.add(query.wageMin)}`);
  if (query.wageMax !== undefined) where.push(`wage_low <= ${params.add(query.wageMax)}`);

  let distance = 'NULL::float8';
  /** The distance condition, as `<= $n`, for the distance expression or its column. */
  let withinRadius: string | undefined;
  if (query.near) {
    const { lat, lng, radiusKm } = query.near;
    const [pLat, pLng] = [params.add(lat), params.add(lng)];
    distance = distanceKmSql(pLat, pLng, 'lat', 'lng');
    // A bounding box, so that the (index_name, lat, lng) index can narrow the rows; but not with a region filter. The
    // planner takes region and place as independent, while a region's documents lie in it: at 1M documents, 30 km around
    // a point in Haikou with Haikou's region tag, it ANDed a 300k-row box bitmap (80-190 ms, 2.4k pages) to the tag
    // bitmap that already held the matches, and the box removed almost none of them.
    if (!query.regionCodes?.length) {
      const dLat = radiusKm / 110.574;
      const dLng = radiusKm / (111.32 * Math.max(0.01, Math.cos((lat * Math.PI) / 180)));
      where.push(`lat BETWEEN ${params.add(lat - dLat)} AND ${params.add(lat + dLat)}`);
      where.push(`lng BETWEEN ${params.add(lng - dLng)} AND ${params.add(lng + dLng)}`);
    }
    withinRadius = `<= ${params.add(radiusKm)}`;
  }
  if (keys.length > 0) where.push(`${KEYS} @@ (${keys.map((key) => `(${key})`).join(' && ')})`);
  // Where the keys index stands for every term and tag, the terms' exact checks run on the rows it finds, behind a fence
  // (OFFSET 0): otherwise the planner ANDs their own indexes' bitmaps (words, trigrams, pairs, tags: 13-28k rows each
  // for a common skill or a broad occupation in Haikou at 1M documents) to the keys bitmap that already holds the
  // matches, which doubled such a query's index time.
  // The fenced rows carry their distance, computed once.
  const fenced = keys.length > 0 && termsInKeys;
  const fencedChecks = [...(withinRadius ? [`distance_km ${withinRadius}`] : []), ...checks];
  const source = fenced
    ? `(SELECT ${FENCED_COLUMNS}, ${distance} AS distance_km FROM search_document WHERE ${where.join('\n  AND ')} OFFSET 0) s
  WHERE ${fencedChecks.length ? fencedChecks.join('\n  AND ') : 'TRUE'}`
    : `search_document\n  WHERE ${[...where, ...(withinRadius ? [`${distance} ${withinRadius}`] : []), ...checks, ...tagChecks.map((check) => check())].join('\n  AND ')}`;
  const distanceKm = fenced ? 'distance_km' : distance;
  const whereParams = [...params.values];

  let score = 'NULL::float8';
  if (plans.length > 0) {
    const anyWord = [...new Set(plans.flatMap((p) => p.variants.flatMap((v) => v.words)))].join(' | ');
    const wordRank = anyWord ? `ts_rank(tsv, to_tsquery('simple', ${params.add(anyWord)}))` : '0';
    // The words' rank (weighted by field) plus the share of the terms the text holds as typed: a whole skill name
    // ranks above its words scattered. A substring test, not word_similarity (trigrams of the whole text for each
    // match: ~12 µs a row at 1M documents, most of a broad relevance-ordered search).
    const whole = plans.map((p) => `(search_text ILIKE ${params.add(likeContains(p.term))})::int`).join(' + ');
    score = `(${wordRank} + (${whole})::float8 / ${plans.length})`;
  }

  const { by, order } = query.sort;
  const dir = order.toUpperCase();
  const orderBy = {
    relevance: plans.length > 0 ? 'score DESC' : 'updated_at DESC',
    distance: `distance_km ${dir}`,
    wage: order === 'desc' ? 'wage_high DESC NULLS LAST' : 'wage_low ASC NULLS LAST',
    date: `updated_at ${dir}`,
  }[by];

  // The match set is found first (MATERIALIZED: by the tag, text and geo indexes; at 1M documents the planner misjudged
  // how many rows two tags leave and walked the whole updated_at index for the order instead, 4-5 s), then ranked and
  // counted on narrow rows (no `doc`): only the page's documents are read, after the limit. The score is computed for
  // every match only when it orders them; otherwise for the page's documents alone.
  const rankedByScore = orderBy === 'score DESC';
  const hitsSql = `WITH m AS MATERIALIZED (
  SELECT id, ${rankedByScore ? score : 'NULL::float8'} AS score, ${distanceKm} AS distance_km, updated_at, wage_low, wage_high
  FROM ${source}
)
SELECT h.id, d.doc, ${rankedByScore ? 'h.score' : 'd.score'} AS score, h.distance_km, h.total
FROM (
  SELECT *, count(*) OVER ()::int AS total FROM m
  ORDER BY ${orderBy}, id
  LIMIT ${params.add(query.limit)} OFFSET ${params.add(query.offset)}
) h
CROSS JOIN LATERAL (SELECT doc, ${rankedByScore ? 'NULL::float8' : score} AS score FROM search_document WHERE index_name = $1 AND id = h.id) d
ORDER BY ${orderBy}, id`;

  const countsSql = `WITH f AS (SELECT region_code, skill_level, tags FROM ${source})
${[`SELECT 'total' AS facet, NULL AS value, count(*)::int AS count FROM f`, ...query.facets.map((facet) => FACET_SQL[facet])].join('\nUNION ALL ')}`;

  return { hits: { sql: hitsSql, params: params.values }, counts: { sql: countsSql, params: whereParams } };
}

/** What the conditions, the score and the counts read of a fenced row (not `doc`). */
const FENCED_COLUMNS = 'id, tsv, search_text, text_initials, han_bigrams, tags, region_code, skill_level, updated_at, wage_low, wage_high';

/**
 * A document's words, character pairs and tags as one tsvector: the expression of `search_document_keys_idx`. The
 * planner multiplies the selectivities of a term's words as if they were independent, but the words of one skill name
 * occur together: at 1M documents it estimated 23 rows for 衣物 & 洗涤 & 熨烫 where 27,720 matched, so it did not AND
 * the tag index's bitmap (occupation and region) and read all 27,720 rows to keep 2,576. Asked for words, pairs and
 * tags together, GIN intersects them in one index scan whatever the estimates, and only the documents with all of
 * them are read. The condition is implied by the others, which stay: it narrows, it never decides.
 */
const KEYS = `(tsv || array_to_tsvector(array_remove(han_bigrams || tags, '')))`;

/** Lexemes taken as they are (tags and character pairs are stored verbatim), joined by & or |. */
function lexemes(values: string[], operator: '&' | '|', params: Params): string {
  const quoted = values.map((v) => `'${v.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`);
  return `${params.add(quoted.join(` ${operator} `))}::tsquery`;
}

/**
 * What a term requires of the keys: any of its ways, as in `termMatch`; null (no requirement) when one of them cannot
 * be said in keys (pinyin initials, a substring without Chinese character pairs: only the trigram indexes find those).
 */
function termKeys(plan: TermPlan, params: Params): string | null {
  if (plan.pinyin) return null;
  const ways: string[] = [];
  for (const variant of plan.variants) {
    const bigrams = hanBigrams(variant.text);
    if (bigrams.length === 0) return null;
    if (!isHanBigram(variant.text) && variant.words.length > 0) ways.push(`to_tsquery('simple', ${params.add(tsAnd(variant.words))})`);
    ways.push(lexemes(bigrams, '&', params));
  }
  if (plan.occupationCodes.length) ways.push(lexemes(plan.occupationCodes.map((code) => TAG_PREFIX.occupation + code), '|', params));
  return ways.join(' || ');
}

/**
 * The ways one term can match: its words in the tsvector, or a substring (suffixes such as 处理 in 待处理), or
 * pinyin initials, or the occupation code the term names. Chinese substrings go through the bigram array's index (all the term's character pairs must
 * occur) and are then checked exactly; other substrings through the trigram index.
 */
function termMatch(plan: TermPlan, params: Params): string[] {
  const ways: string[] = [];
  for (const variant of plan.variants) {
    const bigrams = hanBigrams(variant.text);
    // Two Chinese characters: the bigram alone, as it already covers the word match (one indexed condition).
    if (isHanBigram(variant.text)) {
      ways.push(`han_bigrams @> ${params.add(bigrams)}::text[]`);
      continue;
    }
    if (variant.words.length > 0) ways.push(`tsv @@ to_tsquery('simple', ${params.add(tsAnd(variant.words))})`);
    const contains = `search_text ILIKE ${params.add(likeContains(variant.text))}`;
    ways.push(bigrams.length > 0 ? `(han_bigrams @> ${params.add(bigrams)}::text[] AND ${contains})` : contains);
  }
  if (plan.pinyin) ways.push(`text_initials LIKE ${params.add(likeContains(plan.term))}`);
  // The occupation the term names, by code: every level of a document's codes is a tag, so a detailed code matches
  // the postings and seekers of exactly that occupation, whatever words their titles use (GIN index on tags).
  if (plan.occupationCodes.length) ways.push(`tags && ${params.add(plan.occupationCodes.map((code) => TAG_PREFIX.occupation + code))}::text[]`);
  return ways;
}
