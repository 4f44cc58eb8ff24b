/**
 * A loader thread (see load-parallel.ts): given the site's context once, it loads and checks one
 * document per message and posts the result back; `null` ends it.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { runJob, type WorkerJob } from './load-parallel.ts';

const { context, data } = workerData as { context: Parameters<typeof runJob>[0]; data: Parameters<typeof runJob>[1] };

parentPort!.on('message', (job: WorkerJob | null) => {
  if (job === null) {
    parentPort!.close();
    return;
  }
  try {
    parentPort!.postMessage({ result: runJob(context, data, job) });
  } catch (error) {
    parentPort!.postMessage({ error: `loading ${job.docId}: ${(error as Error).stack ?? String(error)}` });
  }
});
