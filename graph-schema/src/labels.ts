import type { Position } from './nodes';

/**
 * A position as a person reads it: "Putin · opposes · European amendments",
 * not the first words of its sentence. Without an object, the start of the
 * statement stands in for it.
 */
export function positionLabel(p: Partial<Pick<Position, 'holder' | 'stance' | 'object' | 'statement'>>, clipAt = 40): string {
  const clip = (s: string) => (s.length > clipAt ? `${s.slice(0, clipAt - 1)}…` : s);
  const object = p.object ?? (p.statement ? clip(p.statement) : undefined);
  return [p.holder, p.stance, object].filter((x): x is string => !!x).join(' · ');
}
