import { describe, expect, it } from 'vitest';
import { InvalidParameterError } from '../../src/errors.js';
import { formatModelRef, parseModelRef } from '../../src/registry/index.js';

describe('parseModelRef', () => {
  it('reads name@alias with and without the models:/ scheme', () => {
    expect(parseModelRef('credit@champion')).toEqual({ name: 'credit', alias: 'champion' });
    expect(parseModelRef('models:/credit@champion')).toEqual({ name: 'credit', alias: 'champion' });
  });

  it('reads name/VERSION and name/versions/VERSION as a version number', () => {
    expect(parseModelRef('credit/3')).toEqual({ name: 'credit', version: 3 });
    expect(parseModelRef('credit/versions/12')).toEqual({ name: 'credit', version: 12 });
    expect(parseModelRef('models:/credit/3')).toEqual({ name: 'credit', version: 3 });
  });

  it('reads name@NUMBER as a version, since aliases are never numbers', () => {
    expect(parseModelRef('credit@3')).toEqual({ name: 'credit', version: 3 });
  });

  it('keeps dots, dashes and underscores in model names', () => {
    expect(parseModelRef('credit-v2.gbdt_x@staging-1')).toEqual({
      name: 'credit-v2.gbdt_x',
      alias: 'staging-1',
    });
  });

  it.each(['credit', '', 'credit@', '@champion', 'credit/0', 'credit/x', 'models:/', 'a b@c'])(
    'rejects %j with a message showing the accepted forms',
    (ref) => {
      expect(() => parseModelRef(ref)).toThrow(InvalidParameterError);
      expect(() => parseModelRef(ref)).toThrow(/name@alias/);
    },
  );

  it('formatModelRef writes back the short form', () => {
    expect(formatModelRef(parseModelRef('models:/credit@champion'))).toBe('credit@champion');
    expect(formatModelRef(parseModelRef('credit/versions/4'))).toBe('credit/4');
  });
});
