/**
 * Malformed gold files, in a copy of data/dev: each is reported with its
 * file, line and field and left out; the other gold files still count.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { listGoldFiles, loadGoldFolder, type GoldFolder } from '../../src/eval/gold-files';
import { REPO } from '../helpers';

const DATA_DEV = path.join(REPO, 'data/dev');

/** Rewrites one line of a gold file, checking first that the line is the one meant. */
function editLine(file: string, line: number, expected: RegExp, edit: (s: string) => string): void {
  const lines = readFileSync(file, 'utf8').split('\n');
  expect(lines[line - 1]).toMatch(expected);
  lines[line - 1] = edit(lines[line - 1]!);
  writeFileSync(file, lines.join('\n'));
}

let dir: string;
let folder: GoldFolder;
let total: number;
beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'kg-gold-'));
  cpSync(DATA_DEV, dir, { recursive: true });
  const at = (f: string) => path.join(dir, f);
  // a comma lost at the end of line 2
  editLine(at('a002.gold.json'), 2, /^ {2}"article": "a002\.txt",$/, (s) => s.replace(/,$/, ''));
  // a stance outside the five
  editLine(at('a003.gold.json'), 21, /"holder": "turkey", "stance": "opposes"/, (s) => s.replace('"opposes"', '"rejects"'));
  // a meeting without its participants
  const a004 = JSON.parse(readFileSync(at('a004.gold.json'), 'utf8'));
  delete a004.meetings[0].participants;
  writeFileSync(at('a004.gold.json'), JSON.stringify(a004, null, 2));
  // a participant id that is no actor of the file: usable, but suspicious
  const a005 = JSON.parse(readFileSync(at('a005.gold.json'), 'utf8'));
  a005.meetings[0].participants.push('zelenksy');
  writeFileSync(at('a005.gold.json'), JSON.stringify(a005, null, 2));
  const names = await listGoldFiles(dir);
  total = names.length;
  folder = await loadGoldFolder(dir, names);
});

test('each malformed file is skipped and the others still count', () => {
  expect(folder.skipped).toBe(3);
  expect(folder.files).toHaveLength(total - 3);
  expect(folder.files.map((f) => f.name)).not.toEqual(expect.arrayContaining(['a002.gold.json']));
  expect(folder.files.map((f) => f.name)).toContain('a005.gold.json');
});

test('broken JSON is reported at its line', () => {
  expect(folder.errors).toContainEqual({ path: path.join(dir, 'a002.gold.json'), line: 3, message: expect.stringMatching(/^not valid JSON: expected "," between items/) });
});

test('a value outside the format names the field and its line', () => {
  const e = folder.errors.find((p) => p.path.endsWith('a003.gold.json'));
  expect(e).toMatchObject({ line: 21, message: expect.stringMatching(/^positions\[1\]\.stance: .*"supports"/) });
});

test('a missing field is reported at the object that lacks it', () => {
  const e = folder.errors.find((p) => p.path.endsWith('a004.gold.json'))!;
  expect(e.message).toMatch(/^meetings\[0\]\.participants: /);
  const lines = readFileSync(path.join(dir, 'a004.gold.json'), 'utf8').split('\n');
  expect(lines[e.line! - 1]).toMatch(/^ {4}\{$/); // the meeting's opening brace
  expect(lines.slice(e.line! - 3, e.line!).join('\n')).toMatch(/"meetings": \[/);
});

test('an unknown actor id is a warning naming the field; the file counts', () => {
  expect(folder.warnings).toEqual([
    { path: path.join(dir, 'a005.gold.json'), line: expect.any(Number), message: expect.stringMatching(/^meetings\[0\]\.participants\[\d+\]: "zelenksy" is not one of this file's actors$/) },
  ]);
  const lines = readFileSync(path.join(dir, 'a005.gold.json'), 'utf8').split('\n');
  expect(lines[folder.warnings[0]!.line! - 1]).toContain('"zelenksy"');
});
