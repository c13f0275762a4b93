import { expect } from "chai";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { phaseDiagramSvg } from "../src/plot/phase";
import { writeSvgAndPng } from "../src/plot/png";
import { linesSvg } from "../src/plot/lines";
import { DEFAULT_ECONOMY, PANELS } from "../src/model/economy";
import { sweep } from "../src/model/sweep";

process.env.PINFI_SIM_QUIET = "1";

describe("plots", function () {
  this.timeout(60_000);

  it("writes the phase diagram as SVG and renders it to PNG", () => {
    const panels = sweep(DEFAULT_ECONOMY, { x: { min: 0, max: 3, step: 0.1 }, y: { min: 0, max: 1.5, step: 0.1 } }, PANELS);
    const svg = phaseDiagramSvg(panels, {}, "test");
    expect(svg.startsWith("<svg")).to.equal(true);
    expect(svg).to.contain("(e) x_g = 1.3");
    const dir = mkdtempSync(join(tmpdir(), "pinfi-sim-"));
    const out = writeSvgAndPng(join(dir, "phase"), svg, 1);
    const png = readFileSync(out.png);
    expect(png.subarray(1, 4).toString()).to.equal("PNG");
    expect(png.readUInt32BE(16)).to.equal(1300);
  });

  it("line charts skip non-finite points instead of writing NaN", () => {
    const svg = linesSvg([{ title: "t", xLabel: "x", yLabel: "y", series: [{ label: "s", color: "#000", points: [[0, 1], [1, NaN], [2, 3]] }] }]);
    expect(svg).to.not.contain("NaN");
  });
});
