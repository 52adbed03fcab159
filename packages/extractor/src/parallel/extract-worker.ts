import { parentPort } from 'node:worker_threads';
import { extract } from '../extract';
import type { SourceDocument } from '../read/document';

// One worker thread: extraction is a pure function of the document, so it
// runs here in parallel while the main thread resolves and writes in order.
parentPort!.on('message', (msg: { id: number; doc: SourceDocument }) => {
  try {
    parentPort!.postMessage({ id: msg.id, extraction: extract(msg.doc) });
  } catch (e) {
    parentPort!.postMessage({ id: msg.id, error: (e as Error).stack ?? String(e) });
  }
});
