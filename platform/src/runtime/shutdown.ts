import type { Logger } from '../observability/logger.ts';

export interface Stoppable {
  /** Readiness lost, keep-alive connections closed after their next answer; requests still served. */
  stopAcceptingTraffic(): void;
  /** Stops accepting, finishes in-flight requests and deliveries, closes the database. */
  close(): Promise<void>;
}

export interface ShutdownOptions {
  /** How long in-flight work may take once the listener is closed. */
  timeoutMs: number;
  /** SIGTERM only: how long the process keeps serving, unready, before it closes its listener. */
  delayMs: number;
  exit?: (code: number) => void;
}

/**
 * On SIGTERM: /health/ready answers 503 at once but requests are still
 * served for `delayMs`, the time a load balancer needs to take the process
 * out of its rotation (closing the listener first would refuse the requests
 * it still sends meanwhile); then stop accepting, let in-flight requests
 * finish (up to `timeoutMs`), close the pool and exit 0. SIGINT (Ctrl-C in a
 * terminal: no balancer to wait for) skips the delay. A second signal exits
 * at once. Returns what removes the handlers (for tests).
 */
export function closeOnSignals(target: Stoppable, logger: Logger, options: ShutdownOptions): () => void {
  const exit = options.exit ?? process.exit;
  let shuttingDown = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (shuttingDown) {
      logger.warn({ signal }, 'second signal: exiting now');
      exit(1);
      return;
    }
    shuttingDown = true;
    const delayMs = signal === 'SIGTERM' ? options.delayMs : 0;
    target.stopAcceptingTraffic();
    logger.info({ signal, delayMs }, 'shutting down: unready, still serving while the load balancer takes this replica out');
    setTimeout(() => {
      logger.info('shutting down: no new connections, draining in-flight requests');
      const timer = setTimeout(() => {
        logger.error({ timeoutMs: options.timeoutMs }, 'in-flight work did not finish in time; exiting');
        exit(1);
      }, options.timeoutMs);
      timer.unref();
      target.close().then(
        () => {
          clearTimeout(timer);
          logger.info('stopped cleanly');
          exit(0);
        },
        (error: unknown) => {
          logger.error({ err: error }, 'shutdown failed');
          exit(1);
        },
      );
    }, delayMs);
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
  return () => {
    process.off('SIGTERM', onSignal);
    process.off('SIGINT', onSignal);
  };
}
