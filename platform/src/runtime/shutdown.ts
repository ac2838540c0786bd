import type { Logger } from '../observability/logger.ts';

/**
 * On SIGTERM or SIGINT: stop accepting, let in-flight requests finish (up to
 * `timeoutMs`), close the pool and exit 0. A second signal exits at once.
 */
export function closeOnSignals(close: () => Promise<void>, logger: Logger, timeoutMs: number, exit: (code: number) => void = process.exit): void {
  let shuttingDown = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (shuttingDown) {
      logger.warn({ signal }, 'second signal: exiting now');
      exit(1);
      return;
    }
    shuttingDown = true;
    logger.info({ signal }, 'shutting down: draining in-flight requests');
    const timer = setTimeout(() => {
      logger.error({ timeoutMs }, 'in-flight work did not finish in time; exiting');
      exit(1);
    }, timeoutMs);
    timer.unref();
    close().then(
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
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}
