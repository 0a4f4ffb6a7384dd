function keepEnds(value: string, head: number, tail: number): string {
  const chars = Array.from(value);
  if (chars.length <= head + tail) return '*'.repeat(chars.length);
  return chars.slice(0, head).join('') + '*'.repeat(chars.length - head - tail) + chars.slice(-tail).join('');
}

/** `460*********1234`: hides region detail and the birth date. */
export function maskResidentId(id: string): string {
  return keepEnds(id, 3, 4);
}

/** `138****5678`. */
export function maskPhone(phone: string): string {
  return keepEnds(phone, 3, 4);
}

/** `张*`, `张*明`, `欧**锋`: the first character stays, and the last one too for names of 3 or more. */
export function maskName(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length <= 1) return '*'.repeat(chars.length);
  if (chars.length === 2) return `${chars[0]}*`;
  return chars[0] + '*'.repeat(chars.length - 2) + chars[chars.length - 1];
}
