/** A LIKE/ILIKE pattern matching `text` anywhere, with the pattern characters in `text` taken literally. */
export const likeContains = (text: string): string => `%${text.replace(/[\\%_]/g, '\\$&')}%`;
