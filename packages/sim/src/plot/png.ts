// SVG → PNG with @resvg/resvg-js (prebuilt native binding, no install script). System fonts are
// loaded so text renders; DejaVu Sans is the default where it exists.
import { Resvg } from "@resvg/resvg-js";
import { writeFileSync } from "node:fs";

export function writeSvgAndPng(basePath: string, svg: string, scale = 2): { svg: string; png: string } {
  writeFileSync(`${basePath}.svg`, svg);
  const png = new Resvg(svg, {
    fitTo: { mode: "zoom", value: scale },
    font: { loadSystemFonts: true, defaultFontFamily: "DejaVu Sans" },
  })
    .render()
    .asPng();
  writeFileSync(`${basePath}.png`, png);
  return { svg: `${basePath}.svg`, png: `${basePath}.png` };
}
