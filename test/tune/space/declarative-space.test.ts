import { describe, expect, it } from 'vitest';
import { InvalidParameterError } from '../../../src/errors.js';
import {
  parseSearchSpace,
  spaceToJSON,
  suggestFromSpace,
} from '../../../src/tune/space/declarative-space.js';
import { createStudy } from '../../../src/tune/study.js';

const yaml = `# what to tune
learner: { type: categorical, choices: [gbdt, logistic] }
learningRate: { type: float, low: 0.01, high: 0.3, log: true, when: { learner: gbdt } }
maxDepth: { type: int, low: 2, high: 10, when: { learner: gbdt } }
C: { type: float, low: 0.001, high: 100, log: true, when: { learner: [logistic] } }
subsample: { type: float, low: 0.5, high: 1, step: 0.1 }
`;

describe('parseSearchSpace', () => {
  it('reads YAML into parameters in dependency order', () => {
    const reordered = `C: { type: float, low: 0.001, high: 100, log: true, when: { learner: logistic } }
learner: { type: categorical, choices: [gbdt, logistic] }`;
    const space = parseSearchSpace(reordered);
    expect(space.params.map((p) => p.name)).toEqual(['learner', 'C']);
    expect(space.params[1].when).toEqual({ learner: ['logistic'] });
  });

  it('suggests exactly the parameters whose conditions hold, through the study', async () => {
    const space = parseSearchSpace(yaml, { source: 'space.yaml' });
    const study = createStudy({ seed: 5 });
    await study.optimize(
      (trial) => {
        const params = suggestFromSpace(trial, space);
        return params.learner === 'gbdt' ? (params.learningRate as number) : (params.C as number);
      },
      { trials: 30 },
    );
    for (const trial of study.trials()) {
      const keys = Object.keys(trial.params).sort();
      expect(keys).toEqual(
        trial.params.learner === 'gbdt'
          ? ['learner', 'learningRate', 'maxDepth', 'subsample']
          : ['C', 'learner', 'subsample'],
      );
      expect(Number.isInteger(Math.round((trial.params.subsample as number) * 10))).toBe(true);
    }
    expect(new Set(study.trials().map((t) => t.params.learner)).size).toBe(2);
  });

  it('reads JSON and an object the same way, and round-trips through spaceToJSON', () => {
    const space = parseSearchSpace(yaml);
    const json = spaceToJSON(space);
    expect(parseSearchSpace(JSON.stringify(json))).toEqual(space);
    expect(parseSearchSpace(json)).toEqual(space);
  });

  it.each([
    [
      'x: { type: flaot, low: 0, high: 1 }',
      /"x".*type "flaot"; use float, int or categorical.*line 1, column 4/,
    ],
    [
      'x: { type: float, low: 0, high: 1, lgo: true }',
      /unknown key "lgo".*space\.yaml line 1, column \d+/,
    ],
    ['x: { type: float, high: 1 }', /"x".*needs a numeric low/],
    ['x: { type: float, low: 2, high: 1 }', /"x"/],
    ['x: { type: float, low: 0, high: 1, log: true }', /"x"/],
    ['x: { type: float, low: 1, high: 2, log: true, step: 0.5 }', /"x"/],
    ['x: { type: categorical, choices: [] }', /"x"/],
    [
      'x: { type: float, low: 0, high: 1, when: { y: a } }',
      /depends on "y", which the space does not declare/,
    ],
    [
      'y: { type: categorical, choices: [a, b] }\nx: { type: float, low: 0, high: 1, when: { y: c } }',
      /depends on y = "c", a value y cannot take.*line 2/,
    ],
    [
      'a: { type: categorical, choices: [u, v], when: { b: u } }\nb: { type: categorical, choices: [u, v], when: { a: u } }',
      /go in a circle: a → b → a/,
    ],
    ['x: [1, 2', /not valid YAML \(line 1/],
    ['- 1\n- 2', /must be a mapping/],
    ['{}', /declares no parameters/],
  ])('explains %j', (text, message) => {
    expect(() => parseSearchSpace(text, { source: 'space.yaml' })).toThrow(InvalidParameterError);
    expect(() => parseSearchSpace(text, { source: 'space.yaml' })).toThrow(message);
  });
});
