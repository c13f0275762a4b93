// Prometheus metrics (prom-client), one registry per keeper so several can live in one process.
import { Counter, Gauge, Registry, collectDefaultMetrics } from "prom-client";

export class Metrics {
  readonly registry = new Registry();
  /** Stakes past their end and not yet settled (all pools), at the last run. */
  readonly backlog = new Gauge({ name: "pinfi_keeper_backlog_stakes", help: "Expired stakes not yet settled", registers: [this.registry] });
  /** Of the backlog, those that cannot settle yet because their epoch is not closed. */
  readonly waitingForEpoch = new Gauge({ name: "pinfi_keeper_stakes_waiting_for_epoch", help: "Expired stakes whose last epoch is not closed yet", registers: [this.registry] });
  /** Epochs whose end passed but that are not closed (protocol), and the worst pool's lag. */
  readonly epochLag = new Gauge({ name: "pinfi_keeper_epoch_lag", help: "Due epochs not yet closed", labelNames: ["scope"], registers: [this.registry] });
  readonly rentalsWaiting = new Gauge({ name: "pinfi_keeper_rentals_waiting", help: "Rentals waiting for devices (when the rentals crank is enabled)", registers: [this.registry] });
  readonly failures = new Counter({ name: "pinfi_keeper_failures_total", help: "Failed crank attempts by error name and crank", labelNames: ["error", "crank"], registers: [this.registry] });
  readonly done = new Counter({ name: "pinfi_keeper_done_total", help: "Crank items completed, by who did them (self, or already done by someone else)", labelNames: ["crank", "by"], registers: [this.registry] });
  readonly transactions = new Counter({ name: "pinfi_keeper_transactions_total", help: "Transactions sent (landed) by crank", labelNames: ["crank"], registers: [this.registry] });
  readonly batchSize = new Gauge({ name: "pinfi_keeper_last_batch_settlements", help: "Settlements in the last settlement transaction", registers: [this.registry] });
  readonly runs = new Counter({ name: "pinfi_keeper_runs_total", help: "Crank runs by result", labelNames: ["result"], registers: [this.registry] });
  readonly slot = new Gauge({ name: "pinfi_keeper_slot", help: "Last slot read from the RPC", registers: [this.registry] });
  readonly lastSuccess = new Gauge({ name: "pinfi_keeper_last_success_timestamp_seconds", help: "Unix time of the last fully successful run", registers: [this.registry] });

  constructor(defaults = false) {
    if (defaults) collectDefaultMetrics({ register: this.registry, prefix: "pinfi_keeper_" });
  }
}
