import { describe, expect, it } from 'vitest';
import { parseInstanceText } from './instance-text.js';

describe('parseInstanceText', () => {
  it('reads an instance document', () => {
    const i = parseInstanceText(
      JSON.stringify({
        resources: ['cpu'],
        hosts: [{ id: 'h1', capacity: [4] }],
        vms: [{ id: 'v1', demand: [1] }],
      }),
      'x.json',
    );
    expect(i.hosts[0]).toMatchObject({ id: 'h1', overcommit: [1] });
  });

  it('names the line and column of bad JSON', () => {
    expect(() => parseInstanceText('{\n  "resources": ["cpu"],\n}', 'bad.json')).toThrow(
      /^bad\.json: not valid JSON: Expected double-quoted property name \(line 3, column 1\)$/,
    );
  });

  it('names the source and the field of a bad instance', () => {
    let caught: unknown;
    try {
      parseInstanceText('{"resources":["cpu"],"hosts":[],"vms":[{"id":"v1","demand":[1,2]}]}', 'i.json');
    } catch (e) {
      caught = e;
    }
    expect(caught).toMatchObject({ code: 'INVALID_ARGUMENT', field: 'vms[0].demand' });
    expect((caught as Error).message).toMatch(
      /^i\.json: invalid instance: vms\[0\]\.demand: has 2 values for 1 resources/,
    );
  });
});

describe('the position of bad JSON', () => {
  const at = (text: string) => {
    try {
      parseInstanceText(text, 'f');
    } catch (e) {
      return (e as Error).message;
    }
    return 'parsed';
  };
  it('is found when the engine does not say it', () => {
    expect(at('{\n "resources": [cpu]\n}')).toBe(
      "f: not valid JSON: Unexpected token 'c' (line 2, column 16)",
    );
    expect(at('[1, 2,]')).toBe("f: not valid JSON: Unexpected token ']' (line 1, column 7)");
    expect(at('{"resources": ["cpu"],\n "hosts": [')).toBe(
      'f: not valid JSON: Unexpected end of JSON input (line 2, column 12)',
    );
    expect(at('')).toBe('f: not valid JSON: Unexpected end of JSON input (line 1, column 1)');
    expect(at('{"a": 1}}')).toBe(
      'f: not valid JSON: Unexpected non-whitespace character after JSON (line 1, column 9)',
    );
  });
});
