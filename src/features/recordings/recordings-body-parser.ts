/**
 * Splits a streamed `POST /get/videos` body into batches of raw records without ever holding the
 * whole body as one string (V8 cannot: a 600k-record answer is over its string limit).
 *
 * A byte-level scanner finds the records array, in either shape the API uses
 * (`{"obj": [...]}` or `{"obj": {"recordings": [...]}}`), and hands each network chunk's complete
 * elements to one native `JSON.parse`. Everything outside that array (`status`, `message`, ...)
 * is kept as a small "envelope" text, with the array left empty, and parsed at the end.
 * See docs/decisions/0003-loading-large-lists.md for the measurements behind this.
 */

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const COMMA = 0x2c;
const COLON = 0x3a;

/** The envelope is small for any answer of the documented shape; a larger one is not ours. */
const MAX_ENVELOPE_BYTES = 1 << 20;
const MAX_KEY_BYTES = 64;

export type BodyProblem = 'empty' | 'truncated' | 'not-json' | 'html' | 'too-large' | 'duplicate';

export class BodyParseError extends Error {
  constructor(
    readonly problem: BodyProblem,
    readonly preview: string,
  ) {
    super(problem);
    this.name = 'BodyParseError';
  }
}

export interface ParsedBody {
  /** The answer with every records array emptied: `{"status": true, "obj": []}` and the like. */
  envelope: unknown;
  /** Whether a records array was found at `obj` or `obj.recordings`. */
  sawRecordsArray: boolean;
}

export class RecordingsBodyParser {
  private readonly decoder = new TextDecoder();
  /** Envelope text arrives in pieces around the records array, so it decodes as a stream. */
  private readonly envelopeDecoder = new TextDecoder();
  private depth = 0;
  /** Container kinds and object keys for the outer levels (the envelope); indexes are depths. */
  private readonly containers: number[] = [];
  private readonly keys: (string | undefined)[] = [];
  private inString = false;
  private escaped = false;
  private keyBytes: number[] | null = null;
  private lastString: string | undefined;

  private inRecords = false;
  private recordsDepth = 0;
  /** Trailing backslashes of a chunk that ended inside a string, while in the records array. */
  private backslashRun = 0;
  private pending: Uint8Array[] = [];

  private envelopeParts: string[] = [];
  private envelopeBytes = 0;
  private envelopeOverflow = false;
  private sawRecords = false;
  private totalBytes = 0;

  constructor(private readonly onRecords: (records: unknown[]) => void) {}

  push(chunk: Uint8Array): void {
    this.totalBytes += chunk.length;
    let i = 0;
    let envelopeStart = this.inRecords ? -1 : 0;
    let pieceStart = this.inRecords ? 0 : -1;
    let lastComma = -1;
    const length = chunk.length;

    while (i < length) {
      if (this.inRecords) {
        if (this.inString) {
          const close = this.findStringEnd(chunk, i);
          if (close < 0) break;
          this.inString = false;
          i = close + 1;
          continue;
        }
        const byte = chunk[i]!;
        if (byte === QUOTE) {
          this.inString = true;
          this.backslashRun = 0;
          i += 1;
          continue;
        }
        if (byte === OPEN_BRACE || byte === OPEN_BRACKET) {
          this.depth += 1;
        } else if (byte === CLOSE_BRACE || byte === CLOSE_BRACKET) {
          this.depth -= 1;
          if (this.depth < this.recordsDepth) {
            // The records array closed: parse what is left of it, then back to the envelope.
            this.emit(chunk, pieceStart, i);
            this.inRecords = false;
            lastComma = -1;
            pieceStart = -1;
            // The `]` that closed the array belongs to the envelope again.
            envelopeStart = i;
          }
        } else if (byte === COMMA && this.depth === this.recordsDepth) {
          lastComma = i;
        }
        i += 1;
        continue;
      }

      // Envelope: small, so a plain byte loop that also remembers object keys.
      const byte = chunk[i]!;
      if (this.inString) {
        if (this.escaped) {
          this.escaped = false;
        } else if (byte === BACKSLASH) {
          this.escaped = true;
        } else if (byte === QUOTE) {
          this.inString = false;
          if (this.keyBytes) {
            this.lastString = this.decoder.decode(new Uint8Array(this.keyBytes));
            this.keyBytes = null;
          }
          i += 1;
          continue;
        }
        if (this.keyBytes) {
          if (this.keyBytes.length < MAX_KEY_BYTES) this.keyBytes.push(byte);
          else this.keyBytes = null;
        }
        i += 1;
        continue;
      }
      if (byte === QUOTE) {
        this.inString = true;
        this.lastString = undefined;
        this.keyBytes = this.depth <= 2 ? [] : null;
      } else if (byte === COLON) {
        this.keys[this.depth] = this.lastString;
      } else if (byte === OPEN_BRACE || byte === OPEN_BRACKET) {
        this.containers[this.depth] = byte;
        this.depth += 1;
        this.keys[this.depth] = undefined;
        if (byte === OPEN_BRACKET && this.isRecordsArrayPath()) {
          // JSON.parse would keep only the last "obj", but earlier records are already out: an
          // answer with two lists is refused rather than half-believed.
          if (this.sawRecords) throw new BodyParseError('duplicate', '');
          this.appendEnvelope(chunk, envelopeStart, i + 1);
          envelopeStart = -1;
          this.inRecords = true;
          this.sawRecords = true;
          this.recordsDepth = this.depth;
          pieceStart = i + 1;
          lastComma = -1;
        }
      } else if (byte === CLOSE_BRACE || byte === CLOSE_BRACKET) {
        this.depth -= 1;
      }
      i += 1;
    }

    if (this.inRecords) {
      if (lastComma >= 0) {
        this.emit(chunk, pieceStart, lastComma);
        this.pending.push(chunk.slice(lastComma + 1));
      } else {
        this.pending.push(chunk.slice(pieceStart));
      }
    } else if (envelopeStart >= 0) {
      this.appendEnvelope(chunk, envelopeStart, length);
    }
  }

  /** Call once the body has ended. Throws BodyParseError when it was not a whole JSON value. */
  finish(): ParsedBody {
    const text = this.envelopeParts.join('') + this.envelopeDecoder.decode();
    const preview = text.slice(0, 200);
    if (/^\s*</.test(text)) throw new BodyParseError('html', preview);
    // Before "empty": an envelope over the limit is not kept, so its text is empty too.
    if (this.envelopeOverflow) throw new BodyParseError('too-large', preview);
    if (this.totalBytes === 0 || (text.trim() === '' && !this.sawRecords)) {
      throw new BodyParseError('empty', '');
    }
    if (this.inRecords || this.inString || this.depth !== 0) {
      throw new BodyParseError('truncated', preview);
    }
    let envelope: unknown;
    try {
      envelope = JSON.parse(text);
    } catch {
      throw new BodyParseError('not-json', preview);
    }
    return { envelope, sawRecordsArray: this.sawRecords };
  }

  /** `[` opening at `obj` of the top-level object, or at `obj.recordings`. */
  private isRecordsArrayPath(): boolean {
    const top = this.containers[0] === OPEN_BRACE && this.keys[1] === 'obj';
    if (this.depth === 2) return top;
    if (this.depth === 3) return top && this.containers[1] === OPEN_BRACE && this.keys[2] === 'recordings';
    return false;
  }

  /** Index of the closing quote of the string that `from` is inside, or -1 (state carried). */
  private findStringEnd(chunk: Uint8Array, from: number): number {
    let searchFrom = from;
    for (;;) {
      const quote = chunk.indexOf(QUOTE, searchFrom);
      if (quote < 0) {
        let k = chunk.length - 1;
        let run = 0;
        while (k >= from && chunk[k] === BACKSLASH) {
          run += 1;
          k -= 1;
        }
        this.backslashRun = k < from ? this.backslashRun + run : run;
        return -1;
      }
      let k = quote - 1;
      let run = 0;
      while (k >= from && chunk[k] === BACKSLASH) {
        run += 1;
        k -= 1;
      }
      if (k < from) run += this.backslashRun;
      this.backslashRun = 0;
      if (run % 2 === 0) return quote;
      searchFrom = quote + 1;
    }
  }

  /** Parses the pending bytes plus `chunk[start, end)` as a run of array elements. */
  private emit(chunk: Uint8Array, start: number, end: number): void {
    // A chunk may end inside a multi-byte character: join the bytes before decoding.
    const tail = end > start ? chunk.subarray(start, end) : new Uint8Array(0);
    let bytes = tail;
    if (this.pending.length > 0) {
      const size = this.pending.reduce((sum, part) => sum + part.length, tail.length);
      bytes = new Uint8Array(size);
      let offset = 0;
      for (const part of this.pending) {
        bytes.set(part, offset);
        offset += part.length;
      }
      bytes.set(tail, offset);
      this.pending = [];
    }
    const text = this.decoder.decode(bytes);
    if (text.trim() === '') return;
    let records: unknown;
    try {
      records = JSON.parse(`[${text}]`);
    } catch {
      throw new BodyParseError('not-json', text.slice(0, 200));
    }
    this.onRecords(records as unknown[]);
  }

  private appendEnvelope(chunk: Uint8Array, start: number, end: number): void {
    if (start < 0 || end <= start || this.envelopeOverflow) return;
    this.envelopeBytes += end - start;
    if (this.envelopeBytes > MAX_ENVELOPE_BYTES) {
      this.envelopeOverflow = true;
      return;
    }
    this.envelopeParts.push(this.envelopeDecoder.decode(chunk.subarray(start, end), { stream: true }));
  }
}
