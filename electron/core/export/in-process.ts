// Running an export in this process, for a source that reads asynchronously (a team database's
// cursor): the rows arrive over the network, so the event loop is free between batches and no
// worker thread is needed. The same file writing, progress, cancellation and cleanup as a worker's.
import { errorInfoOf } from '../failures';
import type { ExportRunner } from './jobs';
import { ExportCancelled, exportSourceToFile, type OpenExportSource } from './run-export';
import type { ExportOutcome } from './worker-host';

export function inProcessExports(open: OpenExportSource): ExportRunner {
  return (request, partial, onProgress) => {
    let cancelled = false;
    const done: Promise<ExportOutcome> = exportSourceToFile(open, request, { onProgress, isCancelled: () => cancelled }, partial).then(
      (summary) => ({ status: 'done', summary }),
      (error: unknown) => (error instanceof ExportCancelled ? { status: 'cancelled' } : { status: 'failed', error: errorInfoOf(error) }),
    );
    return {
      done,
      cancel: () => {
        cancelled = true;
      },
      // Stops at the next batch; the export removes its partial file and releases its connection itself.
      terminate: async () => {
        cancelled = true;
        await done;
      },
    };
  };
}
