import Graph from 'graphology';
import { GRAPH_OPTIONS } from '@kg/graph-schema';
import { normalize, scoreActor } from '../src/shared/actor-match';
import { meetingChain } from '../src/shared/chain';
import { luceneQuery } from '../src/server/neo4j-source';
import { dateExtent, defaultFilters, nodePasses, projectionEdgePasses } from '../src/web/filters';
import { buildProjection } from '../src/web/projection';
import { decodeState, defaultState, encodeState } from '../src/web/url-state';
import { diplomacyFixture } from './fixtures/diplomacy';

const fixture = () => {
  const g = new Graph(GRAPH_OPTIONS);
  g.import(diplomacyFixture() as never);
  return g;
};

describe('projection (who met whom)', () => {
  const p = buildProjection(fixture());
  test('links actors who attended the same meeting, weighted by meetings together', () => {
    const e = p.edge('Actor:vladimir-putin', 'Actor:steve-witkoff');
    expect(e).toBeDefined();
    expect(p.getEdgeAttribute(e!, 'weight')).toBe(1);
    const wk = p.edge('Actor:steve-witkoff', 'Actor:jared-kushner')!;
    expect(p.getEdgeAttribute(wk, 'weight')).toBe(2);
    // In date order, with the place from the meeting.
    expect(p.getEdgeAttribute(wk, 'meetings').map((m) => [m.date, m.place])).toEqual([
      ['2025-11-30', 'Miami'],
      ['2025-12-02', 'Moscow'],
    ]);
  });
  test('is undirected, actors only, and leaves out actors with no meeting', () => {
    expect(p.type).toBe('undirected');
    p.forEachNode((_, a) => expect(a.label).toBe('Actor'));
    expect(p.hasNode('Actor:russia')).toBe(false);
    expect(p.hasEdge('Actor:vladimir-putin', 'Actor:rustem-umerov')).toBe(false);
  });
  test('a meeting with n attendees gives n(n-1)/2 links', () => {
    let kremlin = 0;
    p.forEachEdge((_, a) => (kremlin += a.meetings.some((m) => m.key === 'Meeting:kremlin-2025-12-02') ? 1 : 0));
    expect(kremlin).toBe(10);
  });
});

describe('filters', () => {
  const g = fixture();
  const visible = (f = defaultFilters()) => g.filterNodes((_, a) => nodePasses(a, f));
  test('articles are hidden by default, everything else shown', () => {
    expect(visible()).not.toContain('Article:a1');
    expect(visible()).toHaveLength(g.order - 1);
  });
  test('by label, actor kind and meeting status', () => {
    const f = defaultFilters();
    f.kinds.delete('country');
    f.statuses.delete('planned');
    f.labels.delete('Place');
    const v = visible(f);
    expect(v).not.toContain('Actor:russia');
    expect(v).not.toContain('Meeting:miami-2025-12-04');
    expect(v).not.toContain('Place:moscow');
    expect(v).toContain('Actor:vladimir-putin');
  });
  test('date range hides meetings outside it; undated ones follow the "undated" switch', () => {
    const f = { ...defaultFilters(), from: '2025-12-01', to: '2025-12-03' };
    const v = visible(f);
    expect(v).toContain('Meeting:kremlin-2025-12-02');
    expect(v).not.toContain('Meeting:miami-2025-11-30');
    expect(v).not.toContain('Meeting:miami-2025-12-04');
    expect(v).toContain('Meeting:call-undated');
    expect(visible({ ...f, undated: false })).not.toContain('Meeting:call-undated');
    // With no range set, undated meetings always show.
    expect(visible({ ...defaultFilters(), undated: false })).toContain('Meeting:call-undated');
  });
  test('a projection edge shows while one of its meetings passes', () => {
    const f = { ...defaultFilters(), from: '2025-12-01' };
    expect(projectionEdgePasses([{ status: 'held', date: '2025-11-30' }], f)).toBe(false);
    expect(projectionEdgePasses([{ status: 'held', date: '2025-11-30' }, { status: 'held', date: '2025-12-02' }], f)).toBe(true);
  });
  test('date extent ignores undated meetings', () => {
    expect(dateExtent(['2025-12-04', null, '2025-11-30', undefined])).toEqual({ min: '2025-11-30', max: '2025-12-04' });
    expect(dateExtent([null])).toBeUndefined();
  });
});

describe('url state', () => {
  test('the default view is an empty hash', () => expect(encodeState(defaultState())).toBe(''));
  test('round-trips view, selection, chain and filters', () => {
    const s = defaultState();
    s.view = 'projection';
    s.selected = 'Actor:vladimir-putin';
    s.chain = ['Actor:vladimir-putin', 'Actor:rustem-umerov'];
    s.filters.labels.add('Article');
    s.filters.kinds.delete('group');
    s.filters.statuses = new Set(['held']);
    s.filters.from = '2025-12-01';
    s.filters.to = '2025-12-31';
    s.filters.undated = false;
    const back = decodeState(`#${encodeState(s)}`);
    expect(back).toEqual(s);
  });
  test('keys with odd characters survive', () => {
    const s = { ...defaultState(), selected: 'Actor:al-sīsī & co|x' };
    expect(decodeState(encodeState(s)).selected).toBe(s.selected);
  });
  test('garbage falls back to defaults', () => {
    const s = decodeState('#view=weird&labels=Actor,Bogus&from=2025-02-30&to=yesterday&kinds=');
    expect(s.view).toBe('full');
    expect([...s.filters.labels]).toEqual(['Actor']);
    expect(s.filters.from).toBeUndefined();
    expect(s.filters.to).toBeUndefined();
    expect(s.filters.kinds.size).toBe(0);
  });
});

describe('actor matching', () => {
  test('ignores case and accents, matches word prefixes and aliases', () => {
    const putin = { name: 'Vladimir Putin', aliases: ['Putin'] };
    expect(scoreActor(putin, normalize('putin'))).toBeGreaterThan(0);
    expect(scoreActor(putin, normalize('vlad put'))).toBeGreaterThan(0);
    expect(scoreActor({ name: 'Sergeï Lavrov' }, normalize('sergei'))).toBeGreaterThan(0);
    expect(scoreActor(putin, normalize('lavrov'))).toBe(0);
    expect(scoreActor({ name: 'Putin' }, 'putin')).toBeGreaterThan(scoreActor({ name: 'Putina Street' }, 'putin'));
  });
  test('Lucene special characters are escaped for the full-text index', () => {
    expect(luceneQuery('Al-Sisi (Egypt)')).toBe('(Al\\-Sisi OR Al\\-Sisi*) AND (\\(Egypt\\) OR \\(Egypt\\)*)');
    expect(luceneQuery('  ')).toBe('');
  });
});

describe('meeting chain', () => {
  const g = fixture();
  test('goes actor → meeting → actor over ATTENDED only', () => {
    const path = meetingChain(g, 'Actor:vladimir-putin', 'Actor:volodymyr-zelenskyy', 6);
    expect(path).toHaveLength(7);
    expect(path.map((k) => k.split(':')[0])).toEqual(['Actor', 'Meeting', 'Actor', 'Meeting', 'Actor', 'Meeting', 'Actor']);
    expect(path[0]).toBe('Actor:vladimir-putin');
    expect(path.slice(3)).toEqual(['Meeting:miami-2025-11-30', 'Actor:rustem-umerov', 'Meeting:call-undated', 'Actor:volodymyr-zelenskyy']);
    for (let i = 1; i < path.length; i++) expect(g.areNeighbors(path[i - 1]!, path[i]!)).toBe(true);
  });
  test('is empty when no chain exists or it is too long', () => {
    expect(meetingChain(g, 'Actor:vladimir-putin', 'Actor:russia', 6)).toEqual([]);
    expect(meetingChain(g, 'Actor:vladimir-putin', 'Actor:volodymyr-zelenskyy', 2)).toEqual([]);
  });
});
