import { describe, expect, it } from 'vitest';
import { FilterParseError } from '../../src/errors.js';
import { parseRequirement } from '../../src/registry/index.js';

function columnOf(text: string): number {
  try {
    parseRequirement(text);
  } catch (error) {
    expect(error).toBeInstanceOf(FilterParseError);
    return (error as FilterParseError).column;
  }
  throw new Error(`"${text}" parsed`);
}

describe('parseRequirement', () => {
  it('reads metric, operator and threshold', () => {
    expect(parseRequirement('metrics.auc >= 0.85')).toMatchObject({
      metric: 'auc',
      operator: '>=',
      threshold: 0.85,
      text: 'metrics.auc >= 0.85',
    });
  });

  it('accepts every comparison, with or without spaces, and == as =', () => {
    expect(parseRequirement('metrics.loss<0.2').operator).toBe('<');
    expect(parseRequirement('metrics.loss <= 2e-1').threshold).toBe(0.2);
    expect(parseRequirement('metrics.n == 3').operator).toBe('=');
    expect(parseRequirement('  metrics.n != -3 ').threshold).toBe(-3);
    expect(parseRequirement('metrics.cv_roc_auc > .5').metric).toBe('cv_roc_auc');
  });

  it('points at the start when the text does not begin with metrics.', () => {
    expect(columnOf('params.auc >= 1')).toBe(1);
    expect(columnOf('  auc >= 1')).toBe(3);
  });

  it('points at a missing operator', () => {
    expect(columnOf('metrics.auc 0.85')).toBe(13);
  });

  it('points at a threshold that is not a number', () => {
    expect(columnOf('metrics.auc >= high')).toBe(16);
  });

  it('points at text left after the number', () => {
    expect(columnOf('metrics.auc >= 0.8; drop table runs')).toBe(19);
  });
});
