import type { EvalResult } from './score';

const fig = (x: number | null | undefined) => (x === null || x === undefined ? '  n/a' : x.toFixed(3));
const list = (xs: readonly string[], sep: string) => (xs.length ? xs.join(sep) : '-');

/** The figures as lines for a terminal; with `verbose`, what was missed or wrongly found, item by item. */
export function formatReport(r: EvalResult, opts: { verbose?: boolean } = {}): string {
  const { persons: p, met_pairs: mp, meetings: m, positions: pos } = r.figures;
  const lines = [
    `gold files: ${r.figures.gold_files}   predicted: ${r.predicted.actors} actors, ${r.predicted.meetings} meetings, ${r.predicted.positions} positions`,
    `persons    P ${fig(p.precision)}  R ${fig(p.recall)}  F1 ${fig(p.f1)}   (tp ${p.tp} fp ${p.fp} fn ${p.fn})`,
    `met pairs  P ${fig(mp.precision)}  R ${fig(mp.recall)}  F1 ${fig(mp.f1)}   (tp ${mp.tp} fp ${mp.fp} fn ${mp.fn})`,
    `meetings   recall ${fig(m.recall)} (held ${fig(m.held_recall)}, planned ${fig(m.planned_recall)})  date ${fig(m.date_accuracy)}  place ${fig(m.place_accuracy)}  status ${fig(m.status_accuracy)}`,
    `positions  P ${fig(pos.precision)}  R ${fig(pos.recall)}  F1 ${fig(pos.f1)}   stance agreement ${fig(pos.stance_agreement)}`,
  ];
  if (opts.verbose) {
    const e = r.errors;
    lines.push(
      '',
      `missed persons: ${list(e.persons.missed, ', ')}`,
      `spurious persons: ${list(e.persons.spurious, ', ')}`,
      `missed met pairs: ${list(e.pairs.missed, '; ')}`,
      `spurious met pairs: ${list(e.pairs.spurious, '; ')}`,
      `missed meetings: ${list(e.meetings.missed, ', ')}`,
      ...e.meetings.wrongDates.map((w) => `wrong date: ${w.key} gold ${w.gold} predicted ${w.predicted}`),
      `missed positions: ${list(
        e.positions.missed.map((g) => `${g.holder} ${g.stance} [${g.keywords.join('/')}] (${g.file})`),
        '; ',
      )}`,
    );
  }
  lines.push(scoreLine(r));
  return `${lines.join('\n')}\n`;
}

/** The one line to compare runs by. */
export function scoreLine(r: EvalResult): string {
  const { persons, met_pairs, meetings, positions } = r.figures;
  const t = (x: number | null) => fig(x).trim();
  return `score: persons_f1=${t(persons.f1)} met_pairs_f1=${t(met_pairs.f1)} meetings_recall=${t(meetings.recall)} date_acc=${t(meetings.date_accuracy)} positions_f1=${t(positions.f1)}`;
}
