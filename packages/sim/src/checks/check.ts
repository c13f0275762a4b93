// One row of the check table: a §9 item of protocol-notes, its target, what the model measured.
export interface Check {
  /** Item number of protocol-notes §9, with a suffix per sub-check ("3@1.20", "4c"). */
  id: string;
  item: number;
  title: string;
  target: string;
  measured: string;
  tolerance: string;
  pass: boolean;
  /** The target was used to set a parameter (docs/economics.md §4): agreement is not evidence. */
  calibrated?: boolean;
  note?: string;
}

export const fmt = (v: number | undefined, digits = 3): string => (v === undefined || Number.isNaN(v) ? "—" : v.toFixed(digits));

export const within = (measured: number | undefined, target: number, tol: number): boolean =>
  measured !== undefined && Math.abs(measured - target) <= tol + 1e-12;
