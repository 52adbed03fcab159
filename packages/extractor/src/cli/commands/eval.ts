import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseSerializedGraph, type GraphBatch } from '@kg/graph-schema';
import { listGoldFiles, loadGoldFolder } from '../../eval/gold-files';
import { mergeGold } from '../../eval/gold-set';
import { readGraphFile } from '../../eval/graph-file';
import { formatReport } from '../../eval/report';
import { scoreGraph } from '../../eval/score';
import { formatProblem } from '../../read';
import { dateOption, intOption, parse, UsageError } from '../args';
import { extractGraph } from '../extract-graph';
import { Progress } from '../progress';
import { RunReport } from '../report';

export const EVAL_USAGE = `kg eval [ARTICLES…] --gold DIR [--graph graph.json] [--verbose] [--json]
  Scores extraction against the gold annotations (*.gold.json, see
  docs/gold-format.md) of DIR: persons, met pairs, meetings, dates, positions.
  Extracts the articles of DIR (or the ARTICLES given) with no database, or
  scores an existing graph file with --graph.
  --gold DIR        folder of *.gold.json files
  --graph FILE      score this graph file (kg extract --out) instead of extracting
  --verbose         list what was missed or wrongly found, item by item
  --json            the figures as JSON
  --published DATE  publication date for articles that give none`;

/** Present in a folder kept for measuring generalization: its figures may be seen, its errors not. */
const AGGREGATE_ONLY = 'AGGREGATE-ONLY';

export async function evalCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, {
    gold: { type: 'string' },
    graph: { type: 'string' },
    verbose: { type: 'boolean' },
    json: { type: 'boolean' },
    published: { type: 'string' },
    'max-article-size': { type: 'string' },
  });
  const goldDir = values.gold;
  if (!goldDir) throw new UsageError('kg eval needs --gold DIR, a folder of *.gold.json files');
  if (values.graph && positionals.length) throw new UsageError('give either articles to extract or --graph FILE, not both');
  const names = await listGoldFiles(goldDir).catch((e: NodeJS.ErrnoException) => {
    throw new UsageError(`--gold ${goldDir}: ${e.code === 'ENOENT' ? 'no such folder' : e.code === 'ENOTDIR' ? 'not a folder' : e.message}`);
  });
  if (!names.length) throw new UsageError(`no *.gold.json in ${goldDir}`);
  if (values.verbose && existsSync(path.join(goldDir, AGGREGATE_ONLY))) {
    process.stderr.write(`kg eval: ${goldDir} is aggregate-only: its figures are printed, its errors are not (see its ${AGGREGATE_ONLY} file)\n`);
    return 2;
  }

  const folder = await loadGoldFolder(goldDir, names);
  for (const p of folder.errors) process.stderr.write(`error: ${formatProblem(p)}\n`);
  for (const p of folder.warnings) process.stderr.write(`warning: ${formatProblem(p)}\n`);
  if (folder.skipped)
    process.stderr.write(`gold: ${folder.skipped} of ${names.length} gold files skipped as malformed; the score counts the other ${folder.files.length}\n`);
  if (!folder.files.length) {
    process.stderr.write(`kg eval: no gold file in ${goldDir} could be read\n`);
    return 1;
  }

  let batch: GraphBatch;
  let inputFailed = false;
  if (values.graph) batch = await readGraphFile(values.graph);
  else {
    const progress = new Progress('extracting');
    const report = new RunReport(progress);
    const graph = await extractGraph(
      positionals.length ? positionals : [goldDir],
      {
        published: dateOption(values.published, 'published'),
        maxArticleBytes: intOption(values['max-article-size'], 'max-article-size', 5 * 1024 * 1024),
      },
      report,
    );
    progress.done();
    process.stderr.write(`${report.summaryLine()}\n`);
    inputFailed = report.failed > 0;
    batch = parseSerializedGraph(graph.export());
  }

  const result = scoreGraph(mergeGold(folder.files), batch);
  if (values.json) {
    const { gold_files, ...rest } = result.figures;
    process.stdout.write(`${JSON.stringify({ gold_files, gold_files_skipped: folder.skipped, ...rest }, null, 2)}\n`);
  } else process.stdout.write(formatReport(result, { verbose: values.verbose }));
  return folder.skipped || inputFailed ? 1 : 0;
}
