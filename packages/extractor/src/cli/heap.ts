import v8 from 'node:v8';

/**
 * A long ingest keeps a modest live heap (what the resolver knows) but
 * allocates fast, and V8 then lets the heap grow to several times the live
 * size between full collections: peak memory grew with the corpus although
 * the live data hardly did. A smaller growing factor keeps the heap near the
 * live size for a few percent more GC time. V8 reads this flag at every full
 * collection, so setting it at run time works; it applies to the worker
 * threads too. A value given in NODE_OPTIONS or on node's command line wins.
 */
export function boundHeapGrowth(percent = 30): void {
  const given = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)].some((a) => a.startsWith('--heap-growing-percent'));
  if (!given) v8.setFlagsFromString(`--heap-growing-percent=${percent}`);
}
