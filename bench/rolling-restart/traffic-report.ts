/** The figures of the rolling-restart benchmark's traffic. */

export interface Outcome {
  call: string;
  ok: boolean;
  status: number;
  /** Why it failed: an unexpected status (and problem type) or a network error. */
  cause?: string;
  /** From the first byte sent to the last byte received. */
  ms: number;
  /** When it was sent, from the start of the traffic. */
  atMs: number;
}

export interface Summary {
  sent: number;
  failed: number;
  lines: string[];
}

function percentile(sorted: number[], p: number): number {
  return sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const ms = (value: number) => `${value.toFixed(1)} ms`;

export function summarise(outcomes: Outcome[]): Summary {
  const failures = outcomes.filter((outcome) => !outcome.ok);
  const latencies = outcomes.map((outcome) => outcome.ms).sort((a, b) => a - b);
  const worst = outcomes.reduce<Outcome | undefined>((max, outcome) => (max === undefined || outcome.ms > max.ms ? outcome : max), undefined);
  const lines = [
    `  requests sent: ${outcomes.length} over ${((Math.max(0, ...outcomes.map((o) => o.atMs)) + 1) / 1000).toFixed(1)} s, failed: ${failures.length}`,
    `  latency: p50 ${ms(percentile(latencies, 50))}, p99 ${ms(percentile(latencies, 99))}, p99.9 ${ms(percentile(latencies, 99.9))}, ` +
      `worst ${worst === undefined ? '-' : `${ms(worst.ms)} (${worst.call} at ${(worst.atMs / 1000).toFixed(2)} s)`}`,
  ];
  const byCall = new Map<string, number[]>();
  for (const outcome of outcomes) byCall.set(outcome.call, [...(byCall.get(outcome.call) ?? []), outcome.ms]);
  for (const [call, samples] of byCall) {
    samples.sort((a, b) => a - b);
    lines.push(`    ${call.padEnd(20)} ${String(samples.length).padStart(6)}  p50 ${ms(percentile(samples, 50))}  p99 ${ms(percentile(samples, 99))}`);
  }
  const causes = new Map<string, Outcome[]>();
  for (const failure of failures) causes.set(`${failure.call}: ${failure.cause}`, [...(causes.get(`${failure.call}: ${failure.cause}`) ?? []), failure]);
  if (causes.size > 0) lines.push('  failed by cause:');
  for (const [cause, list] of causes) {
    lines.push(`    ${String(list.length).padStart(5)} × ${cause} (first at ${(list[0]!.atMs / 1000).toFixed(2)} s)`);
  }
  return { sent: outcomes.length, failed: failures.length, lines };
}
