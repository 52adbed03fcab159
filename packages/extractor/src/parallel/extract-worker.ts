import { parentPort } from 'node:worker_threads';
import { extract } from '../extract';
import type { SourceDocument } from '../read/document';

// One worker thread: extraction is a pure function of the document, so it
// runs here in parallel while the main thread resolves and writes in order.
// The document is not sent back (the pool has it), nor the explanation
// (ingest does not print it): less to copy between threads.
parentPort!.on('message', (msg: { id: number; doc: SourceDocument }) => {
  try {
    const { doc: _doc, explain: _explain, ...facts } = extract(msg.doc);
    parentPort!.postMessage({ id: msg.id, extraction: facts });
  } catch (e) {
    parentPort!.postMessage({ id: msg.id, error: (e as Error).stack ?? String(e) });
  }
});
