import type { GraphBatch } from '@kg/graph-schema';
import type { GoldSet } from './gold-set';
import { scoreMeetings, type MeetingErrors, type MeetingFigures } from './measures/meetings';
import { scoreMetPairs, type PairErrors } from './measures/met-pairs';
import { scorePersons, type PersonErrors } from './measures/persons';
import { scorePositions, type PositionErrors, type PositionFigures } from './measures/positions';
import type { Prf } from './measures/prf';
import { viewPredicted } from './predicted';

/** The figures, named as in `--json` output. */
export interface EvalFigures {
  gold_files: number;
  persons: Prf;
  met_pairs: Prf;
  meetings: MeetingFigures;
  positions: PositionFigures;
}

export interface EvalErrors {
  persons: PersonErrors;
  pairs: PairErrors;
  meetings: MeetingErrors;
  positions: PositionErrors;
}

export interface EvalResult {
  figures: EvalFigures;
  errors: EvalErrors;
  predicted: { actors: number; meetings: number; positions: number };
}

/** Scores a predicted graph against the merged gold annotations of a folder (docs/gold-format.md). */
export function scoreGraph(gold: GoldSet, batch: GraphBatch): EvalResult {
  const pred = viewPredicted(batch, gold);
  const persons = scorePersons(gold, pred);
  const pairs = scoreMetPairs(gold, pred);
  const meetings = scoreMeetings(gold, pred);
  const positions = scorePositions(gold, pred);
  return {
    figures: { gold_files: gold.files, persons: persons.figures, met_pairs: pairs.figures, meetings: meetings.figures, positions: positions.figures },
    errors: { persons: persons.errors, pairs: pairs.errors, meetings: meetings.errors, positions: positions.errors },
    predicted: { actors: pred.actors.length, meetings: pred.meetings.length, positions: pred.positions.length },
  };
}
