// The child process that runs a transformer encoder (bundled as dist/encoderHost.js). onnxruntime's native
// errors can abort a process; here they abort only this one, and the parent rejects with a clear message.
import type { HostReply, HostRequest } from './encoderProtocol';
import { EncoderSession } from './encoderSession';

let session: EncoderSession | undefined;
const queue: { id: number; texts: readonly string[] }[] = [];
const cancelled = new Set<number>();
let running = false;

function send(reply: HostReply): void {
  process.send?.(reply);
}

async function drain(): Promise<void> {
  if (running) return;
  running = true;
  try {
    for (let job = queue.shift(); job; job = queue.shift()) {
      const { id, texts } = job;
      if (!session) {
        send({ type: 'failed', id, message: 'the encoder is not loaded' });
        continue;
      }
      try {
        const vectors = await session.embed(texts, () => cancelled.has(id));
        if (!vectors) {
          send({ type: 'cancelled', id });
          continue;
        }
        const data = new Float32Array(vectors.length * session.dimension);
        vectors.forEach((vector, i) => data.set(vector, i * session!.dimension));
        send({ type: 'vectors', id, count: vectors.length, data });
      } catch (error) {
        send({ type: 'failed', id, message: (error as Error).message });
      } finally {
        cancelled.delete(id);
      }
    }
  } finally {
    running = false;
  }
}

process.on('message', (message: HostRequest) => {
  switch (message.type) {
    case 'load':
      EncoderSession.load(message.options, (progress) => send({ type: 'progress', ...progress }))
        .then((loaded) => {
          session = loaded;
          send({ type: 'ready', modelId: loaded.modelId, dimension: loaded.dimension });
        })
        .catch((error: Error) => send({ type: 'loadFailed', message: error.message }));
      return;
    case 'embed':
      queue.push({ id: message.id, texts: message.texts });
      void drain();
      return;
    case 'cancel': {
      const waiting = queue.findIndex((job) => job.id === message.id);
      if (waiting >= 0) {
        queue.splice(waiting, 1);
        send({ type: 'cancelled', id: message.id });
      } else cancelled.add(message.id);
      return;
    }
    default: {
      const unknown: never = message;
      throw new Error(`unknown request ${JSON.stringify(unknown)}`);
    }
  }
});
// The parent gone (crashed, or killed), nothing is left to answer to.
process.on('disconnect', () => process.exit(0));
