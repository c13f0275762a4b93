// Which roles are active in a cell, as a bit set (one name per role, used everywhere).
export const LP = 1;
export const SELLER = 2;
export const GENUINE = 4;
export const SPECULATOR = 8;

export const ROLE_NAMES: [number, string][] = [
  [LP, "LP"],
  [SELLER, "seller"],
  [GENUINE, "genuine"],
  [SPECULATOR, "speculator"],
];

export const describe = (labels: number): string =>
  ROLE_NAMES.filter(([bit]) => labels & bit)
    .map(([, name]) => name)
    .join("+") || "none";
