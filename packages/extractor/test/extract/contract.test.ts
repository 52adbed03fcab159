import fs from 'node:fs';
import path from 'node:path';
import { doc, extract, ROOT, seed } from './helpers';

describe('extract contract', () => {
  const docs = ['000', '001', '002'].map(seed);
  it('every piece of evidence points at its sentence in doc.text', () => {
    for (const d of docs) {
      const x = extract(d);
      const evs = [...x.actors.flatMap((a) => a.mentions), ...x.meetings.flatMap((m) => m.evidence), ...x.positions.map((p) => p.evidence)];
      expect(evs.length).toBeGreaterThan(0);
      for (const e of evs) expect(d.text.slice(e.start, e.end)).toBe(e.sentence);
      for (const e of x.explain) expect(e.end).toBeGreaterThan(e.start);
    }
  });
  it('is a pure function of the document', () => {
    const d = docs[0]!;
    expect(JSON.stringify(extract(d))).toBe(JSON.stringify(extract({ ...d })));
  });
  it('explains, sentence by sentence, what it found and by which rule', () => {
    const x = extract(docs[0]!);
    const rules = new Set(x.explain.map((e) => e.rule.split(' ')[0]));
    expect([...rules]).toEqual(expect.arrayContaining(['person', 'meeting-noun']));
    expect(x.explain.some((e) => /meeting \(held, in_person\) of .*Vladimir Putin.* on 2025-12-02 in Moscow/.test(e.found))).toBe(true);
  });
  it('survives odd input', () => {
    for (const t of ['', '\n\n', '“', 'A.', 'Mr. X said. . . ;;; — “”', 'WASHINGTON -'.repeat(50)]) expect(() => extract(doc(t))).not.toThrow();
  });
  it('knowledge files name their sources', () => {
    const dir = path.join(ROOT, 'data/knowledge');
    const readme = fs.readFileSync(path.join(dir, 'README.md'), 'utf8');
    for (const f of fs.readdirSync(dir).filter((f) => f !== 'README.md')) expect(readme).toContain(f);
  });
});
