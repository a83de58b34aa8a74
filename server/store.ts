import Database from 'better-sqlite3';
import path from 'node:path';
import { VerifiedKeyCache, hashKey, keyMatches, type StoredKey } from './client-keys.ts';
import { RECORDING_FIELDS, toRow, type ApiRecording, type RecordingRow } from './recording-fields.ts';

const FIELD_NAMES = RECORDING_FIELDS.map(([name]) => name);
const COLUMN_TYPE = { text: 'TEXT', number: 'REAL' } as const;

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS clients (
    client_id TEXT PRIMARY KEY,
    key_hash BLOB NOT NULL,
    key_salt BLOB NOT NULL,
    created REAL NOT NULL
  );
  CREATE TABLE IF NOT EXISTS recordings (
    seq INTEGER PRIMARY KEY,
    owner TEXT NOT NULL,
    room TEXT,
    ${RECORDING_FIELDS.map(([name, kind]) => `"${name}" ${COLUMN_TYPE[kind]}`).join(',\n    ')},
    extra TEXT
  );
  CREATE INDEX IF NOT EXISTS recordings_owner_room_c ON recordings (owner, room, c);
  CREATE INDEX IF NOT EXISTS recordings_owner_c ON recordings (owner, c);
`;

const SELECT_BY_OWNER = `SELECT room, extra, ${FIELD_NAMES.map((name) => `"${name}"`).join(', ')}
  FROM recordings WHERE owner = ?`;

/**
 * SQLite storage for clients and recordings. After seeding, the server only reads, which matters
 * because better-sqlite3 refuses writes while a streaming iterator is open on the connection.
 */
export class RecordingsStore {
  private readonly db: Database.Database;
  private readonly verified = new VerifiedKeyCache();
  private readonly statements;

  private constructor(file: string) {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.exec(SCHEMA);
    this.statements = {
      client: this.db.prepare<[string], { key_hash: Buffer; key_salt: Buffer }>(
        'SELECT key_hash, key_salt FROM clients WHERE client_id = ?',
      ),
      upsertClient: this.db.prepare(
        `INSERT INTO clients (client_id, key_hash, key_salt, created) VALUES (?, ?, ?, ?)
         ON CONFLICT (client_id) DO UPDATE SET key_hash = excluded.key_hash, key_salt = excluded.key_salt`,
      ),
      insertRecording: this.db.prepare(
        `INSERT INTO recordings (owner, room, extra, ${FIELD_NAMES.map((name) => `"${name}"`).join(', ')})
         VALUES (@owner, @room, @extra, ${FIELD_NAMES.map((_, index) => `@f${index}`).join(', ')})`,
      ),
      countByOwner: this.db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM recordings WHERE owner = ?'),
      clientCount: this.db.prepare<[], { n: number }>('SELECT count(*) AS n FROM clients'),
    };
  }

  static open(dataDir: string): RecordingsStore {
    return new RecordingsStore(path.join(dataDir, 'recordings.sqlite'));
  }

  isEmpty(): boolean {
    return this.statements.clientCount.get()?.n === 0;
  }

  hasClient(clientId: string): boolean {
    return this.statements.client.get(clientId) !== undefined;
  }

  /** Creates the client or rotates its key; a rotated key stops working at once in this process. */
  async setClientKey(clientId: string, authKey: string): Promise<void> {
    const { hash, salt } = await hashKey(authKey);
    this.statements.upsertClient.run(clientId, hash, salt, Date.now() / 1000);
    this.verified.clear();
  }

  async verifyClient(clientId: string, authKey: string): Promise<boolean> {
    if (this.verified.has(clientId, authKey)) return true;
    const row = this.statements.client.get(clientId);
    const stored: StoredKey | undefined = row && { hash: row.key_hash, salt: row.key_salt };
    const ok = await keyMatches(authKey, stored);
    if (ok) this.verified.add(clientId, authKey);
    return ok;
  }

  /** Inserts in one transaction with one prepared statement: 100k records take about a second. */
  insertRecordings(owner: string, records: Iterable<ApiRecording>): number {
    const insert = this.statements.insertRecording;
    return this.db.transaction(() => {
      let count = 0;
      for (const record of records) {
        const row = toRow(record);
        const params: Record<string, unknown> = { owner, room: row.room, extra: row.extra };
        FIELD_NAMES.forEach((name, index) => (params[`f${index}`] = row[name]));
        insert.run(params);
        count += 1;
      }
      return count;
    })();
  }

  /**
   * Lazily iterates an owner's rows; the caller must finish or `return()` the iterator. A fresh
   * statement per call, because a statement being iterated is busy for every other request.
   * Oldest first, insertion order breaking ties: the order the spec's room example shows.
   */
  iterateRecordings(owner: string, room?: string): IterableIterator<RecordingRow> {
    if (room === undefined) {
      return this.db.prepare<[string], RecordingRow>(`${SELECT_BY_OWNER} ORDER BY c, seq`).iterate(owner);
    }
    return this.db.prepare<[string, string], RecordingRow>(`${SELECT_BY_OWNER} AND room = ? ORDER BY c, seq`).iterate(owner, room);
  }

  countRecordings(owner: string): number {
    return this.statements.countByOwner.get(owner)?.n ?? 0;
  }

  close(): void {
    this.db.close();
  }
}
