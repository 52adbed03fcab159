/**
 * The measures of docs/gold-format.md on the real gold files: a perfect
 * extraction scores 1 everywhere, and each known perturbation moves exactly
 * the measure it should, by exactly what the definition gives.
 */
import path from 'node:path';
import type { GraphBatch } from '@kg/graph-schema';
import { listGoldFiles, loadGoldFolder } from '../../src/eval/gold-files';
import { mergeGold, type GoldSet } from '../../src/eval/gold-set';
import { formatReport } from '../../src/eval/report';
import { scoreGraph, type EvalFigures } from '../../src/eval/score';
import { REPO, SEEDS } from '../helpers';
import { copyGraph, meetingIdByPlace, perfectGraph } from './gold-graph';

const DATA_DEV = path.join(REPO, 'data/dev');

async function goldOf(dir: string): Promise<GoldSet> {
  const folder = await loadGoldFolder(dir, await listGoldFiles(dir));
  expect(folder.errors).toEqual([]);
  return mergeGold(folder.files);
}

/** Every figure that is a share or a ratio, by name. */
const ratios = (f: EvalFigures) => ({
  'persons P': f.persons.precision,
  'persons R': f.persons.recall,
  'persons F1': f.persons.f1,
  'met pairs P': f.met_pairs.precision,
  'met pairs R': f.met_pairs.recall,
  'met pairs F1': f.met_pairs.f1,
  'meetings recall': f.meetings.recall,
  'held recall': f.meetings.held_recall,
  'planned recall': f.meetings.planned_recall,
  'date accuracy': f.meetings.date_accuracy,
  'place accuracy': f.meetings.place_accuracy,
  'status accuracy': f.meetings.status_accuracy,
  'positions P': f.positions.precision,
  'positions R': f.positions.recall,
  'positions F1': f.positions.f1,
  'stance agreement': f.positions.stance_agreement,
});

describe.each([
  ['data/dev', DATA_DEV],
  ['data/seeds', SEEDS],
])('%s: the gold files as a predicted graph', (_name, dir) => {
  test('score 1.000 on every measure', async () => {
    const r = scoreGraph(await goldOf(dir), perfectGraph(dir));
    for (const [measure, value] of Object.entries(ratios(r.figures))) expect([measure, value]).toEqual([measure, 1]);
    expect(formatReport(r)).toMatch(/^score: persons_f1=1\.000 met_pairs_f1=1\.000 meetings_recall=1\.000 date_acc=1\.000 positions_f1=1\.000$/m);
  });
});

describe('data/seeds: known perturbations move exactly their measure', () => {
  let gold: GoldSet;
  let perfect: GraphBatch;
  let base: EvalFigures;
  beforeAll(async () => {
    gold = await goldOf(SEEDS);
    perfect = perfectGraph(SEEDS);
    base = scoreGraph(gold, perfect).figures;
  });

  /** The figures that differ from the perfect score's, by name. */
  const moved = (f: EvalFigures) => Object.fromEntries(Object.entries(ratios(f)).filter(([k, v]) => v !== ratios(base)[k as keyof ReturnType<typeof ratios>]));

  test('dropping a named participant loses exactly the pairs only that meeting gave; the meeting is still found', () => {
    const g = copyGraph(perfect);
    const kremlin = meetingIdByPlace(g, 'Moscow');
    g.rels = g.rels.filter((r) => !(r.type === 'ATTENDED' && r.from.id === 'dmitriev' && r.to.id === kremlin));
    const r = scoreGraph(gold, g);
    // held gold meetings: Kremlin (putin, witkoff, kushner, dmitriev) = 6 pairs, Beijing (macron, xi) = 1, Russia–Ukraine = 1
    expect(base.met_pairs).toMatchObject({ tp: 8, fp: 0, fn: 0 });
    expect(r.figures.met_pairs).toMatchObject({ tp: 5, fp: 0, fn: 3, precision: 1, recall: 5 / 8 });
    expect(r.figures.met_pairs.f1).toBeCloseTo((2 * (5 / 8)) / (1 + 5 / 8), 12);
    expect(Object.keys(moved(r.figures)).sort()).toEqual(['met pairs F1', 'met pairs R']);
    expect(r.errors.pairs.missed.sort()).toEqual(['dmitriev + kushner', 'dmitriev + putin', 'dmitriev + witkoff']);
  });

  test('a wrong date on one meeting lowers date accuracy by one dated meeting, nothing else', () => {
    const g = copyGraph(perfect);
    const kremlin = g.nodes.find((n) => n.label === 'Meeting' && n.props.place === 'Moscow')!;
    if (kremlin.label === 'Meeting') kremlin.props.date = '2025-12-03';
    const dated = [...gold.meetings.values()].filter((m) => m.date).length;
    const r = scoreGraph(gold, g);
    expect(moved(r.figures)).toEqual({ 'date accuracy': (dated - 1) / dated });
    expect(r.errors.meetings.wrongDates).toEqual([{ key: 'kremlin-2025-12-02', gold: '2025-12-02', predicted: '2025-12-03' }]);
    expect(formatReport(r, { verbose: true })).toContain('wrong date: kremlin-2025-12-02 gold 2025-12-02 predicted 2025-12-03');
  });

  test('a person extracted twice is one false positive: persons precision n/(n+1), recall unchanged', () => {
    const g = copyGraph(perfect);
    g.nodes.push({ label: 'Actor', props: { id: 'vladimir-putin-2', name: 'Vladimir Putin', kind: 'person', aliases: ['Putin'], roles: [] } });
    const r = scoreGraph(gold, g);
    const n = base.persons.tp;
    expect(r.figures.persons).toMatchObject({ tp: n, fp: 1, fn: 0, precision: n / (n + 1), recall: 1 });
    expect(Object.keys(moved(r.figures)).sort()).toEqual(['persons F1', 'persons P']);
    expect(r.errors.persons.spurious).toEqual(['Vladimir Putin (duplicate of putin)']);
  });

  test('a group extracted as a person is a false positive person, named as such', () => {
    const g = copyGraph(perfect);
    g.nodes.push({ label: 'Actor', props: { id: 'eu-person', name: 'EU', kind: 'person', aliases: [], roles: [] } });
    const r = scoreGraph(gold, g);
    expect(r.figures.persons).toMatchObject({ tp: base.persons.tp, fp: 1, fn: 0 });
    expect(r.errors.persons.spurious).toEqual(['EU (matches europe, not a person in the gold)']);
  });

  test('a position given to another holder is both missed and spurious: tp − 1, fp + 1, fn + 1', () => {
    const g = copyGraph(perfect);
    const holds = g.rels.find((r) => r.type === 'HOLDS' && r.from.id === 'putin' && statementOf(g, r.to.id) === 'amendment')!;
    holds.from = { label: 'Actor', id: 'kushner' };
    const r = scoreGraph(gold, g);
    const { tp, fp, fn } = base.positions;
    expect(r.figures.positions).toMatchObject({ tp: tp - 1, fp: fp + 1, fn: fn + 1 });
    expect(Object.keys(moved(r.figures)).sort()).toEqual(['positions F1', 'positions P', 'positions R']);
    expect(r.errors.positions.missed.map((p) => `${p.holder} ${p.stance} ${p.keywords.join('/')}`)).toEqual(['putin opposes amendment']);
  });

  test('a position with the wrong stance still matches, and only stance agreement moves', () => {
    const g = copyGraph(perfect);
    const pos = g.nodes.find((n) => n.label === 'Position' && n.props.statement === 'amendment')!;
    if (pos.label === 'Position') pos.props.stance = 'supports';
    const required = base.positions.tp;
    expect(moved(scoreGraph(gold, g).figures)).toEqual({ 'stance agreement': (required - 1) / required });
  });

  test('an optional participant, found or not, neither adds nor takes a pair', () => {
    const g = copyGraph(perfect);
    g.rels.push({ type: 'ATTENDED', from: { label: 'Actor', id: 'ushakov' }, to: { label: 'Meeting', id: meetingIdByPlace(g, 'Moscow') }, props: {} });
    expect(scoreGraph(gold, g).figures).toEqual(base);
  });

  test('a byline name in the gold ignore list, extracted as a person, is neither rewarded nor penalised', () => {
    const g = copyGraph(perfect);
    g.nodes.push({ label: 'Actor', props: { id: 'rajesh-pande', name: 'Rajesh Pande', kind: 'person', aliases: [], roles: [] } });
    g.nodes.push({ label: 'Actor', props: { id: 'pande', name: 'Mr Pande', kind: 'person', aliases: [], roles: [] } });
    expect(scoreGraph(gold, g).figures).toEqual(base);
  });

  test('a planned meeting extracted as held: status accuracy drops by one, and its new pairs are spurious', () => {
    const g = copyGraph(perfect);
    const miami = g.nodes.find((n) => n.label === 'Meeting' && n.props.place === 'Miami')!;
    if (miami.label === 'Meeting') miami.props.status = 'held';
    const r = scoreGraph(gold, g);
    const aligned = [...gold.meetings.values()].length;
    expect(moved(r.figures)).toMatchObject({ 'status accuracy': (aligned - 1) / aligned, 'met pairs P': 8 / 10 });
    // witkoff + kushner met at the Kremlin too: only the pairs with umerov are new
    expect(r.errors.pairs.spurious.sort()).toEqual(['kushner + umerov', 'umerov + witkoff']);
  });
});

function statementOf(g: GraphBatch, positionId: string): string | undefined {
  const n = g.nodes.find((x) => x.label === 'Position' && x.props.id === positionId);
  return n?.label === 'Position' ? n.props.statement : undefined;
}
