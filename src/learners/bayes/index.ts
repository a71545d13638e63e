export { CategoricalNB } from './categorical-nb.js';
export type { CategoricalNBOptions } from './categorical-nb.js';
export { GaussianNB } from './gaussian-nb.js';
export type { GaussianNBOptions } from './gaussian-nb.js';
