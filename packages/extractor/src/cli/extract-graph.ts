import type Graph from 'graphology';
import { addBatch, createGraph } from '@kg/graph-schema';
import type { Extraction } from '../extract/types';
import { runPipeline, type PipelineOptions } from '../pipeline';
import type { RunReport } from './report';

/** Extracts the articles of `inputs` into one graph, with no database; problems go to the report as they happen. */
export async function extractGraph(
  inputs: readonly string[],
  opts: PipelineOptions,
  report: RunReport,
  onArticle?: (x: Extraction) => void,
): Promise<Graph> {
  const graph = createGraph();
  for await (const ev of runPipeline(inputs, opts)) {
    if (!report.note(ev)) continue;
    addBatch(graph, ev.batch);
    onArticle?.(ev.extraction);
  }
  return graph;
}
