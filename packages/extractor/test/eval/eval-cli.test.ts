/**
 * `kg eval` as a user runs it: a real child process on the dev articles kept
 * in data/dev. Figures are checked for shape, never for the extractor's
 * current values (extraction changes); exact values come from graphs whose
 * score the definitions fix.
 */
import { cpSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { addBatch, createGraph, type GraphBatch } from '@kg/graph-schema';
import { runKg } from '../faults/kg-process';
import { REPO, SEEDS } from '../helpers';
import { copyGraph, perfectGraph } from './gold-graph';

jest.setTimeout(180_000);

const DATA_DEV = path.join(REPO, 'data/dev');
const devGoldFiles = readdirSync(DATA_DEV).filter((f) => f.endsWith('.gold.json')).length;
const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'kg-eval-'));
const FIG = String.raw`(\d\.\d{3})`;

function writeGraph(batch: GraphBatch): string {
  const graph = createGraph();
  addBatch(graph, batch);
  const file = path.join(tmp(), 'graph.json');
  writeFileSync(file, JSON.stringify(graph.export()));
  return file;
}

test('kg eval --gold data/dev extracts the dev articles and prints the five measures', async () => {
  const r = await runKg(['eval', '--gold', DATA_DEV], {});
  expect(r.code).toBe(0);
  expect(r.stderr).toMatch(new RegExp(`^\\d+ articles read, 0 skipped, 0 failed, ${devGoldFiles} gold annotation files set aside in `, 'm'));
  const out = r.stdout.split('\n');
  expect(out[0]).toMatch(new RegExp(`^gold files: ${devGoldFiles} {3}predicted: \\d+ actors, \\d+ meetings, \\d+ positions$`));
  expect(out[1]).toMatch(new RegExp(`^persons {4}P ${FIG} {2}R ${FIG} {2}F1 ${FIG} {3}\\(tp \\d+ fp \\d+ fn \\d+\\)$`));
  expect(out[2]).toMatch(new RegExp(`^met pairs {2}P ${FIG} {2}R ${FIG} {2}F1 ${FIG} {3}\\(tp \\d+ fp \\d+ fn \\d+\\)$`));
  expect(out[3]).toMatch(new RegExp(`^meetings {3}recall ${FIG} \\(held ${FIG}, planned ${FIG}\\) {2}date ${FIG} {2}place ${FIG} {2}status ${FIG}$`));
  expect(out[4]).toMatch(new RegExp(`^positions {2}P ${FIG} {2}R ${FIG} {2}F1 ${FIG} {3}stance agreement ${FIG}$`));
  expect(out[5]).toMatch(new RegExp(`^score: persons_f1=${FIG} met_pairs_f1=${FIG} meetings_recall=${FIG} date_acc=${FIG} positions_f1=${FIG}$`));
});

test('--json gives every figure; --verbose lists the errors item by item', async () => {
  const json = await runKg(['eval', '--gold', SEEDS, '--json'], {});
  expect(json.code).toBe(0);
  const figures = JSON.parse(json.stdout);
  expect(Object.keys(figures)).toEqual(['gold_files', 'gold_files_skipped', 'persons', 'met_pairs', 'meetings', 'positions']);
  expect(figures).toMatchObject({ gold_files: 3, gold_files_skipped: 0 });
  for (const m of ['persons', 'met_pairs', 'positions']) expect(Object.keys(figures[m])).toEqual(expect.arrayContaining(['tp', 'fp', 'fn', 'precision', 'recall', 'f1']));
  expect(Object.keys(figures.meetings)).toEqual(['gold', 'predicted', 'recall', 'held_recall', 'planned_recall', 'date_accuracy', 'place_accuracy', 'status_accuracy']);

  const verbose = await runKg(['eval', '--gold', SEEDS, '--verbose'], {});
  expect(verbose.code).toBe(0);
  for (const heading of ['missed persons', 'spurious persons', 'missed met pairs', 'spurious met pairs', 'missed meetings', 'missed positions'])
    expect(verbose.stdout).toMatch(new RegExp(`^${heading}: `, 'm'));
});

test('--graph scores a graph file: the gold as a graph is 1.000, one moved position is not', async () => {
  const perfect = perfectGraph(SEEDS);
  const r = await runKg(['eval', '--gold', SEEDS, '--graph', writeGraph(perfect)], {});
  expect(r.code).toBe(0);
  expect(r.stdout).toMatch(/^score: persons_f1=1\.000 met_pairs_f1=1\.000 meetings_recall=1\.000 date_acc=1\.000 positions_f1=1\.000$/m);

  const moved = copyGraph(perfect);
  const holds = moved.rels.find((x) => x.type === 'HOLDS' && x.from.id === 'putin')!;
  holds.from = { label: 'Actor', id: 'kushner' };
  const v = await runKg(['eval', '--gold', SEEDS, '--graph', writeGraph(moved), '--verbose'], {});
  expect(v.stdout).toMatch(/^missed positions: putin opposes \[amendment\] \(000_e6dca36353031d00\.gold\.json\)$/m);
  expect(v.stdout).toMatch(/positions_f1=0\.\d{3}$/m);
});

test('articles given on the command line are extracted instead of the gold folder', async () => {
  const r = await runKg(['eval', path.join(SEEDS, '002_54de3e4b6e1e5dfc.txt'), '--gold', SEEDS, '--published', '2022-03-22'], {});
  expect(r.code).toBe(0);
  expect(r.stderr).toMatch(/^1 article read, /m);
  expect(r.stdout).toMatch(/^gold files: 3 /m);
});

test('malformed gold files are named with their line, the others are scored, and the exit code is 1', async () => {
  const dir = tmp();
  cpSync(SEEDS, dir, { recursive: true });
  writeFileSync(path.join(dir, '001_e9759e2c7415316b.gold.json'), '{"article": "001_e9759e2c7415316b.txt",\n "actors": [}\n');
  const r = await runKg(['eval', '--gold', dir, '--graph', writeGraph(perfectGraph(SEEDS))], {});
  expect(r.code).toBe(1);
  expect(r.stderr).toContain(`error: ${path.join(dir, '001_e9759e2c7415316b.gold.json')}:2: not valid JSON`);
  expect(r.stderr).toMatch(/gold: 1 of 3 gold files skipped as malformed; the score counts the other 2/);
  expect(r.stdout).toMatch(/^gold files: 2 /m);
  expect(r.stdout).toMatch(/^score: /m);
});

test('a folder kept AGGREGATE-ONLY prints its figures but refuses --verbose', async () => {
  const dir = tmp();
  cpSync(SEEDS, dir, { recursive: true });
  writeFileSync(path.join(dir, 'AGGREGATE-ONLY'), 'for measuring generalization\n');
  const graph = writeGraph(perfectGraph(SEEDS));
  const refused = await runKg(['eval', '--gold', dir, '--graph', graph, '--verbose'], {});
  expect(refused.code).toBe(2);
  expect(refused.stderr).toMatch(/is aggregate-only: its figures are printed, its errors are not/);
  expect(refused.stdout).toBe('');
  const figures = await runKg(['eval', '--gold', dir, '--graph', graph], {});
  expect(figures.code).toBe(0);
  expect(figures.stdout).toMatch(/^score: /m);
  expect(figures.stdout).not.toMatch(/missed/);
});

test.each([
  [['eval'], /needs --gold DIR/],
  [['eval', '--gold', '/nonexistent/kg-gold'], /--gold \/nonexistent\/kg-gold: no such folder/],
  [['eval', '--gold', path.join(REPO, 'data/knowledge')], /no \*\.gold\.json in /],
  [['eval', SEEDS, '--gold', SEEDS, '--graph', 'g.json'], /either articles to extract or --graph FILE, not both/],
])('usage errors exit 2: kg %j', async (args, message) => {
  const r = await runKg(args, {});
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(message);
});

test('a graph file that is not one names the file and exits 1', async () => {
  const file = path.join(tmp(), 'not-a-graph.json');
  writeFileSync(file, JSON.stringify({ nodes: [{ key: 'x', attributes: { label: 'Person' } }], edges: [] }));
  const r = await runKg(['eval', '--gold', SEEDS, '--graph', file], {});
  expect(r.code).toBe(1);
  expect(r.stderr).toContain(`${file}: not a kg graph file: nodes[0].attributes.label`);
});
