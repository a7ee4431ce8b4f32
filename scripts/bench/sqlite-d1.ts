// The D1 binding's interface over one SQLite file (node:sqlite), so the benchmark can fill its database with the
// app's own drizzle tables, seed writer and search indexer before workerd opens the file. Going through workerd
// (getPlatformProxy) serialises every row over HTTP: too slow for 100,000 events and their search index.
// Only what drizzle's D1 driver and the indexer call exists here: prepare/bind/all/raw/run/first and batch.
import { DatabaseSync, type SQLInputValue, type StatementSync } from 'node:sqlite';

type Row = Record<string, SQLInputValue>;
interface Result {
  results: unknown[];
  success: true;
  meta: { changes: number; last_row_id: number; duration: number };
}

class Statement {
  private readonly file: SqliteFileD1;
  readonly query: string;
  private readonly values: SQLInputValue[];

  constructor(file: SqliteFileD1, query: string, values: SQLInputValue[] = []) {
    this.file = file;
    this.query = query;
    this.values = values;
  }

  bind(...values: unknown[]): Statement {
    return new Statement(this.file, this.query, values.map(toSqlite));
  }

  async all(): Promise<Result> {
    return this.execute();
  }

  async run(): Promise<Result> {
    return this.execute();
  }

  async raw(): Promise<unknown[][]> {
    const statement = this.file.statement(this.query);
    statement.setReturnArrays(true);
    try {
      // With return arrays on, node:sqlite gives rows as arrays; its types only know the object form.
      return statement.all(...this.values) as unknown as unknown[][];
    } finally {
      statement.setReturnArrays(false);
    }
  }

  async first(column?: string): Promise<unknown> {
    const row = this.file.statement(this.query).get(...this.values) as Row | undefined;
    return column === undefined ? (row ?? null) : (row?.[column] ?? null);
  }

  /** Readers return their rows; writers their change count, as D1 does. */
  execute(): Result {
    const statement = this.file.statement(this.query);
    if (statement.columns().length > 0) {
      return { results: statement.all(...this.values), success: true, meta: { changes: 0, last_row_id: 0, duration: 0 } };
    }
    const { changes, lastInsertRowid } = statement.run(...this.values);
    return { results: [], success: true, meta: { changes: Number(changes), last_row_id: Number(lastInsertRowid), duration: 0 } };
  }
}

function toSqlite(value: unknown): SQLInputValue {
  if (value === undefined || value === null) return null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'string') return value;
  if (value instanceof ArrayBuffer) return new Uint8Array(value);
  if (ArrayBuffer.isView(value)) return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  throw new TypeError(`cannot bind a ${typeof value} to SQLite`);
}

export class SqliteFileD1 {
  private readonly db: DatabaseSync;
  // The bulk writer repeats a few statement texts tens of thousands of times: compile each once.
  private readonly compiled = new Map<string, StatementSync>();

  constructor(path: string) {
    this.db = new DatabaseSync(path);
    // The file is ours alone until workerd opens it; a crash mid-seed means seeding again anyway.
    // The file is ours alone until workerd opens it, and a crash mid-seed means seeding again anyway: no fsync,
    // no write-ahead log (it would write every page twice), and a page cache large enough for the indexes, since
    // random UUID keys put every insert at a random place in each of them.
    this.db.exec('pragma synchronous = off; pragma journal_mode = memory; pragma cache_size = -524288; pragma temp_store = memory');
  }

  statement(query: string): StatementSync {
    let statement = this.compiled.get(query);
    if (!statement) {
      statement = this.db.prepare(query);
      this.compiled.set(query, statement);
    }
    return statement;
  }

  prepare(query: string): Statement {
    return new Statement(this, query);
  }

  /** Atomic, as D1's batch is: one transaction, rolled back when any statement fails. */
  async batch(statements: Statement[]): Promise<Result[]> {
    this.db.exec('begin');
    try {
      const results = statements.map((statement) => statement.execute());
      this.db.exec('commit');
      return results;
    } catch (error) {
      this.db.exec('rollback');
      throw error;
    }
  }

  async exec(query: string): Promise<{ count: number; duration: number }> {
    this.db.exec(query);
    return { count: 1, duration: 0 };
  }

  /** The file as a D1 binding. The cast is the point of this class: drizzle and the indexer only use the methods above. */
  asD1(): D1Database {
    return this as unknown as D1Database;
  }

  /** Puts the file back in write-ahead-log mode, as workerd created it, and closes it. */
  close(): void {
    this.compiled.clear();
    this.db.exec('pragma journal_mode = wal');
    this.db.close();
  }
}
