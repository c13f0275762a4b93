// The one calibration of the model (docs/economics.md §4): genuine demand u is not published, so
// it is set so that the LP threshold at x = 1 (price = cost) is F4's 0.70. Every other
// number the checks compare is then a prediction, not a fit.
import { Economy } from "./economy";
import { lpThreshold } from "./boundary";

export const CALIBRATION_POINT = { x: 1.0, y: 0.7 };

/** Bisection on u ∈ [0, 1] (the threshold falls as u rises). */
export function calibrateUtilisation(eco: Economy, tol = 1e-4): number {
  let [lo, hi] = [0, 1];
  while (hi - lo > tol) {
    const mid = (lo + hi) / 2;
    if (lpThreshold({ ...eco, utilisation: mid }, CALIBRATION_POINT.x, true) > CALIBRATION_POINT.y) lo = mid;
    else hi = mid;
  }
  return Math.round(((lo + hi) / 2) * 1e4) / 1e4;
}
