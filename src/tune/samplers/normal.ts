/**
 * Standard-normal helpers for the Parzen estimator: CDF, quantile, and truncated draws and
 * densities. Truncation intervals in the upper tail are mirrored into the lower tail, where
 * the CDF keeps its relative precision (1 − Φ(z) loses it as z grows).
 */
import type { Rng } from '../../data/rng.js';

/** log √(2π), the standard normal density's normaliser. */
export const LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

/** erfc by a Chebyshev fit (Numerical Recipes' erfcc), relative error < 1.2e-7 everywhere. */
export function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t *
                      (-0.18628806 +
                        t *
                          (0.27886807 +
                            t *
                              (-1.13520398 +
                                t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? r : 2 - r;
}

/** Φ(z), the standard normal CDF. */
export function normalCdf(z: number): number {
  return 0.5 * erfc(-z / Math.SQRT2);
}

/** Φ⁻¹(p) by Acklam's rational approximation plus one Halley step against `normalCdf`. */
export function normalQuantile(p: number): number {
  if (p <= 0) return -Infinity;
  if (p >= 1) return Infinity;
  const low = 0.02425;
  let x: number;
  if (p < low || p > 1 - low) {
    const q = Math.sqrt(-2 * Math.log(p < low ? p : 1 - p));
    x =
      (((((-7.784894002430293e-3 * q - 3.223964580411365e-1) * q - 2.400758277161838) * q -
        2.549732539343734) *
        q +
        4.374664141464968) *
        q +
        2.938163982698783) /
      ((((7.784695709041462e-3 * q + 3.224671290700398e-1) * q + 2.445134137142996) * q +
        3.754408661907416) *
        q +
        1);
    if (p > 1 - low) x = -x;
  } else {
    const q = p - 0.5;
    const r = q * q;
    x =
      ((((((-3.969683028665376e1 * r + 2.209460984245205e2) * r - 2.759285104469687e2) * r +
        1.38357751867269e2) *
        r -
        3.066479806614716e1) *
        r +
        2.506628277459239) *
        q) /
      (((((-5.447609879822406e1 * r + 1.615858368580409e2) * r - 1.556989798598866e2) * r +
        6.680131188771972e1) *
        r -
        1.328068155288572e1) *
        r +
        1);
  }
  const error = normalCdf(x) - p;
  const u = error * Math.sqrt(2 * Math.PI) * Math.exp((x * x) / 2);
  return x - u / (1 + (x * u) / 2);
}

/** log Φ-mass of [a, b] (standardised bounds), computed in the lower tail for accuracy. */
export function logNormalMass(a: number, b: number): number {
  const mass = a > 0 ? normalCdf(-a) - normalCdf(-b) : normalCdf(b) - normalCdf(a);
  return Math.log(Math.max(mass, Number.MIN_VALUE));
}

/** A draw from N(mu, sigma²) truncated to [low, high], by inverting the CDF. */
export function sampleTruncatedNormal(
  mu: number,
  sigma: number,
  low: number,
  high: number,
  rng: Rng,
): number {
  const a = (low - mu) / sigma;
  const b = (high - mu) / sigma;
  // Upper-tail interval: draw −z from [−b, −a] instead.
  const mirrored = a > 0;
  const lo = mirrored ? -b : a;
  const hi = mirrored ? -a : b;
  const pLow = normalCdf(lo);
  const pHigh = normalCdf(hi);
  let z = normalQuantile(pLow + (pHigh - pLow) * rng.next());
  if (!(z >= lo)) z = lo;
  if (z > hi) z = hi;
  const x = mu + sigma * (mirrored ? -z : z);
  return Math.min(high, Math.max(low, x));
}
