/**
 * PGlite on a folder, durable as PostgreSQL is: a commit is flushed to stable
 * storage before it is acknowledged (ADR 0011).
 *
 * PGlite as shipped starts Postgres with `-F` (fsync = off), and its NODEFS layer
 * (Emscripten's) has no `fsync` for files: a call of fsync() inside Postgres reaches
 * nothing, fdatasync() is a no-op. So two things are needed:
 * - the start parameters without `-F`, with `wal_sync_method = fsync` (fsync() is the
 *   one call Emscripten passes on to the filesystem layer; fdatasync is dropped);
 * - the filesystem layer's `fsync` mapped to Node's fs.fsyncSync on the real file.
 * Postgres then flushes the WAL at each commit and data files, pg_control and
 * directories at each checkpoint, as it does on a server.
 */
import { fsyncSync } from 'node:fs';
import { PGlite, type PGliteOptions } from '@electric-sql/pglite';
import { NodeFS } from '@electric-sql/pglite/nodefs';

/** What Emscripten hands a stream operation: the open file's Node descriptor. */
interface NodeStream {
  nfd?: number;
}
/** The part of the Emscripten module a preRun hook sees that we patch. */
interface ModuleWithNodeFs {
  NODEFS: { stream_ops: { fsync?: (stream: NodeStream) => number } };
}
type NodeFsInit = Awaited<ReturnType<NodeFS['init']>>;
type PreRun = (module: ModuleWithNodeFs) => void;

/** NodeFS whose fsync reaches the disk. */
class DurableNodeFS extends NodeFS {
  override async init(pg: PGlite, opts: Parameters<NodeFS['init']>[1]): Promise<NodeFsInit> {
    const result = await super.init(pg, opts);
    const preRun = (result.emscriptenOpts.preRun ?? []) as unknown as PreRun[];
    const mapFsync: PreRun = (module) => {
      module.NODEFS.stream_ops.fsync = (stream) => {
        if (stream.nfd !== undefined) fsyncSync(stream.nfd);
        return 0;
      };
    };
    result.emscriptenOpts.preRun = [mapFsync, ...preRun] as unknown as typeof result.emscriptenOpts.preRun;
    return result;
  }
}

/** PGlite's own start parameters (PGlite.defaultStartParams), without fsync = off. */
export function durableStartParams(): string[] {
  const defaults = (PGlite as unknown as { defaultStartParams: string[] }).defaultStartParams;
  return [
    ...defaults.filter((p) => p !== '-F'),
    '-c',
    'fsync=on',
    '-c',
    'synchronous_commit=on',
    '-c',
    'wal_sync_method=fsync',
  ];
}

/** The options that make a PGlite on `dataDir` durable. */
export function durablePgliteOptions(dataDir: string): Pick<PGliteOptions, 'fs' | 'startParams'> {
  return { fs: new DurableNodeFS(dataDir), startParams: durableStartParams() };
}
