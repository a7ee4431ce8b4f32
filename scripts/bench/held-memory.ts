// What workerd still holds once the load is over, as opposed to what it keeps free. Resident memory alone cannot tell
// the two apart: V8 collects garbage lazily (an idle isolate may not collect for minutes), and workerd's allocator,
// TCMalloc, keeps freed pages in its free lists rather than returning them to the kernel. So, after the load:
// every isolate is made to collect its garbage (the inspector's HeapProfiler.collectGarbage), V8 says what its heaps
// still use (Runtime.getHeapUsage), and TCMalloc says how many bytes are allocated (MallocExtension, read with gdb).
// The same reading at idle, before the load, is the baseline: if the app kept anything per request (a cache without
// a bound, a growing map), it shows there, whatever the allocator keeps around it.
import { execFileSync } from 'node:child_process';
import { memoryMb } from './serve.ts';

export interface HeldMemory {
  /** RssAnon + RssShmem after the collection, MB. */
  anonMb: number;
  /** Live objects in every isolate's V8 heap after the collection, MB. */
  v8UsedMb: number;
  /** What those heaps occupy, live or not, MB. */
  v8HeapMb: number;
  /** TCMalloc's bytes allocated and not freed (workerd, SQLite, array buffers), MB; null when gdb cannot read it. */
  mallocInUseMb: number | null;
  /** Resident memory TCMalloc holds, in use or in its free lists, MB; null when gdb cannot read it. */
  mallocResidentMb: number | null;
  /** Isolates that did not collect within the wait: ones no request reaches (queues, email), which the load did not touch. */
  notCollected: string[];
}

interface Target {
  id: string;
  webSocketDebuggerUrl: string;
}

interface Session {
  call: (method: string) => Promise<Record<string, number>>;
  close: () => void;
}

async function open(url: string): Promise<Session> {
  const socket = new WebSocket(url);
  // Listeners, not `on…` properties: the project's types are the Workers', whose WebSocket has only these.
  await new Promise((done, fail) => {
    socket.addEventListener('open', done);
    socket.addEventListener('error', () => fail(new Error(`the inspector at ${url} refused a session`)));
  });
  let last = 0;
  const waiting = new Map<number, (result: Record<string, number>) => void>();
  socket.addEventListener('message', (message) => {
    const data = JSON.parse(String(message.data)) as { id?: number; result?: Record<string, number> };
    if (data.id !== undefined) waiting.get(data.id)?.(data.result ?? {});
  });
  return {
    call: (method) =>
      new Promise((done) => {
        last += 1;
        waiting.set(last, done);
        socket.send(JSON.stringify({ id: last, method }));
      }),
    close: () => socket.close(),
  };
}

const MB = 2 ** 20;
const round = (bytes: number) => Math.round(bytes / MB);

/**
 * One TCMalloc property of process `pid`, in bytes, read by calling MallocExtension inside it with gdb; null when gdb
 * is missing or may not attach. workerd links TCMalloc statically with its symbols, so no debug package is needed.
 */
function tcmallocProperty(pid: number, name: string): number | null {
  try {
    const out = execFileSync(
      'gdb',
      [
        '-p',
        String(pid),
        '-batch',
        '-ex',
        'set $value = (unsigned long *) malloc(8)',
        '-ex',
        `call (void) MallocExtension_Internal_GetNumericProperty("${name}", ${name.length}, $value)`,
        '-ex',
        'printf "value=%lu\\n", *$value',
        '-ex',
        'call (void) free($value)',
      ],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 60_000 },
    );
    const value = /value=(\d+)/.exec(out)?.[1];
    return value === undefined ? null : Number(value);
  } catch {
    return null;
  }
}

/**
 * Makes every isolate of the workerd behind `inspector` collect its garbage, then reads what is still held.
 * workerd runs an inspector command when the isolate next runs, so `poke` must send a request through each
 * isolate the load went through.
 */
export async function heldMemory(pid: number, inspector: URL, poke: () => Promise<void>): Promise<HeldMemory> {
  const targets = (await (await fetch(new URL('/json', inspector))).json()) as Target[];
  const sessions = await Promise.all(targets.map(async (target) => ({ id: target.id, session: await open(target.webSocketDebuggerUrl) })));
  try {
    const collected = sessions.map(({ id, session }) =>
      Promise.race([
        session.call('HeapProfiler.collectGarbage').then(() => null),
        new Promise<string>((done) => setTimeout(() => done(id), 5_000)),
      ]),
    );
    await poke();
    const notCollected = (await Promise.all(collected)).filter((id): id is string => id !== null);
    let used = 0;
    let heap = 0;
    // Every isolate, collected or not: one the load never reached holds at idle what it holds now.
    for (const { session } of sessions) {
      const usage = await session.call('Runtime.getHeapUsage');
      used += usage.usedSize ?? 0;
      heap += usage.totalSize ?? 0;
    }
    const inUse = tcmallocProperty(pid, 'generic.current_allocated_bytes');
    const resident = tcmallocProperty(pid, 'generic.physical_memory_used');
    return {
      anonMb: memoryMb(pid).anonMb,
      v8UsedMb: round(used),
      v8HeapMb: round(heap),
      mallocInUseMb: inUse === null ? null : round(inUse),
      mallocResidentMb: resident === null ? null : round(resident),
      notCollected,
    };
  } finally {
    for (const { session } of sessions) session.close();
  }
}

/** What is held in use, V8's live objects and TCMalloc's allocations, MB; null without the allocator's figure. */
export function heldMb(memory: HeldMemory): number | null {
  return memory.mallocInUseMb === null ? null : memory.v8UsedMb + memory.mallocInUseMb;
}
