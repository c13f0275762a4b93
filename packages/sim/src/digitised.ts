// The paper's Fig. 4 as digitised in protocol-notes §4.4 [DIG] (±0.005 axis units), and the
// published LooPIN numbers of §9.2. Targets only: nothing here feeds the model.

/** F4's LP/seller boundary, sellers below: the fit 0.696·x^0.71 + 0.006 (rms 0.001). */
export const fDigitised = (x: number): number => 0.696 * Math.pow(x, 0.71) + 0.006;

/** §9.1 item 3: points read on f. */
export const F_POINTS: [number, number][] = [
  [1.0, 0.7],
  [1.2, 0.8],
  [1.3, 0.844],
  [1.5, 0.933],
  [2.0, 1.144],
  [2.5, 1.339],
  [2.9, 1.491],
];

/** Speculating-buyer region x < 0.70 and y < 0.70; sellers only for x > 1.00. */
export const SPECULATOR_EDGE = { x: 0.7, y: 0.7 };
export const SELLER_EDGE_X = 1.0;

/** §9.1 items 4–5: genuine-buyer cut-off and LP equilibrium limit per panel. */
export const PANEL_TARGETS: Record<string, { xg: number; limit?: [number, number] }> = {
  a: { xg: 0.7 },
  b: { xg: 1.0, limit: [1.0, 0.7] },
  c: { xg: 1.32, limit: [1.32, 0.85] },
  d: { xg: 1.31 },
  e: { xg: 1.3, limit: [1.31, 0.845] },
};

/** §9.1 item 6: the trajectory at y = 0.79 meets f at x = 1.17; at y ≥ 0.845 not before x_g = 1.31. */
export const TRAJECTORY = { y: 0.79, crossAt: 1.17, highY: 0.845, xg: 1.31 };

/** §4.4 panel (e) trajectories, x from 1 to x_g at fixed y. */
export const PANEL_E_TRAJECTORIES = [
  { id: "pA", y: 0.95 },
  { id: "pB", y: 0.85 },
  { id: "pC", y: 0.79 },
  { id: "pD", y: 0.7 },
];

/** §3.4 docs snapshot: hourly pool price and standard daily reward per GPU (LOOPIN). */
export const SNAPSHOT: { gpu: string; price: number; earn: number }[] = [
  { gpu: "RTX 4090", price: 0.5469, earn: 21.5 },
  { gpu: "A100", price: 1.3051, earn: 52.26 },
  { gpu: "RTX 3090", price: 0.295, earn: 11.67 },
  { gpu: "A5000", price: 0.2935, earn: 11.55 },
  { gpu: "A6000", price: 0.8241, earn: 32.44 },
  { gpu: "H100", price: 3.9984, earn: 157.41 },
];

/** Tolerance of §9.6 on the digitised items, in axis units. */
export const AXIS_TOLERANCE = 0.02;
