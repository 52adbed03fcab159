/**
 * Positions read as positions: "holder · stance · object", in --explain, in
 * the graph the viewer draws and in exports. On the seed articles.
 */
import { addBatch, createGraph, positionLabel } from '@kg/graph-schema';
import { displayLabel } from '../../../export/src/style';
import { nodeText } from '../../../viewer/src/web/graph-style';
import { Resolver } from '../../src/resolve';
import { extract, seed } from './helpers';

const seedPositions = () => {
  const r = new Resolver();
  const g = createGraph();
  for (const s of ['000', '001', '002']) addBatch(g, r.resolve(extract(seed(s))));
  return g.filterNodes((_, a) => a.label === 'Position').map((k) => g.getNodeAttributes(k) as Record<string, unknown>);
};

describe('position labels', () => {
  it('"Putin had blasted European amendments as “unacceptable,”" is labelled Vladimir Putin · opposes · European amendments (seed 000)', () => {
    const labels = seedPositions().map((p) => positionLabel(p));
    expect(labels).toContain('Vladimir Putin · opposes · European amendments');
  });
  it('every seed position names its holder and stance first, never the first words of a sentence', () => {
    for (const p of seedPositions()) {
      const label = positionLabel(p);
      expect(label.startsWith(`${String(p.holder)} · ${String(p.stance)} · `)).toBe(true);
    }
  });
  it('the viewer and the exports show that label', () => {
    const putin = seedPositions().find((p) => positionLabel(p) === 'Vladimir Putin · opposes · European amendments')!;
    expect(nodeText({ ...putin, label: 'Position' })).toBe('Vladimir Putin · opposes · European amendments');
    expect(displayLabel({ ...putin, label: 'Position' })).toBe('Vladimir Putin · opposes · European amendments');
  });
  it('--explain says it the same way, with the sentence after it', () => {
    const x = extract(seed('000'));
    expect(x.explain.map((e) => e.found).some((f) => f.startsWith('Vladimir Putin · opposes · European amendments — "'))).toBe(true);
  });
});
