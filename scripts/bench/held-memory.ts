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
 * TCMalloc properties of process `pid`, in bytes, read by calling MallocExtension inside it with gdb (one attach for
 * all of them: attaching to workerd takes seconds); null when gdb is missing or may not attach. workerd links TCMalloc
 * statically with its symbols, so no debug package is needed.
 */
function tcmallocProperties<const N extends string>(pid: number, names: readonly N[]): Record<N, number> | null {
  const read = names.flatMap((name, i) => [
    '-ex',
    `call (void) MallocExtension_Internal_GetNumericProperty("${name}", ${name.length}, $value)`,
    '-ex',
    `printf "value${i}=%lu\\n", *$value`,
  ]);
  try {
    const out = execFileSync(
      'gdb',
      ['-p', String(pid), '-batch', '-ex', 'set $value = (unsigned long *) malloc(8)', ...read, '-ex', 'call (void) free($value)'],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 60_000 },
    );
    const values = names.map((_, i) => new RegExp(`value${i}=(\\d+)`).exec(out)?.[1]);
    if (values.some((value) => value === undefined)) return null;
    return Object.fromEntries(names.map((name, i) => [name, Number(values[i])])) as Record<N, number>;
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
    const collecting = sessions.map(({ id, session }) => {
      let done = false;
      void session.call('HeapProfiler.collectGarbage').then(() => {
        done = true;
      });
      return { id, collected: () => done };
    });
    await poke();
    // The Workers the poke went through collect as they run its requests, but under load the inspector's answer can
    // come after the request's (a tooling run saw core:user:socius not collected after half a second): wait for those
    // (10 s at most), then a moment more for the other isolates the poke reached.
    const workers = collecting.filter(({ id }) => id.startsWith('core:user:'));
    for (let waited = 0; waited < 10_000 && workers.some(({ collected }) => !collected()); waited += 50) {
      await new Promise((done) => setTimeout(done, 50));
    }
    await new Promise((done) => setTimeout(done, 500));
    const notCollected = collecting.filter(({ collected }) => !collected()).map(({ id }) => id);
    let used = 0;
    let heap = 0;
    // Every isolate, collected or not: one the load never reached holds at idle what it holds now.
    for (const { session } of sessions) {
      const usage = await session.call('Runtime.getHeapUsage');
      used += usage.usedSize ?? 0;
      heap += usage.totalSize ?? 0;
    }
    const malloc = tcmallocProperties(pid, ['generic.current_allocated_bytes', 'generic.physical_memory_used']);
    return {
      anonMb: memoryMb(pid).anonMb,
      v8UsedMb: round(used),
      v8HeapMb: round(heap),
      mallocInUseMb: malloc === null ? null : round(malloc['generic.current_allocated_bytes']),
      mallocResidentMb: malloc === null ? null : round(malloc['generic.physical_memory_used']),
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
