import { describe, expect, it } from 'vitest';
import { BodyParseError, RecordingsBodyParser } from '../../src/features/recordings/recordings-body-parser';
import { byteChunks, fixtureJson, fixtureText } from '../harness/fixtures';

function parse(text: string, chunkSize: number) {
  const records: unknown[] = [];
  const parser = new RecordingsBodyParser((batch) => records.push(...batch));
  for (const chunk of byteChunks(text, chunkSize)) parser.push(chunk);
  return { records, ...parser.finish() };
}

function problemOf(text: string, chunkSize = 5): string {
  try {
    parse(text, chunkSize);
  } catch (error) {
    if (error instanceof BodyParseError) return error.problem;
    throw error;
  }
  return 'none';
}

const CHUNK_SIZES = [1, 2, 3, 7, 64, 100_000];

describe('RecordingsBodyParser', () => {
  it.each(CHUNK_SIZES)('reads the "all recordings" example exactly, in %i-byte chunks', (size) => {
    const text = fixtureText('all-recordings.response.json');
    const expected = fixtureJson<{ obj: unknown[] }>('all-recordings.response.json');
    const result = parse(text, size);
    expect(result.records).toEqual(expected.obj);
    expect(result.envelope).toEqual({ status: true, obj: [] });
    expect(result.sawRecordsArray).toBe(true);
  });

  it.each(CHUNK_SIZES)('reads the "room recordings" example exactly, in %i-byte chunks', (size) => {
    const text = fixtureText('room-recordings.response.json');
    const expected = fixtureJson<{ obj: { recordings: unknown[] } }>('room-recordings.response.json');
    const result = parse(text, size);
    expect(result.records).toEqual(expected.obj.recordings);
    expect(result.records.map((r) => (r as { _id: string })._id)).toEqual([
      '62f811fda299d6803d9ff4cd',
      '61f92dd81d1e96b3z9682d34',
    ]);
    expect(result.envelope).toEqual({ status: true, obj: { recordings: [] } });
  });

  it.each([1, 2, 3, 5])('survives quotes, backslashes, brackets and multi-byte text inside strings (%i-byte chunks)', (size) => {
    const records = [
      { _id: 'a"b', note: 'ends with a backslash \\', x: '[{"not":"a record"}]' },
      { _id: 'é–中文😀', note: '\\"', y: ['nested', { deep: [1, 2, { z: '}' }] }] },
      { _id: 'c', note: '\\\\' },
    ];
    const text = JSON.stringify({ status: true, obj: records });
    expect(parse(text, size).records).toEqual(records);
  });

  it('keeps the envelope fields, wherever they stand', () => {
    const text = '{"obj":[{"_id":"1"}],"status":false,"message":"Invalid auth key"}';
    const result = parse(text, 4);
    expect(result.envelope).toEqual({ obj: [], status: false, message: 'Invalid auth key' });
  });

  it('passes elements that are not objects through, for the schema to count', () => {
    expect(parse('{"status":true,"obj":[1,"two",null,{"_id":"x"},[3]]}', 3).records).toEqual([1, 'two', null, { _id: 'x' }, [3]]);
  });

  it('reads an empty list', () => {
    expect(parse('{"status":true,"obj":[]}', 2).records).toEqual([]);
    expect(parse('{"status":true,"obj":{"recordings":[ ]}}', 2).records).toEqual([]);
  });

  it('does not treat a "recordings" list outside "obj" as records', () => {
    const result = parse('{"status":true,"other":{"recordings":[{"_id":"x"}]},"obj":[]}', 3);
    expect(result.records).toEqual([]);
    expect(result.envelope).toEqual({ status: true, other: { recordings: [{ _id: 'x' }] }, obj: [] });
  });

  it('names what is wrong with bodies that are not the documented JSON', () => {
    expect(problemOf('')).toBe('empty');
    expect(problemOf('   ')).toBe('empty');
    expect(problemOf('<html><body><h1>502 Bad Gateway</h1></body></html>')).toBe('html');
    expect(problemOf('{"status":true,"obj":[{"_id":"1"},{"_id":')).toBe('truncated');
    expect(problemOf('{"status":true,"obj":[{"_id":"1"}')).toBe('truncated');
    expect(problemOf('{"status":tru}')).toBe('not-json');
    expect(problemOf('{"status":tru')).toBe('truncated');
    expect(problemOf('{"status":true,"obj":[{"_id":1,}]}')).toBe('not-json');
  });

  it('reports no records array when obj has another shape', () => {
    expect(parse('{"status":true,"obj":{"videos":[]}}', 3).sawRecordsArray).toBe(false);
    expect(parse('{"status":true,"obj":"none"}', 3).sawRecordsArray).toBe(false);
    expect(parse('[{"_id":"1"}]', 3).sawRecordsArray).toBe(false);
  });
});
