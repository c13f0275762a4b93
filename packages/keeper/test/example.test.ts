import { expect } from "chai";
import { join } from "node:path";
import { DEFAULTS, loadConfig } from "../src";

describe("keeper.example.yaml", () => {
  it("parses to exactly the defaults (the documentation cannot drift)", () => {
    expect(loadConfig({ file: join(__dirname, "../keeper.example.yaml"), env: {} })).to.deep.equal(DEFAULTS);
  });
});
