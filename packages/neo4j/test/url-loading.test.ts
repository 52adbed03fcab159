/**
 * The text check of url-loading.ts: what it finds however the query is
 * spelled, and what it lets through. The attacks themselves, against the
 * real Neo4j, are in security/url-loading.neo4j.test.ts and old-home.test.ts.
 */
import { EXAMPLE_QUERIES } from '@kg/export/examples';
import { findUrlLoading } from '../src';

const URL = 'http://127.0.0.1:8080/x.csv';

describe('findUrlLoading finds LOAD CSV', () => {
  test.each([
    ['plain', `LOAD CSV FROM '${URL}' AS row RETURN row`],
    ['lower case', `load csv from '${URL}' as row return row`],
    ['mixed case', `LoAd CsV WITH HEADERS FROM '${URL}' AS row RETURN row`],
    ['after other clauses', `MATCH (a:Actor) WITH a LIMIT 1 LOAD CSV FROM '${URL}' AS row RETURN a, row`],
    ['in a subquery', `CALL { LOAD CSV FROM '${URL}' AS row RETURN row } RETURN row`],
    ['split by newlines and tabs', `LOAD\n\t\r\nCSV FROM '${URL}' AS row RETURN row`],
    ['split by a block comment', `LOAD/* nothing here */CSV FROM '${URL}' AS row RETURN row`],
    ['split by a line comment', `LOAD // a comment\nCSV FROM '${URL}' AS row RETURN row`],
    ['split by Unicode spaces', `LOAD\u00a0\u2003\u2028CSV FROM '${URL}' AS row RETURN row`],
    ['split by a zero-width space', `LOAD\u200bCSV FROM '${URL}' AS row RETURN row`],
    ['the URL in a parameter', 'LOAD CSV FROM $u AS row RETURN row'],
    ['after USING PERIODIC COMMIT', `USING PERIODIC COMMIT 10 LOAD CSV FROM '${URL}' AS row RETURN row`],
  ])('%s', (_, q) => expect(findUrlLoading(q)).toBe('LOAD CSV'));
});

describe('findUrlLoading finds APOC loaders, and the procedures that run text as Cypher', () => {
  test.each([
    ['apoc.load.json', `CALL apoc.load.json('${URL}') YIELD value RETURN value`, 'apoc.load.json'],
    ['upper case', `CALL APOC.LOAD.JSON('${URL}') YIELD value RETURN value`, 'APOC.LOAD.JSON'],
    ['backquoted parts', `CALL \`apoc\`.\`load\`.\`json\`('${URL}') YIELD value RETURN value`, 'apoc.load.json'],
    ['one backquoted name', `CALL \`apoc.load.json\`('${URL}') YIELD value RETURN value`, 'apoc.load.json'],
    ['spaces and comments around the dots', `CALL apoc /* x */ . load\n.csv('${URL}', {}) YIELD map RETURN map`, 'apoc.load.csv'],
    ['apoc.load.jsonParams', `CALL apoc.load.jsonParams('${URL}', {}, null) YIELD value RETURN value`, 'apoc.load.jsonParams'],
    ['apoc.import.csv', `CALL apoc.import.csv([{fileName: '${URL}', labels: ['X']}], [], {})`, 'apoc.import.csv'],
    ['apoc.import.graphml', `CALL apoc.import.graphml('${URL}', {})`, 'apoc.import.graphml'],
    ['apoc.export to a file', "CALL apoc.export.csv.all('out.csv', {})", 'apoc.export.csv.all'],
    ['apoc.bolt to another server', "CALL apoc.bolt.load('bolt://10.0.0.1', 'MATCH (n) RETURN n', {})", 'apoc.bolt.load'],
    ['apoc.cypher.run', "CALL apoc.cypher.run('RETURN 1', {}) YIELD value RETURN value", 'apoc.cypher.run'],
    ['apoc.cypher.runFirstColumnSingle as a function', "RETURN apoc.cypher.runFirstColumnSingle('RETURN 1', {})", 'apoc.cypher.runFirstColumnSingle'],
    ['apoc.periodic.iterate', "CALL apoc.periodic.iterate('RETURN 1', 'RETURN 1', {})", 'apoc.periodic.iterate'],
    ['apoc.when', "CALL apoc.when(true, 'RETURN 1 AS x', '', {}) YIELD value RETURN value", 'apoc.when'],
    ['GDS Cypher projection', "CALL gds.graph.project.cypher('g', 'MATCH (n) RETURN id(n) AS id', 'RETURN 1 AS source, 1 AS target')", 'gds.graph.project.cypher'],
  ])('%s', (_, q, found) => expect(findUrlLoading(q)).toBe(found));
});

describe('text that a procedure could run as a query is searched too (the safe side)', () => {
  test.each([
    ['in a single-quoted string', "RETURN 'LOAD CSV FROM \"http://x\" AS r RETURN r' AS s"],
    ['in a double-quoted string', 'RETURN "load csv from \'http://x\' as r return r" AS s'],
    ['spelled with Unicode escapes in a string', "RETURN 'LOAD \\u0043SV FROM \"http://x\" AS r' AS s"],
    ['in a string in a string', "RETURN 'CALL x(\\'LOAD CSV FROM y\\')' AS s"],
    ['in a comment', 'MATCH (n) // LOAD CSV FROM somewhere\nRETURN n'],
  ])('%s', (_, q) => expect(findUrlLoading(q)).toBe('LOAD CSV'));

  test('string parameters, in lists and maps as well', () => {
    expect(findUrlLoading('RETURN $q', { q: 'LOAD CSV FROM "http://x" AS r RETURN r' })).toBe('LOAD CSV');
    expect(findUrlLoading('RETURN $q', { q: ['ok', { deep: 'CALL apoc.load.json("http://x")' }] })).toBe('apoc.load.json');
  });
});

describe('findUrlLoading lets ordinary queries through', () => {
  test.each([
    ['a match', "MATCH (a:Actor) WHERE a.name CONTAINS 'Putin' RETURN a.name, a.kind LIMIT 5"],
    ['words that merely start like the keywords', 'MATCH (n) WITH n.loaded AS loaded, n.csvName AS csv RETURN loaded, csv'],
    ['a variable named load, then csv after a comma', 'UNWIND [1, 2] AS load WITH load, 3 AS csv RETURN load, csv'],
    ['a property called load', 'MATCH (n) RETURN n.load AS load ORDER BY load'],
    ['other APOC', "RETURN apoc.text.join(['a', 'b'], ',') AS s"],
    ['a db procedure', "CALL db.index.fulltext.queryNodes('actor_names', 'Putin') YIELD node RETURN node.name"],
    ['a string that only mentions loading', "MATCH (p:Position) WHERE p.statement CONTAINS 'load' RETURN p"],
  ])('%s', (_, q) => expect(findUrlLoading(q)).toBeUndefined());

  test("every example query of kg query --list-examples and the console's examples", () => {
    for (const ex of EXAMPLE_QUERIES) expect([ex.name, findUrlLoading(ex.cypher)]).toEqual([ex.name, undefined]);
  });
});
