import { addBatch, createGraph } from '@kg/graph-schema';
import { Resolver } from '../../src/resolve';
import { doc, extract, seed } from '../extract/helpers';

function run(docs: ReturnType<typeof doc>[]) {
  const r = new Resolver();
  const g = createGraph();
  for (const d of docs) addBatch(g, r.resolve(extract(d)));
  const label = (l: string) => g.filterNodes((_, a) => a.label === l).map((k) => g.getNodeAttributes(k));
  return { g, label };
}

describe('Resolver', () => {
  it('the Kremlin talks of 2 Dec 2025, reported by seeds 000 and 001, are one Meeting', () => {
    const { label } = run([seed('000'), seed('001')]);
    const kremlin = label('Meeting').filter((m) => m.date === '2025-12-02');
    expect(kremlin).toHaveLength(1);
    expect(kremlin[0]!.place).toBe('Moscow');
  });
  it('Zelensky and Zelenskyy, Putin and Vladimir Putin are one person each across the seeds', () => {
    const { label } = run([seed('000'), seed('001'), seed('002')]);
    const names = label('Actor').filter((a) => a.kind === 'person').map((a) => a.name);
    expect(names.filter((n) => /zelensk/i.test(n))).toHaveLength(1);
    expect(names.filter((n) => /putin/i.test(n))).toHaveLength(1);
  });
  it('keeps ids deterministic for the same input order', () => {
    const ids = () => run([seed('000'), seed('001'), seed('002')]).g.nodes().sort().join('\n');
    expect(ids()).toBe(ids());
  });
  it('does not merge two rounds of talks between the same countries in the same city (a003, a014)', () => {
    const a = doc('ISTANBUL — On Tuesday, for the first time in more than two weeks, Ukrainian and Russian negotiators came face to face.', undefined, 'a');
    const b = doc('ISTANBUL, Türkiye — Russia and Ukraine are considering a large-scale prisoner exchange, as both delegations met in Istanbul this week for their first direct negotiations since 2022.', undefined, 'b');
    expect(run([a, b]).label('Meeting')).toHaveLength(2);
  });
  it('seed() makes database actors known: a new "Putin" links to them', () => {
    const r = new Resolver();
    r.seed([{ id: 'vladimir-putin-db', name: 'Vladimir Putin', kind: 'person', aliases: ['Putin'] }], []);
    const batch = r.resolve(extract(doc('Russian President Vladimir Putin met US envoy Steve Witkoff.')));
    expect(batch.nodes.some((n) => n.label === 'Actor' && n.props.id === 'vladimir-putin-db')).toBe(true);
  });
  it('every relationship endpoint exists and provenance offsets hold', () => {
    const d = seed('001');
    const batch = new Resolver().resolve(extract(d));
    const keys = new Set(batch.nodes.map((n) => `${n.label}:${n.props.id}`));
    for (const r of batch.rels) {
      expect(keys.has(`${r.from.label}:${r.from.id}`)).toBe(true);
      expect(keys.has(`${r.to.label}:${r.to.id}`)).toBe(true);
      if (r.type === 'MENTIONED_IN') expect(d.text.slice(r.props.start, r.props.end)).toBe(r.props.sentence);
    }
  });
});
