import { mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readArticles, type ReadEvent } from '../../src/read';
import { DEV, SEEDS } from '../helpers';

async function readAll(inputs: string[], opts = {}): Promise<ReadEvent[]> {
  const out: ReadEvent[] = [];
  for await (const ev of readArticles(inputs, opts)) out.push(ev);
  return out;
}
const articles = (evs: ReadEvent[]) => evs.flatMap((e) => (e.kind === 'article' ? [e.doc] : []));
const failures = (evs: ReadEvent[]) => evs.flatMap((e) => (e.kind === 'failed' ? [e.problem] : []));
const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'kg-read-'));
const seedText = (name: string) => readFileSync(path.join(SEEDS, name), 'utf8');

describe('.txt articles', () => {
  test('the header gives title and url; "published: unknown" leaves the date unset; the body starts after the blank line', async () => {
    const [doc] = articles(await readAll([path.join(DEV, 'a002.txt')]));
    expect(doc!.title).toMatch(/^‘Cold welcome and no handshakes’/);
    expect(doc!.url).toMatch(/^https:\/\/www\.cityam\.com\//);
    expect(doc!.published).toBeUndefined();
    expect(doc!.text.startsWith('There were “no handshakes”')).toBe(true);
  });

  test('meta.json beside the seeds supplies dates and publishers; the headline line is the title', async () => {
    const docs = articles(await readAll([SEEDS]));
    expect(docs.map((d) => d.published)).toEqual(['2025-12-03', '2025-12-04', '2022-03-22']);
    expect(docs[1]!.publisher).toBe('AP');
    expect(docs[0]!.title).toBe('Putin-Witkoff Kremlin Talks ‘Constructive’ But Ukraine Land Deal Still Elusive');
  });

  test('--published fills in only where the article has no date', async () => {
    const docs = articles(await readAll([path.join(DEV, 'a002.txt'), SEEDS], { published: '2022-03-29' }));
    expect(docs[0]!.published).toBe('2022-03-29');
    expect(docs[1]!.published).toBe('2025-12-03');
  });

  test('an impossible date in the header is a warning naming the line, and the article is still read', async () => {
    const dir = tmp();
    const body = seedText('002_54de3e4b6e1e5dfc.txt');
    writeFileSync(path.join(dir, 'bad-date.txt'), `title: Talks\npublished: 2025-02-30\n\n${body}`);
    const [ev] = await readAll([dir]);
    expect(ev!.kind).toBe('article');
    if (ev?.kind !== 'article') return;
    expect(ev.doc.published).toBeUndefined();
    expect(ev.warnings[0]).toMatchObject({ line: 2, message: expect.stringMatching(/impossible date "2025-02-30"/) });
  });

  test('the same text is the same article id, whatever the file name or spacing', async () => {
    const dir = tmp();
    const body = seedText('000_e6dca36353031d00.txt');
    writeFileSync(path.join(dir, 'copy.txt'), body.replace(/ /g, '  '));
    const [orig] = articles(await readAll([path.join(SEEDS, '000_e6dca36353031d00.txt')]));
    const [copy] = articles(await readAll([dir]));
    expect(copy!.id).toBe(orig!.id);
  });
});

describe('folders', () => {
  test('gold files beside the dev articles are set aside as annotations, never read as articles nor noted as skipped', async () => {
    const evs = await readAll([DEV]);
    const files = readdirSync(DEV).sort();
    expect(articles(evs).map((d) => path.basename(d.source))).toEqual(files.filter((f) => f.endsWith('.txt')));
    const annotations = evs.flatMap((e) => (e.kind === 'annotation' ? [e] : []));
    expect(annotations.map((e) => path.basename(e.path))).toEqual(files.filter((f) => f.endsWith('.gold.json')));
    expect(evs.filter((e) => e.kind === 'skipped')).toEqual([]);
    expect(failures(evs)).toEqual([]);
  });

  test('a symbolic link loop is reported once and the walk goes on', async () => {
    const dir = tmp();
    mkdirSync(path.join(dir, 'sub'));
    writeFileSync(path.join(dir, 'sub', 'a.txt'), seedText('002_54de3e4b6e1e5dfc.txt'));
    symlinkSync(dir, path.join(dir, 'sub', 'loop'));
    const evs = await readAll([dir]);
    expect(articles(evs)).toHaveLength(1);
    expect(evs.some((e) => e.kind === 'skipped' && /symbolic link loop/.test(e.reason))).toBe(true);
  });

  test('a path that does not exist fails with its name, and the other inputs are read', async () => {
    const evs = await readAll(['/nonexistent/kg-articles', path.join(DEV, 'a003.txt')]);
    expect(failures(evs)).toEqual([{ path: '/nonexistent/kg-articles', message: 'no such file or folder' }]);
    expect(articles(evs)).toHaveLength(1);
  });
});

describe('bad files', () => {
  const cases: { name: string; content: Buffer | string; message: RegExp; line?: number }[] = [
    { name: 'empty.txt', content: '', message: /empty file/ },
    { name: 'blank.txt', content: '\n   \n\n', message: /no text/ },
    { name: 'image.txt', content: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]), message: /binary content/, line: 3 },
    {
      name: 'latin1.txt',
      content: Buffer.concat([Buffer.from('Talks in Kyiv.\nPresident Zelensky met the '), Buffer.from([0xe9]), Buffer.from('lite.\n')]),
      message: /invalid UTF-8/,
      line: 2,
    },
  ];
  test.each(cases)('$name is refused with a clear message', async ({ name, content, message, line }) => {
    const dir = tmp();
    writeFileSync(path.join(dir, name), content);
    writeFileSync(path.join(dir, 'zz-good.txt'), seedText('002_54de3e4b6e1e5dfc.txt'));
    const evs = await readAll([dir]);
    const [problem] = failures(evs);
    expect(problem!.path).toBe(path.join(dir, name));
    expect(problem!.message).toMatch(message);
    if (line) expect(problem!.line).toBe(line);
    expect(articles(evs)).toHaveLength(1);
  });

  test('a file over the size limit is refused before it is read', async () => {
    const dir = tmp();
    writeFileSync(path.join(dir, 'huge.txt'), seedText('001_e9759e2c7415316b.txt'));
    const [problem] = failures(await readAll([dir], { maxArticleBytes: 1000 }));
    expect(problem!.message).toMatch(/too large for one article/);
  });
});

describe('other formats', () => {
  test('.md: front matter gives the metadata, and Markdown syntax leaves the text', async () => {
    const dir = tmp();
    const [title, ...rest] = seedText('000_e6dca36353031d00.txt').split('\n');
    writeFileSync(
      path.join(dir, 'a.md'),
      `---\ntitle: "${title}"\npublished: 2025-12-03\nurl: https://example.org/kremlin-talks\n---\n\n# ${title}\n\n**Moscow**, 3 December: ${rest.join('\n').replace('Steve Witkoff', '[Steve Witkoff](https://example.org/witkoff)')}`,
    );
    const [doc] = articles(await readAll([dir]));
    expect(doc).toMatchObject({ title, published: '2025-12-03', url: 'https://example.org/kremlin-talks' });
    expect(doc!.text).toContain('US envoy Steve Witkoff ended late Tuesday');
    expect(doc!.text).not.toMatch(/\*\*|\]\(|^#/m);
  });

  test('.html: the article text is kept, scripts and page chrome are dropped', async () => {
    const dir = tmp();
    const paras = seedText('002_54de3e4b6e1e5dfc.txt').split('\n').filter((l) => l.trim().length > 60);
    const html = `<!doctype html><html><head><title>Talks in Istanbul | City A.M.</title>
      <meta property="article:published_time" content="2022-03-29T10:00:00Z"><link rel="canonical" href="https://example.org/istanbul">
      <script>window.tracker = "do not read me";</script></head>
      <body><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
      <article><h1>Cold welcome and no handshakes</h1>${paras.map((p) => `<p>${p.replace('Erdoğan', '<b>Erdoğan</b>')}</p>`).join('\n')}</article>
      <aside><h3>Related Articles</h3><ul><li><a href="/x">Markets slide as oil jumps</a></li><li><a href="/y">Chelsea sale latest</a></li></ul></aside>
      <footer>© City A.M. All rights reserved. <img src=x onerror="alert(1)"></footer></body></html>`;
    writeFileSync(path.join(dir, 'page.html'), html);
    const [doc] = articles(await readAll([dir]));
    expect(doc).toMatchObject({ published: '2022-03-29', url: 'https://example.org/istanbul' });
    expect(doc!.text).toContain(paras[0]);
    expect(doc!.text).not.toMatch(/do not read me|Related Articles|Markets slide|All rights reserved|onerror|<b>/);
  });

  test('.jsonl: one article a line; a malformed line and a truncated last line are reported by number, the rest is read', async () => {
    const dir = tmp();
    const texts = ['000_e6dca36353031d00.txt', '001_e9759e2c7415316b.txt', '002_54de3e4b6e1e5dfc.txt'].map(seedText);
    const lines = [
      JSON.stringify({ text: texts[0], title: 'Kremlin talks', published: '2025-12-03' }),
      '{"text": "unterminated',
      JSON.stringify({ title: 'no text here' }),
      JSON.stringify({ text: texts[1], url: 'https://example.org/b', published: '2025-12-04' }),
      JSON.stringify({ text: texts[2] }).slice(0, 200),
    ];
    writeFileSync(path.join(dir, 'feed.jsonl'), lines.join('\n'));
    const evs = await readAll([dir]);
    expect(articles(evs).map((d) => [d.source, d.published])).toEqual([
      [`${path.join(dir, 'feed.jsonl')}:1`, '2025-12-03'],
      [`${path.join(dir, 'feed.jsonl')}:4`, '2025-12-04'],
    ]);
    expect(failures(evs).map((p) => [p.line, p.message.split(':')[0]])).toEqual([
      [2, 'malformed JSON'],
      [3, 'not an article record'],
      [5, 'truncated or malformed JSON (last line)'],
    ]);
  });
});
