/**
 * Dense Cholesky factorisation A = L·Lᵀ of a symmetric m × m matrix stored row-major, reading
 * only the lower triangle (j ≤ i) and overwriting it with L; the strict upper triangle is left
 * untouched. Returns false when a pivot is not safely positive: ≤ m·ε times the largest diagonal
 * entry (or not finite), i.e. A is not positive definite to working precision.
 *
 * @example
 * const A = new Float64Array([4, 0, 2, 3]); // [[4, 2], [2, 3]], lower triangle read
 * choleskyFactor(A, 2);                     // true; A's lower triangle is now L
 * const b = new Float64Array([2, 1]);
 * choleskySolve(A, 2, b);                   // b = A⁻¹·[2, 1] = [0.5, 0]
 */
export function choleskyFactor(A: Float64Array, m: number): boolean {
  let largest = 0;
  for (let i = 0; i < m; i++) largest = Math.max(largest, Math.abs(A[i * m + i]));
  const floor = m * 2.220446049250313e-16 * largest;
  for (let j = 0; j < m; j++) {
    const rowJ = j * m;
    let pivot = A[rowJ + j];
    for (let k = 0; k < j; k++) pivot -= A[rowJ + k] * A[rowJ + k];
    if (!(pivot > floor) || !Number.isFinite(pivot)) return false;
    const diagonal = Math.sqrt(pivot);
    A[rowJ + j] = diagonal;
    const inverse = 1 / diagonal;
    for (let i = j + 1; i < m; i++) {
      const rowI = i * m;
      let s = A[rowI + j];
      for (let k = 0; k < j; k++) s -= A[rowI + k] * A[rowJ + k];
      A[rowI + j] = s * inverse;
    }
  }
  return true;
}

/** Solves L·Lᵀ·x = b in place (b becomes x), with L from {@link choleskyFactor}. */
export function choleskySolve(L: Float64Array, m: number, b: Float64Array): void {
  for (let i = 0; i < m; i++) {
    const row = i * m;
    let s = b[i];
    for (let k = 0; k < i; k++) s -= L[row + k] * b[k];
    b[i] = s / L[row + i];
  }
  for (let i = m - 1; i >= 0; i--) {
    let s = b[i];
    for (let k = i + 1; k < m; k++) s -= L[k * m + i] * b[k];
    b[i] = s / L[i * m + i];
  }
}
