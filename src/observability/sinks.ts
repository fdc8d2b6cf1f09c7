// Where serialised lines go: a small contract over stdout, the pretty printer, rolling files and memory.

/** Receives whole JSON lines (newline-terminated), already redacted and scrubbed. */
export interface LineSink {
  write(line: string): void;
  /** Resolves once every line written so far has left this process's buffers. */
  flush(): Promise<void>;
  /** Flushes and releases what the sink owns (a file); stdout and injected streams stay open. */
  close(): Promise<void>;
}

/** Anything line-writable: process.stdout, a sonic-boom stream, a test's array-backed writer. */
export interface TextWritable {
  write(text: string): unknown;
}

/** A sink over a stream the caller owns: never closed here; flushed when the stream can flush. */
export function streamSink(stream: TextWritable, transform: (line: string) => string = (line) => line): LineSink {
  return {
    write: (line) => void stream.write(transform(line)),
    flush: () => flushStream(stream),
    close: () => flushStream(stream),
  };
}

/** One sink that writes each line to all of `sinks`; nothing is written after `close`. */
export function fanOut(sinks: readonly LineSink[]): LineSink {
  let closed = false;
  return {
    write(line) {
      if (closed) return;
      for (const sink of sinks) sink.write(line);
    },
    flush: async () => {
      await Promise.all(sinks.map((sink) => sink.flush()));
    },
    close: async () => {
      if (closed) return;
      closed = true;
      await Promise.all(sinks.map((sink) => sink.close()));
    },
  };
}

function flushStream(stream: TextWritable): Promise<void> {
  const flush = (stream as { flush?: unknown }).flush;
  if (typeof flush !== 'function') return Promise.resolve();
  return new Promise((resolve) => {
    // sonic-boom calls back (with an error when nothing needed flushing); either way we are done.
    try {
      (flush as (cb: () => void) => void).call(stream, () => resolve());
    } catch {
      resolve();
    }
  });
}
