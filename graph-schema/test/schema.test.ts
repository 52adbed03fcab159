import { Actor, Meeting, IsoDate, parseRel, parseSerializedGraph, createGraph, addBatch, nodeKey } from '@kg/graph-schema';

describe('node schemas', () => {
  test('an actor needs a name and a known kind; lists default to empty', () => {
    expect(Actor.parse({ id: 'putin', name: 'Vladimir Putin', kind: 'person' })).toEqual({
      id: 'putin',
      name: 'Vladimir Putin',
      kind: 'person',
      aliases: [],
      roles: [],
    });
    expect(() => Actor.parse({ id: 'x', name: '', kind: 'person' })).toThrow();
    expect(() => Actor.parse({ id: 'x', name: 'X', kind: 'alien' })).toThrow();
  });

  test('dates must exist on the calendar', () => {
    expect(IsoDate.safeParse('2025-12-02').success).toBe(true);
    expect(IsoDate.safeParse('2025-02-30').success).toBe(false);
    expect(IsoDate.safeParse('2 Dec 2025').success).toBe(false);
  });

  test('a meeting keeps an unresolved date as null with its words', () => {
    const m = Meeting.parse({ id: 'm1', date: null, dateText: 'late Tuesday', status: 'held', mode: 'in_person' });
    expect(m.date).toBeNull();
    expect(() => Meeting.parse({ id: 'm1', date: null, dateText: '', status: 'happened', mode: 'in_person' })).toThrow();
  });
});

describe('relationships', () => {
  test('endpoints must have the labels the type allows', () => {
    expect(() => parseRel({ type: 'ATTENDED', from: { label: 'Meeting', id: 'm' }, to: { label: 'Actor', id: 'a' } })).toThrow(/cannot go from Meeting/);
    expect(parseRel({ type: 'ATTENDED', from: { label: 'Actor', id: 'a' }, to: { label: 'Meeting', id: 'm' }, props: { role: 'host' } }).props).toEqual({ role: 'host' });
  });

  test('provenance needs the sentence and its offsets', () => {
    expect(() => parseRel({ type: 'MENTIONED_IN', from: { label: 'Actor', id: 'a' }, to: { label: 'Article', id: 'x' }, props: { sentence: 's' } })).toThrow();
  });
});

describe('export format', () => {
  const batch = {
    nodes: [
      { label: 'Actor' as const, props: { id: 'putin', name: 'Vladimir Putin', kind: 'person' as const, aliases: ['Putin'], roles: ['President'] } },
      { label: 'Meeting' as const, props: { id: 'm1', date: '2025-12-02', dateText: 'Tuesday', status: 'held' as const, mode: 'in_person' as const } },
    ],
    rels: [{ type: 'ATTENDED' as const, from: { label: 'Actor' as const, id: 'putin' }, to: { label: 'Meeting' as const, id: 'm1' }, props: {} }],
  };

  test('graph.export() carries label and type as attributes, and reads back to the same records', () => {
    const g = createGraph();
    addBatch(g, batch);
    const data = JSON.parse(JSON.stringify(g.export()));
    expect(data.nodes.find((n: { key: string }) => n.key === nodeKey('Actor', 'putin')).attributes.label).toBe('Actor');
    expect(data.edges[0].attributes.type).toBe('ATTENDED');
    const back = parseSerializedGraph(data);
    expect(back.nodes).toEqual(batch.nodes);
    expect(back.rels).toEqual(batch.rels);
  });

  test('the same node added twice merges: aliases unite, held wins over planned', () => {
    const g = createGraph();
    addBatch(g, batch);
    addBatch(g, {
      nodes: [
        { label: 'Actor', props: { id: 'putin', name: 'Putin', kind: 'person', aliases: ['Vladimir Putin'], roles: [] } },
        { label: 'Meeting', props: { id: 'm1', date: null, dateText: '', status: 'planned', mode: 'call' } },
      ],
      rels: batch.rels,
    });
    expect(g.getNodeAttribute(nodeKey('Actor', 'putin'), 'aliases')).toEqual(['Putin', 'Vladimir Putin']);
    expect(g.getNodeAttribute(nodeKey('Actor', 'putin'), 'name')).toBe('Vladimir Putin');
    expect(g.getNodeAttribute(nodeKey('Meeting', 'm1'), 'status')).toBe('held');
    expect(g.size).toBe(1);
  });

  test('a file that breaks the schema is refused with the node key', () => {
    expect(() =>
      parseSerializedGraph({ nodes: [{ key: 'Actor:x', attributes: { label: 'Actor', id: 'x', kind: 'person' } }], edges: [] }),
    ).toThrow(/node Actor:x: name/);
  });
});
