/** Name form used for matching: case, accents, punctuation and possessives do not count. */
export function normName(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’‘`]/g, "'")
    .toLowerCase()
    .replace(/'s\b/g, '')
    .replace(/[^a-z0-9' -]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function surnameOf(name: string): string {
  return normName(name).split(' ').at(-1) ?? '';
}
