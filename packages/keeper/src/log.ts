import pino, { DestinationStream, Logger } from "pino";

/** Structured JSON lines (pino) on stdout, or on `destination`. */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino({ level, base: { service: "pinfi-keeper" }, timestamp: pino.stdTimeFunctions.isoTime, formatters: { level: (label) => ({ level: label }) } }, destination);
}
